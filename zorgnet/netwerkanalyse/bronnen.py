"""The sources of observed collaboration, read by the network job.

A source is a selector `(buurt_ids, van, tot) -> Iterable[WaargenomenBand]` in the app that records
that collaboration: ties between partner ids within the period (dates inclusive; None is open).
"""

from collections.abc import Callable, Iterable
from datetime import date

from activiteiten.acties.selectors import co_partner_banden, doorverwijzing_banden
from activiteiten.bijeenkomsten.selectors import co_aanwezigheid_banden
from activiteiten.pakketten.selectors import pakketteam_banden
from zorgnet.netwerk.banden import WaargenomenBand

Bron = Callable[[list[int], date | None, date | None], Iterable[WaargenomenBand]]

BRONNEN: dict[str, Bron] = {
    "co_aanwezigheid": co_aanwezigheid_banden,
    "co_partner_actie": co_partner_banden,
    "doorverwijzing": doorverwijzing_banden,
    "pakketteam": pakketteam_banden,
}


def waargenomen_banden(
    buurt_ids: list[int], van: date | None = None, tot: date | None = None
) -> list[WaargenomenBand]:
    """Every observed tie from every source, for these buurten and period."""
    banden: list[WaargenomenBand] = []
    for naam in sorted(BRONNEN):
        banden.extend(BRONNEN[naam](buurt_ids, van, tot))
    return banden
