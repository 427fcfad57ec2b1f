"""Template helpers shared by every app: buurt tabs, small-number suppression, Dutch dates."""

import re
from functools import lru_cache
from pathlib import Path

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe

from zorgnet.lib.kleine_aantallen import klein_aantal
from zorgnet.overzicht.blokken import BUURTSECTIES

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


# The one suppression rule, unchanged: a template prints the int it returns just as it would a
# string, and reports and XLSX sheets call the same function and keep real numbers.
register.filter("klein_aantal", klein_aantal)


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
