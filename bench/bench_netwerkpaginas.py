"""The network views (issue 21) with the history the weekly job builds up: the benchmarked buurt
(regisseur) and gemeente (coordinator), once with their 12 snapshots and once with only the newest
(the others deleted in a rolled-back transaction). Targets: under 50 MB extra peak RSS per
request, and the time with 12 snapshots within 1.5x of the time with 1 (independent of the
history; 1.5x leaves room for a noisy, shared machine). In-process test client, median of 5."""

from bench import omgeving
from bench.figuur import Figuur

MAX_MB = 50
MAX_RATIO = 1.5


def run() -> list[Figuur]:
    r = omgeving.meet(omgeving.database_url(), "netwerkpaginas", herhalingen=5)
    figuren = []
    for soort, naam in (("buurt", "buurt"), ("gemeente", "gemeente")):
        metingen = sorted(
            (v for k, v in r.items() if k.startswith(soort + ":")), key=lambda v: v["snapshots"]
        )
        for m in metingen:
            print(f"network view {naam}, {m}", flush=True)
            label = f"network view {naam}, {m['snapshots']} snapshot(s)"
            figuren.append(Figuur(f"{label}: status", m["status"], "", "200", m["status"] == 200))
            figuren.append(Figuur(f"{label}: median", m["ms"], "ms"))
            figuren.append(
                Figuur(
                    f"{label}: extra peak RSS",
                    m["extra_mb"],
                    "MB",
                    f"< {MAX_MB} MB",
                    m["extra_mb"] < MAX_MB,
                )
            )
            figuren.append(Figuur(f"{label}: queries", m["queries"], ""))
        if len(metingen) == 2:
            een, alle = metingen
            ratio = alle["ms"] / een["ms"] if een["ms"] else 0.0
            figuren.append(
                Figuur(
                    f"network view {naam}: time {alle['snapshots']} / 1 snapshots",
                    ratio,
                    "x",
                    f"<= {MAX_RATIO}x",
                    ratio <= MAX_RATIO,
                )
            )
            figuren.append(
                Figuur(
                    f"network view {naam}: queries {alle['snapshots']} = 1 snapshots",
                    alle["queries"],
                    "",
                    f"= {een['queries']}",
                    alle["queries"] == een["queries"],
                )
            )
    return figuren
