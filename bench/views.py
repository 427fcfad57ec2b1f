from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET


@login_required
@require_GET
def basislijn(request: HttpRequest) -> HttpResponse:
    """Benchmark baseline: the full middleware stack, a session and one trivial query.

    Harmless and cheap: it shows nothing but "ok". Page latencies are compared to this one.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
