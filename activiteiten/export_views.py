"""Action export (issue 11): streamed CSV for any size, write-only XLSX up to XLSX_MAX_RIJEN rows.

Above XLSX_MAX_RIJEN rows an XLSX export is refused with a pointer to the CSV export (which streams
in constant memory), instead of building a large workbook inside a web request.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from buurten.models import Toegangsactie
from buurten.permissions import get_buurt_or_404, vereis_beheer
from buurten.services import registreer_toegang
from zorgnet.lib.exports import XLSX_CONTENT_TYPE, csv_response, xlsx_bytes

from . import acties_selectors as selectors
from .acties_forms import ActieFilterForm

XLSX_MAX_RIJEN = 20_000
CHUNK = 2_000
KOLOMMEN = [
    "id",
    "titel",
    "categorie",
    "status",
    "startdatum",
    "einddatum",
    "trekker",
    "deelnemers",
    "doelgroepen",
    "terugkerend",
]


def actie_rijen(qs):
    """One tuple per action, read in chunks from a server-side cursor (constant memory)."""
    qs = qs.select_related(None).prefetch_related(None).order_by("-startdatum", "-id")
    for a in qs.values_list(
        "id",
        "titel",
        "categorie",
        "status",
        "startdatum",
        "einddatum",
        "trekker__naam",
        "deelnemers",
        "doelgroepen",
        "terugkerend",
    ).iterator(chunk_size=CHUNK):
        yield (*a[:8], ",".join(a[8] or []), "ja" if a[9] else "nee")


@login_required
@require_GET
def actie_export(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """All actions of the buurt (filters of the list page apply), for the regisseur only."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    filters = ActieFilterForm(request.GET or None)
    qs = selectors.filter_acties(selectors.acties_van(buurt), **filters.filters())
    formaat = "xlsx" if request.GET.get("formaat") == "xlsx" else "csv"
    naam = f"acties-{slugify(buurt.naam)}"
    if formaat == "xlsx":
        aantal = qs.count()
        if aantal > XLSX_MAX_RIJEN:
            registreer_toegang(
                gebruiker=request.user,
                actie=Toegangsactie.GEWEIGERD,
                object_type="acties",
                omschrijving=f"export acties (xlsx, {aantal} rijen) geweigerd: te groot",
                buurt=buurt,
            )
            messages.warning(
                request,
                _(
                    "Een Excel-export kan tot %(max)s acties; deze selectie telt er %(n)s. "
                    "Gebruik de CSV-export (die opent ook in Excel) of verfijn de filters."
                )
                % {"max": f"{XLSX_MAX_RIJEN:,}".replace(",", "."), "n": aantal},
            )
            return redirect("activiteiten:actie_list", buurt_id=buurt.id)
    registreer_toegang(
        gebruiker=request.user,
        actie=Toegangsactie.EXPORT,
        object_type="acties",
        omschrijving=f"export acties ({formaat})",
        buurt=buurt,
    )
    if formaat == "xlsx":
        response = HttpResponse(
            xlsx_bytes({"acties": (KOLOMMEN, actie_rijen(qs))}), content_type=XLSX_CONTENT_TYPE
        )
        response["Content-Disposition"] = f'attachment; filename="{naam}.xlsx"'
        return response
    return csv_response(f"{naam}.csv", KOLOMMEN, actie_rijen(qs))
