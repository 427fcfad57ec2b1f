"""Views for the activity packages: the six steps, the overview and the package page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from activiteiten.models import Doel
from activiteiten.pakketten import selectors, services
from activiteiten.pakketten.forms import (
    ActiviteitForm,
    AfwijkingForm,
    CapaciteitForm,
    DoelForm,
    DoelWijzigForm,
    FactorForm,
    PakketForm,
    PakketRelatieForm,
    SamenhangPaarForm,
    StapStatusForm,
    StarttemplateForm,
    ToCForm,
    UitdagingForm,
)
from buurten.analyse import services as analyse_services
from buurten.models import Buurtanalyse
from buurten.permissions import get_buurt_or_404, kan_beheren, vereis_beheer
from zorgnet.lib.forms import fouten_naar_form


def _stap_url(buurt, stap: int) -> str:
    return reverse("activiteiten:pakket_stap", args=[buurt.id, stap])


def _stap_context(request: HttpRequest, buurt, stap: int, **forms) -> dict:
    user = request.user
    uitdagingen = selectors.uitdagingen(user, buurt)
    ctx = {
        "buurt": buurt,
        "stap": stap,
        "stappen": selectors.stappen(buurt),
        "mag_beheren": kan_beheren(user, buurt),
        "status_form": StapStatusForm(),
    }
    if stap == 1:
        ctx["uitdagingen"] = uitdagingen
        ctx["heeft_analyse"] = Buurtanalyse.objects.filter(buurt=buurt).exists()
        ctx["uitdaging_form"] = forms.get("uitdaging_form") or UitdagingForm()
    elif stap == 2:
        ctx["doelen"] = selectors.doelen(user, buurt)
        ctx["toc"] = selectors.toc_boom(buurt)
        ctx["activiteiten"] = selectors.activiteiten(user, buurt)
        ctx["doel_form"] = forms.get("doel_form") or DoelForm(uitdagingen=uitdagingen)
        ctx["toc_form"] = forms.get("toc_form") or ToCForm(buurt=buurt)
        ctx["activiteit_form"] = forms.get("activiteit_form") or ActiviteitForm(
            buurt=buurt, uitdagingen=uitdagingen
        )
        ctx["capaciteit_form"] = forms.get("capaciteit_form") or CapaciteitForm(buurt=buurt)
        ctx["template_form"] = forms.get("template_form") or StarttemplateForm(
            uitdagingen=uitdagingen
        )
    elif stap == 3:
        acts = list(selectors.activiteiten(user, buurt))
        ctx["activiteiten"] = acts
        ctx["matrix"] = selectors.samenhang_matrix(acts, selectors.samenhang_paren(buurt))
        ctx["paar_form"] = forms.get("paar_form") or SamenhangPaarForm(buurt=buurt)
        ctx["matrix_fouten"] = forms.get("matrix_fouten")
        ctx["advies"] = selectors.samenhang_advies(user, buurt)
    elif stap in (4, 5, 6):
        ctx.update(selectors.overzicht(user, buurt))
        ctx["pakket_form"] = forms.get("pakket_form") or PakketForm(buurt=buurt)
        ctx["relatie_form"] = forms.get("relatie_form") or PakketRelatieForm(buurt=buurt)
    return ctx


def _render_stap(request, buurt, stap: int, **forms) -> HttpResponse:
    return render(
        request,
        "activiteiten/pakketten/pakket_stap.html",
        _stap_context(request, buurt, stap, **forms),
    )


@login_required
@require_GET
def pakket_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    ctx = selectors.overzicht(request.user, buurt)
    ctx.update(
        buurt=buurt,
        stappen=selectors.stappen(buurt),
        mag_beheren=kan_beheren(request.user, buurt),
    )
    return render(request, "activiteiten/pakketten/pakket_list.html", ctx)


@login_required
@require_GET
def pakket_stap(request: HttpRequest, buurt_id: int, stap: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    if not 1 <= stap <= 6:
        raise Http404
    return _render_stap(request, buurt, stap)


@login_required
@require_POST
def pakket_stap_status(request: HttpRequest, buurt_id: int, stap: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    if not 1 <= stap <= 6:
        raise Http404
    form = StapStatusForm(request.POST)
    if form.is_valid():
        services.stap_instellen(buurt=buurt, stap=stap, status=form.cleaned_data["status"])
        messages.success(request, _("Status van stap %s bewaard.") % stap)
    return redirect(_stap_url(buurt, stap))


def _post(request, buurt_id: int):
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    return buurt


@login_required
@require_POST
def pakket_uitdaging_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = _post(request, buurt_id)
    form = UitdagingForm(request.POST)
    if form.is_valid():
        analyse = Buurtanalyse.objects.filter(buurt=buurt).order_by("-versie").first()
        try:
            if analyse is None:
                raise ValidationError(_("Maak eerst een buurtanalyse aan."))
            analyse_services.uitdaging_toevoegen(
                analyse=analyse,
                titel=form.cleaned_data["titel"],
                kant=form.cleaned_data["kant"],
                complexiteit=form.cleaned_data["complexiteit"],
            )
            return redirect(_stap_url(buurt, 1))
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    return _render_stap(request, buurt, 1, uitdaging_form=form)


@login_required
@require_POST
def doel_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = _post(request, buurt_id)
    form = DoelForm(request.POST, uitdagingen=selectors.uitdagingen(request.user, buurt))
    if form.is_valid():
        try:
            services.doel_aanmaken(buurt=buurt, gebruiker=request.user, **form.cleaned_data)
            return redirect(_stap_url(buurt, 2))
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    return _render_stap(request, buurt, 2, doel_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def doel_update(request: HttpRequest, buurt_id: int, doel_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    doel = get_object_or_404(Doel, pk=doel_id, buurt=buurt)
    uitdagingen = selectors.uitdagingen(request.user, buurt)
    beheer = kan_beheren(request.user, buurt)
    if request.method == "POST":
        vereis_beheer(request.user, buurt)
        form = DoelWijzigForm(request.POST, uitdagingen=uitdagingen)
        if form.is_valid():
            try:
                services.doel_wijzigen(doel=doel, gebruiker=request.user, **form.cleaned_data)
                messages.success(request, _("Doel bijgestuurd; de reden is bewaard."))
                return redirect(_stap_url(buurt, 2))
            except ValidationError as fout:
                fouten_naar_form(form, fout)
    else:
        form = DoelWijzigForm(
            uitdagingen=uitdagingen,
            initial={
                "titel": doel.titel,
                "termijn": doel.termijn,
                "omschrijving": doel.omschrijving,
                "uitdagingen": list(doel.uitdagingen.all()),
            },
        )
    ctx = {
        "buurt": buurt,
        "doel": doel,
        "form": form,
        "versies": selectors.doelversies(doel),
        "mag_beheren": beheer,
    }
    return render(request, "activiteiten/pakketten/doel_form.html", ctx)


@login_required
@require_POST
def toc_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = _post(request, buurt_id)
    form = ToCForm(request.POST, buurt=buurt)
    if form.is_valid():
        try:
            services.toc_element_toevoegen(buurt=buurt, **form.cleaned_data)
            return redirect(_stap_url(buurt, 2))
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    return _render_stap(request, buurt, 2, toc_form=form)


@login_required
@require_POST
def activiteit_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = _post(request, buurt_id)
    form = ActiviteitForm(
        request.POST, buurt=buurt, uitdagingen=selectors.uitdagingen(request.user, buurt)
    )
    if form.is_valid():
        try:
            services.activiteit_opslaan(buurt=buurt, **form.cleaned_data)
            return redirect(_stap_url(buurt, 2))
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    return _render_stap(request, buurt, 2, activiteit_form=form)


@login_required
@require_POST
def capaciteit_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = _post(request, buurt_id)
    form = CapaciteitForm(request.POST, buurt=buurt)
    if form.is_valid():
        try:
            services.capaciteit_toevoegen(**form.cleaned_data)
            return redirect(_stap_url(buurt, 2))
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    return _render_stap(request, buurt, 2, capaciteit_form=form)


@login_required
@require_POST
def starttemplate_toepassen(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = _post(request, buurt_id)
    form = StarttemplateForm(request.POST, uitdagingen=selectors.uitdagingen(request.user, buurt))
    if form.is_valid():
        try:
            services.starttemplate_toepassen(
                buurt=buurt, gebruiker=request.user, **form.cleaned_data
            )
            messages.success(request, _("Doel en activiteiten uit het sjabloon toegevoegd."))
            return redirect(_stap_url(buurt, 2))
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    return _render_stap(request, buurt, 2, template_form=form)


def _matrix_gewichten(post) -> tuple[dict, list[str]]:
    gewichten, fouten = {}, []
    for sleutel, waarde in post.items():
        if not sleutel.startswith("g_"):
            continue
        try:
            _g, a, b = sleutel.split("_")
            paar = (int(a), int(b))
        except ValueError:
            continue
        waarde = waarde.strip()
        if not waarde:
            gewichten[paar] = None
            continue
        try:
            gewichten[paar] = int(waarde)
        except ValueError:
            fouten.append(_("'%s' is geen geheel getal.") % waarde)
    return gewichten, fouten


@login_required
@require_POST
def samenhang_matrix(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = _post(request, buurt_id)
    gewichten, fouten = _matrix_gewichten(request.POST)
    if not fouten:
        try:
            services.samenhang_instellen(buurt=buurt, gewichten=gewichten)
            messages.success(request, _("Samenhang bewaard."))
            return redirect(_stap_url(buurt, 3))
        except ValidationError as fout:
            fouten = fout.messages
    return _render_stap(request, buurt, 3, matrix_fouten=fouten)


@login_required
@require_POST
def samenhang_paar(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = _post(request, buurt_id)
    form = SamenhangPaarForm(request.POST, buurt=buurt)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.samenhang_instellen(
                buurt=buurt, gewichten={(d["activiteit_a"].pk, d["activiteit_b"].pk): d["gewicht"]}
            )
            return redirect(_stap_url(buurt, 3))
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    return _render_stap(request, buurt, 3, paar_form=form)


@login_required
@require_POST
def advies_overnemen(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = _post(request, buurt_id)
    pakketten = services.advies_overnemen(buurt=buurt)
    messages.success(
        request, _("Voorgestelde opsplitsing overgenomen: %s pakketten.") % len(pakketten)
    )
    return redirect(_stap_url(buurt, 3))


@login_required
@require_POST
def pakket_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = _post(request, buurt_id)
    form = PakketForm(request.POST, buurt=buurt)
    if form.is_valid():
        try:
            pakket = services.pakket_opslaan(buurt=buurt, **form.cleaned_data)
            return redirect("activiteiten:pakket_detail", buurt.id, pakket.id)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    return _render_stap(request, buurt, 4, pakket_form=form)


def _pakket(request, buurt_id: int, pakket_id: int):
    buurt = get_buurt_or_404(request.user, buurt_id)
    pakket = get_object_or_404(selectors.pakketten(request.user, buurt), pk=pakket_id)
    return buurt, pakket


def _detail(request, buurt, pakket, **forms) -> HttpResponse:
    ctx = selectors.overzicht(request.user, buurt)
    ctx.update(
        buurt=buurt,
        pakket=pakket,
        mijn_waarschuwingen=ctx["waarschuwingen"].get(pakket.pk, []),
        mijn_relaties=[r for r in ctx["relaties"] if pakket.pk in (r.pakket_a_id, r.pakket_b_id)],
        afwijkingen=pakket.afwijkingen.all(),
        factoren=pakket.factoren.all(),
        acties=pakket.acties.order_by("-startdatum")[:10],
        mag_beheren=kan_beheren(request.user, buurt),
        form=forms.get("form") or PakketForm(buurt=buurt, initial=PakketForm.initial_van(pakket)),
        afwijking_form=forms.get("afwijking_form") or AfwijkingForm(),
        factor_form=forms.get("factor_form") or FactorForm(),
    )
    return render(request, "activiteiten/pakketten/pakket_detail.html", ctx)


@login_required
@require_GET
def pakket_detail(request: HttpRequest, buurt_id: int, pakket_id: int) -> HttpResponse:
    buurt, pakket = _pakket(request, buurt_id, pakket_id)
    return _detail(request, buurt, pakket)


@login_required
@require_POST
def pakket_update(request: HttpRequest, buurt_id: int, pakket_id: int) -> HttpResponse:
    buurt, pakket = _pakket(request, buurt_id, pakket_id)
    vereis_beheer(request.user, buurt)
    form = PakketForm(request.POST, buurt=buurt)
    if form.is_valid():
        try:
            services.pakket_opslaan(buurt=buurt, pakket=pakket, **form.cleaned_data)
            messages.success(request, _("Pakket bewaard."))
            return redirect("activiteiten:pakket_detail", buurt.id, pakket.id)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    return _detail(request, buurt, pakket, form=form)


@login_required
@require_POST
def pakket_ideaal(request: HttpRequest, buurt_id: int, pakket_id: int) -> HttpResponse:
    buurt, pakket = _pakket(request, buurt_id, pakket_id)
    vereis_beheer(request.user, buurt)
    services.ideaal_vastleggen(pakket=pakket)
    messages.success(request, _("Ideaal plan vastgelegd als referentiepunt."))
    return redirect("activiteiten:pakket_detail", buurt.id, pakket.id)


@login_required
@require_POST
def afwijking_create(request: HttpRequest, buurt_id: int, pakket_id: int) -> HttpResponse:
    buurt, pakket = _pakket(request, buurt_id, pakket_id)
    vereis_beheer(request.user, buurt)
    form = AfwijkingForm(request.POST)
    if form.is_valid():
        services.afwijking_toevoegen(pakket=pakket, **form.cleaned_data)
        return redirect("activiteiten:pakket_detail", buurt.id, pakket.id)
    return _detail(request, buurt, pakket, afwijking_form=form)


@login_required
@require_POST
def factor_create(request: HttpRequest, buurt_id: int, pakket_id: int) -> HttpResponse:
    buurt, pakket = _pakket(request, buurt_id, pakket_id)
    vereis_beheer(request.user, buurt)
    form = FactorForm(request.POST)
    if form.is_valid():
        services.factor_toevoegen(pakket=pakket, **form.cleaned_data)
        return redirect("activiteiten:pakket_detail", buurt.id, pakket.id)
    return _detail(request, buurt, pakket, factor_form=form)


@login_required
@require_POST
def pakketrelatie_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = _post(request, buurt_id)
    form = PakketRelatieForm(request.POST, buurt=buurt)
    if form.is_valid():
        try:
            services.pakketrelatie_opslaan(**form.cleaned_data)
            return redirect(_stap_url(buurt, 5))
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    return _render_stap(request, buurt, 5, relatie_form=form)
