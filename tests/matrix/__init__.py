"""The authorization matrix: for every URL pattern, the expected answer per persona and method.

Each app declares its rows in `tests/matrix/<app>.py`:
- `REGELS`: {url name: Regel(...)}
- `maak(w)`: adds the objects its URLs need to the persona world `w` (see tests/conftest.py `wereld`).

Outcomes are written in persona order: regisseur_a, regisseur_b, partner_a, coordinator, anoniem.
`302` for the anonymous persona means "redirect to the login page".
"""

from dataclasses import dataclass, field

PERSONAS = ("regisseur_a", "regisseur_b", "partner_a", "coordinator", "anoniem")


@dataclass(frozen=True)
class Regel:
    """Expected status codes for GET and POST, as five numbers in persona order."""

    get: str
    post: str
    kwargs: dict[str, str] = field(default_factory=dict)  # url kwarg -> attribute of the world
    query: str = ""  # query string for GET (e.g. a filter)
    data: dict = field(default_factory=dict)  # POST body (default: empty, i.e. an invalid form)

    def verwacht(self, methode: str) -> dict[str, int]:
        codes = (self.get if methode == "get" else self.post).split()
        assert len(codes) == len(PERSONAS), f"vijf codes nodig, kreeg {codes}"
        return dict(zip(PERSONAS, (int(c) for c in codes), strict=True))
