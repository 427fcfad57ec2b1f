"""Registers the 'bijeenkomsten' section on the buurt page, the reminder block on the dashboard,
the observed-collaboration source 'co_aanwezigheid' and the report section."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgnet.lib.netwerkbronnen import registreer_bron
from zorgnet.lib.secties import Sectie, registreer_buurtsectie, registreer_dashboardblok
from zorgnet.rapport.registry import RapportSectie, registreer_rapportsectie

from . import bijeenkomsten_rapport as rapport
from . import bijeenkomsten_selectors as selectors


def _sectie_context(request, buurt) -> dict:
    return {
        "buurt_id": buurt.id,
        "cijfers": selectors.buurtcijfers(buurt),
        "mag_organiseren": selectors.kan_organiseren(request.user, buurt),
    }


def _dashboard_context(request, buurten) -> dict:
    """Open meeting actions, overdue or due within two weeks, in the user's buurten."""
    return {
        "herinneringen": selectors.herinneringen([b.id for b in buurten]),
        "vandaag": timezone.localdate(),
    }


def registreer() -> None:
    registreer_buurtsectie(
        Sectie(
            slug="bijeenkomsten",
            template="activiteiten/_bijeenkomsten_sectie.html",
            context=_sectie_context,
            url_name="activiteiten:bijeenkomst_list",
        )
    )
    registreer_dashboardblok(
        Sectie(
            slug="bijeenkomst_opvolging",
            template="activiteiten/_bijeenkomsten_dashboard.html",
            context=_dashboard_context,
            volgorde=20,
        )
    )
    registreer_bron("co_aanwezigheid", selectors.co_aanwezigheid_banden)
    registreer_rapportsectie(
        RapportSectie(
            slug="bijeenkomsten",
            titel=_("Bijeenkomsten"),
            volgorde=70,
            gegevens=rapport.gegevens,
            template="rapport/secties/bijeenkomsten.html",
            bladen=rapport.bladen,
            kerncijfers=rapport.kerncijfers,
        )
    )
