"""Views for the reflection cycle: parse, call a service, render. Every view starts from the
permission-scoped buurt (404 outside scope) and then checks the role (403)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from activiteiten.models import ContactSoort, Toestemming
from activiteiten.reflectie import permissions, selectors, services
from activiteiten.reflectie.forms import (
    AntwoordenForm,
    ContactmomentForm,
    DoelwijzigingForm,
    IndicatorForm,
    MetingForm,
    OpvolgingActieForm,
    ReflectieForm,
    ScoreForm,
    SuccesForm,
    UitkomstForm,
    VerhaalForm,
)
from buurten.models import Toegangsactie
from buurten.permissions import get_buurt_or_404
from buurten.services import registreer_toegang
from zorgnet.lib import paginering
from zorgnet.lib.bestanden import bestand_response, extensie
from zorgnet.lib.forms import fouten_naar_form

T = "activiteiten/reflectie/"


def _vereis_curator(user, buurt) -> None:
    if not permissions.kan_cureren(user, buurt):
        raise PermissionDenied(_("Alleen de buurtregisseur kan dit doen."))


def _vereis_bijdrager(user, buurt) -> None:
    if not permissions.kan_bijdragen(user, buurt):
        raise PermissionDenied(_("Alleen de buurtregisseur en partners kunnen dit vastleggen."))


def _eigen(user, buurt) -> set[int] | None:
    """None for the regisseur (any partner of the buurt); the own organisations for a partner."""
    return (
        None if permissions.kan_cureren(user, buurt) else permissions.eigen_partner_ids(user, buurt)
    )


# --- reflectiemomenten ----------------------------------------------------------------------------
@login_required
@require_http_methods(["GET"])
def reflectie_overzicht(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    trend = selectors.factortrend([buurt.id])
    context = {
        "buurt": buurt,
        "momenten": selectors.momenten_van(buurt),
        "grafieken": selectors.trendgrafieken(trend),
        "cijfers": selectors.buurtcijfers(buurt),
        "mag_cureren": permissions.kan_cureren(request.user, buurt),
    }
    return render(request, T + "reflectie_overzicht.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def reflectie_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    _vereis_curator(request.user, buurt)
    form = ReflectieForm(request.POST or None, buurt=buurt)
    if request.method == "POST" and form.is_valid():
        try:
            moment = services.reflectie_aanmaken(
                moment=form.instance, partners=form.cleaned_data["partners"], door=request.user
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Reflectiemoment aangemaakt."))
            return redirect("activiteiten:reflectie_detail", buurt.id, moment.id)
    return render(request, T + "reflectie_form.html", {"buurt": buurt, "form": form})


@login_required
@require_http_methods(["GET"])
def reflectie_detail(request: HttpRequest, buurt_id: int, moment_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    moment = selectors.get_moment_or_404(buurt, moment_id)
    mag = permissions.kan_cureren(request.user, buurt)
    punten = selectors.gespreksonderwerpen(moment)
    context = {
        "buurt": buurt,
        "moment": moment,
        "tabel": selectors.scoretabel(moment),
        "deelnemers": selectors.deelnemers(moment),
        "vragen": [(v, selectors.antwoorden(moment).get(v.id, "")) for v in selectors.vragen()],
        "punten": punten,
        "opvolgingen": moment.opvolgingen.select_related("actie", "doel"),
        "mag_cureren": mag,
        "mag_scoren": permissions.kan_scoren(request.user, moment),
    }
    return render(request, T + "reflectie_detail.html", context)


def _deelnemer_van(request, moment) -> str:
    """Which participant's scores: the regisseur chooses; a partner user scores for itself."""
    gekozen = request.POST.get("deelnemer") or request.GET.get("deelnemer") or ""
    if permissions.kan_cureren(request.user, moment.buurt):
        return gekozen or selectors.deelnemers(moment)[0][0]
    eigen = permissions.eigen_partner_ids(request.user, moment.buurt)
    deelnemend = [p.id for p in moment.partners.all() if p.id in eigen]
    return f"p{deelnemend[0]}" if deelnemend else ""


@login_required
@require_http_methods(["GET", "POST"])
def reflectie_scores(request: HttpRequest, buurt_id: int, moment_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    moment = selectors.get_moment_or_404(buurt, moment_id)
    if not permissions.kan_scoren(request.user, moment):
        raise PermissionDenied(_("Je neemt niet deel aan dit reflectiemoment."))
    deelnemer = _deelnemer_van(request, moment)
    bron, partner_id = selectors.ontleed_deelnemer(deelnemer)
    form = ScoreForm(
        request.POST or None,
        factoren=selectors.factoren(),
        spanningsvelden=selectors.spanningsvelden(),
        bestaand=selectors.bestaande_scores(moment, bron, partner_id),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.scores_bewaren(
                moment=moment, deelnemer=deelnemer, waarden=form.waarden(), door=request.user
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Scores bewaard."))
            return redirect("activiteiten:reflectie_detail", buurt.id, moment.id)
    context = {
        "buurt": buurt,
        "moment": moment,
        "form": form,
        "deelnemer": deelnemer,
        "deelnemers": selectors.deelnemers(moment),
        "mag_kiezen": permissions.kan_cureren(request.user, buurt),
    }
    return render(request, T + "reflectie_scores.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def reflectie_vragen(request: HttpRequest, buurt_id: int, moment_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    moment = selectors.get_moment_or_404(buurt, moment_id)
    _vereis_curator(request.user, buurt)
    form = AntwoordenForm(
        request.POST or None, vragen=selectors.vragen(), bestaand=selectors.antwoorden(moment)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.antwoorden_bewaren(moment=moment, antwoorden=form.antwoorden())
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Antwoorden bewaard."))
            return redirect("activiteiten:reflectie_detail", buurt.id, moment.id)
    return render(
        request, T + "reflectie_vragen.html", {"buurt": buurt, "moment": moment, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def reflectie_opvolging(request: HttpRequest, buurt_id: int, moment_id: int) -> HttpResponse:
    """Turn a talking point into an action, or adjust a goal (`soort` = actie | doel)."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    moment = selectors.get_moment_or_404(buurt, moment_id)
    _vereis_curator(request.user, buurt)
    soort = request.POST.get("soort") or request.GET.get("soort") or "actie"
    data = request.POST if request.method == "POST" else None
    initial = {"titel": request.GET.get("titel", ""), "aanleiding": request.GET.get("aanleiding")}
    actie_form = OpvolgingActieForm(
        data if soort == "actie" else None, buurt=buurt, prefix="actie", initial=initial
    )
    doel_form = DoelwijzigingForm(data if soort == "doel" else None, buurt=buurt, prefix="doel")
    form = actie_form if soort == "actie" else doel_form
    if request.method == "POST" and form.is_valid():
        try:
            if soort == "actie":
                opvolging = services.opvolging_als_actie(
                    moment=moment,
                    actie=actie_form.instance,
                    aanleiding=actie_form.cleaned_data.get("aanleiding") or "",
                    door=request.user,
                )
            else:
                d = doel_form.cleaned_data
                opvolging = services.opvolging_als_doelwijziging(
                    moment=moment,
                    doel=d["doel"],
                    titel=d["titel"],
                    termijn=d["termijn"],
                    omschrijving=d["omschrijving"],
                    reden=d["reden"],
                    door=request.user,
                )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(
                request,
                _("Actie '%(t)s' aangemaakt.") % {"t": opvolging.actie.titel}
                if opvolging.actie
                else _("Doel bijgestuurd."),
            )
            return redirect("activiteiten:reflectie_detail", buurt.id, moment.id)
    context = {
        "buurt": buurt,
        "moment": moment,
        "actie_form": actie_form,
        "doel_form": doel_form,
        "soort": soort,
    }
    return render(request, T + "reflectie_opvolging.html", context)


# --- successen ------------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET"])
def succes_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    context = {
        "buurt": buurt,
        "pagina": paginering.pagina(request, selectors.successen_van(buurt)),
        "mag_bijdragen": permissions.kan_bijdragen(request.user, buurt),
        "mag_cureren": permissions.kan_cureren(request.user, buurt),
    }
    return render(request, T + "succes_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def succes_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    _vereis_bijdrager(request.user, buurt)
    eigen = _eigen(request.user, buurt)
    form = SuccesForm(request.POST or None, buurt=buurt, eigen=eigen)
    if request.method == "POST" and form.is_valid():
        try:
            services.succes_bewaren(succes=form.instance, eigen=eigen, door=request.user)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Succes bewaard. Proficiat!"))
            return redirect("activiteiten:succes_list", buurt.id)
    return render(
        request,
        T + "bijdrage_form.html",
        {"buurt": buurt, "form": form, "titel": _("Succes benoemen"), "terug": "succes_list"},
    )


@login_required
@require_POST
def succes_rapport(request: HttpRequest, buurt_id: int, succes_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    succes = selectors.get_succes_or_404(buurt, succes_id)
    _vereis_curator(request.user, buurt)
    services.succes_voor_rapport(succes=succes, in_rapport=request.POST.get("in_rapport") == "1")
    return redirect("activiteiten:succes_list", buurt.id)


# --- contactmomenten ------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def contactmomenten(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """The one-tap counter (phone first) and the tally per month."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    mag = permissions.kan_bijdragen(request.user, buurt)
    if request.method == "POST" and not mag:
        raise PermissionDenied(_("Alleen de buurtregisseur en partners tellen contactmomenten."))
    eigen = _eigen(request.user, buurt) if mag else set()
    form = ContactmomentForm(request.POST or None, buurt=buurt, eigen=eigen) if mag else None
    if request.method == "POST" and form.is_valid():
        try:
            services.contactmoment_tellen(
                buurt=buurt,
                soort=form.cleaned_data["soort"],
                datum=form.cleaned_data["datum"],
                aantal=form.cleaned_data["aantal"],
                partner=form.cleaned_data.get("partner"),
                eigen=eigen,
                door=request.user,
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(
                request,
                _("Geteld: %(s)s × %(n)d.")
                % {
                    "s": ContactSoort(form.cleaned_data["soort"]).label,
                    "n": form.cleaned_data["aantal"],
                },
            )
            return redirect("activiteiten:contactmomenten", buurt.id)
    context = {
        "buurt": buurt,
        "form": form,
        "soorten": ContactSoort.choices,
        "telling": selectors.contacttelling([buurt.id]),
        "recent": selectors.contactmomenten_van(request.user, buurt)[:10] if mag else [],
    }
    return render(request, T + "contactmomenten.html", context)


# --- uitkomsten (outcome harvesting) --------------------------------------------------------------
@login_required
@require_http_methods(["GET"])
def oogst_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    context = {
        "buurt": buurt,
        "pagina": paginering.pagina(request, selectors.uitkomsten_van(buurt)),
        "mag_bijdragen": permissions.kan_bijdragen(request.user, buurt),
    }
    return render(request, T + "uitkomst_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def oogst_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    _vereis_bijdrager(request.user, buurt)
    eigen = _eigen(request.user, buurt)
    form = UitkomstForm(request.POST or None, buurt=buurt, eigen=eigen)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.uitkomst_bewaren(
                uitkomst=form.instance,
                doelen=d["doelen"],
                pakketten=d["pakketten"],
                acties=d["acties"],
                eigen=eigen,
                door=request.user,
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Uitkomst bewaard."))
            return redirect("activiteiten:oogst_list", buurt.id)
    return render(
        request,
        T + "bijdrage_form.html",
        {"buurt": buurt, "form": form, "titel": _("Uitkomst oogsten"), "terug": "oogst_list"},
    )


# --- verhalen -------------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET"])
def verhaal_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    context = {
        "buurt": buurt,
        "pagina": paginering.pagina(request, selectors.verhalen_voor(request.user, buurt)),
        "mag_bijdragen": permissions.kan_bijdragen(request.user, buurt),
        "mag_cureren": permissions.kan_cureren(request.user, buurt),
        "rapportwaardig": {Toestemming.RAPPORT, Toestemming.PUBLIEK},
    }
    return render(request, T + "verhaal_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def verhaal_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    _vereis_bijdrager(request.user, buurt)
    eigen = _eigen(request.user, buurt)
    form = VerhaalForm(request.POST or None, request.FILES or None, buurt=buurt, eigen=eigen)
    if request.method == "POST" and form.is_valid():
        try:
            services.verhaal_bewaren(verhaal=form.instance, eigen=eigen, door=request.user)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Verhaal bewaard."))
            return redirect("activiteiten:verhaal_list", buurt.id)
    return render(
        request,
        T + "bijdrage_form.html",
        {"buurt": buurt, "form": form, "titel": _("Verhaal vertellen"), "terug": "verhaal_list"},
    )


@login_required
@require_POST
def verhaal_rapport(request: HttpRequest, buurt_id: int, verhaal_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    verhaal = selectors.get_verhaal_or_404(request.user, buurt, verhaal_id)
    _vereis_curator(request.user, buurt)
    try:
        services.verhaal_voor_rapport(
            verhaal=verhaal, in_rapport=request.POST.get("in_rapport") == "1"
        )
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    return redirect("activiteiten:verhaal_list", buurt.id)


@login_required
@require_http_methods(["GET"])
def verhaal_foto(request: HttpRequest, buurt_id: int, verhaal_id: int) -> HttpResponse:
    """The story's photo, only for those who may read the story; logged. Files are never served
    from /media/ (zorgnet.lib.bestanden): this view is the only way out."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    verhaal = selectors.get_verhaal_or_404(request.user, buurt, verhaal_id)
    if not verhaal.foto:
        raise Http404(_("Dit verhaal heeft geen foto."))
    registreer_toegang(
        gebruiker=request.user,
        actie=Toegangsactie.DOWNLOAD,
        object_type="verhaal_foto",
        object_id=verhaal.id,
        omschrijving=f"foto van verhaal {verhaal.id}",
        buurt=buurt,
    )
    return bestand_response(verhaal.foto, f"verhaal-{verhaal.id}.{extensie(verhaal.foto.name)}")


# --- indicatoren ----------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def indicator_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """Indicators per goal or action, their measurements against the target and baseline; the
    regisseur adds an indicator on the same page (POST)."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    mag = permissions.kan_cureren(request.user, buurt)
    if request.method == "POST" and not mag:
        raise PermissionDenied(_("Alleen de buurtregisseur kan dit doen."))
    form = IndicatorForm(request.POST or None, buurt=buurt) if mag else None
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_bewaren(indicator=form.instance)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Indicator bewaard."))
            return redirect("activiteiten:indicator_list", buurt.id)
    indicatoren = list(selectors.indicatoren_van(buurt))
    basis = selectors.basislijnwaarden(buurt, indicatoren)
    context = {
        "buurt": buurt,
        "rijen": [
            {
                "indicator": i,
                "grafiek": selectors.indicatorgrafiek(i),
                "basis": basis.get(i.id, []),
                "laatste": i.metingen.all()[len(i.metingen.all()) - 1]
                if i.metingen.all()
                else None,
            }
            for i in indicatoren
        ],
        "form": form,
        "meting_form": MetingForm() if mag else None,
    }
    return render(request, T + "indicator_list.html", context)


@login_required
@require_POST
def meting_create(request: HttpRequest, buurt_id: int, indicator_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    indicator = selectors.get_indicator_or_404(buurt, indicator_id)
    _vereis_curator(request.user, buurt)
    form = MetingForm(request.POST)
    form.instance.indicator = indicator
    if form.is_valid():
        try:
            services.meting_toevoegen(meting=form.instance, door=request.user)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    if form.errors:
        for fout in form.errors.values():
            messages.error(request, " ".join(fout))
    else:
        messages.success(request, _("Meting bewaard."))
    return redirect("activiteiten:indicator_list", buurt.id)
