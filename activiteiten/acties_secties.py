"""Registers the 'acties' section, the dashboard block and the observed-collaboration sources."""

from buurten.permissions import kan_beheren
from zorgnet.lib.netwerkbronnen import registreer_bron
from zorgnet.lib.secties import Sectie, registreer_buurtsectie, registreer_dashboardblok

from . import acties_selectors as selectors


def _sectie_context(request, buurt) -> dict:
    user = request.user
    beheer = kan_beheren(user, buurt)
    open_n = None
    if selectors.kan_loggen(user, buurt) and not beheer:
        # A partner counts only the signals it may read.
        open_n = selectors.open_signalen(user, buurt).count()
    elif selectors.ziet_signaaltellingen(user, buurt):
        open_n = selectors.aantal_open_signalen([buurt.id]).get(buurt.id, 0)
    return {
        "buurt_id": buurt.id,
        "acties": selectors.actie_tellingen(buurt),
        "open_signalen": open_n,
        "mag_beheren": beheer,
        "mag_loggen": selectors.kan_loggen(user, buurt),
    }


def _dashboard_context(request, buurten) -> dict:
    """Open signals per buurt the user manages (regisseurs only)."""
    return {"rijen": selectors.open_signalen_per_beheerde_buurt(request.user)}


def registreer() -> None:
    registreer_buurtsectie(
        Sectie(
            slug="acties",
            template="activiteiten/_acties_sectie.html",
            context=_sectie_context,
            url_name="activiteiten:actie_list",
        )
    )
    registreer_dashboardblok(
        Sectie(
            slug="open_signalen",
            template="activiteiten/_acties_dashboard.html",
            context=_dashboard_context,
            volgorde=10,
        )
    )
    registreer_bron("co_partner_actie", selectors.co_partner_banden)
    registreer_bron("doorverwijzing", selectors.doorverwijzing_banden)
