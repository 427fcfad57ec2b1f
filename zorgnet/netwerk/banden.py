"""An observed tie between two partners: the record every observed-collaboration source returns.

Plain data (no Django), so the apps that record collaboration (activiteiten) can produce it and
the network job (zorgnet/netwerkanalyse/bronnen.py) can read it.
"""

from datetime import date
from typing import NamedTuple


class WaargenomenBand(NamedTuple):
    """One observed tie between two partners, from one source (a tuple: sources return 100,000s)."""

    partner_a: int
    partner_b: int
    bron: str  # "pakketteam", "co_partner_actie", "doorverwijzing", "co_aanwezigheid"
    gewicht: float = 1.0
    datum: date | None = None
