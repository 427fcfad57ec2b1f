"""Report section 'successen' ("Benoem de successen"): how many successes were named in the
period, and the ones the regisseur marked for the report with what helped."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten.reflectie import selectors
from zorgnet.rapport.sectie import Blad, RapportSectie, Scope


def _gelinkt(s) -> str:
    delen = [str(o) for o in (s.actie, s.bijeenkomst, s.pakket) if o is not None]
    return ", ".join(delen)


def gegevens(scope: Scope) -> dict | None:
    alle = list(selectors.successen_voor_rapport(list(scope.buurt_ids), scope.van, scope.tot))
    if not alle:
        return None
    gekozen = [s for s in alle if s.in_rapport]
    return {
        "aantal": len(alle),
        "van_partners": sum(1 for s in alle if s.partner_id),
        "successen": [
            {
                "datum": s.datum,
                "titel": s.titel,
                "wat_hielp": s.wat_hielp,
                "gelinkt": _gelinkt(s),
                "partner": s.partner.naam if s.partner else "",
                "buurt": s.buurt.naam,
            }
            for s in gekozen
        ],
    }


def bladen(g: dict) -> dict[str, Blad]:
    return {
        _("Successen"): (
            [_("Datum"), _("Succes"), _("Wat hielp?"), _("Hoort bij"), _("Partner"), _("Buurt")],
            [
                [s["datum"], s["titel"], s["wat_hielp"], s["gelinkt"], s["partner"], s["buurt"]]
                for s in g["successen"]
            ],
        ),
    }


def kerncijfers(g: dict) -> list[tuple[str, Any]]:
    return [(_("Successen benoemd"), g["aantal"])]


SECTIE = RapportSectie(
    slug="successen",
    titel=gettext_lazy("Successen"),
    volgorde=88,
    gegevens=gegevens,
    template="rapport/secties/successen.html",
    bladen=bladen,
    kerncijfers=kerncijfers,
)
