"""Report section 'stappen'."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zorgnet.rapport.sectie import RapportSectie, Scope
from zorgnet.rapport.secties._gemeen import _notities


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


SECTIE = RapportSectie(
    "stappen",
    gettext_lazy("Volgende stappen"),
    110,
    stappen_gegevens,
    "rapport/secties/stappen.html",
    stappen_bladen,
)
