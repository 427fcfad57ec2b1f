"""zorgnet settings: one file, driven by environment variables (see .env.example).

Two modes: `development` (the embedded default: SQLite, tasks in-process, a generated secret key)
and `production` (everything must be configured explicitly).
"""

import secrets
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

ZORGNET_ENV = env.str("ZORGNET_ENV", default="development")
if ZORGNET_ENV not in {"development", "production"}:
    raise ImproperlyConfigured(
        f"ZORGNET_ENV moet 'development' of 'production' zijn, niet {ZORGNET_ENV!r}."
    )
PRODUCTION = ZORGNET_ENV == "production"
# Off in the embedded default too (issue 19): whoever tries `make run` gets the Dutch 404 and 500
# pages, not Django's English debug page that lists every URL. A developer sets DJANGO_DEBUG=1.
DEBUG = env.bool("DJANGO_DEBUG", default=False)


def _secret_key() -> str:
    key = env.str("DJANGO_SECRET_KEY", default="")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY ontbreekt: in productie start zorgnet niet zonder geheime sleutel. "
            "Zet DJANGO_SECRET_KEY in de omgeving (zie .env.example)."
        )
    # The embedded default generates one key per checkout and keeps it, so sessions survive restarts.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "import_export",
    "simple_history",
    "axes",
    "csp",
    "buurten",
    "partners",
    "activiteiten",
    "zorgnet.netwerkanalyse",
    "zorgnet.overzicht",
    "zorgnet.rapport",
    "zorgnet.toegang",
    "zorgnet.demo",
]
# Benchmarks (`make bench`, and the test suite): the scale data command and the baseline page.
ZORGNET_BENCH = env.bool("ZORGNET_BENCH", default=False)
if ZORGNET_BENCH:
    INSTALLED_APPS.append("bench")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "buurten.middleware.WeigeringenMiddleware",
]

ROOT_URLCONF = "zorgnet.urls"
WSGI_APPLICATION = "zorgnet.wsgi.application"

# Every form error list shows the privacy check's redacted suggestion (zorgnet.lib.forms).
FORM_RENDERER = "zorgnet.lib.forms.Renderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
            "builtins": ["django.templatetags.i18n"],
        },
    }
]

# --- database: PostgreSQL in production and CI, SQLite as the embedded default -----------------
PG_OLTP_OPTIES = "-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1 -c jit=off"
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'zorgnet.sqlite3'}"),
}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    # Planner settings for small OLTP queries, sent per connection (libpq `options`): a parallel
    # worker's start cost more than a page's scans, and on SSD an index read is barely dearer than
    # a sequential one (bench: 4-16 ms per page). Empty turns it off; see .env.example.
    _pg_opties = env.str("DATABASE_PG_OPTIES", default=PG_OLTP_OPTIES).strip()
    if _pg_opties:
        DATABASES["default"].setdefault("OPTIONS", {})
        DATABASES["default"]["OPTIONS"]["options"] = " ".join(
            filter(None, [DATABASES["default"]["OPTIONS"].get("options", ""), _pg_opties])
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- auth ---------------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "zorgnet.lib.wachtwoorden.MinimumLengte",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
# Lock out the combination of user name and address (issue 16): five wrong passwords for one user
# do not lock that user out everywhere, nor every other user behind the same address.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)

# --- security -----------------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # The container healthcheck calls /gezondheid/ over plain http inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^gezondheid/$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Strict CSP: no inline scripts; htmx is configured through a meta tag instead of inline code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- i18n ---------------------------------------------------------------------------------------
LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", "Nederlands")]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- static and media ---------------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
# Without DEBUG, runserver serves no static files: whitenoise does, straight from the source folders
# outside production (no collectstatic for `make run`); production serves the collected files.
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Celery: Redis as broker when REDIS_URL is set, otherwise tasks run in-process -------------
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
# The fragment cache of the buurt page and the dashboards (zorgnet/lib/fragmentcache.py): Redis
# when REDIS_URL is set (ZORGNET_CACHE_URL overrides it), local memory otherwise.
ZORGNET_CACHE_URL = env.str("ZORGNET_CACHE_URL", default=REDIS_URL)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": ZORGNET_CACHE_URL,
    }
    if ZORGNET_CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "zorgnet"}
}
ZORGNET_FRAGMENTCACHE = env.bool("ZORGNET_FRAGMENTCACHE", default=True)
ZORGNET_FRAGMENTCACHE_SECONDEN = env.int("ZORGNET_FRAGMENTCACHE_SECONDEN", default=86400)
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "default"
# Long jobs (network metrics, reports, big exports) run on their own queue; their time limits stay
# below the broker's visibility timeout so an unacknowledged job is not redelivered in a loop.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_SOFT_TIME_LIMIT = 1500
CELERY_TASK_TIME_LIMIT = 1800
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BEAT_SCHEDULE: dict = {
    "hartslag": {"task": "buurten.tasks.hartslag", "schedule": 300.0, "args": ["beat"]},
    # Daily: anonymise old signals, purge old access events (ZORGNET_BEWAARTERMIJNEN).
    "bewaartermijnen": {
        "task": "zorgnet.toegang.tasks.bewaartermijnen_toepassen",
        "schedule": 24 * 3600.0,
    },
    # Daily: report files and previews past ZORGNET_BEWAARTERMIJNEN["rapport"] (its own job: the
    # layer contract keeps zorgnet.toegang and zorgnet.rapport independent).
    "rapport-bewaartermijn": {
        "task": "zorgnet.rapport.tasks.rapporten_opruimen",
        "schedule": 24 * 3600.0,
    },
    # Network analysis: a weekly snapshot per buurt and gemeente; stuck runs reset every 10 min.
    "netwerk-snapshots": {"task": "partners.tasks.netwerk_snapshots", "schedule": 7 * 86400.0},
    "netwerk-vastgelopen": {
        "task": "partners.tasks.netwerk_vastgelopen_resetten",
        "schedule": 600.0,
    },
    # Job-made records (zorgnet.lib.taakrecords.reset_vastgelopen): every 10 min, records whose
    # worker died are queued again or failed, and records whose message was lost are queued again.
    "importen-vastgelopen": {
        "task": "partners.tasks.importen_vastgelopen_afsluiten",
        "schedule": 600.0,
    },
    "exports-vastgelopen": {
        "task": "activiteiten.tasks.exports_vastgelopen_afsluiten",
        "schedule": 600.0,
    },
    "rapporten-vastgelopen": {
        "task": "zorgnet.rapport.tasks.rapporten_vastgelopen_resetten",
        "schedule": 600.0,
    },
    # Notifications: daily reminders (due meeting actions, expiring mandates, stale profiles),
    # daily and weekly digests, the weekly summary, and mails still waiting after a lost message.
    "meldingen-herinneringen": {
        "task": "zorgnet.overzicht.tasks.herinneringen_maken",
        "schedule": crontab(hour=6, minute=30),
    },
    "meldingen-dagelijks": {
        "task": "buurten.meldingen.tasks.dagoverzichten_versturen",
        "schedule": crontab(hour=7, minute=0),
    },
    "meldingen-wekelijks": {
        "task": "buurten.meldingen.tasks.weekoverzichten_versturen",
        "schedule": crontab(hour=7, minute=15, day_of_week=1),
    },
    "wekelijkse-samenvatting": {
        "task": "zorgnet.overzicht.tasks.wekelijkse_samenvatting",
        "schedule": crontab(hour=7, minute=30, day_of_week=1),
    },
    "mails-wachtend": {"task": "buurten.meldingen.tasks.wachtende_mails", "schedule": 900.0},
}

# --- e-mail: one EMAIL_URL (django-environ); the embedded default writes mails to var/mail/ ------
# smtp://user:pass@host:587 (STARTTLS: smtp+tls://, TLS: smtp+ssl://), consolemail://, filemail:///path
_EMAIL = env.email_url(
    "EMAIL_URL", default="consolemail://" if PRODUCTION else f"filemail:///{VAR_DIR / 'mail'}"
)
globals().update({k: v for k, v in _EMAIL.items() if v not in (None, "")})
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="zorgnet <noreply@zorgnet.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
# The address in links of mails (no request at hand in a Celery task).
ZORGNET_BASIS_URL = env.str("ZORGNET_BASIS_URL", default="http://127.0.0.1:8000").rstrip("/")
# An invitation link (and a password reset link) is valid this many hours, once.
ZORGNET_UITNODIGING_GELDIG_UREN = env.int("ZORGNET_UITNODIGING_GELDIG_UREN", default=72)
PASSWORD_RESET_TIMEOUT = ZORGNET_UITNODIGING_GELDIG_UREN * 3600
# At most this many password reset mails per address (and per IP address) per hour.
ZORGNET_WACHTWOORDHERSTEL_PER_UUR = env.int("ZORGNET_WACHTWOORDHERSTEL_PER_UUR", default=3)

# --- zorgnet ------------------------------------------------------------------------------------
# Retention per object type, in days, applied by the daily job `bewaartermijnen_toepassen`:
# signals lose their free text (counts stay); access events and export files are deleted.
ZORGNET_BEWAARTERMIJNEN = {
    "signaal": env.int("ZORGNET_BEWAARTERMIJN_SIGNALEN_DAGEN", default=730),
    "toegangsgebeurtenis": env.int("ZORGNET_BEWAARTERMIJN_TOEGANGSLOG_DAGEN", default=730),
    "exportbestand": env.int("ZORGNET_BEWAARTERMIJN_EXPORTS_DAGEN", default=7),
    "importtaak": env.int("ZORGNET_BEWAARTERMIJN_IMPORTS_DAGEN", default=30),
    "rapport": env.int("ZORGNET_BEWAARTERMIJN_RAPPORTEN_DAGEN", default=365),
}
# An XLSX export with more rows than this is written by a job (long queue) instead of in the request.
ZORGNET_XLSX_JOB_VANAF = env.int("ZORGNET_XLSX_JOB_VANAF", default=20_000)
# Counts below this threshold are shown as "< 5" in reports and exports.
ZORGNET_KLEINE_AANTALLEN_DREMPEL = env.int("ZORGNET_KLEINE_AANTALLEN_DREMPEL", default=5)
# Maximum number of exports a partner account may make per day.
ZORGNET_PARTNER_EXPORTS_PER_DAG = env.int("ZORGNET_PARTNER_EXPORTS_PER_DAG", default=20)
# A report preview younger than this many minutes is served as current: asking for the preview
# again reuses it instead of starting a new job ("Vernieuwen" always makes a new one).
ZORGNET_RAPPORT_VOORBEELD_VERS_MINUTEN = env.int(
    "ZORGNET_RAPPORT_VOORBEELD_VERS_MINUTEN", default=15
)

# Append-only log of erasures, outside the database, replayed after a restore (ops/restore.sh).
# Uploads and imports (issue 16, zorgnet/lib/bestanden.py and zorgnet/lib/importbestand.py).
ZORGNET_UPLOAD_MAX_MB = env.int("ZORGNET_UPLOAD_MAX_MB", default=10)
ZORGNET_IMPORT_MAX_MB = env.int("ZORGNET_IMPORT_MAX_MB", default=5)
ZORGNET_IMPORT_MAX_RIJEN = env.int("ZORGNET_IMPORT_MAX_RIJEN", default=5000)
# Above this many rows the dry run and the import run as a job (partners.tasks.import_uitvoeren).
ZORGNET_IMPORT_JOB_VANAF_RIJEN = env.int("ZORGNET_IMPORT_JOB_VANAF_RIJEN", default=500)

ZORGNET_WISLOG = env.path("ZORGNET_WISLOG", default=VAR_DIR / "wissingen.jsonl")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
