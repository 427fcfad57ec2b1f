"""One measured figure with its target, and the table that `make bench` prints."""

from dataclasses import dataclass


@dataclass
class Figuur:
    naam: str
    waarde: float
    eenheid: str
    doel: str = ""
    geslaagd: bool | None = None  # None: informational, no target

    @property
    def oordeel(self) -> str:
        return {True: "PASS", False: "FAIL", None: "-"}[self.geslaagd]


def tabel(figuren: list[Figuur]) -> str:
    rijen = [("figure", "value", "target", "result")] + [
        (f.naam, f"{f.waarde:,.3f} {f.eenheid}".strip(), f.doel, f.oordeel) for f in figuren
    ]
    breedtes = [max(len(r[i]) for r in rijen) for i in range(4)]
    lijnen = [" | ".join(c.ljust(b) for c, b in zip(r, breedtes, strict=True)) for r in rijen]
    lijnen.insert(1, "-+-".join("-" * b for b in breedtes))
    return "\n".join(lijnen)
