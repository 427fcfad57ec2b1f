"""Action export (issue 11): streamed CSV for any size; XLSX in openpyxl's write-only mode, built in
the request up to ZORGNET_XLSX_JOB_VANAF rows and above that by a job on the long queue, whose file
the regisseur follows on a status page and downloads there.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from activiteiten.acties.filters import ActieFilter
from activiteiten.acties.selectors import acties_van
from activiteiten.exports import selectors, services
from activiteiten.exports.selectors import KOLOMMEN, actie_rijen
from buurten.models import Toegangsactie
from buurten.permissions import get_buurt_or_404, vereis_beheer
from buurten.services import exportlimiet, registreer_toegang
from zorgnet.lib.bestanden import bestand_response
from zorgnet.lib.exports import csv_response, xlsx_response
from zorgnet.lib.taakrecords import TaakStatus

__all__ = ["KOLOMMEN", "actie_export", "actie_rijen"]

RECENT = 10


def _terug_naar_lijst(request: HttpRequest, buurt) -> HttpResponse:
    query = {k: v for k, v in request.GET.items() if k != "formaat"}
    url = reverse("activiteiten:actie_list", kwargs={"buurt_id": buurt.id})
    return redirect(url + (f"?{urlencode(query)}" if query else ""))


@login_required
@require_GET
@exportlimiet
def actie_export(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """All actions of the buurt (filters of the list page apply), for the regisseur only."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    filters = ActieFilter(request.GET or None, queryset=acties_van(buurt), buurt=buurt)
    if filters.ongeldig:
        messages.error(request, _("De filters zijn ongeldig; er werd niets geëxporteerd."))
        return _terug_naar_lijst(request, buurt)
    qs = selectors.acties_voor_export(buurt, filters.waarden())
    formaat = "xlsx" if request.GET.get("formaat") == "xlsx" else "csv"
    naam = f"acties-{slugify(buurt.naam)}"
    if formaat == "xlsx":
        aantal = qs.count()
        if aantal > settings.ZORGNET_XLSX_JOB_VANAF:
            bestand = services.vraag_export_aan(
                gebruiker=request.user, buurt=buurt, filters=filters.waarden(), aantal=aantal
            )
            messages.info(
                request,
                _(
                    "Deze selectie telt %(n)s acties: de Excel-export wordt op de achtergrond "
                    "gemaakt. Je kan hem hier downloaden zodra hij klaar is."
                )
                % {"n": f"{aantal:,}".replace(",", ".")},
            )
            return redirect("activiteiten:exportbestand_detail", buurt.id, bestand.id)
    registreer_toegang(
        gebruiker=request.user,
        actie=Toegangsactie.EXPORT,
        object_type="acties",
        omschrijving=f"export acties ({formaat})",
        buurt=buurt,
    )
    if formaat == "xlsx":
        return xlsx_response(f"{naam}.xlsx", {"acties": (KOLOMMEN, actie_rijen(qs))})
    return csv_response(f"{naam}.csv", KOLOMMEN, actie_rijen(qs))


@login_required
@require_GET
def exportbestand_detail(
    request: HttpRequest, buurt_id: int, exportbestand_id: int
) -> HttpResponse:
    """Status of one export file (the fragment polls itself with htmx), and the user's recent ones."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    bestand = selectors.get_exportbestand_or_404(buurt, exportbestand_id)
    context = {
        "buurt": buurt,
        "bestand": bestand,
        "exportbestanden": selectors.recente_exportbestanden(request.user, buurt)[:RECENT],
    }
    template = "activiteiten/exports/exportbestand_detail.html"
    return render(request, template + "#status" if request.htmx else template, context)


@login_required
@require_GET
@exportlimiet
def exportbestand_download(
    request: HttpRequest, buurt_id: int, exportbestand_id: int
) -> HttpResponse:
    """The finished file, for the regisseur of its buurt; every download is logged. Refusals (403,
    404) are logged by buurten.middleware.WeigeringenMiddleware."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    bestand = selectors.get_exportbestand_or_404(buurt, exportbestand_id)
    if bestand.status != TaakStatus.KLAAR or not bestand.bestand:
        raise Http404(_("Dit exportbestand is nog niet klaar."))
    services.registreer_download(gebruiker=request.user, bestand=bestand)
    return bestand_response(bestand.bestand, bestand.bestandsnaam())
