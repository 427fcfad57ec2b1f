"""Report pages: choose a period, generate (job), preview on screen (job), download. Thin views."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from buurten.models import Toegangsactie
from buurten.permissions import (
    get_buurt_or_404,
    get_gemeente_or_404,
    is_coordinator_van,
    kan_beheren,
    vereis_beheer,
    vereis_rapportrecht,
)
from buurten.services import exportlimiet, registreer_toegang
from zorgnet.lib import paginering
from zorgnet.lib.bestanden import bestand_response
from zorgnet.lib.exports import download
from zorgnet.lib.forms import fouten_naar_form

from . import selectors, services
from .forms import BuurtRapportForm, GemeenteRapportForm, NotitieForm, PeriodeForm, RapportForm
from .models import Formaat

PER_PAGINA = 20


def _vereis_coordinator(user, gemeente) -> None:
    if not is_coordinator_van(user, gemeente):
        raise PermissionDenied(_("Alleen de coördinator van deze gemeente maakt dit rapport."))


def _pagina(request, qs):
    return paginering.pagina(request, qs, PER_PAGINA)


@login_required
@require_http_methods(["GET", "POST"])
def buurt_rapport(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_rapportrecht(request.user, buurt)
    # Only the regie may name partners in a report ("namen opnemen"); a coordinator may not.
    soort = BuurtRapportForm if kan_beheren(request.user, buurt) else RapportForm
    form = soort(request.POST or None, initial=_initieel(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.vraag_rapport_aan(
                gebruiker=request.user,
                gemeente=buurt.gemeente,
                buurt=buurt,
                van=form.cleaned_data["van"],
                tot=form.cleaned_data["tot"],
                formaten=form.cleaned_data["formaten"],
                namen_opnemen=form.cleaned_data.get("namen_opnemen", False),
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het rapport wordt gemaakt."))
            return redirect("rapport:buurt_rapport", buurt.id)
    return render(
        request,
        "rapport/buurt_rapport.html",
        {
            "buurt": buurt,
            "form": form,
            "bestanden": _pagina(request, selectors.bestanden_van_buurt(buurt)),
            "mag_notities": kan_beheren(request.user, buurt),
            "voorbeeld": _voorbeeldform(),
        },
    )


def _voorbeeldform() -> PeriodeForm:
    form = PeriodeForm(initial=dict(PeriodeForm.uit_query({}).data), auto_id="voorbeeld_%s")
    return form


def _initieel(request) -> dict:
    van, tot = PeriodeForm.uit_query({}).data.values()
    return {"van": van, "tot": tot, "formaten": [Formaat.PDF, Formaat.XLSX]}


@login_required
@require_http_methods(["GET", "POST"])
def gemeente_rapport(request: HttpRequest, gemeente_id: int) -> HttpResponse:
    gemeente = get_gemeente_or_404(request.user, gemeente_id)
    _vereis_coordinator(request.user, gemeente)
    form = GemeenteRapportForm(request.POST or None, initial=_initieel(request))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.vraag_rapport_aan(
                gebruiker=request.user,
                gemeente=gemeente,
                buurt=None,
                van=d["van"],
                tot=d["tot"],
                formaten=d["formaten"],
            )
            if d["per_buurt"]:
                for buurt in gemeente.buurten.order_by("naam"):
                    services.vraag_rapport_aan(
                        gebruiker=request.user,
                        gemeente=gemeente,
                        buurt=buurt,
                        van=d["van"],
                        tot=d["tot"],
                        formaten=d["formaten"],
                    )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het rapport wordt gemaakt."))
            return redirect("rapport:gemeente_rapport", gemeente.id)
    periode = PeriodeForm.uit_query(request.GET)
    periode.auto_id = "overzicht_%s"  # the generate form below has its own id_van / id_tot
    van, tot = (
        (periode.cleaned_data["van"], periode.cleaned_data["tot"])
        if periode.is_valid()
        else PeriodeForm.uit_query({}).data.values()
    )
    return render(
        request,
        "rapport/gemeente_rapport.html",
        {
            "gemeente": gemeente,
            "form": form,
            "periode": periode,
            "van": van,
            "tot": tot,
            "rijen": selectors.gemeente_overzicht(gemeente, van, tot),
            "bestanden": _pagina(request, selectors.bestanden_van_gemeente(gemeente)),
            "voorbeeld": _voorbeeldform(),
        },
    )


def _voorbeeld(request, *, gemeente, buurt) -> HttpResponse:
    """The preview page serves the preview the job made; it never renders the report itself.

    POST (the report page's "Voorbeeld op het scherm", "Voorbeeld maken", "Vernieuwen") queues
    a job, reusing a current preview unless "vernieuwen", and redirects to GET. A GET only reads,
    so a bookmark, reload or back button starts nothing; htmx polls it for the status fragment.
    """
    periode = PeriodeForm.uit_query(request.POST if request.method == "POST" else request.GET)
    if not periode.is_valid():
        return render(request, "rapport/periode_fout.html", {"form": periode}, status=400)
    van, tot = periode.cleaned_data["van"], periode.cleaned_data["tot"]
    hier = f"{request.path}?{urlencode({'van': van.isoformat(), 'tot': tot.isoformat()})}"
    if request.method == "POST":
        try:
            services.vraag_voorbeeld_aan(
                gebruiker=request.user,
                gemeente=gemeente,
                buurt=buurt,
                van=van,
                tot=tot,
                vernieuwen=bool(request.POST.get("vernieuwen")),
            )
        except ValidationError as fout:
            fouten_naar_form(periode, fout)
            return render(request, "rapport/periode_fout.html", {"form": periode}, status=400)
        return redirect(hier)
    toestand = selectors.voorbeeldtoestand(
        gemeente=gemeente, buurt=buurt, van=van, tot=tot, met_html=not request.htmx
    )
    context = {
        "gemeente": gemeente,
        "buurt": buurt,
        "titel": buurt.naam if buurt else _("Gemeente %(naam)s") % {"naam": gemeente.naam},
        "van": van,
        "tot": tot,
        "hier": hier,
        "toestand": toestand,
        "vers_minuten": settings.ZORGNET_RAPPORT_VOORBEELD_VERS_MINUTEN,
    }
    if request.htmx:
        antwoord = render(request, "rapport/rapport_voorbeeld.html#status", context)
        if not toestand.bezig:  # done or failed: the page reloads and shows it
            antwoord["HX-Refresh"] = "true"
        return antwoord
    if toestand.klaar is not None:
        # The report holds counts and beleidssignalen, never a signal's text (the signal-text
        # probe in tests/toegang/test_signaaltekst.py checks it); reading it is still logged,
        # like a downloaded report file.
        registreer_toegang(
            gebruiker=request.user,
            actie=Toegangsactie.BEKEKEN,
            object_type="rapportvoorbeeld",
            object_id=toestand.klaar.pk,
            omschrijving=f"rapportvoorbeeld {van:%d/%m/%Y}-{tot:%d/%m/%Y}",
            buurt=buurt,
            gemeente=gemeente,
        )
    return render(request, "rapport/rapport_voorbeeld.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def buurt_voorbeeld(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_rapportrecht(request.user, buurt)
    return _voorbeeld(request, gemeente=buurt.gemeente, buurt=buurt)


@login_required
@require_http_methods(["GET", "POST"])
def gemeente_voorbeeld(request: HttpRequest, gemeente_id: int) -> HttpResponse:
    gemeente = get_gemeente_or_404(request.user, gemeente_id)
    _vereis_coordinator(request.user, gemeente)
    return _voorbeeld(request, gemeente=gemeente, buurt=None)


@login_required
@require_GET
def bestand_status(request: HttpRequest, bestand_id: int) -> HttpResponse:
    bestand = selectors.get_bestand_or_404(request.user, bestand_id)
    if not selectors.mag_bestand_zien(request.user, bestand):
        raise PermissionDenied
    return render(request, "rapport/_bestand_status.html", {"bestand": bestand})


@login_required
@require_GET
@exportlimiet
def bestand_download(request: HttpRequest, bestand_id: int) -> HttpResponse:
    bestand = selectors.get_bestand_or_404(request.user, bestand_id)
    if not selectors.mag_bestand_zien(request.user, bestand):
        registreer_toegang(
            gebruiker=request.user,
            actie=Toegangsactie.GEWEIGERD,
            object_type="rapport",
            object_id=bestand.pk,
            buurt=bestand.buurt,
            gemeente=bestand.gemeente,
        )
        raise PermissionDenied
    if not bestand.bestand:
        raise Http404(_("Dit rapport is nog niet klaar."))
    services.registreer_download(gebruiker=request.user, bestand=bestand)
    return bestand_response(bestand.bestand, bestand.bestandsnaam())


@login_required
@require_GET
@exportlimiet
def gemeente_zip(request: HttpRequest, gemeente_id: int) -> HttpResponse:
    gemeente = get_gemeente_or_404(request.user, gemeente_id)
    _vereis_coordinator(request.user, gemeente)
    bestanden = selectors.laatste_klare_bestanden(selectors.bestanden_van_gemeente(gemeente))
    if not bestanden:
        messages.warning(request, _("Er zijn nog geen klare rapporten om te downloaden."))
        return redirect("rapport:gemeente_rapport", gemeente.id)
    inhoud = services.zip_van(gebruiker=request.user, gemeente=gemeente, bestanden=bestanden)
    return download(inhoud, f"rapporten-{gemeente.pk}.zip", "application/zip")


@login_required
@require_http_methods(["GET", "POST"])
def notitie_form(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    van, tot = PeriodeForm.uit_query({}).data.values()
    form = NotitieForm(request.POST or None, initial={"van": van, "tot": tot})
    if request.method == "POST" and form.is_valid():
        try:
            services.notitie_opslaan(gebruiker=request.user, buurt=buurt, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De notities voor het rapport zijn bewaard."))
            return redirect("rapport:buurt_rapport", buurt.id)
    return render(request, "rapport/rapportnotitie_form.html", {"buurt": buurt, "form": form})
