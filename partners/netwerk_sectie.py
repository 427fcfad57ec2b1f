"""The "netwerk" section on the buurt overview page (registered from PartnersConfig.ready())."""

from zorgnet.lib.secties import Sectie, registreer_buurtsectie


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


def registreer() -> None:
    registreer_buurtsectie(
        Sectie(
            slug="netwerk",
            template="partners/netwerkanalyse_sectie.html",
            context=_context,
            url_name="netwerk:buurt_netwerk",
        )
    )
