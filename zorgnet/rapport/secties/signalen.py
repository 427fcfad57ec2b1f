"""Report section 'signalen'."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten.acties import selectors as acties
from zorgnet.lib.kleine_aantallen import klein_aantal
from zorgnet.rapport.sectie import RapportSectie, Scope
from zorgnet.rapport.secties._gemeen import _buurten


# --- 80 signalen aan beleid ------------------------------------------------------------------------
def signalen_gegevens(scope: Scope) -> dict | None:
    buurten = list(_buurten(scope))
    codes = acties.signaal_codes(buurten, van=scope.van, tot=scope.tot)
    codes.pop("kanaal")
    # Status and theme add up to the same total: protected together (complementary suppression).
    getoond = acties.signaaltellingen_tellen(codes)
    beleid = []
    for buurt in buurten:
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
    totaal = sum(codes["status"].values())
    if not totaal and not beleid:
        return None
    return {
        "totaal": getoond["totaal"],
        "per_status": getoond["rijen"]["status"],
        "per_thema": getoond["rijen"]["thema"],
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


SECTIE = RapportSectie(
    "signalen",
    gettext_lazy("Signalen aan beleid"),
    80,
    signalen_gegevens,
    "rapport/secties/signalen.html",
    signalen_bladen,
    signalen_kerncijfers,
)
