from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from buurten import selectors
from buurten.models import Rol
from buurten.permissions import (
    buurten_voor,
    get_buurt_or_404,
    kan_beheren,
    leden,
    partner_ids_van,
    rollen_in_buurt,
)
from zorgnet.overzicht import cache
from zorgnet.overzicht.blokken import BUURTSECTIES, DASHBOARDBLOKKEN, Sectie
from zorgnet.overzicht.taken import mijn_taken

# The buurt cards at the top of the dashboard, cached like the blocks below them.
KAARTEN = Sectie(
    "kaarten",
    _("Mijn buurten"),
    "overzicht/_buurtkaarten.html",
    lambda request, buurten: {"buurten": buurten},
)


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
    # (per user, so never cached).
    eigen = {lid.buurt_id for lid in leden(user) if lid.rol == Rol.PARTNER and lid.buurt_id}
    taken = (
        [
            mijn_taken(user, b)
            for b in buurten_voor(user)
            .filter(id__in=eigen)
            .select_related("gemeente")
            .order_by("gemeente__naam", "naam")
            if partner_ids_van(user, b)
        ]
        if eigen
        else []
    )
    return render(
        request,
        "overzicht/dashboard.html",
        {"kaarten": kaarten, "blokken": blokken, "taken": taken, "vandaag": timezone.localdate()},
    )


@login_required
@require_GET
def buurt_detail(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """The buurt overview: one section per part of the werking, in the order of its cycle."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    html = cache.buurtblokken(request, buurt, BUURTSECTIES)
    secties = [(s.slug, s.titel, s, h) for s, h in zip(BUURTSECTIES, html, strict=True)]
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
