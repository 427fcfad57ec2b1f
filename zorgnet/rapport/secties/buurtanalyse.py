"""Report section 'buurtanalyse'."""

from collections import Counter, defaultdict

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurten.analyse.models import Bevinding, Buurtanalyse, IndicatorWaarde, Uitdaging
from buurten.analyse.selectors import _laatste
from zorgnet.lib.choices import BevindingSoort, Thema
from zorgnet.rapport.sectie import RapportSectie, Scope


# --- 20 buurtanalyse --------------------------------------------------------------------------
def buurtanalyse_gegevens(scope: Scope) -> dict | None:
    """Per buurt the latest analysis version up to the end of the period, compared with its
    baseline: five queries over all buurten together (the buurtanalyse page's rules, batched)."""
    versies = list(
        Buurtanalyse.objects.filter(buurt_id__in=scope.buurt_ids)
        .select_related("buurt")
        .order_by("buurt__naam", "buurt_id", "versie")
    )
    gekozen: dict[int, Buurtanalyse] = {}
    baselines: dict[int, Buurtanalyse] = {}
    for v in versies:
        if v.peildatum <= scope.tot:
            gekozen[v.buurt_id] = v  # ordered by version: the last one wins
        if v.is_baseline:
            baselines[v.buurt_id] = v
    if not gekozen:
        return None
    nodig = {v.pk for v in gekozen.values()} | {v.pk for v in baselines.values()}
    tellingen: Counter = Counter()
    for rij in (
        Bevinding.objects.filter(analyse_id__in=nodig)
        .values("analyse_id", "thema", "soort")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        tellingen[(rij["analyse_id"], rij["thema"], rij["soort"])] += rij["n"]
    uitdagingen: dict[int, list[tuple[int, str]]] = defaultdict(list)
    ketting: dict[int, int | None] = {}
    for pk, vorige, analyse_id, titel in (
        Uitdaging.objects.filter(analyse__buurt_id__in=gekozen)
        .order_by("titel", "pk")
        .values_list("pk", "vorige_id", "analyse_id", "titel")
    ):
        ketting[pk] = vorige
        uitdagingen[analyse_id].append((pk, titel))
    waarden: dict[int, list] = defaultdict(list)
    for w in (
        IndicatorWaarde.objects.filter(buurt_id__in=gekozen, peildatum__lte=scope.tot)
        .select_related("indicator")
        .order_by("indicator__naam", "indicator_id", "peildatum")
    ):
        waarden[w.buurt_id].append(w)

    per_buurt = []
    for buurt_id, versie in sorted(gekozen.items(), key=lambda i: i[1].buurt.naam):
        baseline = baselines.get(buurt_id)
        per_buurt.append(
            {
                "buurt": versie.buurt.naam,
                "versie": versie.versie,
                "titel": versie.titel,
                "peildatum": versie.peildatum,
                "samenvatting": versie.samenvatting,
                "baseline": baseline.versie if baseline else None,
                "noden": _som(tellingen, versie.pk, BevindingSoort.NOOD),
                "krachten": _som(tellingen, versie.pk, BevindingSoort.KRACHT),
                "uitdagingen": [t for _pk, t in uitdagingen[versie.pk]],
                "indicatoren": _indicatoren(waarden[buurt_id], versie, baseline),
                "vergelijking": _vergelijking(versie, baseline, tellingen, uitdagingen, ketting),
            }
        )
    return {"per_buurt": per_buurt}


def _som(tellingen: Counter, analyse_id: int, soort: str, thema: str | None = None) -> int:
    return sum(
        n
        for (a, t, s), n in tellingen.items()
        if a == analyse_id and s == soort and (thema is None or t == thema)
    )


def _indicatoren(waarden: list, versie, baseline) -> list[dict]:
    per: dict[int, list] = {}
    for w in waarden:
        if w.peildatum <= versie.peildatum:
            per.setdefault(w.indicator_id, []).append(w)
    regels = []
    for lijst in per.values():
        huidig = _laatste(lijst, versie.peildatum)
        basis = _laatste(lijst, baseline.peildatum) if baseline else None
        verschil = (
            huidig.waarde - basis.waarde
            if huidig is not None and basis is not None and huidig is not basis
            else None
        )
        indicator = lijst[0].indicator
        regels.append(
            {
                "naam": indicator.naam,
                "eenheid": indicator.eenheid,
                "huidig": huidig.waarde if huidig else None,
                "baseline": basis.waarde if basis else None,
                "verschil": verschil,
            }
        )
    return regels


def _vergelijking(versie, baseline, tellingen, uitdagingen, ketting) -> dict:
    """Findings per theme and challenges: baseline versus this version (as on the analysis page)."""
    if not baseline or baseline.pk == versie.pk or baseline.versie >= versie.versie:
        return {}
    labels = dict(Thema.choices)
    themas = sorted({t for a, t, _s in tellingen if a in (versie.pk, baseline.pk)})
    basis = uitdagingen[baseline.pk]
    basis_ids = {pk for pk, _t in basis}
    behouden, nieuw = set(), []
    for pk, titel in uitdagingen[versie.pk]:
        voorouder = _basis_voorouder_id(ketting.get(pk), basis_ids, ketting)
        if voorouder:
            behouden.add(voorouder)
        else:
            nieuw.append(titel)

    def n(analyse, soort, thema):
        return _som(tellingen, analyse.pk, soort, thema)

    return {
        "per_thema": [
            {
                "thema": labels.get(t, t),
                "noden_baseline": n(baseline, BevindingSoort.NOOD, t),
                "noden_nu": n(versie, BevindingSoort.NOOD, t),
                "krachten_baseline": n(baseline, BevindingSoort.KRACHT, t),
                "krachten_nu": n(versie, BevindingSoort.KRACHT, t),
            }
            for t in themas
        ],
        "nieuwe_uitdagingen": nieuw,
        "verdwenen_uitdagingen": [t for pk, t in basis if pk not in behouden],
    }


def _basis_voorouder_id(huidig: int | None, basis_ids: set[int], ketting: dict) -> int | None:
    gezien: set[int] = set()
    while huidig and huidig not in gezien:
        if huidig in basis_ids:
            return huidig
        gezien.add(huidig)
        huidig = ketting.get(huidig)
    return None


def buurtanalyse_bladen(g: dict) -> dict:
    return {
        _("Buurtanalyse"): (
            [_("Buurt"), _("Versie"), _("Peildatum"), _("Noden"), _("Krachten"), _("Uitdagingen")],
            [
                [
                    b["buurt"],
                    b["versie"],
                    b["peildatum"],
                    b["noden"],
                    b["krachten"],
                    len(b["uitdagingen"]),
                ]
                for b in g["per_buurt"]
            ],
        ),
        _("Indicatoren"): (
            [_("Buurt"), _("Indicator"), _("Eenheid"), _("Nu"), _("Baseline"), _("Verschil")],
            [
                [
                    b["buurt"],
                    i["naam"],
                    i["eenheid"],
                    _getal(i["huidig"]),
                    _getal(i["baseline"]),
                    _getal(i["verschil"]),
                ]
                for b in g["per_buurt"]
                for i in b["indicatoren"]
            ],
        ),
    }


def _getal(waarde):
    return float(waarde) if waarde is not None else None


def buurtanalyse_kerncijfers(g: dict) -> list:
    return [
        (_("Uitdagingen in de analyse"), sum(len(b["uitdagingen"]) for b in g["per_buurt"])),
        (_("Vastgestelde noden"), sum(b["noden"] for b in g["per_buurt"])),
    ]


SECTIE = RapportSectie(
    "buurtanalyse",
    gettext_lazy("Buurtanalyse"),
    20,
    buurtanalyse_gegevens,
    "rapport/secties/buurtanalyse.html",
    buurtanalyse_bladen,
    buurtanalyse_kerncijfers,
)
