"""Network analysis URLs (zorgnet/netwerkanalyse/urls.py)."""

from . import Regel

B = {"buurt_id": "buurt_a"}
G = {"gemeente_id": "gemeente_1"}
ALLEEN_GET_B = "405 405 405 405 302"

REGELS = {
    "netwerk:buurt_netwerk": Regel(get="200 404 200 200 302", post=ALLEEN_GET_B, kwargs=B),
    "netwerk:buurt_netwerk_start": Regel(get=ALLEEN_GET_B, post="302 404 403 302 302", kwargs=B),
    "netwerk:buurt_netwerk_status": Regel(get="200 404 200 200 302", post=ALLEEN_GET_B, kwargs=B),
    "netwerk:buurt_netwerk_partner": Regel(
        get="200 404 200 200 302", post=ALLEEN_GET_B, kwargs={**B, "partner_id": "partner"}
    ),
    "netwerk:buurt_netwerk_export": Regel(get="200 404 403 200 302", post=ALLEEN_GET_B, kwargs=B),
    "netwerk:buurt_netwerk_graaf": Regel(get="200 404 403 200 302", post=ALLEEN_GET_B, kwargs=B),
    # The whole gemeente is for its coordinator; a regisseur of one of its buurten gets 403.
    "netwerk:gemeente_netwerk": Regel(get="403 404 403 200 302", post=ALLEEN_GET_B, kwargs=G),
    "netwerk:gemeente_netwerk_start": Regel(get=ALLEEN_GET_B, post="403 404 403 302 302", kwargs=G),
    "netwerk:gemeente_netwerk_status": Regel(
        get="403 404 403 200 302", post=ALLEEN_GET_B, kwargs=G
    ),
    "netwerk:gemeente_netwerk_partner": Regel(
        get="403 404 403 200 302", post=ALLEEN_GET_B, kwargs={**G, "partner_id": "partner"}
    ),
    "netwerk:gemeente_netwerk_export": Regel(
        get="403 404 403 200 302", post=ALLEEN_GET_B, kwargs=G
    ),
    "netwerk:gemeente_netwerk_graaf": Regel(get="403 404 403 200 302", post=ALLEEN_GET_B, kwargs=G),
}


def maak(w) -> None:
    """A finished analysis for buurt A and for gemeente 1 (the partner `partner` is in both)."""
    from tests.factories import PartnerFactory, RelatieFactory
    from zorgnet.netwerkanalyse import services

    ander = PartnerFactory(gemeente=w.gemeente_1, naam="Buurthuis", buurten=[w.buurt_a])
    RelatieFactory(van_partner=w.partner, naar_partner=ander, intensiteit=3)
    for analyse in (
        services.start_analyse(buurt=w.buurt_a),
        services.start_analyse(gemeente=w.gemeente_1),
    ):
        services.voer_analyse_uit(analyse_id=analyse.pk)
