"""The resident-identifier check (issue 20): recall and false alarms on the labelled set, and the
time of one check on a 1,000-character text. Needs no database: `make bench-privacy`."""

from pathlib import Path

from bench.figuur import Figuur

SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "identificatoren.tsv"


def _tekst_van_1000_tekens(zinnen: list[tuple[str, str]]) -> str:
    """Sentences of the set, identifiers and clean ones mixed, cut at 1,000 characters."""
    tekst = ""
    for _soort, zin in zinnen:
        if len(tekst) >= 1000:
            break
        tekst += zin + " "
    return tekst[:1000]


def run() -> list[Figuur]:
    from zorgnet.lib.privacy_meting import duur_ms, lees_set, meet

    zinnen = lees_set(SET)
    meting = meet(zinnen)
    gemengd = [
        z for paar in zip(zinnen[::2], zinnen[len(zinnen) // 2 :: 2], strict=False) for z in paar
    ]
    ms = duur_ms(_tekst_van_1000_tekens(gemengd), keer=100)
    schoon = meting.zinnen - meting.met_identificator
    return [
        Figuur(
            "privacy labelled sentences",
            meting.zinnen,
            "",
            f"{meting.met_identificator} + {schoon}",
        ),
        Figuur("privacy recall", meting.recall * 100, "%", ">= 95 %", meting.recall >= 0.95),
        Figuur(
            "privacy false alarms",
            meting.vals_alarm_ratio * 100,
            "%",
            "<= 3 %",
            meting.vals_alarm_ratio <= 0.03,
        ),
        Figuur("privacy check, 1,000 characters (CPU)", ms, "ms", "< 20 ms", ms < 20),
    ]
