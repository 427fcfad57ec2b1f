"""Report section 'uitkomsten'."""

from pathlib import Path

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten.models import AFGESLOTEN_ACTIESTATUSSEN
from zorgnet.lib.kleine_aantallen import klein_aantal
from zorgnet.rapport.sectie import RapportSectie, Scope
from zorgnet.rapport.secties._gemeen import _acties


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
                "foto_url": _foto_url(a),
                "foto_pad": _foto_pad(a),
            }
            for a in verhalen[:3]
        ],
    }


def _foto_url(actie) -> str:
    """The photo through its scoped, logged download view (files have no public address)."""
    if not actie.verhaal_foto:
        return ""
    return reverse("activiteiten:actie_foto", args=(actie.buurt_id, actie.pk))


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


SECTIE = RapportSectie(
    "uitkomsten",
    gettext_lazy("Uitkomsten en verhalen"),
    90,
    uitkomsten_gegevens,
    "rapport/secties/uitkomsten.html",
    uitkomsten_bladen,
    uitkomsten_kerncijfers,
)
