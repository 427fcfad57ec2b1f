"""Shared fixtures: the five personas, a real Celery worker, and headless Chromium."""

import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from buurten.models import Rol
from tests.factories import (
    BuurtFactory,
    GemeenteFactory,
    LidmaatschapFactory,
    PartnerFactory,
    UserFactory,
)

ROOT = Path(__file__).resolve().parent.parent

# A fixed, unremarkable moment for tests whose outcome depends on today's date or the local time:
# midday on a Wednesday in summer time, far from midnight, month ends and DST changes.
# Hypothesis judges its own input generation and each example by the clock: on a loaded 2-core
# machine (the browser tests and a worker run beside) that fails a correct test, so the suite
# never asserts a timing there either. The properties and example counts stay as written.
hypothesis_settings.register_profile(
    "zorgnet", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("zorgnet")

VASTE_NU = datetime(2026, 6, 17, 12, 0, tzinfo=ZoneInfo("Europe/Brussels"))


def pytest_configure(config):
    """A fast password hasher: PBKDF2 made two thirds of the suite's time. Logins in the browser
    tests still go through the real login form and the real authentication backend."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    _migreer_sjabloon(config)


# --- one migrated template database for every xdist process (PostgreSQL) ------------------------
# Migrating from scratch costs 25 s of CPU (Django renders the model states of 77 migrations); each
# xdist process used to pay it at once, on 2 cores. The first process (the xdist controller, or a
# run without xdist) migrates one template database; every process's test database is then a copy
# of it (`CREATE DATABASE ... TEMPLATE`, Django's TEST["TEMPLATE"]), whose migrate finds nothing to
# apply. The template is kept between runs only while every migration file is unchanged (their
# hash is the database's comment), so a test never runs on an outdated schema.
def _sjabloon_naam() -> str | None:
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return None
    return f"test_{db['NAME']}_sjabloon"


def _migratiehash() -> str:
    import hashlib

    h = hashlib.sha256()
    for pad in sorted(ROOT.glob("**/migrations/*.py")):
        if ".venv" not in pad.parts:
            h.update(str(pad.relative_to(ROOT)).encode() + b"\0" + pad.read_bytes())
    return h.hexdigest()


def _psql(db: dict, sql: str) -> str | None:
    """One statement on the server's `postgres` database; the first value of its answer."""
    import psycopg

    with psycopg.connect(_database_url_van(db, "postgres"), autocommit=True) as verbinding:
        cursor = verbinding.execute(sql)
        rij = cursor.fetchone() if cursor.description else None
    return rij[0] if rij else None


def _migreer_sjabloon(config) -> None:
    naam = _sjabloon_naam()
    if naam is None:
        return
    db = settings.DATABASES["default"]
    db.setdefault("TEST", {})["TEMPLATE"] = naam
    if hasattr(config, "workerinput"):
        return  # an xdist process: the controller made the template before it started us
    hash_ = _migratiehash()
    bewaard = _psql(
        db,
        f"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{naam}'",
    )
    if bewaard == hash_:
        return
    _psql(db, f'DROP DATABASE IF EXISTS "{naam}"')
    _psql(db, f'CREATE DATABASE "{naam}"')
    env = {**os.environ, "DATABASE_URL": _database_url_van(db, naam)}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    _psql(db, f"COMMENT ON DATABASE \"{naam}\" IS '{hash_}'")


def _database_url_van(instellingen: dict, naam: str) -> str:
    gebruiker = instellingen.get("USER") or ""
    wachtwoord = instellingen.get("PASSWORD") or ""
    login = f"{gebruiker}:{wachtwoord}@" if wachtwoord else (f"{gebruiker}@" if gebruiker else "")
    host = instellingen.get("HOST") or "127.0.0.1"
    poort = instellingen.get("PORT") or "5432"
    return f"postgres://{login}{host}:{poort}/{naam}"


@pytest.hookimpl(tryfirst=True)  # before xdist turns group markers into its scheduling keys
def pytest_collection_modifyitems(config, items):
    """Browser and real-worker tests run one after the other in a single xdist process
    (`--dist loadgroup`): they share one Redis broker and one Chromium, while the other
    processes run the rest of the suite in parallel."""
    for item in items:
        if item.get_closest_marker("overal"):
            continue  # its own live server and Chromium in whichever process runs it
        if item.get_closest_marker("browser") or item.get_closest_marker("worker"):
            item.add_marker(pytest.mark.xdist_group("serieel"))
    # xdist hands out tests in this order: the serial group and the axe walk's parts (a minute
    # each) first, so that no process is left with one of them at the end while the others idle.
    items.sort(key=lambda item: 0 if item.get_closest_marker("overal") else 1)


@pytest.fixture
def reflectiekaders(db):
    """The reflection frameworks a data migration seeds. A transactional test (the browser
    journeys, the axe walk) flushes its process's database when it ends, seeded rows included,
    so a test that reads the frameworks seeds them again when they are gone (idempotent)."""
    from activiteiten.models import Framework
    from activiteiten.reflectie.kaders import zaai_reflectiekaders

    if not Framework.objects.exists():
        zaai_reflectiekaders()


@pytest.fixture(autouse=True)
def _taken_in_proces(request):
    """Tasks run in-process unless a test asks for the real worker (marker `worker`)."""
    from zorgnet.celery import app

    vorige = app.conf.task_always_eager
    app.conf.task_always_eager = request.node.get_closest_marker("worker") is None
    yield
    app.conf.task_always_eager = vorige


@pytest.fixture(autouse=True)
def _klok_uit_omgeving(request):
    """`ZORGNET_TEST_NU=2026-12-01T23:47 pytest ...` runs every test as if it started at that
    moment (local time of settings.TIME_ZONE unless an offset is given; the clock keeps ticking).

    A probe for tests that depend on the wall clock: they must pass at any moment. Tests that pin
    their own clock (time_machine.travel) override it. Not applied to browser and worker tests:
    Chromium and the worker process keep the real clock.
    """
    nu = os.environ.get("ZORGNET_TEST_NU")
    if (
        not nu
        or request.node.get_closest_marker("browser")
        or request.node.get_closest_marker("worker")
    ):
        yield
        return
    import time_machine

    moment = datetime.fromisoformat(nu)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))
    with time_machine.travel(moment, tick=True):
        yield


@pytest.fixture
def vaste_klok(time_machine):
    """Pins the clock at VASTE_NU (it keeps ticking): `pytestmark = usefixtures("vaste_klok")`."""
    time_machine.move_to(VASTE_NU)
    return VASTE_NU


@pytest.fixture(autouse=True)
def _wislog_in_tmp(settings, tmp_path):
    """Erasures logged by tests go to a temporary erasure log, not the checkout's var/."""
    settings.ZORGNET_WISLOG = tmp_path / "wissingen.jsonl"


def maak_wereld() -> SimpleNamespace:
    """Two gemeenten, buurt A (gemeente 1) and B (gemeente 2), and the five personas.

    regisseur_a, regisseur_b (other gemeente), partner_a (acts for partner `partner` in A),
    coordinator (of A's gemeente), and anonymous (no user). Needs database access.
    """
    gemeente_1 = GemeenteFactory(naam="Stederen")
    gemeente_2 = GemeenteFactory(naam="Gemeentegem")
    buurt_a = BuurtFactory(gemeente=gemeente_1, naam="Buurtegem")
    buurt_a2 = BuurtFactory(gemeente=gemeente_1, naam="Stationswijk")
    buurt_b = BuurtFactory(gemeente=gemeente_2, naam="De Leefhoek")
    partner = PartnerFactory(gemeente=gemeente_1, naam="OCMW Stederen", buurten=[buurt_a])
    regisseur_a = UserFactory(username="regisseur_a")
    regisseur_b = UserFactory(username="regisseur_b")
    partner_a = UserFactory(username="partner_a")
    coordinator = UserFactory(username="coordinator")
    LidmaatschapFactory(gebruiker=regisseur_a, buurt=buurt_a, rol=Rol.REGISSEUR)
    LidmaatschapFactory(gebruiker=regisseur_b, buurt=buurt_b, rol=Rol.REGISSEUR)
    LidmaatschapFactory(gebruiker=partner_a, buurt=buurt_a, rol=Rol.PARTNER, partner=partner)
    LidmaatschapFactory(gebruiker=coordinator, buurt=None, gemeente=gemeente_1, rol=Rol.COORDINATOR)
    return SimpleNamespace(
        gemeente_1=gemeente_1,
        gemeente_2=gemeente_2,
        buurt_a=buurt_a,
        buurt_a2=buurt_a2,
        buurt_b=buurt_b,
        partner=partner,
        regisseur_a=regisseur_a,
        regisseur_b=regisseur_b,
        partner_a=partner_a,
        coordinator=coordinator,
    )


@pytest.fixture
def wereld(db):
    """The persona world (see `maak_wereld`), made afresh for each test."""
    return maak_wereld()


@pytest.fixture
def als(client):
    """`als(user)` returns the test client logged in as that user."""

    def _als(user):
        client.force_login(user)
        return client

    return _als


# --- a real Celery worker against the Redis broker and the test database -----------------------
def _database_url_voor_worker() -> str:
    from django.db import connection

    return _database_url_van(connection.settings_dict, connection.settings_dict["NAME"])


class Werker:
    """A real `celery worker` process on the broker, pointed at the test database.

    `kill()` ends it abruptly (SIGKILL to its process group, as when a machine dies);
    `start()` starts a fresh one.
    """

    def __init__(self, log: Path):
        self.log = log
        self.proces: subprocess.Popen | None = None

    def start(self) -> None:
        env = {
            **os.environ,
            "DATABASE_URL": _database_url_voor_worker(),
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "DJANGO_SETTINGS_MODULE": "zorgnet.settings",
            "ZORGNET_WISLOG": str(self.log.parent / "wissingen.jsonl"),
            # mails the worker sends go to the session's real SMTP server (fixture smtp_server)
            "EMAIL_URL": os.environ.get("ZORGNET_TEST_EMAIL_URL", "consolemail://"),
        }
        begin = self.log.read_text() if self.log.exists() else ""
        with open(self.log, "a") as uit:
            self.proces = subprocess.Popen(
                [
                    sys.executable, "-m", "celery", "-A", "zorgnet", "worker",
                    "-Q", "default,long", "--concurrency", "1", "--pool", "prefork",
                    "--without-gossip", "--without-mingle", "-n", f"test-{os.getpid()}@%h",
                    "--loglevel", "INFO",
                ],
                cwd=ROOT, env=env, stdout=uit, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.log.read_text()[len(begin) :].count("ready.") >= 1:
                return
            if self.proces.poll() is not None:
                pytest.fail(f"Celery-worker stopte meteen:\n{self.log.read_text()}")
            time.sleep(0.3)
        self.kill()
        pytest.fail(f"Celery-worker werd niet klaar:\n{self.log.read_text()}")

    def kill(self) -> None:
        if self.proces and self.proces.poll() is None:
            os.killpg(self.proces.pid, signal.SIGKILL)
            self.proces.wait(timeout=20)

    def stop(self) -> None:
        if self.proces and self.proces.poll() is None:
            os.killpg(self.proces.pid, signal.SIGTERM)
            try:
                self.proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture(scope="session")
def celery_worker_proces(django_db_setup, django_db_blocker, tmp_path_factory, smtp_server):
    """Start `celery worker` as a separate process on the real broker, pointed at the test DB."""
    from django.db import connection

    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is niet gezet: geen echte Celery-worker")
    if connection.vendor != "postgresql":
        pytest.skip(
            "de worker-test heeft PostgreSQL nodig (een tweede proces ziet de testdatabase)"
        )
    from zorgnet.celery import app

    app.control.purge()
    werker = Werker(tmp_path_factory.mktemp("celery") / "worker.log")
    werker.start()
    yield werker
    werker.stop()


def wacht_tot(voorwaarde, *, seconden: float = 30, interval: float = 0.2):
    """Poll until `voorwaarde()` is truthy (for effects of a real worker); returns its value."""
    deadline = time.monotonic() + seconden
    while time.monotonic() < deadline:
        waarde = voorwaarde()
        if waarde:
            return waarde
        time.sleep(interval)
    return voorwaarde()


# --- headless Chromium via Playwright ----------------------------------------------------------
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium():
    """Headless Chromium for this process, without warming up anything in the live server."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is niet geïnstalleerd (apt-get install chromium)")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def browser(chromium):
    from zorgnet.lib import namen

    # The live server runs in this process: load deduce's name lists before the first page
    # posts a text, as zorgnet/wsgi.py does for production (seconds; once per process).
    namen.opwarmen()
    return chromium


# htmx inserts a swapped fragment at once, but attaches its listeners (hx-get on the new elements),
# fires htmx:load (the choice widgets) and sets the new classes only when the fragment settles, a
# moment later (htmx copies the old class attribute onto an element with the same id until then).
# A test that reads or uses a swapped fragment waits for that, as a person waits for the page.
HTMX_RUSTIG = (
    "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')"
)


def wacht_op_htmx(page) -> None:
    page.wait_for_function(HTMX_RUSTIG, polling=50)


@pytest.fixture
def pagina(browser, live_server):
    """A fresh browser page; `pagina.aanmelden(user)` logs in through the real login form."""
    context = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)

    def aanmelden(user, wachtwoord: str = "test-wachtwoord-123"):
        page.goto(f"{live_server.url}/aanmelden/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", wachtwoord)
        page.click("button[type=submit]")
        page.wait_for_load_state()

    page.aanmelden = aanmelden
    page.wacht_op_htmx = lambda: wacht_op_htmx(page)
    page.basis = live_server.url
    yield page
    context.close()


# --- e-mail: a file backend by default, a real SMTP server (aiosmtpd) when a test asks ---------
@pytest.fixture(autouse=True)
def _mail_in_tmp(settings, tmp_path):
    """Mails of tests that do not read them go to files in a temporary folder, not var/mail/."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")


class Postbus:
    """The messages a real SMTP server received (aiosmtpd), as `email.message.Message` objects."""

    def __init__(self):
        import threading

        self.berichten: list = []
        self._slot = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes, policy

        with self._slot:
            self.berichten.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def aan(self, adres: str) -> list:
        return [b for b in list(self.berichten) if adres.lower() in b["To"].lower()]

    def leeg(self) -> None:
        self.berichten.clear()

    @staticmethod
    def tekst(bericht) -> str:
        return bericht.get_body(preferencelist=("plain",)).get_content()

    @staticmethod
    def html(bericht) -> str:
        return bericht.get_body(preferencelist=("html",)).get_content()


def _vrije_poort() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def smtp_server():
    """A real SMTP server on a free port for the whole session (one per xdist process)."""
    import logging

    from aiosmtpd.controller import Controller

    logging.getLogger("mail.log").setLevel(logging.WARNING)
    postbus = Postbus()
    controller = Controller(postbus, hostname="127.0.0.1", port=_vrije_poort())
    controller.start()
    postbus.poort = controller.port
    os.environ["ZORGNET_TEST_EMAIL_URL"] = f"smtp://127.0.0.1:{controller.port}"
    yield postbus
    controller.stop()


@pytest.fixture
def postbus(smtp_server, settings):
    """Mails of this test go over SMTP to the real server; `postbus.berichten` holds them."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.poort
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    smtp_server.leeg()
    yield smtp_server
    smtp_server.leeg()
