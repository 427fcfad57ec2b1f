"""The benchmark databases: DATABASE_URL (full scale) and a 1/100 sibling `<name>_klein`.

Both names must contain "bench": benchmarks create, fill and wipe them, never real data.
"""

import json
import os
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

from bench.laden import ROOT, django_env

STANDAARD_URL = "postgres://postgres@127.0.0.1:5432/zorgnet_bench"


def schaal() -> float:
    return float(os.environ.get("ZORGNET_BENCH_SCHAAL", "1.0"))


def database_url() -> str:
    url = os.environ.get("DATABASE_URL") or STANDAARD_URL
    if not url.startswith("postgres"):
        raise SystemExit(
            "make bench hoort op PostgreSQL: zet DATABASE_URL=postgres://.../zorgnet_bench"
        )
    if "bench" not in urlsplit(url).path:
        raise SystemExit(
            f"Weigert: {url} is geen benchmarkdatabase (de naam moet 'bench' bevatten)."
        )
    return url


def kleine_url() -> str:
    deel = urlsplit(database_url())
    return urlunsplit(deel._replace(path=deel.path + "_klein"))


def maak_database(url: str) -> None:
    """CREATE DATABASE if it does not exist yet (connects to the maintenance database)."""
    import psycopg

    deel = urlsplit(url)
    naam = deel.path.lstrip("/")
    beheer = urlunsplit(deel._replace(path="/postgres"))
    with psycopg.connect(beheer, autocommit=True) as verbinding:
        bestaat = verbinding.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [naam]
        ).fetchone()
        if not bestaat:
            verbinding.execute(f'CREATE DATABASE "{naam}"')


def manage(url: str, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=django_env(DATABASE_URL=url),
        check=True,
    )


def meet(url: str, opdracht: str, **argumenten) -> dict:
    """Run `python -m bench.meet <opdracht>` in a fresh process on one database; returns its JSON."""
    uit = subprocess.run(
        [sys.executable, "-m", "bench.meet", opdracht, json.dumps(argumenten)],
        cwd=ROOT,
        env=django_env(DATABASE_URL=url),
        capture_output=True,
        text=True,
    )
    if uit.returncode:
        raise RuntimeError(f"bench.meet {opdracht} faalde:\n{uit.stderr[-3000:]}")
    return json.loads(uit.stdout.strip().splitlines()[-1])
