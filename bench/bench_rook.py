"""Load smoke: the demo at 32 connections for 30 s per page on loopback: zero errors and every
page completing requests. The pages: dashboard, buurt overview, its network view and its report
page and preview (the heavy ones), and the health check."""

import os

from bench import omgeving
from bench.figuur import Figuur
from bench.laden import bereid_demo_voor, gunicorn, sessie_cookie, wrk


def run() -> list[Figuur]:
    bereid_demo_voor()
    # The demo shares the bench database with the scale data set: look up the demo buurt's id.
    buurt = omgeving.meet(os.environ["DATABASE_URL"], "buurt_van", gebruiker="regisseur")["buurt"]
    paginas = [
        "/",
        f"/buurten/{buurt}/",
        f"/buurten/{buurt}/netwerk/",
        f"/rapport/buurt/{buurt}/",
        f"/rapport/buurt/{buurt}/voorbeeld/",
        "/gezondheid/",
    ]
    cookie = sessie_cookie("regisseur")
    figuren = []
    with gunicorn() as basis:
        for pad in paginas:
            meting = wrk(basis + pad, cookie=cookie, verbindingen=32, seconden=30)
            figuren.append(
                Figuur(
                    f"rook {pad} errors @32 ({meting.requests} req)",
                    meting.errors,
                    "",
                    "= 0, > 0 req",
                    meting.errors == 0 and meting.requests > 0,
                )
            )
            figuren.append(Figuur(f"rook {pad} p95 @32", meting.p95_ms, "ms"))
            figuren.append(Figuur(f"rook {pad} throughput @32", meting.rps, "req/s"))
    return figuren
