"""List pages: one page of a queryset. The links to other pages keep the filters through the
`{% querystring %}` tag in templates/components/paginering.html."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

from zorgnet.lib import fragmentcache

PER_PAGINA = 25


def pagina(
    request: HttpRequest,
    qs,
    per_pagina: int = PER_PAGINA,
    aantal: int | None = None,
    *,
    buurt=None,
) -> Page:
    """The requested page (`?pagina=`); out-of-range or invalid numbers give the nearest page.

    `aantal`: the number of rows when a cheaper query than `qs.count()` knows it (e.g. counted on
    a denormalised index); it must equal what `qs` lists.
    `buurt`: the buurt whose rows `qs` lists (with its gemeente's partners): the count then comes
    from the versioned fragment cache (`fragmentcache.telling`), counted again after any write in
    the buurt or its gemeente."""
    if aantal is None and buurt is not None:
        aantal = fragmentcache.telling(qs, buurten=[buurt.pk], gemeenten=[buurt.gemeente_id])
    paginator = Paginator(qs, per_pagina)
    if aantal is not None:
        paginator.count = aantal  # a cached_property: set, it is never queried
    return paginator.get_page(request.GET.get("pagina"))
