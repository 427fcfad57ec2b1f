from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def _render(url: str, nummer: int, **extra) -> str:
    request = RequestFactory().get(url)
    pagina = Paginator(list(range(30)), 10).page(nummer)
    return render_to_string("components/paginering.html", {"pagina": pagina, **extra}, request)


def test_paginalinks_houden_de_filters():
    html = _render("/acties/?status=lopend&van=2025-01-01&pagina=2", 2)
    assert 'href="?status=lopend&amp;van=2025-01-01&amp;pagina=1"' in html
    assert 'href="?status=lopend&amp;van=2025-01-01&amp;pagina=3"' in html
    assert "hx-get" not in html


def test_htmx_doel_krijgt_dezelfde_link():
    html = _render("/partners/?zoek=buurt", 1, hx_target="#partnertabel")
    assert 'hx-get="?zoek=buurt&amp;pagina=2" hx-target="#partnertabel"' in html
    assert "Vorige" not in html


def test_een_pagina_geeft_geen_balk():
    request = RequestFactory().get("/")
    pagina = Paginator([1], 10).page(1)
    assert render_to_string("components/paginering.html", {"pagina": pagina}, request).strip() == ""
