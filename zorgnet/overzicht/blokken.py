"""The dashboard and the buurt page, composed: one ordered list of blocks each.

A block is a template fragment with the context it needs, read through the apps' selectors. This
is the top layer, so it may read every app; the apps themselves know nothing of these pages.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activiteiten.acties import permissions as acties_rechten
from activiteiten.acties import selectors as acties
from activiteiten.bijeenkomsten import permissions as bijeenkomsten_rechten
from activiteiten.bijeenkomsten import selectors as bijeenkomsten
from activiteiten.pakketten import selectors as pakketten
from activiteiten.reflectie import permissions as reflectie_rechten
from activiteiten.reflectie import selectors as reflectie
from buurten.analyse.selectors import sectie_context as buurtanalyse_context
from buurten.models import Buurt
from buurten.permissions import kan_beheren, kan_rapporteren
from partners import selectors as partners
from zorgnet.lib import cijfers
from zorgnet.lib.kleine_aantallen import klein_aantal
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.netwerkanalyse.models import NetwerkAnalyse
from zorgnet.netwerkanalyse.selectors import sleutel_van
from zorgnet.rapport.selectors import bestanden_van_buurt, gecoordineerd


@dataclass(frozen=True)
class Sectie:
    """One block: a titled template fragment, its context and the link to the full page."""

    slug: str
    titel: Any
    template: str
    context: Callable[..., dict]
    url_name: str | None = None
    # Who may open the full page (user, buurt) -> bool; None: everyone who sees the buurt.
    mag: Callable[..., bool] | None = None


# --- the buurt page: one section per part of the werking, in the order of its cycle -------------
def partners_context(request: HttpRequest, buurt: Buurt) -> dict:
    return {
        "cijfers": partners.kerncijfers(request.user, buurt),
        "waarschuwingen": partners.mandaat_waarschuwingen(buurt),
        "buurt": buurt,
        "uitleg": {"partners": cijfers.PARTNERS_IN_DE_BUURT, "relaties": cijfers.RELATIES},
    }


def pakketten_context(request: HttpRequest, buurt: Buurt) -> dict:
    ctx = pakketten.overzicht(request.user, buurt)
    return {
        "buurt_id": buurt.id,
        "pakketten": ctx["pakketten"][:6],
        "aantal": len(ctx["pakketten"]),
        "waarschuwingen": sum(len(w) for w in ctx["waarschuwingen"].values()),
        "mag_beheren": kan_beheren(request.user, buurt),
    }


def acties_context(request: HttpRequest, buurt: Buurt) -> dict:
    user = request.user
    beheer = kan_beheren(user, buurt)
    open_n = None
    if acties_rechten.kan_loggen(user, buurt) and not beheer:
        # A partner counts only the signals it may read.
        open_n = klein_aantal(acties.open_signalen(user, buurt).count())
    elif beheer:
        # The regie sees the exact number of its own buurt.
        open_n = acties.aantal_open_signalen([buurt.id]).get(buurt.id, 0)
    elif acties_rechten.ziet_signaaltellingen(user, buurt):
        # Outside the regie: the figure as protected together with the signal counts page.
        open_n = acties.afgeschermde_signaaltellingen(buurt)["open"]
    return {
        "buurt_id": buurt.id,
        "acties": acties.actie_tellingen(buurt),
        "open_signalen": open_n,
        "mag_beheren": beheer,
        "mag_loggen": acties_rechten.kan_loggen(user, buurt),
    }


def bijeenkomsten_context(request: HttpRequest, buurt: Buurt) -> dict:
    return {
        "buurt_id": buurt.id,
        "cijfers": bijeenkomsten.buurtcijfers(buurt),
        "mag_organiseren": bijeenkomsten_rechten.kan_organiseren(request.user, buurt),
    }


def reflectie_context(request: HttpRequest, buurt: Buurt) -> dict:
    """Step 4 of the cycle: the last reflection, the successes and the contact tally (6 months)."""
    van = (timezone.localdate().replace(day=1) - timedelta(days=150)).replace(day=1)
    return {
        "buurt_id": buurt.id,
        "cijfers": reflectie.buurtcijfers(buurt),
        "telling": reflectie.contacttelling([buurt.id], van=van),
        "mag_bijdragen": reflectie_rechten.kan_bijdragen(request.user, buurt),
    }


def netwerk_context(request: HttpRequest, buurt: Buurt) -> dict:
    """The newest run's small summary (`kerncijfers`), never its metrics JSON (1 MB and more)."""
    runs = NetwerkAnalyse.objects.filter(sleutel=sleutel_van(buurt=buurt)).only(
        "id", "status", "kerncijfers", "klaar_op"
    )
    snapshot = runs.filter(status=TaakStatus.KLAAR).order_by("-klaar_op", "-id").first()
    return {
        "snapshot": snapshot,
        "lopend": snapshot is None
        and runs.filter(status__in=[TaakStatus.WACHTEND, TaakStatus.BEZIG]).exists(),
    }


def rapport_context(request: HttpRequest, buurt: Buurt) -> dict:
    mag = kan_rapporteren(request.user, buurt)
    bestanden = bestanden_van_buurt(buurt).filter(status=TaakStatus.KLAAR)[:3] if mag else []
    return {"buurt": buurt, "mag_rapporteren": mag, "bestanden": list(bestanden)}


BUURTSECTIES: list[Sectie] = [
    Sectie(
        "buurtanalyse",
        _("Buurtanalyse"),
        "buurten/analyse/_buurtanalyse_sectie.html",
        buurtanalyse_context,
        "buurten:buurtanalyse",
    ),
    Sectie(
        "partners",
        _("Partners"),
        "partners/_buurtsectie.html",
        partners_context,
        "partners:partner_list",
    ),
    Sectie(
        "pakketten",
        _("Activiteitenpakketten"),
        "activiteiten/pakketten/_pakketten_sectie.html",
        pakketten_context,
        "activiteiten:pakket_list",
    ),
    Sectie(
        "acties",
        _("Acties en signalen"),
        "activiteiten/acties/_acties_sectie.html",
        acties_context,
        "activiteiten:actie_list",
    ),
    Sectie(
        "bijeenkomsten",
        _("Bijeenkomsten"),
        "activiteiten/bijeenkomsten/_bijeenkomsten_sectie.html",
        bijeenkomsten_context,
        "activiteiten:bijeenkomst_list",
    ),
    Sectie(
        "reflectie",
        _("Reflectie"),
        "activiteiten/reflectie/_reflectie_sectie.html",
        reflectie_context,
        "activiteiten:reflectie_overzicht",
    ),
    Sectie(
        "netwerk",
        _("Netwerk"),
        "netwerkanalyse/netwerkanalyse_sectie.html",
        netwerk_context,
        "netwerk:buurt_netwerk",
    ),
    Sectie(
        "rapport",
        _("Rapport"),
        "rapport/_buurtsectie.html",
        rapport_context,
        "rapport:buurt_rapport",
        mag=kan_rapporteren,
    ),
]


# --- the dashboard: reminders and links across the user's buurten ------------------------------
def _gecoordineerd(request: HttpRequest) -> list:
    """The gemeenten the user coordinates, by name: read once per request for the three blocks
    that list them (it was one query per block)."""
    gemeenten = getattr(request, "_zorgnet_gecoordineerd", None)
    if gemeenten is None:
        gemeenten = list(gecoordineerd(request.user).order_by("naam"))
        request._zorgnet_gecoordineerd = gemeenten
    return gemeenten


def netwerk_dashboard(request: HttpRequest, buurten: list[Buurt]) -> dict:
    """Coordinators get a link to the network of each gemeente they coordinate."""
    return {"gemeenten": _gecoordineerd(request)[:20]}


def open_signalen_dashboard(request: HttpRequest, buurten: list[Buurt]) -> dict:
    """Open signals per buurt the user manages (regisseurs only)."""
    return {"rijen": acties.open_signalen_per_beheerde_buurt(request.user)}


def bijeenkomsten_dashboard(request: HttpRequest, buurten: list[Buurt]) -> dict:
    """Open meeting actions, overdue or due within two weeks, in the user's buurten."""
    return {
        "herinneringen": bijeenkomsten.herinneringen([b.id for b in buurten]),
        "vandaag": timezone.localdate(),
    }


def rapport_dashboard(request: HttpRequest, buurten: list[Buurt]) -> dict:
    """Links to the gemeente report for the gemeenten the user coordinates."""
    return {"gemeenten": _gecoordineerd(request)}


def leden_dashboard(request: HttpRequest, buurten: list[Buurt]) -> dict:
    """Coordinators add buurten and invite their regisseurs."""
    return {"gemeenten": _gecoordineerd(request)[:20]}


DASHBOARDBLOKKEN: list[Sectie] = [
    Sectie(
        "netwerk", _("Netwerk"), "netwerkanalyse/netwerkanalyse_dashboard.html", netwerk_dashboard
    ),
    Sectie(
        "open_signalen",
        _("Open signalen"),
        "activiteiten/acties/_acties_dashboard.html",
        open_signalen_dashboard,
    ),
    Sectie(
        "bijeenkomst_opvolging",
        _("Opvolging van bijeenkomsten"),
        "activiteiten/bijeenkomsten/_bijeenkomsten_dashboard.html",
        bijeenkomsten_dashboard,
    ),
    Sectie("rapport", _("Rapport"), "rapport/_dashboard.html", rapport_dashboard),
    Sectie("leden", _("Buurten en regisseurs"), "toegang/leden/_dashboard.html", leden_dashboard),
]
