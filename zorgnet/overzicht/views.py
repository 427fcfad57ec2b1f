from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from buurten import selectors
from buurten.models import Buurt
from buurten.permissions import (
    buurten_voor,
    get_buurt_or_404,
    kan_beheren,
    rollen_in_buurt,
)
from partners import selectors as partners
from zorgnet.lib import cijfers
from zorgnet.lib.choices import label
from zorgnet.overzicht import cache
from zorgnet.overzicht.blokken import BUURTSECTIES, DASHBOARDBLOKKEN, Sectie


def _kaarten(request: HttpRequest, buurten: list[Buurt]) -> dict:
    """Per card only values: the URL, the plural label and the network type's label are made
    here once per card with plain calls (148 cards for the largest gemeente's coordinator), not
    with {% url %}, {% blocktranslate count %} and get_FOO_display in the template."""
    per_buurt = partners.partners_in_de_buurt_per_buurt([b.id for b in buurten])
    url = reverse("buurt_detail", args=[0]).removesuffix("0/")
    for b in buurten:
        b.aantal_partners = per_buurt.get(b.id, 0)
        b.url = f"{url}{b.id}/"
        b.partners_label = ngettext(
            "%(n)s partner in de buurt", "%(n)s partners in de buurt", b.aantal_partners
        ) % {"n": b.aantal_partners}
        b.netwerktype_label = label(Buurt, "netwerktype", b.netwerktype)
    return {"buurten": buurten, "uitleg_partners": cijfers.PARTNERS_IN_DE_BUURT}


# The buurt cards at the top of the dashboard, cached like the blocks below them.
KAARTEN = Sectie("kaarten", _("Mijn buurten"), "overzicht/_buurtkaarten.html", _kaarten)


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """'Mijn buurten': only the buurten the user belongs to, plus reminders from the apps."""
    user = request.user
    scopes = list(buurten_voor(user).values_list("id", "gemeente_id"))
    kaarten, *blokken = cache.dashboardblokken(
        request,
        scopes,
        [KAARTEN, *DASHBOARDBLOKKEN],
        lambda: list(selectors.mijn_buurten(user)),
    )
    # A partner user's first screen: log an action or a signal, and their to-dos, per buurt
    # (keyed by the buurt's versions and the user's profile in it).
    taken = cache.takenblokken(request, scopes, toon_buurt=True)
    return render(
        request,
        "overzicht/dashboard.html",
        {"kaarten": kaarten, "blokken": blokken, "taken": taken},
    )


@login_required
@require_GET
def buurt_detail(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """The buurt overview: one section per part of the werking, in the order of its cycle."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    html = cache.buurtblokken(request, buurt, BUURTSECTIES)
    # A section's title links to its full page only for whom that page opens (no link to a 403).
    secties = [
        (s.slug, s.titel, s.url_name if s.mag is None or s.mag(request.user, buurt) else None, h)
        for s, h in zip(BUURTSECTIES, html, strict=True)
    ]
    return render(
        request,
        "overzicht/buurt_detail.html",
        {
            "buurt": buurt,
            "secties": secties,
            "rollen": rollen_in_buurt(request.user, buurt),
            "mag_beheren": kan_beheren(request.user, buurt),
            "taken": cache.takenblokken(request, [(buurt.id, buurt.gemeente_id)], toon_buurt=False),
        },
    )
