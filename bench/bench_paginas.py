"""Page benchmark: the main pages of each role at 1 and 32 connections, against a baseline view.

Targets (issue "Snel op Vlaamse schaal"): at 1 connection every page's p95 within 6x the
baseline's p95 (the baseline measured again right before each page, so that the drift of a shared
machine's speed over the run does not decide the ratio; its lowest and highest p95 are reported), and the buurt overview and the dashboards within 3x with their cache warm (each
page gets a warm-up run before it is measured); at 32 connections zero errors and every page
completing requests (its p95 is informational: on 2 cores it is connections / throughput); the
same number of queries per page on the 1/100 and on the full data set. Pages are measured as
they are used: logged-in personas, and with the network snapshots the weekly job leaves (the
figure "network snapshots" checks that the data set has at least 12 per scope).

The report preview page serves the preview that its job made (it never renders the report in the
request), so before measuring, the preview of the largest buurt for the default period is made once
on each database through the service and its job (`bench.meet voorbeeld`, in-process); its time is
reported as "report preview job", and the page row measures serving it.
"""

import os

from bench import omgeving
from bench.figuur import Figuur
from bench.laden import gunicorn, sessie_cookie, wrk

BASISLIJN = "/bench/basislijn/"
FACTOR = 6  # every page, p95 at 1 connection
FACTOR_CACHE = 3  # the cached pages (buurt overview, dashboards), cache warm
GECACHET = ("dashboard", "buurt overview")
# Connection levels; a partial run may measure fewer (ZORGNET_BENCH_NIVEAUS=1).
NIVEAUS = tuple(int(n) for n in os.environ.get("ZORGNET_BENCH_NIVEAUS", "1,32").split(","))
MIN_SNAPSHOTS = 12


def _factor(naam: str) -> int:
    return FACTOR_CACHE if naam in GECACHET else FACTOR


def _seconden() -> int:
    return int(os.environ.get("ZORGNET_BENCH_SECONDEN", "8"))


def run() -> list[Figuur]:
    groot, klein = omgeving.database_url(), omgeving.kleine_url()
    figuren: list[Figuur] = []
    for url, schaal in ((groot, "full"), (klein, "1/100")):
        job = omgeving.meet(url, "voorbeeld")
        figuren.append(
            Figuur(
                f"report preview job, largest buurt ({schaal}, {job['kB']} kB)",
                job["seconden"],
                "s",
                "status klaar",
                job["status"] == "klaar",
            )
        )
    for url, schaal in ((groot, "full"), (klein, "1/100")):
        n = omgeving.meet(url, "snapshots")
        for scope, aantal in n.items():
            figuren.append(
                Figuur(
                    f"network snapshots, largest {scope} ({schaal})",
                    aantal,
                    "",
                    f">= {MIN_SNAPSHOTS}",
                    aantal >= MIN_SNAPSHOTS,
                )
            )
    q_groot = omgeving.meet(groot, "queries")["paginas"]
    q_klein = {(p["rol"], p["naam"]): p for p in omgeving.meet(klein, "queries")["paginas"]}
    for p in q_groot:
        naam = f"{p['rol']} {p['naam']}"
        ander = q_klein.get((p["rol"], p["naam"]))
        figuren.append(
            Figuur(
                f"queries {naam} (full; 1/100 = {ander['queries'] if ander else '?'})",
                p["queries"],
                "",
                "= 1/100 count",
                ander is not None
                and ander["queries"] == p["queries"]
                and p["status"] == 200 == ander["status"],
            )
        )
    cookies = {rol: sessie_cookie(gebruiker) for rol, gebruiker in _personas().items()}
    with gunicorn() as basis:
        for c in NIVEAUS:
            wrk(basis + BASISLIJN, cookie=cookies["regisseur"], verbindingen=c, seconden=2)  # warm
            ref = wrk(
                basis + BASISLIJN, cookie=cookies["regisseur"], verbindingen=c, seconden=_seconden()
            )
            figuren.append(Figuur(f"baseline p50 @{c}", ref.p50_ms, "ms"))
            figuren.append(
                Figuur(f"baseline p95 @{c}", ref.p95_ms, "ms", "errors = 0", ref.errors == 0)
            )
            naast: list[float] = []  # the baseline p95 measured next to each page (@1)
            for p in q_groot:
                naam = f"{p['rol']} {p['naam']}"
                pad, cookie = basis + p["pad"], cookies[p["rol"]]
                if c == 1:  # warm: the page's caches, the worker's templates, the database's pages
                    wrk(pad, cookie=cookie, verbindingen=1, seconden=1)
                    # The baseline again, right before the page: a shared VM's speed drifts
                    # over the minutes a run takes, and the ratio compares like with like.
                    basis_p95 = wrk(
                        basis + BASISLIJN,
                        cookie=cookies["regisseur"],
                        verbindingen=1,
                        seconden=max(2, _seconden() // 2),
                    ).p95_ms
                    naast.append(basis_p95)
                m = wrk(pad, cookie=cookie, verbindingen=c, seconden=_seconden())
                figuren.append(Figuur(f"{naam} p50 @{c}", m.p50_ms, "ms"))
                if c == 1:
                    factor = _factor(p["naam"])
                    grens = factor * basis_p95
                    figuren.append(
                        Figuur(
                            f"{naam} p95 @{c} ({m.p95_ms / basis_p95:.1f}x base of "
                            f"{basis_p95:.1f} ms)",
                            m.p95_ms,
                            "ms",
                            f"<= {grens:.1f} ms ({factor}x base)",
                            # No completed request is no measurement: it fails, it does not pass.
                            m.requests > 0 and m.p95_ms <= grens,
                        )
                    )
                else:
                    figuren.append(Figuur(f"{naam} p95 @{c}", m.p95_ms, "ms"))
                figuren.append(
                    Figuur(
                        f"{naam} errors @{c} ({m.requests} req)",
                        m.errors,
                        "",
                        "= 0, > 0 req",
                        m.errors == 0 and m.requests > 0,
                    )
                )
            if naast:
                figuren.append(
                    Figuur("baseline p95 @1 next to the pages: lowest", min(naast), "ms")
                )
                figuren.append(
                    Figuur("baseline p95 @1 next to the pages: highest", max(naast), "ms")
                )
    return figuren


def _personas() -> dict[str, str]:
    from bench.schaaldata import PERSONAS

    return PERSONAS
