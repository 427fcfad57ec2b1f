"""Project-level and buurten URLs."""

from . import Regel

REGELS = {
    "dashboard": Regel(get="200 200 200 200 302", post="405 405 405 405 302"),
    "login": Regel(get="302 302 302 302 200", post="302 302 302 302 200"),
    "logout": Regel(get="405 405 405 405 405", post="302 302 302 302 302"),
    "gezondheid": Regel(get="200 200 200 200 200", post="405 405 405 405 405"),
    "buurt_detail": Regel(
        get="200 404 200 200 302", post="405 405 405 405 302", kwargs={"buurt_id": "buurt_a"}
    ),
}


def maak(w) -> None:
    """No extra objects: the persona world has the buurten."""
