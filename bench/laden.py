"""Load helpers for benchmarks: serve zorgnet with gunicorn on loopback and drive it with wrk.

Only 127.0.0.1 is ever targeted; every run is bounded in time and connections.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# wrk prints latency percentiles and error counts as JSON from its done() hook.
_WRK_LUA = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format('{"requests": %d, "errors": %d, "non2xx": %d, "p50": %f, "p95": %f, "p99": %f, "duration_s": %f}\\n',
    summary.requests, errors, summary.errors.status, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.duration / 1e6))
end
"""


@dataclass
class Meting:
    url: str
    verbindingen: int
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    rps: float


def django_env(**extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "zorgnet.settings",
        "AXES_ENABLED": "False",
        "DJANGO_DEBUG": "False",  # measure without DEBUG's query log and debug pages
    }
    env.update(extra)
    return env


def sessie_cookie(gebruikersnaam: str) -> str:
    """A valid session cookie for a user, made directly in the session store (no login form)."""
    code = (
        "import django; django.setup();"
        "from django.contrib.auth import get_user_model, SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY;"
        "from django.contrib.sessions.backends.db import SessionStore;"
        f"u = get_user_model().objects.get(username={gebruikersnaam!r});"
        "s = SessionStore(); s[SESSION_KEY] = str(u.pk);"
        "s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend';"
        "s[HASH_SESSION_KEY] = u.get_session_auth_hash(); s.create(); print(s.session_key)"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=django_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return f"sessionid={uit.stdout.strip().splitlines()[-1]}"


@contextmanager
def gunicorn(poort: int | None = None, workers: int = 4):
    """Serve zorgnet on 127.0.0.1:poort (default ZORGNET_BENCH_POORT or 8765) until the block
    ends."""
    poort = poort or int(os.environ.get("ZORGNET_BENCH_POORT", "8765"))
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "zorgnet.wsgi:application",
            # The production settings (the collector frozen after start-up); the arguments
            # below override its bind, workers and max_requests.
            "--config",
            str(ROOT / "ops" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{poort}",
            # No worker replacement in the middle of a measurement.
            "--max-requests",
            "0",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=django_env(),
        start_new_session=True,
    )
    basis = f"http://127.0.0.1:{poort}"
    try:
        deadline = time.monotonic() + 180  # a loaded 2-core machine starts 4 workers slowly
        while time.monotonic() < deadline:
            try:
                # A cold worker on a loaded machine takes seconds for its first request.
                urllib.request.urlopen(basis + "/gezondheid/", timeout=30)
                break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("gunicorn startte niet")
        yield basis
    finally:
        os.killpg(proces.pid, signal.SIGTERM)
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            # A worker still busy with a slow page after the graceful timeout: end it, do not
            # lose the run's figures.
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait(timeout=30)


def wrk(url: str, *, cookie: str = "", verbindingen: int = 1, seconden: int = 10) -> Meting:
    """Run wrk against one loopback URL and return latency percentiles and errors."""
    assert url.startswith("http://127.0.0.1"), "benchmarks target loopback only"
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk ontbreekt: apt-get install wrk")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(_WRK_LUA)
    cmd = [
        "wrk",
        "-t",
        str(min(verbindingen, 2)),
        "-c",
        str(verbindingen),
        "-d",
        f"{seconden}s",
        "--timeout",
        "10s",
        "-s",
        lua.name,
    ]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    uit = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=seconden + 60)
    os.unlink(lua.name)
    data = json.loads(uit.stdout.strip().splitlines()[-1])
    return Meting(
        url=url,
        verbindingen=verbindingen,
        requests=data["requests"],
        errors=data["errors"],
        p50_ms=data["p50"],
        p95_ms=data["p95"],
        p99_ms=data["p99"],
        rps=data["requests"] / max(data["duration_s"], 1e-9),
    )


def bereid_demo_voor() -> None:
    """Migrate and load the demo into the configured database (idempotent)."""
    for args in (["migrate", "--noinput", "-v0"], ["demo", "--stil"]):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=django_env(), check=True)
