from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from buurten import selectors
from buurten.permissions import get_buurt_or_404, kan_beheren, partner_ids_van, rollen_in_buurt
from zorgnet.overzicht.blokken import BUURTSECTIES, DASHBOARDBLOKKEN
from zorgnet.overzicht.taken import mijn_taken


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """'Mijn buurten': only the buurten the user belongs to, plus reminders from the apps."""
    buurten = list(selectors.mijn_buurten(request.user))
    blokken = [(blok, blok.context(request, buurten)) for blok in DASHBOARDBLOKKEN]
    # A partner user's first screen: log an action or a signal, and their to-dos, per buurt.
    taken = [mijn_taken(request.user, b) for b in buurten if partner_ids_van(request.user, b)]
    return render(
        request,
        "overzicht/dashboard.html",
        {"buurten": buurten, "blokken": blokken, "taken": taken, "vandaag": timezone.localdate()},
    )


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
            "taken": mijn_taken(request.user, buurt)
            if partner_ids_van(request.user, buurt)
            else None,
            "vandaag": timezone.localdate(),
        },
    )
