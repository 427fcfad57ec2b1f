"""Project-level views: the health endpoint."""

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def _broker_status() -> str:
    if not settings.REDIS_URL:
        return "in-process"
    try:
        import redis

        return "ok" if redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2).ping() else "fout"
    except Exception:
        return "fout"


def _laatste_hartslag() -> str | None:
    from buurten.models import Hartslag

    laatste = Hartslag.objects.order_by("-tijdstip").values_list("tijdstip", flat=True).first()
    return laatste.isoformat() if laatste else None


@never_cache
@require_GET
def gezondheid(request: HttpRequest) -> JsonResponse:
    """Database and broker status, for compose healthchecks and monitoring."""
    database = "ok" if _database_ok() else "fout"
    broker = _broker_status()
    gezond = database == "ok" and broker != "fout"
    return JsonResponse(
        {
            "status": "ok" if gezond else "fout",
            "database": database,
            "broker": broker,
            "laatste_hartslag": _laatste_hartslag() if database == "ok" else None,
        },
        status=200 if gezond else 503,
    )
