"""Report section 'contactmomenten': the countless small actions and contacts, tallied per month
and kind ("Kleinheid acties versus legitimeringsdruk"). They are contacts with residents: every
count passes through `klein_aantal` (shown as '< 5'), and a chart bar only for unsuppressed totals."""

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten.reflectie import selectors
from zorgnet.lib.kleine_aantallen import klein_aantal
from zorgnet.rapport.sectie import Blad, RapportSectie, Scope
from zorgnet.rapport.secties._gemeen import _grafiek
from zorgnet.rapport.xlsx import Maand


def gegevens(scope: Scope) -> dict | None:
    telling = selectors.contacttelling(list(scope.buurt_ids), scope.van, scope.tot)
    if not telling["totaal"]:
        return None
    drempel = settings.ZORGNET_KLEINE_AANTALLEN_DREMPEL
    per_soort = [(label, telling["per_soort"][code]) for code, label in telling["soorten"]]
    return {
        **telling,
        "per_soort_lijst": per_soort,
        "grafiek": _grafiek(
            [(label, n) for label, n in per_soort if n >= drempel],
            _("Contactmomenten per soort"),
        ),
    }


def bladen(g: dict) -> dict[str, Blad]:
    soorten = [label for _code, label in g["soorten"]]
    return {
        _("Contactmomenten"): (
            [_("Maand"), *soorten, _("Totaal")],
            [
                [
                    Maand(maand.year, maand.month, 1),
                    *(klein_aantal(n) for n in per),
                    klein_aantal(totaal),
                ]
                for maand, per, totaal in g["maanden"]
            ],
        ),
    }


def kerncijfers(g: dict) -> list[tuple[str, Any]]:
    return [(_("Kleine acties en contactmomenten"), klein_aantal(g["totaal"]))]


SECTIE = RapportSectie(
    slug="contactmomenten",
    titel=gettext_lazy("Kleine acties en contactmomenten"),
    volgorde=45,
    gegevens=gegevens,
    template="rapport/secties/contactmomenten.html",
    bladen=bladen,
    kerncijfers=kerncijfers,
)
