"""Step 0 of `make bench`: migrate and fill the benchmark databases (skipped when already filled).

Full scale (ZORGNET_BENCH_SCHAAL, default 1.0) goes into DATABASE_URL, the 1/100 version into
`<name>_klein` (for the queries-per-page comparison). Both names must contain "bench".

Both then get 12 network snapshots for the benchmarked buurt and gemeente (bench.meet.
netwerksnapshots: the newest computed by the real job, the older ones copies a week apart), so
every page benchmark runs with the history the weekly job builds up. Also skipped when present.
"""

import time

from bench import omgeving
from bench.figuur import Figuur


def run() -> list[Figuur]:
    figuren = []
    schaal = omgeving.schaal()
    for url, s, label in (
        (omgeving.kleine_url(), schaal / 100, "1/100"),
        (omgeving.database_url(), schaal, "full"),
    ):
        omgeving.maak_database(url)
        begin = time.perf_counter()
        omgeving.manage(url, "migrate", "--noinput", "-v0")
        omgeving.manage(url, "schaaldata", "--schaal", str(s))
        duur = time.perf_counter() - begin
        figuren.append(Figuur(f"data {label} (schaal {s:g}) migrate + generate", duur, "s"))
        begin = time.perf_counter()
        gemaakt = omgeving.meet(url, "netwerksnapshots")
        print(f"netwerksnapshots {label}: {gemaakt}", flush=True)
        figuren.append(
            Figuur(
                f"data {label}: network snapshots (12 per benchmarked network)",
                time.perf_counter() - begin,
                "s",
            )
        )
    return figuren
