"""People management pages: thin views that parse, call a service and render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from buurten import services as buurt_services
from buurten.permissions import get_buurt_or_404, get_gemeente_or_404, vereis_beheer
from zorgnet.lib.forms import fouten_naar_form

from . import selectors, services
from .forms import BuurtForm, RegisseurForm, RolForm, UitnodigingForm, WachtwoordForm
from .permissions import vereis_coordinator

GET_POST = require_http_methods(["GET", "POST"])


def _leden_pagina(request, buurt, form=None, status=200):
    contactpersonen = selectors.uitnodigbare_contactpersonen(buurt)
    return render(
        request,
        "toegang/leden/leden_list.html",
        {
            "buurt": buurt,
            "leden": selectors.leden_van(buurt),
            "uitnodigingen": selectors.open_uitnodigingen(buurt),
            "form": form or UitnodigingForm(contactpersonen=contactpersonen),
            "rolform": RolForm(),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET"])
def leden_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """The buurt's members and open invitations; the regisseur invites from here."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    return _leden_pagina(request, buurt)


@login_required
@require_POST
def uitnodigen(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    if request.POST.get("contactpersoon"):
        # A contact of another buurt's partner answers 404, before the form says anything.
        selectors.get_contactpersoon_or_404(buurt, request.POST["contactpersoon"])
    form = UitnodigingForm(
        request.POST, contactpersonen=selectors.uitnodigbare_contactpersonen(buurt)
    )
    if form.is_valid():
        contactpersoon = selectors.get_contactpersoon_or_404(
            buurt, form.cleaned_data["contactpersoon"]
        )
        try:
            services.contactpersoon_uitnodigen(
                buurt=buurt,
                contactpersoon=contactpersoon,
                rol=form.cleaned_data["rol"],
                door=request.user,
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(
                request,
                _("%(naam)s is uitgenodigd: de uitnodiging is verstuurd naar %(email)s.")
                % {"naam": contactpersoon, "email": contactpersoon.email},
            )
            return redirect("leden:leden_list", buurt.id)
    return _leden_pagina(request, buurt, form)


@login_required
@require_POST
def rol_wijzigen(request: HttpRequest, buurt_id: int, lidmaatschap_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    lid = selectors.get_lid_or_404(buurt, lidmaatschap_id)
    form = RolForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Kies een rol."))
        buurt_services.lidmaatschap_wijzigen(
            lidmaatschap=lid, rol=form.cleaned_data["rol"], door=request.user
        )
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("De rol is gewijzigd."))
    return redirect("leden:leden_list", buurt.id)


@login_required
@require_POST
def beeindigen(request: HttpRequest, buurt_id: int, lidmaatschap_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    lid = selectors.get_lid_or_404(buurt, lidmaatschap_id)
    try:
        buurt_services.lidmaatschap_beeindigen(lidmaatschap=lid, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("Het lidmaatschap is beëindigd."))
    return redirect("leden:leden_list", buurt.id)


@login_required
@GET_POST
def gemeente_buurten(request: HttpRequest, gemeente_id: int) -> HttpResponse:
    """The coordinator's buurten of the gemeente: add a buurt, invite its regisseur."""
    gemeente = get_gemeente_or_404(request.user, gemeente_id)
    vereis_coordinator(request.user, gemeente)
    form = BuurtForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            buurt = buurt_services.buurt_aanmaken(
                gemeente=gemeente, gegevens=form.cleaned_data, door=request.user
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Buurt %(naam)s is aangemaakt.") % {"naam": buurt.naam})
            return redirect("leden:gemeente_buurten", gemeente.id)
    return render(
        request,
        "toegang/leden/gemeente_buurten.html",
        {
            "gemeente": gemeente,
            "buurten": selectors.buurten_van_gemeente(gemeente),
            "form": form,
            "regisseurform": RegisseurForm(),
        },
    )


@login_required
@require_POST
def regisseur_uitnodigen(request: HttpRequest, gemeente_id: int, buurt_id: int) -> HttpResponse:
    gemeente = get_gemeente_or_404(request.user, gemeente_id)
    vereis_coordinator(request.user, gemeente)
    buurt = get_buurt_or_404(request.user, buurt_id)
    if buurt.gemeente_id != gemeente.id:
        return redirect("leden:gemeente_buurten", gemeente.id)
    form = RegisseurForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([e for fouten in form.errors.values() for e in fouten])
        services.regisseur_uitnodigen(buurt=buurt, door=request.user, **form.cleaned_data)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request,
            _("De uitnodiging voor %(buurt)s is verstuurd naar %(email)s.")
            % {"buurt": buurt.naam, "email": form.cleaned_data["email"]},
        )
    return redirect("leden:gemeente_buurten", gemeente.id)


@GET_POST
def uitnodiging_aanvaarden(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the invitation: set a password once; then log in."""
    try:
        uitnodiging = services.uitnodiging_uit_token(token)
    except ValidationError as fout:
        return render(
            request, "toegang/leden/uitnodiging_ongeldig.html", {"fout": " ".join(fout.messages)}
        )
    form = WachtwoordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.uitnodiging_aanvaarden(token=token, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(
                request, _("Je wachtwoord is ingesteld. Meld je aan met je e-mailadres.")
            )
            return redirect("login")
    return render(
        request,
        "toegang/leden/uitnodiging_aanvaarden.html",
        {"uitnodiging": uitnodiging, "form": form},
    )
