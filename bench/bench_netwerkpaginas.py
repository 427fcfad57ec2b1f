"""The network views (issue 21) with the history the weekly job builds up: the benchmarked buurt
(regisseur) and gemeente (coordinator), once with their 12 snapshots and once with only the newest
(the others deleted in a rolled-back transaction). Targets: under 50 MB extra peak RSS per
request, and the CPU time with 12 snapshots within 1.5x of the time with 1 (independent of the
history; the 12-snapshot page also draws the five trend charts, and 1.5x leaves room for a noisy,
shared machine). In-process test client, each measurement in a fresh process, median of 5.
For comparison it also reads the 12 runs whole, as the trend did before their small summary."""

from bench import omgeving
from bench.figuur import Figuur

MAX_MB = 50
MAX_RATIO = 1.5


def run() -> list[Figuur]:
    url = omgeving.database_url()
    figuren = []
    for soort in ("buurt", "gemeente"):
        # Each measurement in a fresh process: peak RSS says what one request needs.
        metingen = [
            omgeving.meet(
                url, "netwerkpaginas", scope=soort, een=een, herhalingen=5, oude_trend=not een
            )
            for een in (True, False)
        ]
        for m in metingen:
            print(f"network view {soort}: {m}", flush=True)
            label = f"network view {soort}, {m['snapshots']} snapshot(s)"
            figuren.append(Figuur(f"{label}: status", m["status"], "", "200", m["status"] == 200))
            figuren.append(Figuur(f"{label}: median", m["ms"], "ms"))
            figuren.append(Figuur(f"{label}: median CPU", m["cpu_ms"], "ms"))
            figuren.append(
                Figuur(
                    f"{label}: extra peak RSS (first request)",
                    m["extra_mb"],
                    "MB",
                    f"< {MAX_MB} MB",
                    m["extra_mb"] < MAX_MB,
                )
            )
        een, alle = metingen
        oud = alle["oude_trend"]
        figuren.append(
            Figuur(
                f"network view {soort}: reading its {oud['runs']} runs whole (the trend before)",
                oud["extra_mb"],
                "MB",
            )
        )
        # CPU time of the request (the shared machine's load blurs wall time).
        ratio = alle["cpu_ms"] / een["cpu_ms"] if een["cpu_ms"] else 0.0
        figuren.append(
            Figuur(
                f"network view {soort}: CPU {alle['snapshots']} / 1 snapshots",
                ratio,
                "x",
                f"<= {MAX_RATIO}x",
                ratio <= MAX_RATIO and alle["snapshots"] >= 12,
            )
        )
        figuren.append(
            Figuur(
                f"network view {soort}: queries with {alle['snapshots']} snapshots",
                alle["queries"],
                "",
                f"= {een['queries']} (1 snapshot)",
                alle["queries"] == een["queries"],
            )
        )
    return figuren
