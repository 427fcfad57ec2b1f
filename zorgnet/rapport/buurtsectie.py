"""The 'rapport' section on the buurt overview page: the latest reports and a link."""

from buurten.permissions import kan_rapporteren
from zorgnet.lib.secties import Sectie, registreer_buurtsectie

from .models import BestandStatus
from .selectors import bestanden_van_buurt


def _context(request, buurt) -> dict:
    mag = kan_rapporteren(request.user, buurt)
    return {
        "buurt": buurt,
        "mag_rapporteren": mag,
        "bestanden": list(bestanden_van_buurt(buurt).filter(status=BestandStatus.KLAAR)[:3])
        if mag
        else [],
    }


def registreer() -> None:
    registreer_buurtsectie(
        Sectie(
            slug="rapport",
            template="rapport/_buurtsectie.html",
            context=_context,
            url_name="rapport:buurt_rapport",
        )
    )
