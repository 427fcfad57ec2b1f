"""Reads for the buurtanalyse, scoped to the user; the report costs a fixed number of queries."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from buurten.analyse.models import (
    Bevinding,
    Buurtanalyse,
    Indicator,
    IndicatorWaarde,
    Uitdaging,
    Werkingsfase,
)
from buurten.models import Buurt
from buurten.permissions import buurten_voor
from zorgnet.lib import svg
from zorgnet.lib.choices import BevindingSoort, Thema


def analyses_voor(user, buurt: Buurt) -> QuerySet[Buurtanalyse]:
    """Every version of the buurt's analysis the user may see, newest first."""
    return (
        Buurtanalyse.objects.filter(buurt=buurt, buurt__in=buurten_voor(user))
        .select_related("buurt__gemeente")
        .order_by("-versie")
    )


def huidige_analyse(user, buurt: Buurt) -> Buurtanalyse | None:
    return analyses_voor(user, buurt).first()


def get_analyse_or_404(user, buurt: Buurt, analyse_id: int) -> Buurtanalyse:
    try:
        return analyses_voor(user, buurt).get(pk=analyse_id)
    except Buurtanalyse.DoesNotExist as exc:
        raise Http404(_("Deze analyse bestaat niet of je hebt er geen toegang toe.")) from exc


def uitdagingen_voor(user, buurt: Buurt) -> QuerySet[Uitdaging]:
    """The challenges of the buurt's current (latest) analysis version, for the packages.

    Each challenge keeps `vorige` (the same challenge in the previous version), so a link to a
    challenge of an older version can be followed forward through `volgende`.
    """
    laatste = (
        Buurtanalyse.objects.filter(buurt=OuterRef("analyse__buurt"))
        .order_by("-versie")
        .values("pk")[:1]
    )
    return (
        Uitdaging.objects.filter(analyse__buurt=buurt, analyse__buurt__in=buurten_voor(user))
        .filter(analyse=Subquery(laatste))
        .select_related("analyse")
        .prefetch_related("bevindingen", "verwante")
        .order_by("titel")
    )


def fasen_van(buurt: Buurt) -> list[Werkingsfase]:
    return list(Werkingsfase.objects.filter(buurt=buurt))


# --- the report ----------------------------------------------------------------------------------
@dataclass
class IndicatorRegel:
    """One indicator in the report: its value now, in the baseline, and per version."""

    indicator: Indicator
    huidig: IndicatorWaarde | None
    baseline: IndicatorWaarde | None
    trend: list[tuple[str, IndicatorWaarde | None]]
    grafiek: SafeString | None = None

    @property
    def verschil(self) -> Decimal | None:
        if self.huidig is None or self.baseline is None or self.huidig is self.baseline:
            return None
        return self.huidig.waarde - self.baseline.waarde


@dataclass
class Rapport:
    """Everything the analysis page shows, gathered in a fixed number of queries."""

    analyse: Buurtanalyse
    versies: list[Buurtanalyse]
    baseline: Buurtanalyse | None
    indicatoren: list[IndicatorRegel]
    voorzieningen: list
    bevragingen: list
    bevindingen_per_thema: list[tuple[str, list[Bevinding], list[Bevinding]]]
    uitdagingen: list[Uitdaging]
    fasen: list[Werkingsfase]
    vergelijking: dict = field(default_factory=dict)

    @property
    def noden(self) -> list[Bevinding]:
        return [b for _t, noden, _k in self.bevindingen_per_thema for b in noden]

    @property
    def krachten(self) -> list[Bevinding]:
        return [b for _t, _n, krachten in self.bevindingen_per_thema for b in krachten]


def _laatste(waarden: list[IndicatorWaarde], peildatum) -> IndicatorWaarde | None:
    """The latest value on or before the peildatum (values are sorted by peildatum)."""
    gekozen = None
    for waarde in waarden:
        if waarde.peildatum > peildatum:
            break
        gekozen = waarde
    return gekozen


def _versielabel(versie: Buurtanalyse) -> str:
    return f"v{versie.versie}" + (" (baseline)" if versie.is_baseline else "")


def _grafiek(regel: IndicatorRegel) -> SafeString:
    def reeks(attr: str) -> list[float | None]:
        return [
            float(getattr(w, attr)) if w and getattr(w, attr) is not None else None
            for _l, w in regel.trend
        ]

    reeksen = {_("Buurt"): reeks("waarde")}
    if any(v is not None for v in reeks("gemeente_waarde")):
        reeksen[_("Gemeente")] = reeks("gemeente_waarde")
    if any(v is not None for v in reeks("vlaanderen_waarde")):
        reeksen[_("Vlaanderen")] = reeks("vlaanderen_waarde")
    eenheid = f" ({regel.indicator.eenheid})" if regel.indicator.eenheid else ""
    return svg.lijngrafiek(
        [label for label, _w in regel.trend],
        reeksen,
        titel=f"{regel.indicator.naam}{eenheid}",
        breedte=420,
        hoogte=200,
    )


def buurtanalyse_rapport(user, analyse: Buurtanalyse, *, grafieken: bool = True) -> Rapport:
    """The short report for one version, compared with the baseline and earlier versions."""
    buurt = analyse.buurt
    versies = list(analyses_voor(user, buurt).order_by("versie"))
    baseline = next((v for v in versies if v.is_baseline), None)
    getoond = [v for v in versies if v.versie <= analyse.versie]

    per_indicator: dict[int, list[IndicatorWaarde]] = defaultdict(list)
    indicatoren: dict[int, Indicator] = {}
    for waarde in (
        IndicatorWaarde.objects.filter(buurt=buurt, peildatum__lte=analyse.peildatum)
        .select_related("indicator")
        .order_by("indicator__naam", "peildatum")
    ):
        per_indicator[waarde.indicator_id].append(waarde)
        indicatoren[waarde.indicator_id] = waarde.indicator
    regels = []
    for indicator_id, waarden in per_indicator.items():
        regel = IndicatorRegel(
            indicator=indicatoren[indicator_id],
            huidig=_laatste(waarden, analyse.peildatum),
            baseline=_laatste(waarden, baseline.peildatum) if baseline else None,
            trend=[(_versielabel(v), _laatste(waarden, v.peildatum)) for v in getoond],
        )
        if grafieken:
            regel.grafiek = _grafiek(regel)
        regels.append(regel)

    bevindingen = list(analyse.bevindingen.select_related("bevraging"))
    per_thema: dict[str, tuple[list, list]] = {}
    for b in bevindingen:
        noden, krachten = per_thema.setdefault(b.thema, ([], []))
        (noden if b.soort == BevindingSoort.NOOD else krachten).append(b)
    thema_labels = dict(Thema.choices)
    bevindingen_per_thema = [
        (thema_labels.get(t, t), noden, krachten)
        for t, (noden, krachten) in sorted(per_thema.items())
    ]
    uitdagingen = list(
        analyse.uitdagingen.select_related("vorige").prefetch_related("bevindingen", "verwante")
    )
    rapport = Rapport(
        analyse=analyse,
        versies=versies,
        baseline=baseline,
        indicatoren=regels,
        voorzieningen=list(analyse.voorzieningen.select_related("partner")),
        bevragingen=list(analyse.bevragingen.all()),
        bevindingen_per_thema=bevindingen_per_thema,
        uitdagingen=uitdagingen,
        fasen=fasen_van(buurt),
    )
    if baseline and baseline.pk != analyse.pk and baseline.versie < analyse.versie:
        rapport.vergelijking = _vergelijk_met_baseline(baseline, bevindingen, uitdagingen)
    return rapport


def _basis_voorouder(uitdaging: Uitdaging, basis_ids: set[int], ketting: dict) -> int | None:
    """The baseline challenge this one descends from (through `vorige`), if any."""
    huidig, gezien = uitdaging.vorige_id, set()
    while huidig and huidig not in gezien:
        if huidig in basis_ids:
            return huidig
        gezien.add(huidig)
        huidig = ketting.get(huidig)
    return None


def _vergelijk_met_baseline(baseline: Buurtanalyse, bevindingen, uitdagingen) -> dict:
    """Findings per theme and challenges: baseline versus this version (3 queries)."""
    basis_bevindingen = Counter(
        (t, s) for t, s in Bevinding.objects.filter(analyse=baseline).values_list("thema", "soort")
    )
    nu = Counter((b.thema, b.soort) for b in bevindingen)
    thema_labels = dict(Thema.choices)
    themas = sorted({t for t, _s in basis_bevindingen} | {t for t, _s in nu})
    per_thema = [
        {
            "thema": thema_labels.get(t, t),
            "noden_baseline": basis_bevindingen[(t, BevindingSoort.NOOD)],
            "noden_nu": nu[(t, BevindingSoort.NOOD)],
            "krachten_baseline": basis_bevindingen[(t, BevindingSoort.KRACHT)],
            "krachten_nu": nu[(t, BevindingSoort.KRACHT)],
        }
        for t in themas
    ]
    basis_uitdagingen = list(Uitdaging.objects.filter(analyse=baseline).order_by("titel"))
    basis_ids = {u.pk for u in basis_uitdagingen}
    # The lineage of every challenge of this buurt, to follow `vorige` back to the baseline.
    ketting = dict(
        Uitdaging.objects.filter(analyse__buurt_id=baseline.buurt_id).values_list("pk", "vorige_id")
    )
    behouden = set()
    nieuw = []
    for u in uitdagingen:
        voorouder = _basis_voorouder(u, basis_ids, ketting)
        if voorouder:
            behouden.add(voorouder)
        else:
            nieuw.append(u)
    verdwenen = [u for u in basis_uitdagingen if u.pk not in behouden]
    return {
        "per_thema": per_thema,
        "nieuwe_uitdagingen": nieuw,
        "verdwenen_uitdagingen": verdwenen,
        "bevindingen_baseline": sum(basis_bevindingen.values()),
        "bevindingen_nu": len(bevindingen),
    }


def sectie_context(request, buurt: Buurt) -> dict:
    """The buurtanalyse block on the buurt overview page."""
    analyse = huidige_analyse(request.user, buurt)
    context = {"analyse": analyse, "fasen": fasen_van(buurt)}
    if analyse:
        context["aantal_bevindingen"] = analyse.bevindingen.count()
        context["aantal_uitdagingen"] = analyse.uitdagingen.count()
        context["baseline"] = (
            analyse
            if analyse.is_baseline
            else Buurtanalyse.objects.filter(buurt=buurt, is_baseline=True).first()
        )
    return context
