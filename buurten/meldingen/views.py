"""The bell: the user's own notifications, marking them read, and the mail preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zorgnet.lib import paginering
from zorgnet.lib.forms import fouten_naar_form

from . import selectors, services
from .forms import VoorkeurenForm


@login_required
@require_GET
def lijst(request: HttpRequest) -> HttpResponse:
    pagina = paginering.pagina(request, selectors.meldingen_van(request.user))
    return render(
        request,
        "meldingen/melding_list.html",
        {"pagina": pagina, "ongelezen": selectors.aantal_ongelezen(request.user)},
    )


@login_required
@require_GET
def teller(request: HttpRequest) -> HttpResponse:
    """The bell's count (loaded by htmx, so pages keep their own number of queries)."""
    return render(
        request, "meldingen/_teller.html", {"ongelezen": selectors.aantal_ongelezen(request.user)}
    )


@login_required
@require_POST
def openen(request: HttpRequest, melding_id: int) -> HttpResponse:
    """Mark one notification read and go to what it is about."""
    melding = selectors.get_melding_or_404(request.user, melding_id)
    services.gelezen(melding=melding)
    if url_has_allowed_host_and_scheme(melding.link, allowed_hosts={request.get_host()}):
        return redirect(melding.link)
    return redirect("meldingen:lijst")


@login_required
@require_POST
def alles_gelezen(request: HttpRequest) -> HttpResponse:
    aantal = services.alles_gelezen(gebruiker=request.user)
    messages.success(request, _("%(n)d meldingen gemarkeerd als gelezen.") % {"n": aantal})
    return redirect("meldingen:lijst")


@login_required
@require_http_methods(["GET", "POST"])
def voorkeuren(request: HttpRequest) -> HttpResponse:
    huidige = selectors.voorkeuren_van(request.user)
    form = VoorkeurenForm(request.POST or None, voorkeuren=huidige)
    if request.method == "POST" and form.is_valid():
        try:
            services.voorkeuren_bewaren(gebruiker=request.user, voorkeuren=form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Je voorkeuren zijn bewaard."))
            return redirect("meldingen:voorkeuren")
    return render(request, "meldingen/voorkeuren.html", {"form": form})
