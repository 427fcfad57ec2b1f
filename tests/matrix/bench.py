"""Benchmark baseline and the action export (issue 11)."""

from . import Regel

GET_ONLY = "405 405 405 405 302"

REGELS = {
    "basislijn": Regel(get="200 200 200 200 302", post=GET_ONLY),
    # Regisseur only; the partner and the coordinator see the buurt but may not export.
    "activiteiten:actie_export": Regel(
        get="200 404 403 403 302", post=GET_ONLY, kwargs={"buurt_id": "buurt_a"}
    ),
}


def maak(w) -> None:
    """No extra objects: the persona world has the buurten."""
