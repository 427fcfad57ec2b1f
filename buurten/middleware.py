"""Logs refused requests (403 and 404 raised by views) as access events, and answers the daily
export limit with 429."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import render

from .services import ExportlimietBereikt, registreer_weigering

logger = logging.getLogger(__name__)


class WeigeringenMiddleware:
    """Every PermissionDenied or Http404 a view raises for a signed-in user writes one 'geweigerd'
    event (user, role, object type and id from the URL, never content). Cheap: one small lookup
    and one insert, only on refusals."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, ExportlimietBereikt):
            # Already logged by controleer_exportlimiet.
            return render(request, "429.html", {"exception": exception}, status=429)
        if not isinstance(exception, PermissionDenied | Http404):
            return None
        match = getattr(request, "resolver_match", None)
        if match is None:
            return None
        try:
            with transaction.atomic():
                registreer_weigering(
                    gebruiker=request.user,
                    url_naam=match.view_name,
                    kwargs=match.kwargs,
                    status=403 if isinstance(exception, PermissionDenied) else 404,
                    methode=request.method,
                )
        except Exception:  # the refusal itself must still reach the user
            logger.exception("weigering niet gelogd")
        return None
