"""Template helpers shared by every app: buurt tabs, small-number suppression, Dutch dates."""

from django import template
from django.urls import NoReverseMatch, reverse

from zorgnet.lib.kleine_aantallen import klein_aantal as _klein_aantal
from zorgnet.overzicht.blokken import BUURTSECTIES

register = template.Library()


@register.inclusion_tag("components/buurt_subnav.html")
def buurt_subnav(buurt, actief: str = "overzicht") -> dict:
    """Tabs for every section that has a full page, for this buurt."""
    tabs = []
    for sectie in BUURTSECTIES:
        if sectie.url_name:
            try:
                tabs.append((sectie.slug, sectie.titel, reverse(sectie.url_name, args=[buurt.id])))
            except NoReverseMatch:
                continue
    return {"buurt": buurt, "buurt_tabs": tabs, "actief": actief}


@register.filter
def klein_aantal(waarde) -> str:
    """Counts of signals or residents below the threshold show as '< 5' (privacy)."""
    uit = _klein_aantal(waarde)
    return str(uit) if isinstance(uit, int) and not isinstance(uit, bool) else uit
