"""Load smoke: the demo at 32 connections for 30 s on loopback, zero errors (issue: toegang)."""

from bench.figuur import Figuur
from bench.laden import bereid_demo_voor, gunicorn, sessie_cookie, wrk

PAGINAS = ["/", "/buurten/1/", "/gezondheid/"]


def run() -> list[Figuur]:
    bereid_demo_voor()
    cookie = sessie_cookie("regisseur")
    figuren = []
    with gunicorn() as basis:
        for pad in PAGINAS:
            meting = wrk(basis + pad, cookie=cookie, verbindingen=32, seconden=30)
            figuren.append(
                Figuur(f"rook {pad} errors @32", meting.errors, "", "= 0", meting.errors == 0)
            )
            figuren.append(Figuur(f"rook {pad} p95 @32", meting.p95_ms, "ms"))
            figuren.append(Figuur(f"rook {pad} throughput @32", meting.rps, "req/s"))
    return figuren
