"""`make bench`: run every bench/bench_*.py, print one table with figure, target and PASS/FAIL,
and write it with the date and machine facts to bench/results/."""

import datetime as dt
import importlib
import os
import pkgutil
import platform
import sys
from pathlib import Path

from bench.figuur import Figuur, tabel

RESULTS = Path(__file__).resolve().parent / "results"


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem = 0
    return f"{platform.node()} · {cpu} · {os.cpu_count()} cores · {mem:.0f} GiB · Python {platform.python_version()}"


def main(argv: list[str]) -> int:
    kies = set(argv)
    # Benchmarks run on a PostgreSQL database whose name contains "bench" (see bench/omgeving.py).
    os.environ.setdefault("ZORGNET_BENCH", "1")
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/zorgnet_bench")
    figuren: list[Figuur] = []
    pakket = Path(__file__).resolve().parent
    for info in sorted(pkgutil.iter_modules([str(pakket)]), key=lambda m: m.name):
        if not info.name.startswith("bench_") or (kies and info.name not in kies):
            continue
        module = importlib.import_module(f"bench.{info.name}")
        print(f"== {info.name}", flush=True)
        figuren.extend(module.run())
    tekst = tabel(figuren)
    kop = f"zorgnet bench {dt.datetime.now():%Y-%m-%d %H:%M} · {_machine()}\n"
    print(kop + tekst)
    RESULTS.mkdir(exist_ok=True)
    if kies:  # a partial run (`python -m bench bench_x`) never replaces the full table
        deel = "-".join(sorted(k.removeprefix("bench_") for k in kies))
        (RESULTS / f"{dt.date.today():%Y-%m-%d}-deel-{deel}.txt").write_text(kop + tekst + "\n")
    else:
        (RESULTS / f"{dt.date.today():%Y-%m-%d}.txt").write_text(kop + tekst + "\n")
        (RESULTS / "latest.txt").write_text(kop + tekst + "\n")
    return 0 if all(f.geslaagd is not False for f in figuren) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
