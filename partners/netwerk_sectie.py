"""The "netwerk" section on the buurt overview page (registered from PartnersConfig.ready())."""

from zorgnet.lib.secties import Sectie, registreer_buurtsectie, registreer_dashboardblok


def _context(request, buurt) -> dict:
    from .models import AnalyseStatus, NetwerkAnalyse
    from .netwerk_selectors import sleutel_van

    runs = NetwerkAnalyse.objects.filter(sleutel=sleutel_van(buurt=buurt)).only(
        "id", "status", "metrieken", "klaar_op"
    )
    snapshot = runs.filter(status=AnalyseStatus.KLAAR).order_by("-klaar_op", "-id").first()
    return {
        "snapshot": snapshot,
        "lopend": snapshot is None
        and runs.filter(status__in=[AnalyseStatus.WACHTRIJ, AnalyseStatus.BEZIG]).exists(),
    }


def _dashboard(request, buurten) -> dict:
    """Coordinators get a link to the network of each gemeente they coordinate."""
    from buurten.permissions import gecoordineerde_gemeenten

    if not request.user.is_authenticated:
        return {"gemeenten": []}
    return {"gemeenten": list(gecoordineerde_gemeenten(request.user).order_by("naam")[:20])}


def registreer() -> None:
    from .netwerk_rapport import registreer as registreer_rapport

    registreer_rapport()
    registreer_dashboardblok(
        Sectie(
            slug="netwerk", template="partners/netwerkanalyse_dashboard.html", context=_dashboard
        )
    )
    registreer_buurtsectie(
        Sectie(
            slug="netwerk",
            template="partners/netwerkanalyse_sectie.html",
            context=_context,
            url_name="netwerk:buurt_netwerk",
        )
    )
