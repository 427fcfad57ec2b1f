"""The report sections zorgnet/rapport contributes itself, read through the apps' selectors.

Each `gegevens(scope)` returns None when there is nothing for the scope and period, so the section
is left out. Counts of signals and residents stay raw here; templates pass them through the
`klein_aantal` filter and the XLSX sheets through `zorgnet.lib.kleine_aantallen.klein_aantal`.
"""

from collections import Counter
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten import acties_selectors as acties
from activiteiten.models import AFGESLOTEN_ACTIESTATUSSEN
from buurten import analyse_selectors as analyse
from buurten.models import Buurt
from partners import selectors as partners
from zorgnet.lib import svg
from zorgnet.lib.choices import Doelgroep, Intensiteit, Sector
from zorgnet.lib.kleine_aantallen import klein_aantal

from .registry import RapportSectie, Scope, registreer_rapportsectie


class _Systeemlezer:
    """Reads for a report whose scope the view already authorised (the job has no request)."""

    is_authenticated = True
    is_superuser = True
    is_anonymous = False
    pk = None


SYSTEEM = _Systeemlezer()


def _buurten(scope: Scope) -> list[Buurt]:
    return list(Buurt.objects.filter(pk__in=scope.buurt_ids).select_related("gemeente"))


def _kort(label, lengte: int = 22) -> str:
    label = str(label)
    return label if len(label) <= lengte else label[: lengte - 1].rstrip() + "…"


def _grafiek(rijen, titel: str):
    rijen = [(_kort(label), n) for label, n in rijen if n]
    return svg.staafgrafiek(rijen, titel=titel, breedte=520) if rijen else None


# --- 20 buurtanalyse --------------------------------------------------------------------------
def buurtanalyse_gegevens(scope: Scope) -> dict | None:
    per_buurt = []
    for buurt in _buurten(scope):
        versie = analyse.analyses_voor(SYSTEEM, buurt).filter(peildatum__lte=scope.tot).first()
        if versie is None:
            continue
        r = analyse.buurtanalyse_rapport(SYSTEEM, versie, grafieken=False)
        per_buurt.append(
            {
                "buurt": buurt.naam,
                "versie": versie.versie,
                "titel": versie.titel,
                "peildatum": versie.peildatum,
                "samenvatting": versie.samenvatting,
                "baseline": r.baseline.versie if r.baseline else None,
                "noden": len(r.noden),
                "krachten": len(r.krachten),
                "uitdagingen": [u.titel for u in r.uitdagingen],
                "indicatoren": [
                    {
                        "naam": regel.indicator.naam,
                        "eenheid": regel.indicator.eenheid,
                        "huidig": regel.huidig.waarde if regel.huidig else None,
                        "baseline": regel.baseline.waarde if regel.baseline else None,
                        "verschil": regel.verschil,
                    }
                    for regel in r.indicatoren
                ],
                "vergelijking": r.vergelijking,
            }
        )
    if not per_buurt:
        return None
    return {"per_buurt": per_buurt}


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


# --- 40 acties ----------------------------------------------------------------------------------
def _acties(scope: Scope) -> list:
    lijst = []
    for buurt in _buurten(scope):
        qs = acties.filter_acties(acties.acties_van(buurt), van=scope.van, tot=scope.tot)
        lijst.extend(qs.prefetch_related("bouwstenen", "pijlers"))
    return lijst


def acties_gegevens(scope: Scope) -> dict | None:
    lijst = _acties(scope)
    if not lijst:
        return None
    from activiteiten.models import Actie

    statuslabels = dict(Actie._meta.get_field("status").choices)
    categorielabels = dict(Actie._meta.get_field("categorie").choices)
    status = Counter(a.status for a in lijst)
    per_status = [(str(label), status[code]) for code, label in statuslabels.items()]
    categorie = Counter(a.categorie for a in lijst)
    per_categorie = [(str(categorielabels.get(c, c)), n) for c, n in categorie.most_common()]
    bouwstenen = Counter(b.naam for a in lijst for b in a.bouwstenen.all())
    pijlers = Counter(p.naam for a in lijst for p in a.pijlers.all())
    hoogtepunten = sorted(
        (a for a in lijst if a.status in AFGESLOTEN_ACTIESTATUSSEN),
        key=lambda a: (-(a.deelnemers or 0), a.startdatum),
    )[:5]
    return {
        "aantal": len(lijst),
        "afgerond": sum(1 for a in lijst if a.status in AFGESLOTEN_ACTIESTATUSSEN),
        "per_status": per_status,
        "per_categorie": per_categorie,
        "per_bouwsteen": sorted(bouwstenen.items()),
        "per_pijler": sorted(pijlers.items()),
        "grafiek_status": _grafiek(per_status, _("Acties per status")),
        "grafiek_bouwsteen": _grafiek(sorted(bouwstenen.items()), _("Acties per bouwsteen")),
        "grafiek_pijler": _grafiek(sorted(pijlers.items()), _("Acties per pijler")),
        "hoogtepunten": [
            {
                "titel": a.titel,
                "datum": a.startdatum,
                "trekker": a.trekker.naam,
                "deelnemers": a.deelnemers,
                "status": a.get_status_display(),
            }
            for a in hoogtepunten
        ],
    }


def acties_bladen(g: dict) -> dict:
    rijen = [[_("Status"), label, n] for label, n in g["per_status"]]
    rijen += [[_("Categorie"), label, n] for label, n in g["per_categorie"]]
    rijen += [[_("Bouwsteen"), label, n] for label, n in g["per_bouwsteen"]]
    rijen += [[_("Pijler"), label, n] for label, n in g["per_pijler"]]
    return {
        _("Acties"): ([_("Indeling"), _("Waarde"), _("Aantal acties")], rijen),
        _("Hoogtepunten"): (
            [_("Actie"), _("Datum"), _("Trekker"), _("Status"), _("Deelnemers")],
            [
                [h["titel"], h["datum"], h["trekker"], h["status"], klein_aantal(h["deelnemers"])]
                for h in g["hoogtepunten"]
            ],
        ),
    }


def acties_kerncijfers(g: dict) -> list:
    return [(_("Acties in de periode"), g["aantal"]), (_("Afgerond of geborgd"), g["afgerond"])]


# --- 50 bereik ----------------------------------------------------------------------------------
def bereik_gegevens(scope: Scope) -> dict | None:
    lijst = _acties(scope)
    if not lijst:
        return None
    met_deelnemers = [a for a in lijst if a.deelnemers]
    labels = dict(Doelgroep.choices)
    per_doelgroep = Counter(d for a in lijst for d in (a.doelgroepen or []))
    bereikt = [(str(labels.get(d, d)), n) for d, n in per_doelgroep.most_common()]
    niet_bereikt = [str(label) for code, label in Doelgroep.choices if code not in per_doelgroep]
    return {
        "deelnemers": sum(a.deelnemers for a in met_deelnemers),
        "acties_met_deelnemers": len(met_deelnemers),
        "acties": len(lijst),
        "bereikt": bereikt,
        "niet_bereikt": niet_bereikt,
        "grafiek": _grafiek(bereikt, _("Acties per bereikte doelgroep")),
    }


def bereik_bladen(g: dict) -> dict:
    rijen = [[label, _("bereikt"), n] for label, n in g["bereikt"]]
    rijen += [[label, _("niet bereikt"), 0] for label in g["niet_bereikt"]]
    return {
        _("Bereik"): (
            [_("Cijfer"), _("Waarde")],
            [
                [_("Deelnemers (bewoners)"), klein_aantal(g["deelnemers"])],
                [_("Acties met deelnemers"), g["acties_met_deelnemers"]],
                [_("Acties"), g["acties"]],
            ],
        ),
        _("Doelgroepen"): ([_("Doelgroep"), _("Bereikt"), _("Aantal acties")], rijen),
    }


def bereik_kerncijfers(g: dict) -> list:
    return [
        (_("Deelnemers (bewoners)"), klein_aantal(g["deelnemers"])),
        (_("Doelgroepen bereikt"), len(g["bereikt"])),
    ]


# --- 55 partners ---------------------------------------------------------------------------------
def _actief_in(partner, scope: Scope) -> bool:
    """Part of the network during the period: joined before its end, not stopped before it."""
    begin = partner.actief_sinds or partner.aangemaakt_op.date()
    return begin <= scope.tot and not (partner.gestopt_op and partner.gestopt_op < scope.van)


def partners_gegevens(scope: Scope) -> dict | None:
    gezien: dict[int, object] = {}
    for buurt in _buurten(scope):
        for partner in partners.partners_in_buurt(SYSTEEM, buurt):
            if _actief_in(partner, scope):
                gezien.setdefault(partner.pk, partner)
    if not gezien:
        return None
    lijst = sorted(gezien.values(), key=lambda p: p.naam)
    nieuw = [p for p in lijst if p.actief_sinds and scope.van <= p.actief_sinds <= scope.tot]
    sectorlabels = dict(Sector.choices)
    per_sector = Counter(str(sectorlabels.get(p.sector, p.sector)) for p in lijst)
    relaties = list(partners.relaties_voor_netwerk(scope.buurt_ids, op=scope.tot))
    intensiteit = Counter(r.intensiteit for r in relaties)
    per_intensiteit = [(str(label), intensiteit[code]) for code, label in Intensiteit.choices]
    over_sectoren = sum(1 for r in relaties if r.van_partner.sector != r.naar_partner.sector)
    return {
        "aantal": len(lijst),
        "formeel": sum(1 for p in lijst if p.formeel),
        "informeel": sum(1 for p in lijst if not p.formeel),
        "nieuw": [{"naam": p.naam, "sinds": p.actief_sinds} for p in nieuw],
        "per_sector": per_sector.most_common(),
        "relaties": len(relaties),
        "per_intensiteit": per_intensiteit,
        "over_sectoren": over_sectoren,
        "grafiek_sector": _grafiek(per_sector.most_common(), _("Partners per sector")),
        "grafiek_intensiteit": _grafiek(per_intensiteit, _("Relaties per intensiteit")),
    }


def partners_bladen(g: dict) -> dict:
    return {
        _("Partners"): (
            [_("Cijfer"), _("Waarde")],
            [
                [_("Partners"), g["aantal"]],
                [_("Formeel"), g["formeel"]],
                [_("Informeel"), g["informeel"]],
                [_("Nieuwe partners in de periode"), len(g["nieuw"])],
                [_("Relaties"), g["relaties"]],
                [_("Relaties over sectoren heen"), g["over_sectoren"]],
            ]
            + [[_("Sector: %(s)s") % {"s": s}, n] for s, n in g["per_sector"]]
            + [[_("Intensiteit: %(i)s") % {"i": i}, n] for i, n in g["per_intensiteit"]],
        ),
    }


def partners_kerncijfers(g: dict) -> list:
    return [
        (_("Partners"), g["aantal"]),
        (_("Nieuwe partners"), len(g["nieuw"])),
        (_("Relaties over sectoren heen"), g["over_sectoren"]),
    ]


# --- 80 signalen aan beleid ------------------------------------------------------------------------
def signalen_gegevens(scope: Scope) -> dict | None:
    status: Counter = Counter()
    thema: Counter = Counter()
    beleid = []
    for buurt in _buurten(scope):
        tellingen = acties.signaal_tellingen(buurt, van=scope.van, tot=scope.tot)
        status.update(dict(tellingen["status"]))
        thema.update(dict(tellingen["thema"]))
        for b in acties.beleidssignalen_van(buurt):
            datum = b.verstuurd_op or b.aangemaakt_op.date()
            if not (scope.van <= datum <= scope.tot) and not (
                b.reactie_op and scope.van <= b.reactie_op <= scope.tot
            ):
                continue
            if b.reactie:
                stand = _("Reactie ontvangen")
            elif b.verstuurd_op:
                stand = _("Verstuurd, wacht op reactie")
            else:
                stand = _("In voorbereiding")
            beleid.append(
                {
                    "buurt": buurt.naam,
                    "titel": b.titel,
                    "boodschap": b.boodschap,
                    "verstuurd_op": b.verstuurd_op,
                    "aantal_signalen": b.aantal_signalen,
                    "stand": stand,
                    "reactie": b.reactie,
                    "reactie_op": b.reactie_op,
                }
            )
    totaal = sum(status.values())
    if not totaal and not beleid:
        return None
    return {
        "totaal": totaal,
        "per_status": status.most_common(),
        "per_thema": thema.most_common(),
        "beleidssignalen": beleid,
        "met_reactie": sum(1 for b in beleid if b["reactie"]),
    }


def signalen_bladen(g: dict) -> dict:
    rijen = [[_("Status"), s, klein_aantal(n)] for s, n in g["per_status"]]
    rijen += [[_("Thema"), t, klein_aantal(n)] for t, n in g["per_thema"]]
    return {
        _("Signalen"): ([_("Indeling"), _("Waarde"), _("Aantal signalen")], rijen),
        _("Beleidssignalen"): (
            [_("Buurt"), _("Titel"), _("Verstuurd op"), _("Signalen"), _("Stand"), _("Reactie")],
            [
                [
                    b["buurt"],
                    b["titel"],
                    b["verstuurd_op"],
                    klein_aantal(b["aantal_signalen"]),
                    b["stand"],
                    b["reactie"],
                ]
                for b in g["beleidssignalen"]
            ],
        ),
    }


def signalen_kerncijfers(g: dict) -> list:
    return [
        (_("Signalen in de periode"), klein_aantal(g["totaal"])),
        (_("Beleidssignalen"), len(g["beleidssignalen"])),
        (_("Met reactie van het beleid"), g["met_reactie"]),
    ]


# --- 90 uitkomsten en verhalen ----------------------------------------------------------------------
def uitkomsten_gegevens(scope: Scope) -> dict | None:
    lijst = _acties(scope)
    afgerond = [a for a in lijst if a.status in AFGESLOTEN_ACTIESTATUSSEN]
    verhalen = [a for a in afgerond if a.toestemming_verhaal and a.verhaal.strip()]
    verhalen.sort(key=lambda a: (not a.verhaal_foto, -(a.deelnemers or 0)))
    if not afgerond:
        return None
    return {
        "afgerond": len(afgerond),
        "geborgd": sum(1 for a in afgerond if a.status == "geborgd"),
        "terugkerend": sum(1 for a in afgerond if a.terugkerend),
        "deelnemers": sum(a.deelnemers or 0 for a in afgerond),
        "verhalen": [
            {
                "titel": a.titel,
                "datum": a.startdatum,
                "tekst": a.verhaal,
                "foto_url": a.verhaal_foto.url if a.verhaal_foto else "",
                "foto_pad": _foto_pad(a),
            }
            for a in verhalen[:3]
        ],
    }


def _foto_pad(actie) -> str:
    try:
        pad = Path(actie.verhaal_foto.path) if actie.verhaal_foto else None
    except (NotImplementedError, ValueError):
        return ""
    return pad.as_uri() if pad and pad.exists() else ""


def uitkomsten_bladen(g: dict) -> dict:
    return {
        _("Uitkomsten"): (
            [_("Cijfer"), _("Waarde")],
            [
                [_("Afgeronde of geborgde acties"), g["afgerond"]],
                [_("Waarvan geborgd"), g["geborgd"]],
                [_("Terugkerende acties"), g["terugkerend"]],
                [_("Deelnemers aan afgeronde acties"), klein_aantal(g["deelnemers"])],
                [_("Verhalen met toestemming"), len(g["verhalen"])],
            ],
        ),
    }


def uitkomsten_kerncijfers(g: dict) -> list:
    return [(_("Geborgde acties"), g["geborgd"]), (_("Verhalen"), len(g["verhalen"]))]


# --- 100 drempels en ondersteuning, 110 volgende stappen -------------------------------------------
def _notities(scope: Scope, veld: str) -> list[dict]:
    from .models import Rapportnotitie

    return [
        {"buurt": n.buurt.naam, "tekst": getattr(n, veld), "van": n.van, "tot": n.tot}
        for n in Rapportnotitie.objects.filter(
            buurt_id__in=scope.buurt_ids, van__lte=scope.tot, tot__gte=scope.van
        ).select_related("buurt")
        if getattr(n, veld).strip()
    ]


def drempels_gegevens(scope: Scope) -> dict | None:
    drempels = _notities(scope, "drempels")
    ondersteuning = _notities(scope, "ondersteuning")
    if not drempels and not ondersteuning:
        return None
    return {"drempels": drempels, "ondersteuning": ondersteuning}


def drempels_bladen(g: dict) -> dict:
    return {
        _("Drempels en ondersteuning"): (
            [_("Buurt"), _("Soort"), _("Tekst")],
            [[n["buurt"], _("Drempel"), n["tekst"]] for n in g["drempels"]]
            + [[n["buurt"], _("Nodige ondersteuning"), n["tekst"]] for n in g["ondersteuning"]],
        )
    }


def stappen_gegevens(scope: Scope) -> dict | None:
    stappen = _notities(scope, "volgende_stappen")
    return {"stappen": stappen} if stappen else None


def stappen_bladen(g: dict) -> dict:
    return {
        _("Volgende stappen"): (
            [_("Buurt"), _("Volgende stappen")],
            [[n["buurt"], n["tekst"]] for n in g["stappen"]],
        )
    }


def registreer() -> None:
    for sectie in (
        RapportSectie(
            "buurtanalyse",
            gettext_lazy("Buurtanalyse"),
            20,
            buurtanalyse_gegevens,
            "rapport/secties/buurtanalyse.html",
            buurtanalyse_bladen,
            buurtanalyse_kerncijfers,
        ),
        RapportSectie(
            "acties",
            gettext_lazy("Acties"),
            40,
            acties_gegevens,
            "rapport/secties/acties.html",
            acties_bladen,
            acties_kerncijfers,
        ),
        RapportSectie(
            "bereik",
            gettext_lazy("Bereik"),
            50,
            bereik_gegevens,
            "rapport/secties/bereik.html",
            bereik_bladen,
            bereik_kerncijfers,
        ),
        RapportSectie(
            "partners",
            gettext_lazy("Partners en netwerk"),
            55,
            partners_gegevens,
            "rapport/secties/partners.html",
            partners_bladen,
            partners_kerncijfers,
        ),
        RapportSectie(
            "signalen",
            gettext_lazy("Signalen aan beleid"),
            80,
            signalen_gegevens,
            "rapport/secties/signalen.html",
            signalen_bladen,
            signalen_kerncijfers,
        ),
        RapportSectie(
            "uitkomsten",
            gettext_lazy("Uitkomsten en verhalen"),
            90,
            uitkomsten_gegevens,
            "rapport/secties/uitkomsten.html",
            uitkomsten_bladen,
            uitkomsten_kerncijfers,
        ),
        RapportSectie(
            "drempels",
            gettext_lazy("Drempels en nodige ondersteuning"),
            100,
            drempels_gegevens,
            "rapport/secties/drempels.html",
            drempels_bladen,
        ),
        RapportSectie(
            "stappen",
            gettext_lazy("Volgende stappen"),
            110,
            stappen_gegevens,
            "rapport/secties/stappen.html",
            stappen_bladen,
        ),
    ):
        registreer_rapportsectie(sectie)
