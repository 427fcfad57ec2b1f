"""Small-number suppression: one rule for templates (the `klein_aantal` filter) and XLSX exports."""

from typing import Any

from django.conf import settings


def klein_aantal(waarde: Any) -> Any:
    """A count of signals or residents below the threshold becomes "< 5"; anything else is kept.

    Zero stays zero (nothing to protect); non-numbers pass through unchanged.
    """
    drempel = settings.ZORGNET_KLEINE_AANTALLEN_DREMPEL
    if isinstance(waarde, bool):
        return waarde
    try:
        getal = int(waarde)
    except (TypeError, ValueError):
        return waarde
    if 0 < getal < drempel:
        return f"< {drempel}"
    return getal
