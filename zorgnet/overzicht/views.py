from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from buurten import selectors
from buurten.permissions import get_buurt_or_404, kan_beheren, rollen_in_buurt
from zorgnet.overzicht.blokken import BUURTSECTIES, DASHBOARDBLOKKEN


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """'Mijn buurten': only the buurten the user belongs to, plus reminders from the apps."""
    buurten = list(selectors.mijn_buurten(request.user))
    blokken = [(blok, blok.context(request, buurten)) for blok in DASHBOARDBLOKKEN]
    return render(request, "overzicht/dashboard.html", {"buurten": buurten, "blokken": blokken})


@login_required
@require_GET
def buurt_detail(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """The buurt overview: one section per part of the werking, in the order of its cycle."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    secties = [(s.slug, s.titel, s, s.context(request, buurt)) for s in BUURTSECTIES]
    return render(
        request,
        "overzicht/buurt_detail.html",
        {
            "buurt": buurt,
            "secties": secties,
            "rollen": rollen_in_buurt(request.user, buurt),
            "mag_beheren": kan_beheren(request.user, buurt),
        },
    )
