from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from buurten import selectors
from buurten.models import Buurt
from buurten.permissions import get_buurt_or_404, kan_beheren, partner_ids_van, rollen_in_buurt
from partners import selectors as partners
from zorgnet.lib import cijfers
from zorgnet.lib.choices import label
from zorgnet.overzicht.blokken import BUURTSECTIES, DASHBOARDBLOKKEN
from zorgnet.overzicht.taken import mijn_taken


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """'Mijn buurten': only the buurten the user belongs to, plus reminders from the apps."""
    buurten = list(selectors.mijn_buurten(request.user))
    per_buurt = partners.partners_in_de_buurt_per_buurt([b.id for b in buurten])
    # Per card only values: the URL, the plural label and the network type's label are made
    # here once per card with plain calls (148 cards for the largest gemeente's coordinator),
    # not with {% url %}, {% blocktranslate count %} and get_FOO_display in the template.
    url = reverse("buurt_detail", args=[0]).removesuffix("0/")
    for b in buurten:
        b.aantal_partners = per_buurt.get(b.id, 0)
        b.url = f"{url}{b.id}/"
        b.partners_label = ngettext(
            "%(n)s partner in de buurt", "%(n)s partners in de buurt", b.aantal_partners
        ) % {"n": b.aantal_partners}
        b.netwerktype_label = label(Buurt, "netwerktype", b.netwerktype)
    blokken = [(blok, blok.context(request, buurten)) for blok in DASHBOARDBLOKKEN]
    # A partner user's first screen: log an action or a signal, and their to-dos, per buurt.
    taken = [mijn_taken(request.user, b) for b in buurten if partner_ids_van(request.user, b)]
    return render(
        request,
        "overzicht/dashboard.html",
        {
            "buurten": buurten,
            "blokken": blokken,
            "taken": taken,
            "vandaag": timezone.localdate(),
            "uitleg_partners": cijfers.PARTNERS_IN_DE_BUURT,
        },
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
