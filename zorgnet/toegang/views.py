"""The regisseur's audit and privacy pages: history, access log, GDPR export and erasure."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from activiteiten.acties.services import signaaltekst_gelezen
from buurten.models import Toegangsactie
from buurten.permissions import get_buurt_or_404, vereis_beheer
from buurten.services import exportlimiet, registreer_toegang
from partners import privacy
from partners.models import Contactpersoon
from zorgnet.lib import paginering
from zorgnet.lib.exports import download

from . import selectors, weergave

PER_PAGINA = 25


@login_required
@require_GET
def geschiedenis_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """Who changed what and when, over the buurt's sensitive objects (regisseur only)."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    soort = request.GET.get("soort", "")
    soort = soort if soort in selectors.SOORTEN else ""
    pagina = paginering.pagina(request, selectors.geschiedenis_van(buurt, soort=soort), PER_PAGINA)
    regels = selectors.geschiedenis_regels(request.user, buurt, list(pagina.object_list))
    signaaltekst_gelezen(
        gebruiker=request.user,
        buurt=buurt,
        signaal_ids=[r.object_id for r in regels if r.toont_vrije_tekst],
        waar="geschiedenis",
    )
    return render(
        request,
        "toegang/geschiedenis_list.html",
        {
            "buurt": buurt,
            "pagina": pagina,
            "regels": regels,
            "soorten": [(k, label) for k, (_m, label) in selectors.SOORTEN.items()],
            "soort": soort,
        },
    )


@login_required
@require_GET
def toegangsgebeurtenis_list(request: HttpRequest, buurt_id: int) -> HttpResponse:
    """Reads, exports, downloads, refusals and erasures in the buurt (regisseur only)."""
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    actie = request.GET.get("actie", "")
    actie = actie if actie in Toegangsactie.values else ""
    pagina = paginering.pagina(request, selectors.toegangslog_van(buurt, actie=actie), PER_PAGINA)
    for gebeurtenis in pagina:
        gebeurtenis.object_naam = weergave.objectnaam(gebeurtenis.object_type)
        gebeurtenis.leesbaar = weergave.toegangsomschrijving(gebeurtenis.omschrijving)
    sjabloon = "toegang/toegangsgebeurtenis_list.html"
    return render(
        request,
        f"{sjabloon}#tabel" if request.htmx else sjabloon,
        {
            "buurt": buurt,
            "pagina": pagina,
            "acties": Toegangsactie.choices,
            "actie": actie,
        },
    )


def _contactpersoon(request: HttpRequest, buurt_id: int, contactpersoon_id: int):
    buurt = get_buurt_or_404(request.user, buurt_id)
    vereis_beheer(request.user, buurt)
    persoon = (
        Contactpersoon.objects.filter(pk=contactpersoon_id, partner__buurten=buurt)
        .select_related("partner")
        .first()
    )
    if persoon is None:
        raise Http404(_("Deze contactpersoon bestaat niet of je hebt er geen toegang toe."))
    return buurt, persoon


@login_required
@require_GET
@exportlimiet
def contactpersoon_gegevens(
    request: HttpRequest, buurt_id: int, contactpersoon_id: int
) -> HttpResponse:
    """GDPR access: everything stored about one person, as JSON (default) or CSV; logged."""
    buurt, persoon = _contactpersoon(request, buurt_id, contactpersoon_id)
    formaat = "csv" if request.GET.get("formaat") == "csv" else "json"
    gegevens = privacy.contactpersoon_gegevens(contactpersoon=persoon)
    registreer_toegang(
        gebruiker=request.user,
        actie=Toegangsactie.EXPORT,
        object_type="contactpersoon",
        object_id=persoon.id,
        omschrijving=f"AVG-inzage persoonsgegevens ({formaat})",
        buurt=buurt,
    )
    naam = f"contactpersoon-{persoon.id}-gegevens.{formaat}"
    if formaat == "csv":
        return download(privacy.gegevens_als_csv(gegevens), naam, "text/csv")
    inhoud = json.dumps(gegevens, ensure_ascii=False, indent=2, default=str)
    return download(inhoud, naam, "application/json")


class WissenForm(forms.Form):
    bevestig = forms.BooleanField(
        label=gettext_lazy(
            "Ik begrijp dat de gegevens en de foto van deze persoon definitief gewist worden, "
            "ook uit de geschiedenis."
        )
    )


@login_required
@require_http_methods(["GET", "POST"])
def contactpersoon_wissen(
    request: HttpRequest, buurt_id: int, contactpersoon_id: int
) -> HttpResponse:
    """GDPR erasure after explicit confirmation; logged and replayable after a restore."""
    buurt, persoon = _contactpersoon(request, buurt_id, contactpersoon_id)
    form = WissenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        privacy.contactpersoon_wissen(contactpersoon=persoon, door=request.user, buurt=buurt)
        messages.success(request, _("De persoonsgegevens zijn gewist."))
        return redirect("partners:partner_detail", buurt.id, persoon.partner_id)
    return render(
        request,
        "toegang/contactpersoon_wissen.html",
        {"buurt": buurt, "persoon": persoon, "form": form},
    )
