"""List pages: one page of a queryset. The links to other pages keep the filters through the
`{% querystring %}` tag in templates/components/paginering.html."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PER_PAGINA = 25


def pagina(request: HttpRequest, qs, per_pagina: int = PER_PAGINA) -> Page:
    """The requested page (`?pagina=`); out-of-range or invalid numbers give the nearest page."""
    return Paginator(qs, per_pagina).get_page(request.GET.get("pagina"))
