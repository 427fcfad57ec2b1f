from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from zorgnet.lib.secties import buurtsecties, dashboardblokken

from . import selectors
from .permissions import get_buurt_or_404, kan_beheren, rollen_in_buurt


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """'Mijn buurten': only the buurten the user belongs to, plus reminders from other apps."""
    buurten = list(selectors.mijn_buurten(request.user))
    blokken = [(blok, blok.context(request, buurten)) for blok in dashboardblokken()]
    return render(request, "buurten/dashboard.html", {"buurten": buurten, "blokken": blokken})


@login_required
@require_GET
def buurt_detail(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """The buurt overview: one section per part of the werking, filled by the apps."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    secties = [
        (slug, titel, sectie, sectie.context(request, buurt) if sectie else {})
        for slug, titel, sectie in buurtsecties()
    ]
    return render(
        request,
        "buurten/buurt_detail.html",
        {
            "buurt": buurt,
            "secties": secties,
            "rollen": rollen_in_buurt(request.user, buurt),
            "mag_beheren": kan_beheren(request.user, buurt),
        },
    )
