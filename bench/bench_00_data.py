"""Step 0 of `make bench`: migrate and fill the benchmark databases (skipped when already filled).

Full scale (ZORGNET_BENCH_SCHAAL, default 1.0) goes into DATABASE_URL, the 1/100 version into
`<name>_klein` (for the queries-per-page comparison). Both names must contain "bench".
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
    return figuren
