"""Template helpers shared by every app: buurt tabs, small-number suppression, Dutch dates."""

import re
from functools import lru_cache
from pathlib import Path

from django import template
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe

from zorgnet.lib import fragmentcache
from zorgnet.lib.choices import Niveau
from zorgnet.lib.kleine_aantallen import klein_aantal
from zorgnet.overzicht.blokken import BUURTSECTIES
from zorgnet.overzicht.cache import buurtprofiel

register = template.Library()


@register.inclusion_tag("components/buurt_subnav.html", takes_context=True)
def buurt_subnav(context, buurt, actief: str = "overzicht") -> dict:
    """Tabs for every section that has a full page and that the user may open, for this buurt."""
    request = context.get("request")
    user = getattr(request, "user", None)
    tabs = []
    for sectie in BUURTSECTIES:
        if sectie.mag is not None and (user is None or not sectie.mag(user, buurt)):
            continue
        if sectie.url_name:
            try:
                tabs.append((sectie.slug, sectie.titel, reverse(sectie.url_name, args=[buurt.id])))
            except NoReverseMatch:
                continue
    return {"buurt": buurt, "buurt_tabs": tabs, "actief": actief}


FILTERBALK = "components/filterbalk.html"


@register.simple_tag(takes_context=True)
def filterbalk(context, filters, doel: str = "#resultaten", trigger: str = "change, submit"):
    """The list pages' filter bar (components/filterbalk.html), from the fragment cache.

    Rendering a filter form's widgets is a few ms of every list page, and the bar depends only on
    the form, the query string and the buurt's data (its choices: partners, packages): the key
    holds the form's class, the path and query, the buurt's and gemeente's versions and the user's
    profile in the buurt. Validation stays in the view; only the HTML is kept."""
    request = context.get("request")
    buurt = context.get("buurt")
    waarden = {"filters": filters, "doel": doel, "trigger": trigger, "request": request}

    def maak() -> str:
        return render_to_string(FILTERBALK, waarden)

    if request is None or buurt is None:
        return mark_safe(maak())  # noqa: S308 - our own rendered template
    sleutel = fragmentcache.sleutel(
        "filterbalk",
        type(filters).__module__,
        type(filters).__qualname__,
        request.path,
        sorted(request.GET.lists()),
        doel,
        trigger,
        fragmentcache.versies(buurten=[buurt.id], gemeenten=[buurt.gemeente_id]),
        buurtprofiel(request.user, buurt),
    )
    (html,) = fragmentcache.fragmenten([(sleutel, maak)])
    return mark_safe(html)  # noqa: S308 - our own rendered template


# The one suppression rule, unchanged: a template prints the int it returns just as it would a
# string, and reports and XLSX sheets call the same function and keep real numbers.
register.filter("klein_aantal", klein_aantal)


@register.filter
def niveaus(codes) -> str:
    """Levels of collaboration or decision (stored as codes) as the UI names them, joined:
    "Strategisch (doelen), Operationeel (uitvoering)"; "–" when there are none."""
    labels = dict(Niveau.choices)
    return ", ".join(str(labels.get(c, c)) for c in codes or []) or "–"


ICONEN = Path(__file__).resolve().parents[3] / "static" / "vendor" / "lucide"


@lru_cache(maxsize=64)
def _icoon_svg(naam: str) -> str:
    """The vendored Lucide SVG without its licence comment (the licence sits beside it)."""
    if not naam.replace("-", "").isalnum():
        raise ValueError(naam)
    svg = (ICONEN / f"{naam}.svg").read_text(encoding="utf-8")
    svg = re.sub(r"<!--.*?-->\s*", "", svg, flags=re.S)
    svg = re.sub(r'class="lucide[^"]*"', 'class="icoon" aria-hidden="true" focusable="false"', svg)
    return re.sub(r"\s+", " ", svg).replace("> <", "><").strip()


@register.simple_tag
def icoon(naam: str) -> str:
    """An inline SVG icon (decorative: the text beside it names the action): `{% icoon "plus" %}`."""
    return mark_safe(_icoon_svg(naam))  # noqa: S308 - a vendored file, cleaned above
