"""The 'rapport' section on the buurt overview page and the coordinator's dashboard block."""

from buurten.permissions import kan_rapporteren
from zorgnet.lib.secties import Sectie, registreer_buurtsectie, registreer_dashboardblok

from .models import BestandStatus
from .selectors import bestanden_van_buurt, gecoordineerd


def _context(request, buurt) -> dict:
    mag = kan_rapporteren(request.user, buurt)
    return {
        "buurt": buurt,
        "mag_rapporteren": mag,
        "bestanden": list(bestanden_van_buurt(buurt).filter(status=BestandStatus.KLAAR)[:3])
        if mag
        else [],
    }


def _dashboard(request, buurten) -> dict:
    """Links to the gemeente report for the gemeenten the user coordinates."""
    if not request.user.is_authenticated:
        return {"gemeenten": []}
    return {"gemeenten": list(gecoordineerd(request.user).order_by("naam"))}


def registreer() -> None:
    registreer_dashboardblok(
        Sectie(slug="rapport", template="rapport/_dashboard.html", context=_dashboard, volgorde=50)
    )
    registreer_buurtsectie(
        Sectie(
            slug="rapport",
            template="rapport/_buurtsectie.html",
            context=_context,
            url_name="rapport:buurt_rapport",
        )
    )
