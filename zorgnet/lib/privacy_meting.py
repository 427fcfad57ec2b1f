"""Measuring the resident-identifier check on a labelled set (the test and `make bench` share it)."""

import time
from dataclasses import dataclass
from pathlib import Path

from zorgnet.lib.privacy import vondsten


@dataclass(frozen=True)
class Meting:
    zinnen: int
    met_identificator: int
    gemist: list[str]
    vals_alarm: list[str]
    verkeerde_soort: list[str]

    @property
    def recall(self) -> float:
        return 1 - len(self.gemist) / self.met_identificator

    @property
    def vals_alarm_ratio(self) -> float:
        return len(self.vals_alarm) / (self.zinnen - self.met_identificator)


def lees_set(pad: Path) -> list[tuple[str, str]]:
    """(soort, zin) per line of a "<soort>\\t<zin>" file; lines starting with # are comments."""
    regels = pad.read_text(encoding="utf-8").splitlines()
    return [tuple(r.split("\t", 1)) for r in regels if r.strip() and not r.startswith("#")]


def meet(zinnen: list[tuple[str, str]]) -> Meting:
    gemist, vals, verkeerd = [], [], []
    for soort, zin in zinnen:
        gevonden = {v.soort for v in vondsten(zin)}
        if soort == "schoon":
            if gevonden:
                vals.append(zin)
        elif not gevonden:
            gemist.append(zin)
        elif soort not in gevonden:
            verkeerd.append(zin)
    met = sum(1 for soort, _ in zinnen if soort != "schoon")
    return Meting(len(zinnen), met, gemist, vals, verkeerd)


def duur_ms(tekst: str, keer: int = 50) -> float:
    """Mean CPU time of one check on this text, in milliseconds (after one warm-up call).

    CPU time of this process, not wall time: on a shared machine the wall time mostly measures
    the other processes."""
    vondsten(tekst)
    begin = time.process_time()
    for _ in range(keer):
        vondsten(tekst)
    return (time.process_time() - begin) / keer * 1000
