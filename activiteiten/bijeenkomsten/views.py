"""Views for meetings: parse, call a service, render. Printable sheet and minutes as HTML or PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from activiteiten.acties import services as acties_services
from activiteiten.bijeenkomsten import agenda, permissions, selectors, services
from activiteiten.bijeenkomsten.filters import BijeenkomstFilter, OpvolgingFilter
from activiteiten.bijeenkomsten.forms import (
    AanwezigheidForm,
    BijeenkomstForm,
    GenodigdenForm,
    NieuweAanwezigenFormSet,
    PlannenForm,
    ReeksForm,
    UitkomstForm,
)
from buurten.models import Toegangsactie
from buurten.permissions import buurten_voor, get_buurt_or_404
from buurten.services import exportlimiet, registreer_toegang
from zorgnet.lib import fragmentcache, paginering
from zorgnet.lib.exports import download
from zorgnet.lib.forms import fouten_naar_form
from zorgnet.lib.pdf import html_naar_pdf


def _vereis_organisator(user, buurt) -> None:
    if not permissions.kan_organiseren(user, buurt):
        raise PermissionDenied(_("Alleen de buurtregisseur organiseert bijeenkomsten."))


# --- bijeenkomsten --------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET"])
def bijeenkomst_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    filters = BijeenkomstFilter(request.GET or None, queryset=selectors.bijeenkomsten_van(buurt))
    qs = filters.resultaten
    context = {
        "buurt": buurt,
        "filters": filters.form,
        "pagina": paginering.pagina(request, qs, buurt=buurt),
        # The same figures as the buurt page's meeting block, from the versioned fragment cache
        # (any write in the buurt bumps its version): five aggregate queries saved per request.
        "cijfers": fragmentcache.van_buurt(
            "bijeenkomstcijfers", buurt.id, lambda: selectors.buurtcijfers(buurt)
        ),
        "reeksen": selectors.reeksen_van(buurt),
        "mag_organiseren": permissions.kan_organiseren(request.user, buurt),
    }
    template = "activiteiten/bijeenkomsten/bijeenkomst_list.html"
    return render(request, template + "#resultaten" if request.htmx else template, context)


@login_required
@require_http_methods(["GET", "POST"])
def bijeenkomst_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    _vereis_organisator(request.user, buurt)
    return _bijeenkomst_form(request, buurt, None)


@login_required
@require_http_methods(["GET", "POST"])
def bijeenkomst_update(request: HttpRequest, buurt_id: int, bijeenkomst_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    bijeenkomst = selectors.get_bijeenkomst_or_404(buurt, bijeenkomst_id)
    _vereis_organisator(request.user, buurt)
    return _bijeenkomst_form(request, buurt, bijeenkomst)


def _bijeenkomst_form(request: HttpRequest, buurt, bijeenkomst) -> HttpResponse:
    initial = {"type": request.GET.get("type")} if request.GET.get("type") else None
    form = BijeenkomstForm(request.POST or None, instance=bijeenkomst, buurt=buurt, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            bijeenkomst = services.bijeenkomst_bewaren(bijeenkomst=form.instance, door=request.user)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Bijeenkomst bewaard."))
            return redirect("activiteiten:bijeenkomst_detail", buurt.id, bijeenkomst.id)
    return render(
        request,
        "activiteiten/bijeenkomsten/bijeenkomst_form.html",
        {"buurt": buurt, "form": form, "bijeenkomst": bijeenkomst},
    )


def _detail_context(request, buurt, bijeenkomst, *, waar: str = "") -> dict:
    """The meeting with its attendance and outcomes. `waar` names a page that shows the
    outcomes (detail, fragment, minutes): the signal texts it shows are logged as reads."""
    uitkomsten = list(selectors.uitkomsten_van(bijeenkomst))
    leesbaar = permissions.leesbare_uitkomsten(request.user, buurt, uitkomsten)
    if waar:
        acties_services.signaaltekst_gelezen(
            gebruiker=request.user,
            buurt=buurt,
            signaal_ids=[u.signaal_id for u in uitkomsten if u.id in leesbaar],
            waar=waar,
        )
    return {
        "buurt": buurt,
        "bijeenkomst": bijeenkomst,
        "aanwezigheden": list(selectors.aanwezigheden_van(bijeenkomst)),
        "uitkomsten": uitkomsten,
        "leesbare_uitkomsten": leesbaar,
        "ziet_situatie": permissions.ziet_situatie(request.user, buurt, bijeenkomst),
        "mag_organiseren": permissions.kan_organiseren(request.user, buurt),
        "vandaag": timezone.localdate(),
    }


@login_required
@require_http_methods(["GET"])
def bijeenkomst_detail(request: HttpRequest, buurt_id: int, bijeenkomst_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    bijeenkomst = selectors.get_bijeenkomst_or_404(buurt, bijeenkomst_id)
    context = _detail_context(request, buurt, bijeenkomst, waar="bijeenkomst")
    if context["mag_organiseren"]:
        context["uitkomst_form"] = UitkomstForm(
            partners=selectors.partners_in_buurt(request.user, buurt)
        )
        context["genodigden_form"] = GenodigdenForm(
            keuzes=selectors.aanwezigheidskeuzes(request.user, buurt)
        )
        context["genodigden"] = list(selectors.genodigden_van(bijeenkomst))
    return render(request, "activiteiten/bijeenkomsten/bijeenkomst_detail.html", context)


# --- aanwezigheid ---------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def aanwezigheid_update(request: HttpRequest, buurt_id: int, bijeenkomst_id: int) -> HttpResponse:
    """The quick tick list of the buurt's contact persons, plus new people and anonymous counts."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    bijeenkomst = selectors.get_bijeenkomst_or_404(buurt, bijeenkomst_id)
    _vereis_organisator(request.user, buurt)
    huidige = list(selectors.aanwezigheden_van(bijeenkomst))
    form = AanwezigheidForm(
        request.POST or None,
        keuzes=selectors.aanwezigheidskeuzes(request.user, buurt),
        initial={
            "aanwezig": [a.contactpersoon_id for a in huidige if a.contactpersoon_id],
            "aantal_bewoners": bijeenkomst.aantal_bewoners,
            "aantal_anderen": bijeenkomst.aantal_anderen,
        },
    )
    # Someone new from an organisation outside the buurt is entered with the organisation as
    # text: the picker offers only the buurt's partners (issue 16).
    partners = selectors.partners_in_buurt(request.user, buurt)
    bestaande_nieuwe = [
        {"naam": a.naam, "partner": a.partner_id, "organisatie": a.organisatie, "nieuw": a.nieuw}
        for a in huidige
        if not a.contactpersoon_id
    ]
    nieuwe = NieuweAanwezigenFormSet(
        request.POST or None,
        prefix="nieuw",
        initial=bestaande_nieuwe or None,
        form_kwargs={"partners": partners},
    )
    if request.method == "POST" and form.is_valid() and nieuwe.is_valid():
        aanwezigen = [services.Aanwezige(contactpersoon=c) for c in form.cleaned_data["aanwezig"]]
        aanwezigen += [
            services.Aanwezige(
                partner=f.cleaned_data.get("partner"),
                naam=f.cleaned_data.get("naam", ""),
                organisatie=f.cleaned_data.get("organisatie", ""),
                nieuw=f.cleaned_data.get("nieuw", False),
            )
            for f in nieuwe
            if not f.is_leeg()
        ]
        try:
            services.aanwezigheid_bewaren(
                bijeenkomst=bijeenkomst,
                aanwezigen=aanwezigen,
                aantal_bewoners=form.cleaned_data["aantal_bewoners"],
                aantal_anderen=form.cleaned_data["aantal_anderen"],
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Aanwezigheid bewaard."))
            return redirect("activiteiten:bijeenkomst_detail", buurt.id, bijeenkomst.id)
    return render(
        request,
        "activiteiten/bijeenkomsten/aanwezigheid_form.html",
        {"buurt": buurt, "bijeenkomst": bijeenkomst, "form": form, "nieuwe": nieuwe},
    )


# --- uitkomsten -----------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def uitkomst_create(request: HttpRequest, buurt_id: int, bijeenkomst_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    bijeenkomst = selectors.get_bijeenkomst_or_404(buurt, bijeenkomst_id)
    _vereis_organisator(request.user, buurt)
    form = UitkomstForm(
        request.POST or None,
        partners=selectors.partners_in_buurt(request.user, buurt),
        initial={"soort": request.GET.get("soort")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.uitkomst_toevoegen(
                bijeenkomst=bijeenkomst, door=request.user, **form.cleaned_data
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            if not request.htmx:
                messages.success(request, _("Uitkomst toegevoegd."))
                return redirect("activiteiten:bijeenkomst_detail", buurt.id, bijeenkomst.id)
            form = UitkomstForm(partners=selectors.partners_in_buurt(request.user, buurt))
    if request.htmx:
        # The detail page swaps its outcomes block: the list plus the (fresh or invalid) form.
        context = {
            **_detail_context(request, buurt, bijeenkomst, waar="bijeenkomst"),
            "uitkomst_form": form,
        }
        return render(
            request, "activiteiten/bijeenkomsten/bijeenkomst_detail.html#uitkomsten", context
        )
    return render(
        request,
        "activiteiten/bijeenkomsten/uitkomst_form.html",
        {"buurt": buurt, "bijeenkomst": bijeenkomst, "form": form},
    )


# --- printable sheet and minutes ------------------------------------------------------------------
def _afdruk(request: HttpRequest, buurt_id: int, bijeenkomst_id: int, soort: str) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    bijeenkomst = selectors.get_bijeenkomst_or_404(buurt, bijeenkomst_id)
    pdf = request.GET.get("formaat") == "pdf"
    # Only the minutes show the outcomes (and so signal texts); the sheet does not.
    waar = f"verslag ({'pdf' if pdf else 'html'})" if soort == "verslag" else ""
    context = {**_detail_context(request, buurt, bijeenkomst, waar=waar), "soort": soort}
    if soort == "blad":
        # The sheet lists everyone who may come, to tick on paper; present ones are marked.
        context["keuzes"] = list(selectors.aanwezigheidskeuzes(request.user, buurt))
        context["aanwezig_ids"] = {a.contactpersoon_id for a in context["aanwezigheden"]}
    if not pdf:
        return render(request, "activiteiten/bijeenkomsten/bijeenkomst_afdruk.html", context)
    html = render_to_string(
        "activiteiten/bijeenkomsten/bijeenkomst_afdruk.html", context, request=request
    )
    # The page's own <link> to the stylesheet is read from disk (zorgnet.lib.pdf), not over HTTP.
    pdf = html_naar_pdf(html)
    registreer_toegang(
        gebruiker=request.user,
        actie=Toegangsactie.DOWNLOAD,
        object_type=f"bijeenkomst_{soort}",
        object_id=bijeenkomst.id,
        omschrijving=f"{soort} (pdf)",
        buurt=buurt,
    )
    naam = slugify(f"{soort}-{bijeenkomst.get_type_display()}-{bijeenkomst.datum:%Y-%m-%d}")
    return download(pdf, f"{naam}.pdf", "application/pdf")


@login_required
@require_http_methods(["GET"])
@exportlimiet(alleen_als=lambda request: request.GET.get("formaat") == "pdf")
def bijeenkomst_blad(request: HttpRequest, buurt_id: int, bijeenkomst_id: int) -> HttpResponse:
    """The meeting sheet: agenda and attendance list."""
    return _afdruk(request, buurt_id, bijeenkomst_id, "blad")


@login_required
@require_http_methods(["GET"])
@exportlimiet(alleen_als=lambda request: request.GET.get("formaat") == "pdf")
def bijeenkomst_verslag(request: HttpRequest, buurt_id: int, bijeenkomst_id: int) -> HttpResponse:
    """The minutes: who was there and what came out of it."""
    return _afdruk(request, buurt_id, bijeenkomst_id, "verslag")


# --- opvolging ------------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET"])
def opvolging(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """Open actions agreed in meetings, across meetings: owner, due date, overdue."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    filters = OpvolgingFilter(
        request.GET or None,
        queryset=selectors.open_bijeenkomstacties([buurt.id]),
        partners=selectors.partners_in_buurt(request.user, buurt),
    )
    qs = filters.resultaten
    context = {
        "buurt": buurt,
        "filters": filters.form,
        "pagina": paginering.pagina(request, qs),
        "vandaag": timezone.localdate(),
    }
    template = "activiteiten/bijeenkomsten/bijeenkomst_opvolging.html"
    return render(request, template + "#resultaten" if request.htmx else template, context)


# --- reeksen --------------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def reeks_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    _vereis_organisator(request.user, buurt)
    form = ReeksForm(request.POST or None, buurt=buurt)
    if request.method == "POST" and form.is_valid():
        try:
            reeks = services.reeks_bewaren(reeks=form.instance)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Reeks bewaard. Plan nu de eerste data."))
            return redirect("activiteiten:reeks_detail", buurt.id, reeks.id)
    return render(
        request, "activiteiten/bijeenkomsten/reeks_form.html", {"buurt": buurt, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def reeks_detail(request: HttpRequest, buurt_id: int, reeks_id: int) -> HttpResponse:
    """A series with its meetings; the regisseur plans the next N dates here."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    reeks = selectors.get_reeks_or_404(buurt, reeks_id)
    form = PlannenForm(request.POST or None)
    if request.method == "POST":
        _vereis_organisator(request.user, buurt)
        if form.is_valid():
            try:
                nieuw = services.reeks_plannen(
                    reeks=reeks, aantal=form.cleaned_data["aantal"], door=request.user
                )
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("%(n)d bijeenkomsten gepland.") % {"n": len(nieuw)})
                return redirect("activiteiten:reeks_detail", buurt.id, reeks.id)
    bijeenkomsten = selectors.met_aantallen(reeks.bijeenkomsten.all()).order_by("datum")
    return render(
        request,
        "activiteiten/bijeenkomsten/reeks_detail.html",
        {
            "buurt": buurt,
            "reeks": reeks,
            "bijeenkomsten": bijeenkomsten,
            "form": form,
            "mag_organiseren": permissions.kan_organiseren(request.user, buurt),
        },
    )


# --- uitnodigen per e-mail, annuleren -------------------------------------------------------------
@login_required
@require_http_methods(["POST"])
def genodigden_uitnodigen(request: HttpRequest, buurt_id: int, bijeenkomst_id: int) -> HttpResponse:
    """Invite the ticked contact persons by e-mail, with the meeting as .ics attachment."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    bijeenkomst = selectors.get_bijeenkomst_or_404(buurt, bijeenkomst_id)
    _vereis_organisator(request.user, buurt)
    form = GenodigdenForm(request.POST, keuzes=selectors.aanwezigheidskeuzes(request.user, buurt))
    try:
        if not form.is_valid():
            raise ValidationError([e for fouten in form.errors.values() for e in fouten])
        aantal = services.genodigden_uitnodigen(
            bijeenkomst=bijeenkomst,
            contactpersonen=form.cleaned_data["genodigden"],
            door=request.user,
        )
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("%(n)d uitnodigingen verstuurd.") % {"n": aantal})
    return redirect("activiteiten:bijeenkomst_detail", buurt.id, bijeenkomst.id)


@login_required
@require_http_methods(["POST"])
def bijeenkomst_annuleren(request: HttpRequest, buurt_id: int, bijeenkomst_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    bijeenkomst = selectors.get_bijeenkomst_or_404(buurt, bijeenkomst_id)
    _vereis_organisator(request.user, buurt)
    services.bijeenkomst_annuleren(bijeenkomst=bijeenkomst, door=request.user)
    messages.success(request, _("De bijeenkomst is geannuleerd; de genodigden krijgen bericht."))
    return redirect("activiteiten:bijeenkomst_detail", buurt.id, bijeenkomst.id)


# --- agenda: iCal feeds behind a personal key -------------------------------------------------------
@login_required
@require_http_methods(["GET"])
def agenda_overzicht(request: HttpRequest) -> HttpResponse:
    """The user's feed addresses, per buurt and per series, and the button to renew the key."""
    token = getattr(request.user, "agendatoken", None)
    buurten = list(buurten_voor(request.user).select_related("gemeente").order_by("naam"))
    return render(
        request,
        "activiteiten/bijeenkomsten/agenda.html",
        {"token": token, "buurten": buurten, "reeksen": selectors.reeksen_voor(request.user)},
    )


@login_required
@require_http_methods(["POST"])
def agenda_vernieuwen(request: HttpRequest) -> HttpResponse:
    services.agendatoken_vernieuwen(gebruiker=request.user)
    messages.success(request, _("Je hebt een nieuwe agendalink. De vorige links werken niet meer."))
    return redirect("activiteiten:agenda")


def _ics(inhoud: bytes, naam: str) -> HttpResponse:
    antwoord = HttpResponse(inhoud, content_type="text/calendar; charset=utf-8")
    antwoord["Content-Disposition"] = f'inline; filename="{slugify(naam) or "agenda"}.ics"'
    antwoord["Cache-Control"] = "private, no-store"
    return antwoord


def _agendagebruiker(sleutel: str):
    gebruiker = selectors.gebruiker_van_agendatoken(sleutel)
    if gebruiker is None:
        raise Http404(_("Deze agendalink bestaat niet (meer)."))
    return gebruiker


@require_http_methods(["GET"])
def agenda_buurt(request: HttpRequest, sleutel: str, buurt_id: int) -> HttpResponse:
    """A buurt's meetings as an iCal feed; the key in the address stands for the user."""
    gebruiker = _agendagebruiker(sleutel)
    buurt = get_buurt_or_404(gebruiker, buurt_id)
    qs = selectors.agenda_bijeenkomsten(selectors.bijeenkomsten_van(buurt))
    return _ics(agenda.kalender(qs, naam=f"zorgnet · {buurt.naam}"), buurt.naam)


@require_http_methods(["GET"])
def agenda_reeks(request: HttpRequest, sleutel: str, reeks_id: int) -> HttpResponse:
    gebruiker = _agendagebruiker(sleutel)
    reeks = selectors.get_reeks_voor_gebruiker_or_404(gebruiker, reeks_id)
    qs = selectors.agenda_bijeenkomsten(reeks.bijeenkomsten.all())
    return _ics(agenda.kalender(qs, naam=f"zorgnet · {reeks.titel}"), reeks.titel)
