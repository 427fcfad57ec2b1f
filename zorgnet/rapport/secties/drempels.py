"""Report section 'drempels'."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zorgnet.rapport.sectie import RapportSectie, Scope
from zorgnet.rapport.secties._gemeen import _notities


# --- 100 drempels en ondersteuning, 110 volgende stappen -------------------------------------------
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


SECTIE = RapportSectie(
    "drempels",
    gettext_lazy("Drempels en nodige ondersteuning"),
    100,
    drempels_gegevens,
    "rapport/secties/drempels.html",
    drempels_bladen,
)
