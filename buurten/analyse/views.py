"""Buurtanalyse pages: the report per version, the indicator import and the small add-forms.

Everyone in the buurt's scope reads; only the regisseur writes. A frozen baseline refuses every
edit here (403) and again in the services.
"""

import datetime as dt
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from buurten.analyse import forms, selectors, services
from buurten.analyse.importeren import RuweRij, lees_bestand
from buurten.analyse.models import (
    Bevinding,
    Bevraging,
    Uitdaging,
    Voorziening,
)
from buurten.permissions import get_buurt_or_404, kan_beheren, vereis_beheer
from zorgnet.lib.forms import fouten_naar_form
from zorgnet.lib.privacy import WAARSCHUWING

GET_POST = require_http_methods(["GET", "POST"])


def _gepost(request: HttpRequest):
    """The POST data for a bound form (also when empty), None for GET."""
    return request.POST if request.method == "POST" else None


def _bewerkbare_analyse(request: HttpRequest, buurt_id: int, analyse_id: int):
    """The buurt and version for a write: 404 outside scope, 403 without role or when frozen."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    analyse = selectors.get_analyse_or_404(request.user, buurt, analyse_id)
    vereis_beheer(request.user, buurt)
    if analyse.bevroren:
        raise PermissionDenied(services.bevroren_melding())
    return buurt, analyse


def _detail_url(analyse) -> str:
    return reverse("buurten:buurtanalyse_detail", args=[analyse.buurt_id, analyse.pk])


def _render_rapport(request, buurt, analyse) -> HttpResponse:
    rapport = selectors.buurtanalyse_rapport(request.user, analyse) if analyse else None
    return render(
        request,
        "buurten/analyse/buurtanalyse_detail.html",
        {
            "buurt": buurt,
            "analyse": analyse,
            "rapport": rapport,
            "mag_beheren": kan_beheren(request.user, buurt),
            "fasen": rapport.fasen if rapport else selectors.fasen_van(buurt),
        },
    )


@login_required
@require_GET
def buurtanalyse(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """The current (latest) version, or an invitation to start the first analysis."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    return _render_rapport(request, buurt, selectors.huidige_analyse(request.user, buurt))


@login_required
@require_GET
def buurtanalyse_detail(request: HttpRequest, buurt_id: int, analyse_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    analyse = selectors.get_analyse_or_404(request.user, buurt, analyse_id)
    return _render_rapport(request, buurt, analyse)


def _formulier(request, buurt, form, *, titel, analyse=None, uitleg="", waarschuwing=False):
    context = {
        "buurt": buurt,
        "analyse": analyse,
        "form": form,
        "titel": titel,
        "uitleg": uitleg,
        "waarschuwing": WAARSCHUWING if waarschuwing else "",
    }
    template = "buurten/analyse/buurtanalyse_form.html"
    if request.htmx:
        template += "#formulier"
    return render(request, template, context)


@login_required
@GET_POST
def buurtanalyse_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """A new version; it starts from the content of the latest one."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    vorige = selectors.huidige_analyse(request.user, buurt)
    initieel = {"titel": _("Buurtanalyse %(buurt)s") % {"buurt": buurt.naam}}
    form = forms.AnalyseForm(_gepost(request), initial=initieel)
    if request.method == "POST" and form.is_valid():
        try:
            analyse = services.analyse_aanmaken(
                buurt=buurt, gebruiker=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Versie %(v)s is aangemaakt.") % {"v": analyse.versie})
            return redirect(_detail_url(analyse))
    uitleg = (
        _("De nieuwe versie begint met de inhoud van versie %(v)s; die blijft ongewijzigd.")
        % {"v": vorige.versie}
        if vorige
        else ""
    )
    return _formulier(request, buurt, form, titel=_("Nieuwe versie van de analyse"), uitleg=uitleg)


@login_required
@GET_POST
def buurtanalyse_update(request: HttpRequest, buurt_id: int, analyse_id: int) -> HttpResponse:
    buurt, analyse = _bewerkbare_analyse(request, buurt_id, analyse_id)
    initieel = {k: getattr(analyse, k) for k in ("titel", "peildatum", "samenvatting")}
    form = forms.AnalyseForm(_gepost(request), initial=initieel)
    if request.method == "POST" and form.is_valid():
        try:
            services.analyse_bijwerken(analyse=analyse, **form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De analyse is bijgewerkt."))
            return redirect(_detail_url(analyse))
    return _formulier(request, buurt, form, titel=_("Analyse bewerken"), analyse=analyse)


@login_required
@require_POST
def buurtanalyse_baseline(request: HttpRequest, buurt_id: int, analyse_id: int) -> HttpResponse:
    buurt, analyse = _bewerkbare_analyse(request, buurt_id, analyse_id)
    try:
        services.baseline_vastleggen(analyse=analyse, gebruiker=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Versie %(v)s is bevroren als baseline.") % {"v": analyse.versie}
        )
    return redirect(_detail_url(analyse))


def _sessiesleutel(buurt) -> str:
    return f"indicatorimport:{buurt.pk}"


def _naar_sessie(rijen: list[RuweRij]) -> list[dict]:
    def tekst(cel):
        if isinstance(cel, dt.datetime):
            return cel.date().isoformat()
        if isinstance(cel, dt.date):
            return cel.isoformat()
        return None if cel is None else str(cel)

    return [{"regel": r.regel, "cellen": {k: tekst(v) for k, v in r.cellen.items()}} for r in rijen]


@login_required
@GET_POST
def indicatorwaarde_import(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """Upload → dry run with row-level errors → confirm; the confirmed write is all or nothing."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    sleutel = _sessiesleutel(buurt)
    form = forms.ImportForm()
    context = {"buurt": buurt, "form": form, "resultaat": None, "token": None}
    if request.method == "POST" and "token" in request.POST:
        bewaard = request.session.get(sleutel)
        if not bewaard or bewaard["token"] != request.POST["token"]:
            messages.error(request, _("Dit voorbeeld is verlopen; laad het bestand opnieuw op."))
            return redirect("buurten:indicatorwaarde_import", buurt.pk)
        rijen = [RuweRij(regel=r["regel"], cellen=r["cellen"]) for r in bewaard["rijen"]]
        resultaat = services.indicatorwaarden_importeren(
            buurt=buurt, rijen=rijen, gebruiker=request.user, dry_run=False
        )
        if resultaat.geldig:
            del request.session[sleutel]
            messages.success(
                request, _("%(n)s indicatorwaarden geïmporteerd.") % {"n": resultaat.opgeslagen}
            )
            return redirect("buurten:buurtanalyse", buurt.pk)
        context["resultaat"] = resultaat
    elif request.method == "POST":
        form = forms.ImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            try:
                rijen = lees_bestand(form.cleaned_data["bestand"])
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                resultaat = services.indicatorwaarden_importeren(
                    buurt=buurt, rijen=rijen, gebruiker=request.user, dry_run=True
                )
                context["resultaat"] = resultaat
                if resultaat.geldig:
                    token = uuid.uuid4().hex
                    request.session[sleutel] = {"token": token, "rijen": _naar_sessie(rijen)}
                    context["token"] = token
    return render(request, "buurten/analyse/indicatorwaarde_import.html", context)


def _toevoegen(request, buurt_id, analyse_id, *, form_class, service, titel, **opties):
    """Shared add-view: parse the form, call the service, back to the report."""
    buurt, analyse = _bewerkbare_analyse(request, buurt_id, analyse_id)
    extra = opties.pop("form_kwargs", lambda analyse: {"analyse": analyse})(analyse)
    melding = opties.pop("melding", _("Opgeslagen."))
    form = form_class(_gepost(request), **extra)
    if request.method == "POST" and form.is_valid():
        try:
            service(analyse=analyse, **form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, melding)
            return redirect(_detail_url(analyse))
    return _formulier(request, buurt, form, titel=titel, analyse=analyse, **opties)


@login_required
@GET_POST
def bevraging_create(request: HttpRequest, buurt_id: int, analyse_id: int) -> HttpResponse:
    return _toevoegen(
        request,
        buurt_id,
        analyse_id,
        form_class=forms.BevragingForm,
        service=services.bevraging_toevoegen,
        titel=_("Bevraging toevoegen"),
        form_kwargs=lambda analyse: {},
        waarschuwing=True,
        melding=_("De bevraging is toegevoegd."),
    )


@login_required
@GET_POST
def bevinding_create(request: HttpRequest, buurt_id: int, analyse_id: int) -> HttpResponse:
    return _toevoegen(
        request,
        buurt_id,
        analyse_id,
        form_class=forms.BevindingForm,
        service=services.bevinding_toevoegen,
        titel=_("Bevinding toevoegen"),
        waarschuwing=True,
        melding=_("De bevinding is toegevoegd."),
    )


@login_required
@GET_POST
def uitdaging_create(request: HttpRequest, buurt_id: int, analyse_id: int) -> HttpResponse:
    return _toevoegen(
        request,
        buurt_id,
        analyse_id,
        form_class=forms.UitdagingForm,
        service=services.uitdaging_toevoegen,
        titel=_("Uitdaging toevoegen"),
        waarschuwing=True,
        melding=_("De uitdaging is toegevoegd."),
    )


@login_required
@GET_POST
def voorziening_create(request: HttpRequest, buurt_id: int, analyse_id: int) -> HttpResponse:
    return _toevoegen(
        request,
        buurt_id,
        analyse_id,
        form_class=forms.VoorzieningForm,
        service=services.voorziening_toevoegen,
        titel=_("Voorziening toevoegen"),
        form_kwargs=lambda analyse: {"partners": analyse.buurt.partners.order_by("naam")},
        waarschuwing=True,
        melding=_("De voorziening is toegevoegd."),
    )


@login_required
@GET_POST
def werkingsfase_update(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """The phases the werking is in now; several at once."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    huidig = [f.fase for f in selectors.fasen_van(buurt)]
    form = forms.FasenForm(_gepost(request), initial={"fasen": huidig})
    if request.method == "POST" and form.is_valid():
        try:
            services.fasen_instellen(buurt=buurt, fasen=form.cleaned_data["fasen"])
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De fasen van de werking zijn bijgewerkt."))
            return redirect("buurten:buurtanalyse", buurt.pk)
    return _formulier(request, buurt, form, titel=_("Fasen van de werking"))


def _verwijder_view(model, anker: str):
    """A POST-only view that removes one part of an editable version."""

    @login_required
    @require_POST
    def view(request: HttpRequest, buurt_id: int, analyse_id: int, pk: int) -> HttpResponse:
        _buurt, analyse = _bewerkbare_analyse(request, buurt_id, analyse_id)
        onderdeel = get_object_or_404(model, pk=pk, analyse=analyse)
        try:
            services.onderdeel_verwijderen(onderdeel=onderdeel)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("%(wat)s verwijderd.") % {"wat": model._meta.verbose_name.capitalize()}
            )
        return redirect(f"{_detail_url(analyse)}#{anker}")

    view.__name__ = f"{model._meta.model_name}_delete"
    return view


bevinding_delete = _verwijder_view(Bevinding, "bevindingen")
uitdaging_delete = _verwijder_view(Uitdaging, "uitdagingen")
bevraging_delete = _verwijder_view(Bevraging, "bevragingen")
voorziening_delete = _verwijder_view(Voorziening, "voorzieningen")
