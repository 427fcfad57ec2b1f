"""Registry of observed-collaboration sources for the network analysis.

The network job lives in `partners`, but observed collaboration (shared package teams, co-partners
on actions, referrals, meeting co-attendance) is recorded in `activiteiten`, which depends on
`partners`. Each app registers a source in `AppConfig.ready()`; the job asks every source.

A source is a callable `(buurt_ids, van, tot) -> Iterable[WaargenomenBand]` returning ties
between partner ids within the period (dates inclusive; None means open-ended).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class WaargenomenBand:
    """One observed tie between two partners, from one source."""

    partner_a: int
    partner_b: int
    bron: str  # "pakketteam", "co_partner_actie", "doorverwijzing", "co_aanwezigheid"
    gewicht: float = 1.0
    datum: date | None = None


Bron = Callable[[list[int], date | None, date | None], Iterable[WaargenomenBand]]

_bronnen: dict[str, Bron] = {}


def registreer_bron(naam: str, bron: Bron) -> None:
    _bronnen[naam] = bron


def waargenomen_banden(
    buurt_ids: list[int], van: date | None = None, tot: date | None = None
) -> list[WaargenomenBand]:
    """Every observed tie from every registered source, for these buurten and period."""
    banden: list[WaargenomenBand] = []
    for naam in sorted(_bronnen):
        banden.extend(_bronnen[naam](buurt_ids, van, tot))
    return banden
