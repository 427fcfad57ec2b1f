"""List pages: one page of a queryset, and the filters to keep in the page links."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def pagina(request: HttpRequest, qs, per_pagina: int) -> Page:
    """The requested page (`?pagina=`); out-of-range or invalid numbers give the nearest page."""
    return Paginator(qs, per_pagina).get_page(request.GET.get("pagina"))


def querystring_zonder_pagina(request: HttpRequest) -> str:
    """The current filters as a query string, for the links to other pages."""
    q = request.GET.copy()
    q.pop("pagina", None)
    return q.urlencode()
