"""Report section 'buurtanalyse'."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurten.analyse import selectors as analyse
from zorgnet.rapport.sectie import RapportSectie, Scope
from zorgnet.rapport.secties._gemeen import SYSTEEM, _buurten


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


SECTIE = RapportSectie(
    "buurtanalyse",
    gettext_lazy("Buurtanalyse"),
    20,
    buurtanalyse_gegevens,
    "rapport/secties/buurtanalyse.html",
    buurtanalyse_bladen,
    buurtanalyse_kerncijfers,
)
