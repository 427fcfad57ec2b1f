"""Views for actions, signals, referrals and beleidssignalen: parse, call a service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from activiteiten.acties import permissions, selectors, services
from activiteiten.acties.filters import ActieFilter, SignaalFilter
from activiteiten.acties.forms import (
    ActieForm,
    BeleidssignaalForm,
    DoorverwijzingForm,
    OpvolgingForm,
    SignaalForm,
    SignaalStatusForm,
    UitkomstForm,
)
from activiteiten.exports import selectors as export_selectors
from activiteiten.models import SignaalStatus
from buurten.models import Toegangsactie
from buurten.permissions import get_buurt_or_404, kan_beheren, partner_ids_van, vereis_beheer
from buurten.services import registreer_toegang
from zorgnet.lib import fragmentcache, paginering
from zorgnet.lib.bestanden import bestand_response, extensie
from zorgnet.lib.forms import fouten_naar_form


def _vereis_loggen(user, buurt) -> None:
    if not permissions.kan_loggen(user, buurt):
        raise PermissionDenied(_("Alleen de buurtregisseur en partners kunnen dit vastleggen."))


def _eigen_partners(user, buurt):
    """Partners a user may log for: all of the buurt for the regisseur, else their own."""
    if kan_beheren(user, buurt):
        return selectors.partners_in_buurt(buurt)
    return selectors.partners_in_buurt(buurt).filter(id__in=partner_ids_van(user, buurt))


# --- acties ---------------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET"])
def actie_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    filters = ActieFilter(request.GET or None, queryset=selectors.acties_van(buurt), buurt=buurt)
    qs = selectors.voor_lijst(filters.resultaten)
    beheer = kan_beheren(request.user, buurt)
    context = {
        "buurt": buurt,
        "filters": filters.form,
        "pagina": paginering.pagina(request, qs, buurt=buurt),
        "mag_loggen": permissions.kan_loggen(request.user, buurt),
        "mag_beheren": beheer,
        # the regisseur's recent background exports (large XLSX), to find them again
        "exportbestanden": export_selectors.recente_exportbestanden(request.user, buurt)[:5]
        if beheer
        else [],
    }
    template = "activiteiten/acties/actie_list.html"
    return render(request, template + "#resultaten" if request.htmx else template, context)


@login_required
@require_http_methods(["GET", "POST"])
def actie_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    _vereis_loggen(request.user, buurt)
    return _actie_form(request, buurt, None)


@login_required
@require_http_methods(["GET", "POST"])
def actie_update(request: HttpRequest, buurt_id: int, actie_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    actie = selectors.get_actie_or_404(buurt, actie_id)
    if not permissions.kan_actie_bewerken(request.user, actie):
        raise PermissionDenied(_("Alleen de buurtregisseur of de trekker kan deze actie wijzigen."))
    return _actie_form(request, buurt, actie)


def _actie_form(request: HttpRequest, buurt, actie) -> HttpResponse:
    form = ActieForm(
        request.POST or None,
        request.FILES or None,
        instance=actie,
        buurt=buurt,
        trekkers=_eigen_partners(request.user, buurt),
    )
    if request.method == "POST" and form.is_valid():
        try:
            actie = services.actie_bewaren(
                actie=form.instance,
                co_partners=form.cleaned_data["co_partners"],
                bouwstenen=form.cleaned_data["bouwstenen"],
                pijlers=form.cleaned_data["pijlers"],
                door=request.user,
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Actie bewaard."))
            return redirect("activiteiten:actie_detail", buurt.id, actie.id)
    return render(
        request,
        "activiteiten/acties/actie_form.html",
        {"buurt": buurt, "form": form, "actie": actie},
    )


@login_required
@require_http_methods(["GET"])
def actie_detail(request: HttpRequest, buurt_id: int, actie_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    actie = selectors.get_actie_or_404(buurt, actie_id)
    return render(
        request,
        "activiteiten/acties/actie_detail.html",
        {
            "buurt": buurt,
            "actie": actie,
            "mag_bewerken": permissions.kan_actie_bewerken(request.user, actie),
        },
    )


@login_required
@require_http_methods(["GET"])
def actie_bestand(request: HttpRequest, buurt_id: int, actie_id: int, soort: str) -> HttpResponse:
    """The action's draaiboek or story photo, for whoever may read the action; logged. Files are
    never served from /media/ (zorgnet.lib.bestanden): this view is the only way out."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    actie = selectors.get_actie_or_404(buurt, actie_id)
    veld = actie.draaiboek if soort == "draaiboek" else actie.verhaal_foto
    if not veld:
        raise Http404(_("Deze actie heeft geen %(soort)s.") % {"soort": soort})
    registreer_toegang(
        gebruiker=request.user,
        actie=Toegangsactie.DOWNLOAD,
        object_type=f"actie_{soort}",
        object_id=actie.pk,
        omschrijving=f"{soort} van actie {actie.pk}",
        buurt=buurt,
    )
    return bestand_response(veld, f"{soort}-{slugify(actie.titel)[:60]}.{extensie(veld.name)}")


# --- signalen -------------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET"])
def signaal_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """Regisseur and partners get the list of signals they may read; coordinators get counts."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    if not permissions.ziet_signaaltellingen(request.user, buurt):
        raise PermissionDenied(_("Je hebt geen toegang tot de signalen van deze buurt."))
    filters = SignaalFilter(
        request.GET or None, queryset=selectors.signalen_voor(request.user, buurt)
    )
    context = {"buurt": buurt, "filters": filters.form}
    if not permissions.ziet_signaaldetails(request.user, buurt):
        # Counts over an invalid period would look like an answer: show only the error then.
        gekozen = filters.waarden()
        van, tot = gekozen.get("van"), gekozen.get("tot")
        # From the versioned fragment cache: every signal write bumps the buurt's version.
        context["tellingen"] = (
            {}
            if filters.ongeldig
            else fragmentcache.van_buurt(
                "signaaltellingen",
                buurt.id,
                lambda: selectors.afgeschermde_signaaltellingen(buurt, van=van, tot=tot),
                van,
                tot,
            )
        )
        return render(request, "activiteiten/acties/signaal_tellingen.html", context)
    qs = filters.resultaten
    context.update(
        pagina=paginering.pagina(request, qs, buurt=buurt),
        mag_beheren=kan_beheren(request.user, buurt),
    )
    template = "activiteiten/acties/signaal_list.html"
    return render(request, template + "#resultaten" if request.htmx else template, context)


@login_required
@require_http_methods(["GET"])
def signaal_open(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """The regisseur's triage queue."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    return render(
        request,
        "activiteiten/acties/signaal_open.html",
        {
            "buurt": buurt,
            "pagina": paginering.pagina(
                request, selectors.open_signalen(request.user, buurt), buurt=buurt
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def signaal_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    _vereis_loggen(request.user, buurt)
    form = SignaalForm(
        request.POST or None,
        buurt=buurt,
        partners=_eigen_partners(request.user, buurt),
        partner_verplicht=not kan_beheren(request.user, buurt),
    )
    if request.method == "POST" and form.is_valid():
        try:
            signaal = services.signaal_loggen(signaal=form.instance, door=request.user)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Signaal vastgelegd. Dank je!"))
            return redirect("activiteiten:signaal_detail", buurt.id, signaal.id)
    return render(request, "activiteiten/acties/signaal_form.html", {"buurt": buurt, "form": form})


def _signaal_detail_context(request, buurt, signaal, **extra) -> dict:
    return {
        "buurt": buurt,
        "signaal": signaal,
        "doorverwijzingen": list(selectors.doorverwijzingen_van(signaal)),
        "status_form": extra.pop("status_form", None) or SignaalStatusForm(signaal=signaal),
        "uitkomst_form": UitkomstForm(),
        "mag_beheren": kan_beheren(request.user, buurt),
        "kan_doorverwijzen": signaal.status == SignaalStatus.DOORVERWEZEN
        or SignaalStatus.DOORVERWEZEN in signaal.volgende_statussen(),
        **extra,
    }


@login_required
@require_http_methods(["GET"])
def signaal_detail(request: HttpRequest, buurt_id: int, signaal_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    if not permissions.ziet_signaaldetails(request.user, buurt):
        raise PermissionDenied(_("Coördinatoren zien alleen tellingen van signalen."))
    signaal = selectors.get_signaal_or_404(request.user, buurt, signaal_id)
    return _signaal_pagina(
        request, buurt, signaal, _signaal_detail_context(request, buurt, signaal)
    )


def _signaal_pagina(request, buurt, signaal, context) -> HttpResponse:
    """The signal page shows the text: only after the one rule allowed it (get_signaal_or_404
    reads through it), and every time it is shown the read is logged."""
    services.signaaltekst_gelezen(
        gebruiker=request.user, buurt=buurt, signaal_ids=[signaal.id], waar="signaalpagina"
    )
    return render(request, "activiteiten/acties/signaal_detail.html", context)


@login_required
@require_POST
def signaal_status(request: HttpRequest, buurt_id: int, signaal_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    if not permissions.ziet_signaaldetails(request.user, buurt):
        raise PermissionDenied(_("Coördinatoren zien alleen tellingen van signalen."))
    signaal = selectors.get_signaal_or_404(request.user, buurt, signaal_id)
    form = SignaalStatusForm(request.POST, signaal=signaal)
    if form.is_valid():
        try:
            services.signaal_status_wijzigen(signaal=signaal, status=form.cleaned_data["status"])
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Status gewijzigd."))
            return redirect("activiteiten:signaal_detail", buurt.id, signaal.id)
    # An invalid status shows the signal page again, with its text: logged like any read.
    return _signaal_pagina(
        request, buurt, signaal, _signaal_detail_context(request, buurt, signaal, status_form=form)
    )


@login_required
@require_http_methods(["GET", "POST"])
def doorverwijzing_create(request: HttpRequest, buurt_id: int, signaal_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    if not permissions.ziet_signaaldetails(request.user, buurt):
        raise PermissionDenied(_("Coördinatoren zien alleen tellingen van signalen."))
    signaal = selectors.get_signaal_or_404(request.user, buurt, signaal_id)
    beheer = kan_beheren(request.user, buurt)
    van_partners = _eigen_partners(request.user, buurt)
    form = DoorverwijzingForm(
        request.POST or None,
        buurt=buurt,
        van_partners=van_partners,
        initial={"van_partner": signaal.partner_id},
    )
    if not beheer:
        form.fields["van_partner"].required = True
        form.fields["van_partner"].empty_label = None
    if request.method == "POST" and form.is_valid():
        try:
            services.doorverwijzen(
                signaal=signaal,
                naar_partner=form.cleaned_data["naar_partner"],
                van_partner=form.cleaned_data["van_partner"],
                warm=form.cleaned_data["warm"],
                door=request.user,
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Signaal doorverwezen."))
            return redirect("activiteiten:signaal_detail", buurt.id, signaal.id)
    return render(
        request,
        "activiteiten/acties/doorverwijzing_form.html",
        {"buurt": buurt, "signaal": signaal, "form": form},
    )


@login_required
@require_POST
def doorverwijzing_uitkomst(
    request: HttpRequest, buurt_id: int, doorverwijzing_id: int
) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    if not permissions.ziet_signaaldetails(request.user, buurt):
        raise PermissionDenied(_("Coördinatoren zien alleen tellingen van signalen."))
    verwijzing = selectors.get_doorverwijzing_or_404(request.user, buurt, doorverwijzing_id)
    form = UitkomstForm(request.POST)
    if form.is_valid():
        services.doorverwijzing_uitkomst(
            doorverwijzing=verwijzing, aangekomen=form.cleaned_data["aangekomen"]
        )
        messages.success(request, _("Uitkomst van de doorverwijzing bewaard."))
    else:
        messages.error(request, _("Kies ja, nee of nog niet gekend."))
    return redirect("activiteiten:signaal_detail", buurt.id, verwijzing.signaal_id)


# --- beleidssignalen ------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET"])
def beleidssignaal_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """Beleidssignalen are aggregated messages: every member of the buurt may read them."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    return render(
        request,
        "activiteiten/acties/beleidssignaal_list.html",
        {
            "buurt": buurt,
            "pagina": paginering.pagina(request, selectors.beleidssignalen_van(buurt)),
            "mag_beheren": kan_beheren(request.user, buurt),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def beleidssignaal_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    form = BeleidssignaalForm(request.POST or None, buurt=buurt)
    if request.method == "POST" and form.is_valid():
        try:
            beleidssignaal = services.beleidssignaal_bundelen(
                buurt=buurt,
                titel=form.cleaned_data["titel"],
                boodschap=form.cleaned_data["boodschap"],
                signalen=form.cleaned_data["signalen"],
                door=request.user,
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Beleidssignaal aangemaakt."))
            return redirect("activiteiten:beleidssignaal_detail", buurt.id, beleidssignaal.id)
    return render(
        request, "activiteiten/acties/beleidssignaal_form.html", {"buurt": buurt, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def beleidssignaal_detail(request: HttpRequest, buurt_id: int, beleidssignaal_id: int):
    buurt = get_buurt_or_404(request.user, buurt_id)
    beleidssignaal = selectors.get_beleidssignaal_or_404(buurt, beleidssignaal_id)
    form = OpvolgingForm(request.POST or None, instance=beleidssignaal)
    if request.method == "POST":
        vereis_beheer(request.user, buurt)
        if form.is_valid():
            try:
                services.beleidssignaal_opvolgen(
                    beleidssignaal=beleidssignaal,
                    verstuurd_op=form.cleaned_data["verstuurd_op"],
                    reactie=form.cleaned_data["reactie"],
                    reactie_op=form.cleaned_data["reactie_op"],
                )
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Opvolging bewaard."))
                return redirect("activiteiten:beleidssignaal_detail", buurt.id, beleidssignaal.id)
    tellingen = selectors.bundel_tellingen(beleidssignaal)
    signalen = selectors.signalen_voor(request.user, buurt).filter(beleidssignaal=beleidssignaal)
    return render(
        request,
        "activiteiten/acties/beleidssignaal_detail.html",
        {
            "buurt": buurt,
            "beleidssignaal": beleidssignaal,
            "tellingen": tellingen,
            "signalen": signalen,
            "form": form,
            "mag_beheren": kan_beheren(request.user, buurt),
        },
    )
