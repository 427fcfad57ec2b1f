"""Partner pages: thin views that parse, call a service or selector, and render."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from buurten.models import Toegangsactie
from buurten.permissions import (
    get_buurt_or_404,
    kan_beheren,
    kan_rapporteren,
    partner_ids_van,
    vereis_beheer,
    vereis_rapportrecht,
)
from buurten.services import exportlimiet, registreer_toegang
from partners.filters import PartnerFilter
from zorgnet.lib import cijfers, importbestand, paginering
from zorgnet.lib.bestanden import bestand_response, extensie
from zorgnet.lib.exports import csv_response, xlsx_response
from zorgnet.lib.forms import fouten_naar_form
from zorgnet.lib.svg import lijngrafiek
from zorgnet.lib.taakrecords import TaakStatus

from . import selectors, services
from .forms import (
    BetrokkenheidForm,
    ContactpersoonForm,
    ImportForm,
    MandaatForm,
    NetwerkrolForm,
    PartnerForm,
    RelatieForm,
)
from .models import Bevestiging, Contactpersoon
from .permissions import (
    get_partner_or_404,
    get_relatie_or_404,
    kan_partner_bewerken,
    kan_relatie_beantwoorden,
    kan_relatie_bewerken,
    relatie_binnen_buurt,
    vereis_partner_bewerken,
)
from .resources import (
    RESOURCES,
    aantal_rijen,
    importeren,
    lees_ondertekend,
    onderteken,
    relatie_exportrij,
)

PER_PAGINA = 25
GET_POST = require_http_methods(["GET", "POST"])


@login_required
@require_GET
def partner_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """Partners of the buurt with search and filters; htmx swaps only the table."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    filters = PartnerFilter(
        request.GET or None, queryset=selectors.partners_in_buurt(request.user, buurt)
    )
    pagina = paginering.pagina(request, filters.resultaten, PER_PAGINA, buurt=buurt)
    pagina.object_list = selectors.met_laatste_scan(pagina.object_list, buurt)
    context = {
        "buurt": buurt,
        "filters": filters.form,
        "pagina": pagina,
        "mag_beheren": kan_beheren(request.user, buurt),
        "mag_exporteren": kan_rapporteren(request.user, buurt),
        "eigen_ids": partner_ids_van(request.user, buurt),
    }
    sjabloon = "partners/partner_list.html"
    return render(request, f"{sjabloon}#tabel" if request.htmx else sjabloon, context)


def _dubbel_link(buurt, fout: services.DubbelePartnernaam) -> str:
    """Where a duplicate-name message leads: the partner itself when it works in the buurt, else
    the page that adds that gemeente partner to the buurt."""
    if fout.in_buurt:
        return reverse("partners:partner_detail", args=(buurt.id, fout.partner_id))
    return reverse("partners:partner_toevoegen", args=(buurt.id, fout.partner_id))


@login_required
@GET_POST
def partner_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    form = PartnerForm(request.POST or None)
    dubbel = None
    if request.method == "POST" and form.is_valid():
        gegevens = dict(form.cleaned_data)
        toch = gegevens.pop("toch_aanmaken", False)
        try:
            partner = services.partner_aanmaken(
                buurt=buurt, gegevens=gegevens, gelijkaardig_toegestaan=toch
            )
        except services.DubbelePartnernaam as exc:
            fouten_naar_form(form, exc)
            dubbel = {
                "soort": exc.soort,
                "in_buurt": exc.in_buurt,
                "naam": exc.naam,
                "url": _dubbel_link(buurt, exc),
            }
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Partner '%(n)s' toegevoegd.") % {"n": partner.naam})
            return redirect("partners:partner_detail", buurt.id, partner.id)
    # "Toch aanmaken" only makes sense as the answer to a similar-name warning.
    if not (
        (dubbel and dubbel["soort"] == services.DubbelePartnernaam.GELIJKAARDIG)
        or (form.is_bound and form["toch_aanmaken"].value())
    ):
        del form.fields["toch_aanmaken"]
    return render(
        request, "partners/partner_form.html", {"buurt": buurt, "form": form, "dubbel": dubbel}
    )


@login_required
@GET_POST
def partner_toevoegen(request: HttpRequest, buurt_id: int, partner_id: int) -> HttpResponse:
    """Add an existing partner of the gemeente to this buurt: the regisseur confirms with one
    button; the partner's history records it (services.partner_aan_buurt_toevoegen)."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    if buurt.partners.filter(pk=partner_id).exists():
        return redirect("partners:partner_detail", buurt.id, partner_id)
    partner = selectors.get_gemeentepartner_buiten_buurt_or_404(buurt, partner_id)
    fout = None
    if request.method == "POST":
        try:
            services.partner_aan_buurt_toevoegen(buurt=buurt, partner=partner, door=request.user)
        except ValidationError as exc:
            fout = " ".join(exc.messages)
        else:
            messages.success(
                request,
                _("Partner '%(n)s' werkt nu ook in %(b)s.") % {"n": partner.naam, "b": buurt.naam},
            )
            return redirect("partners:partner_detail", buurt.id, partner.id)
    return render(
        request,
        "partners/partner_toevoegen.html",
        {"buurt": buurt, "partner": partner, "fout": fout},
    )


@login_required
@require_GET
def partner_detail(request: HttpRequest, buurt_id: int, partner_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    partner = get_partner_or_404(request.user, buurt, partner_id)
    gegevens = selectors.partner_detail(partner, buurt)
    eigen = partner.id in partner_ids_van(request.user, buurt)
    bewerkbaar = {
        r.id for r in gegevens["relaties_van"] if kan_relatie_bewerken(request.user, buurt, r)
    }
    beantwoordbaar = {
        r.id for r in gegevens["relaties_naar"] if kan_relatie_beantwoorden(request.user, buurt, r)
    }
    return render(
        request,
        "partners/partner_detail.html",
        {
            "buurt": buurt,
            "partner": partner,
            **gegevens,
            "grafiek": _scangrafiek(gegevens["scans"]),
            "mag_bewerken": kan_partner_bewerken(request.user, buurt, partner),
            "mag_beheren": kan_beheren(request.user, buurt),
            "mag_beantwoorden": eigen or kan_beheren(request.user, buurt),
            "bewerkbare_relaties": bewerkbaar,
            "beantwoordbare_relaties": beantwoordbaar,
        },
    )


def _scangrafiek(scans) -> str:
    verloop = selectors.scanverloop(scans)
    if len(verloop) < 2:
        return ""
    return lijngrafiek(
        [d.strftime("%d/%m/%y") for d, _v, _w in verloop],
        {_("Vonk"): [v for _d, v, _w in verloop], _("Vuur"): [w for _d, _v, w in verloop]},
        titel=_("Vonk en vuur door de tijd"),
    )


@login_required
@GET_POST
def partner_update(request: HttpRequest, buurt_id: int, partner_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    partner = get_partner_or_404(request.user, buurt, partner_id)
    vereis_partner_bewerken(request.user, buurt, partner)
    form = PartnerForm(request.POST or None, instance=partner, nieuw=False)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_bijwerken(partner=partner, gegevens=form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Profiel bijgewerkt."))
            return redirect("partners:partner_detail", buurt.id, partner.id)
    return render(
        request, "partners/partner_form.html", {"buurt": buurt, "form": form, "partner": partner}
    )


@login_required
@GET_POST
def contactpersoon_create(request: HttpRequest, buurt_id: int, partner_id: int) -> HttpResponse:
    return _contactpersoon_form(request, buurt_id, partner_id, None)


@login_required
@GET_POST
def contactpersoon_update(
    request: HttpRequest, buurt_id: int, partner_id: int, contactpersoon_id: int
) -> HttpResponse:
    return _contactpersoon_form(request, buurt_id, partner_id, contactpersoon_id)


def _contactpersoon_form(request, buurt_id, partner_id, contactpersoon_id) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    partner = get_partner_or_404(request.user, buurt, partner_id)
    persoon = None
    if contactpersoon_id is not None:
        persoon = partner.contactpersonen.filter(pk=contactpersoon_id).first()
        if persoon is None:
            raise Http404(_("Deze contactpersoon bestaat niet."))
    vereis_partner_bewerken(request.user, buurt, partner)
    form = ContactpersoonForm(request.POST or None, request.FILES or None, instance=persoon)
    if persoon is not None:
        form.fields["foto"].widget.download_url = reverse(
            "partners:contactpersoon_foto", args=(buurt.id, partner.id, persoon.id)
        )
    if request.method == "POST" and form.is_valid():
        try:
            services.contactpersoon_opslaan(
                partner=partner, gegevens=form.cleaned_data, contactpersoon=persoon
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Contactpersoon bewaard."))
            return redirect("partners:partner_detail", buurt.id, partner.id)
    return render(
        request,
        "partners/contactpersoon_form.html",
        {"buurt": buurt, "partner": partner, "form": form, "persoon": persoon},
    )


@login_required
@require_GET
def contactpersoon_foto(
    request: HttpRequest, buurt_id: int, partner_id: int, contactpersoon_id: int
) -> HttpResponse:
    """A contact person's photo (smoelenboek), for whoever may see the partner; logged."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    partner = get_partner_or_404(request.user, buurt, partner_id)
    persoon = partner.contactpersonen.filter(pk=contactpersoon_id).first()
    if persoon is None or not persoon.foto:
        raise Http404(_("Deze foto bestaat niet."))
    registreer_toegang(
        gebruiker=request.user,
        actie=Toegangsactie.DOWNLOAD,
        object_type="contactpersoon_foto",
        object_id=persoon.pk,
        omschrijving=f"foto van contactpersoon {persoon.pk}",
        buurt=buurt,
    )
    return bestand_response(persoon.foto, f"foto-{persoon.pk}.{extensie(persoon.foto.name)}")


@login_required
@GET_POST
def betrokkenheid_create(request: HttpRequest, buurt_id: int, partner_id: int) -> HttpResponse:
    """A new partnerscan score; earlier scores stay."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    partner = get_partner_or_404(request.user, buurt, partner_id)
    vereis_partner_bewerken(request.user, buurt, partner)
    form = BetrokkenheidForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.betrokkenheid_scoren(
                partner=partner, buurt=buurt, gegevens=form.cleaned_data, door=request.user
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Partnerscan bewaard."))
            return redirect("partners:partner_detail", buurt.id, partner.id)
    return render(
        request,
        "partners/betrokkenheid_form.html",
        {"buurt": buurt, "partner": partner, "form": form},
    )


@login_required
@GET_POST
def relatie_create(request: HttpRequest, buurt_id: int, partner_id: int) -> HttpResponse:
    """Declare a tie from this partner to another; the other side answers later."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    partner = get_partner_or_404(request.user, buurt, partner_id)
    vereis_partner_bewerken(request.user, buurt, partner)
    kandidaten = selectors.partners_in_buurt(request.user, buurt).exclude(pk=partner.pk)
    form = RelatieForm(request.POST or None, partners=kandidaten)
    if request.method == "POST" and form.is_valid():
        try:
            services.relatie_verklaren(
                van_partner=partner, door=request.user, buurt=buurt, **form.cleaned_data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Relatie verklaard; de andere partner kan ze bevestigen."))
            return redirect("partners:partner_detail", buurt.id, partner.id)
    return render(
        request, "partners/relatie_form.html", {"buurt": buurt, "partner": partner, "form": form}
    )


@login_required
@GET_POST
def relatie_update(request: HttpRequest, buurt_id: int, relatie_id: int) -> HttpResponse:
    """The declaring side updates or ends its tie (set 'tot')."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    relatie = get_relatie_or_404(request.user, buurt, relatie_id)
    if not kan_relatie_bewerken(request.user, buurt, relatie):
        raise PermissionDenied(
            _(
                "Alleen de partner die deze relatie verklaarde, kan ze aanpassen; de "
                "buurtregisseur alleen als beide partners in deze buurt werken."
            )
        )
    begin = {
        "intensiteit": relatie.intensiteit,
        "niveaus": relatie.niveaus,
        "sinds": relatie.sinds,
        "tot": relatie.tot,
        "toelichting": relatie.toelichting,
    }
    form = RelatieForm(request.POST or None, initial=begin, bestaand=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.relatie_bijwerken(
                relatie=relatie, gegevens=form.cleaned_data, door=request.user
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Relatie bijgewerkt."))
            return redirect("partners:partner_detail", buurt.id, relatie.van_partner_id)
    return render(
        request,
        "partners/relatie_form.html",
        {"buurt": buurt, "partner": relatie.van_partner, "form": form, "relatie": relatie},
    )


@login_required
@require_GET
def relatie_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """All ties in the buurt; a partner user sees first the ties others declared about them."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    volgorde = "naam" if request.GET.get("volgorde") == "naam" else "nieuw"
    relaties = selectors.relaties_in_buurt(request.user, buurt, volgorde)
    aantal = selectors.aantal_relaties_in_buurt(request.user, buurt)
    if volgorde == "nieuw":  # sorted by name, the partners are joined already
        relaties = relaties.prefetch_related(None)
    pagina = paginering.pagina(request, relaties, 50, aantal=aantal)
    if volgorde == "nieuw":
        pagina.object_list = selectors.met_beide_partners(pagina.object_list)
    mag_beheren = kan_beheren(request.user, buurt)
    for relatie in pagina.object_list:
        # The regisseur answers on a partner's behalf only when both sides work in the buurt.
        relatie.namens_te_beantwoorden = mag_beheren and relatie_binnen_buurt(buurt, relatie)
    return render(
        request,
        "partners/relatie_list.html",
        {
            "buurt": buurt,
            "pagina": pagina,
            "volgorde": volgorde,
            "te_beantwoorden": list(selectors.te_beantwoorden_relaties(request.user, buurt)),
            "eigen_ids": partner_ids_van(request.user, buurt),
            "mag_beheren": kan_beheren(request.user, buurt),
            "mag_exporteren": kan_rapporteren(request.user, buurt),
            "uitleg_relaties": cijfers.RELATIES,
        },
    )


@login_required
@require_POST
def relatie_beantwoorden(request: HttpRequest, buurt_id: int, relatie_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    relatie = get_relatie_or_404(request.user, buurt, relatie_id)
    if not kan_relatie_beantwoorden(request.user, buurt, relatie):
        raise PermissionDenied(
            _(
                "Alleen de partner over wie deze relatie gaat, kan antwoorden; de "
                "buurtregisseur alleen als beide partners in deze buurt werken."
            )
        )
    try:
        relatie = services.relatie_beantwoorden(
            relatie=relatie,
            antwoord=request.POST.get("antwoord", ""),
            door=request.user,
            buurt=buurt,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if not request.htmx:  # the swapped fragment itself shows the answer
            tekst = (
                _("Relatie bevestigd.")
                if relatie.bevestiging == Bevestiging.BEVESTIGD
                else _("Relatie betwist.")
            )
            messages.success(request, tekst)
    if request.htmx:
        return render(
            request,
            "partners/relatie_list.html#antwoord",
            {"buurt": buurt, "relatie": relatie},
        )
    return redirect("partners:relatie_list", buurt.id)


@login_required
@require_GET
def smoelenboek(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """One printable card page per buurt; contact details only with recorded consent."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    personen = list(selectors.smoelenboek(request.user, buurt))
    return render(request, "partners/smoelenboek.html", {"buurt": buurt, "personen": personen})


@login_required
@require_GET
def mandaat_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """Who may decide what, the network roles, and the warnings."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    return render(
        request,
        "partners/mandaat_list.html",
        {
            "buurt": buurt,
            "mandaten": list(selectors.mandaten_in_buurt(buurt)),
            "rollen": list(selectors.netwerkrollen_in_buurt(buurt)),
            "waarschuwingen": selectors.mandaat_waarschuwingen(buurt),
            "mag_beheren": kan_beheren(request.user, buurt),
        },
    )


def _personen(user, buurt):
    return Contactpersoon.objects.filter(
        partner__in=selectors.partners_in_buurt(user, buurt)
    ).select_related("partner")


@login_required
@GET_POST
def mandaat_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    form = MandaatForm(
        request.POST or None,
        partners=selectors.partners_in_buurt(request.user, buurt),
        personen=_personen(request.user, buurt),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.mandaat_toekennen(buurt=buurt, gegevens=form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Mandaat bewaard."))
            return redirect("partners:mandaat_list", buurt.id)
    return render(
        request,
        "partners/mandaat_form.html",
        {"buurt": buurt, "form": form, "titel": _("Mandaat toekennen")},
    )


@login_required
@GET_POST
def netwerkrol_create(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    form = NetwerkrolForm(request.POST or None, personen=_personen(request.user, buurt))
    if request.method == "POST" and form.is_valid():
        try:
            services.netwerkrol_toekennen(buurt=buurt, gegevens=form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Netwerkrol bewaard."))
            return redirect("partners:mandaat_list", buurt.id)
    return render(
        request,
        "partners/mandaat_form.html",
        {"buurt": buurt, "form": form, "titel": _("Netwerkrol toekennen")},
    )


@login_required
@GET_POST
def partner_import(request: HttpRequest, buurt_id: int) -> HttpResponse:
    return _import(request, buurt_id, "partners")


@login_required
@GET_POST
def contactpersoon_import(request: HttpRequest, buurt_id: int) -> HttpResponse:
    return _import(request, buurt_id, "contactpersonen")


@login_required
@GET_POST
def relatie_import(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """Ties between partners of the buurt (also a from/to edge list of a network-mapping tool)."""
    return _import(request, buurt_id, "relaties")


NA_IMPORT = {"relaties": "partners:relatie_list"}
IMPORT_URL = {
    "partners": "partners:partner_import",
    "contactpersonen": "partners:contactpersoon_import",
    "relaties": "partners:relatie_import",
}


def _import(request: HttpRequest, buurt_id: int, soort: str) -> HttpResponse:
    """Upload → dry-run preview with row errors → confirm (the file travels in a hidden field)."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    form = ImportForm(request.POST or None, request.FILES or None)
    resultaat = None
    bevestig = None
    if request.method == "POST" and form.is_valid():
        try:
            inhoud, formaat = _importinhoud(form, buurt=buurt, soort=soort)
            uitvoeren = "importeren" in request.POST
            rijen = aantal_rijen(inhoud, formaat)
            if rijen > settings.ZORGNET_IMPORT_JOB_VANAF_RIJEN:
                taak = services.vraag_import_aan(
                    gebruiker=request.user,
                    buurt=buurt,
                    soort=soort,
                    token=onderteken(inhoud, formaat, buurt=buurt, soort=soort),
                    uitvoeren=uitvoeren,
                    rijen=rijen,
                )
                return redirect("partners:importtaak_detail", buurt.id, taak.id)
            resultaat = importeren(
                buurt=buurt,
                soort=soort,
                inhoud=inhoud,
                formaat=formaat,
                uitvoeren=uitvoeren,
                door=request.user,
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            if resultaat.uitgevoerd:
                messages.success(
                    request,
                    _("%(n)s rijen geïmporteerd (%(nieuw)s nieuw, %(bij)s bijgewerkt).")
                    % {"n": resultaat.rijen, "nieuw": resultaat.nieuw, "bij": resultaat.bijgewerkt},
                )
                return redirect(NA_IMPORT.get(soort, "partners:partner_list"), buurt.id)
            if resultaat.ok:
                bevestig = {"inhoud": onderteken(inhoud, formaat, buurt=buurt, soort=soort)}
    return render(
        request,
        "partners/import_form.html",
        {
            "buurt": buurt,
            "form": form,
            "soort": soort,
            "kolommen": RESOURCES[soort].KOLOMMEN,
            "resultaat": resultaat,
            "bevestig": bevestig,
        },
    )


@login_required
@require_GET
def importtaak_detail(request: HttpRequest, buurt_id: int, importtaak_id: int) -> HttpResponse:
    """A large import's job: progress while it runs (polled by htmx), then the row errors, the
    confirm button of a clean dry run, or the outcome. For the regisseur of its buurt."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    taak = selectors.get_importtaak_or_404(buurt, importtaak_id)
    resultaat = taak.resultaat if taak.status == TaakStatus.KLAAR else None
    bevestig = None
    if resultaat and not taak.uitvoeren and not resultaat.get("fouten") and taak.inhoud:
        bevestig = {"inhoud": taak.inhoud}
    context = {
        "buurt": buurt,
        "taak": taak,
        "soort": taak.soort,
        "kolommen": RESOURCES[taak.soort].KOLOMMEN,
        "resultaat": resultaat,
        "bevestig": bevestig,
        "import_url": reverse(IMPORT_URL[taak.soort], args=[buurt.id]),
        "lijst_url": reverse(NA_IMPORT.get(taak.soort, "partners:partner_list"), args=[buurt.id]),
    }
    template = "partners/importtaak_detail.html"
    return render(request, template + "#status" if request.htmx else template, context)


def _importinhoud(form: ImportForm, *, buurt, soort: str) -> tuple[bytes, str]:
    """The file of the first POST, or the signed content of the confirm POST; both size-checked."""
    bestand = form.cleaned_data.get("bestand")
    if bestand:
        importbestand.controleer_grootte(bestand.size or 0)
        formaat = importbestand.formaat_van(bestand.name)
        if formaat is None:
            raise ValidationError(_("Kies een CSV- of XLSX-bestand."))
        return bestand.read(), formaat
    if form.cleaned_data.get("inhoud"):
        return lees_ondertekend(form.cleaned_data["inhoud"], buurt=buurt, soort=soort)
    raise ValidationError(_("Kies een bestand."))


@login_required
@require_GET
@exportlimiet
def partner_export(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_rapportrecht(request.user, buurt)
    kop = RESOURCES["partners"].KOLOMMEN
    qs = selectors.partners_in_buurt(request.user, buurt)
    rijen = (
        (
            p.naam,
            p.sector,
            p.soort,
            "ja" if p.formeel else "nee",
            p.werkingsgebied,
            p.status,
            p.wat_wij_doen,
            p.website,
        )
        for p in qs.iterator(chunk_size=500)
    )
    return _export(request, buurt, "partners", kop, rijen)


@login_required
@require_GET
@exportlimiet
def contactpersoon_export(request: HttpRequest, buurt_id: int) -> HttpResponse:
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_rapportrecht(request.user, buurt)
    kop = RESOURCES["contactpersonen"].KOLOMMEN
    qs = selectors.smoelenboek(request.user, buurt).prefetch_related(None)
    rijen = (
        (
            c.partner.naam,
            c.voornaam,
            c.achternaam,
            c.functie,
            c.wat_ik_doe,
            # contact details only with consent, also in exports
            c.email if c.toestemming_contactgegevens else "",
            c.telefoon if c.toestemming_contactgegevens else "",
            "ja" if c.toestemming_contactgegevens else "nee",
        )
        for c in qs.iterator(chunk_size=500)
    )
    return _export(request, buurt, "contactpersonen", kop, rijen)


@login_required
@require_GET
@exportlimiet
def relatie_export(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """Ties with both sides in the buurt, in the columns of the relation import (round trip)."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_rapportrecht(request.user, buurt)
    qs = selectors.relaties_binnen_buurt(request.user, buurt)
    rijen = (relatie_exportrij(r) for r in qs.iterator(chunk_size=500))
    return _export(request, buurt, "relaties", RESOURCES["relaties"].KOLOMMEN, rijen)


def _export(request, buurt, soort: str, kop, rijen) -> HttpResponse:
    formaat = "xlsx" if request.GET.get("formaat") == "xlsx" else "csv"
    registreer_toegang(
        gebruiker=request.user,
        actie=Toegangsactie.EXPORT,
        object_type=soort,
        omschrijving=f"export {soort} ({formaat})",
        buurt=buurt,
    )
    naam = f"{soort}-{buurt.naam.lower().replace(' ', '-')}"
    if formaat == "xlsx":
        return xlsx_response(f"{naam}.xlsx", {soort: (kop, rijen)})
    return csv_response(f"{naam}.csv", kop, rijen)
