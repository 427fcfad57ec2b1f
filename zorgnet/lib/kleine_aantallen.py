"""Small-number suppression: one rule for every count that leaves the regie (coordinator pages,
reports, XLSX, the gemeente overview).

- `klein_aantal`: a single count below the threshold becomes "< 5" (primary suppression).
- `afschermen`: counts that add up to totals the reader knows (a breakdown next to its total,
  two breakdowns of one total, a sub-total shown on another page). A hidden cell must not be
  recoverable by subtraction, so more cells are hidden next to it (complementary suppression,
  shown as "•"), the smallest first, until every hidden small count could be at least two values;
  when that is impossible the total itself is hidden as well.

The regisseur sees the exact numbers of the buurt's own data on their own screens: callers apply
these functions only for readers outside the regie.
"""

from collections.abc import Hashable, Sequence
from typing import Any

from django.conf import settings

AFGESCHERMD = "•"  # hidden to protect a small count beside it


def drempel() -> int:
    return settings.ZORGNET_KLEINE_AANTALLEN_DREMPEL


def klein_aantal(waarde: Any) -> Any:
    """A count of signals or residents below the threshold becomes "< 5"; anything else is kept.

    Zero stays zero (nothing to protect); non-numbers pass through unchanged.
    """
    if isinstance(waarde, bool):
        return waarde
    try:
        getal = int(waarde)
    except (TypeError, ValueError):
        return waarde
    if 0 < getal < drempel():
        return f"< {drempel()}"
    return getal


def _is_klein(n: int) -> bool:
    return 0 < n < drempel()


def _beschermd(klein: list[int], groot: list[int]) -> bool:
    """Can a reader who knows the sum of these hidden cells pin down one small count?

    Each small cell is 1..d-1 ("< 5"), each complementary cell at least d ("•")."""
    if not klein:
        return True
    d = drempel()
    rest = sum(klein) + sum(groot)
    minste_anderen = (len(klein) - 1) + len(groot) * d
    meeste_anderen = float("inf") if groot else (len(klein) - 1) * (d - 1)
    laagste = max(1, rest - meeste_anderen)
    hoogste = min(d - 1, rest - minste_anderen)
    return hoogste > laagste


def afschermen(
    waarden: dict[Hashable, int], groepen: Sequence[tuple[int, Sequence[Hashable]]]
) -> tuple[dict[Hashable, Any], set[int]]:
    """Display values for `waarden`, and the indexes of the groups whose total must be hidden.

    `groepen` lists (total, keys): the reader knows that these cells add up to that total (it is
    shown beside them, or elsewhere). A total that is itself small is not known exactly and
    protects nothing, so it needs no check.
    """
    verborgen = {k for k, n in waarden.items() if _is_klein(n)}
    aanvulling: set[Hashable] = set()
    totalen_weg: set[int] = set()
    veranderd = True
    while veranderd:
        veranderd = False
        for i, (totaal, sleutels) in enumerate(groepen):
            if i in totalen_weg or _is_klein(totaal):
                continue
            while True:
                weg = [k for k in sleutels if k in verborgen or k in aanvulling]
                klein = [waarden[k] for k in weg if k in verborgen]
                groot = [waarden[k] for k in weg if k in aanvulling]
                if _beschermd(klein, groot):
                    break
                kandidaten = sorted(
                    (waarden[k], str(k), k) for k in sleutels if k not in weg and waarden[k] > 0
                )
                if not kandidaten:
                    totalen_weg.add(i)
                    break
                aanvulling.add(kandidaten[0][2])
                veranderd = True
    weergave = {
        k: (klein_aantal(n) if k in verborgen else AFGESCHERMD if k in aanvulling else n)
        for k, n in waarden.items()
    }
    return weergave, totalen_weg


def kolom_afschermen(waarden: Sequence[int]) -> list[Any]:
    """A column of counts whose total the reader knows (one row per buurt of a gemeente, whose
    total is in the gemeente report): protected as one group."""
    weergave, _totalen = afschermen(dict(enumerate(waarden)), [(sum(waarden), range(len(waarden)))])
    return [weergave[i] for i in range(len(waarden))]


def afgeschermd_totaal(totaal: int, verborgen: bool) -> Any:
    """A total beside suppressed cells: "•" when it had to be hidden, else the one rule."""
    return AFGESCHERMD if verborgen else klein_aantal(totaal)
