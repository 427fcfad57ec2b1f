"""Demo partners for Buurtegem and De Leefhoek, and the demo partner user."""

from buurten.demo import DEMO_WACHTWOORD, _gebruiker
from buurten.models import Rol
from buurten.services import lidmaatschap_toevoegen
from zorgnet.lib.choices import Schaal, Sector

from .models import Partner, PartnerStatus


def laad(ctx: dict) -> None:
    stederen = ctx["gemeenten"]["stederen"]
    buurtegem = ctx["buurten"]["buurtegem"]
    ocmw, _ = Partner.objects.get_or_create(
        gemeente=stederen,
        naam="OCMW Stederen",
        defaults={
            "sector": Sector.LOKAAL_BESTUUR,
            "werkingsgebied": Schaal.GEMEENTE_STAD_RAND,
            "status": PartnerStatus.ACTIEF,
            "wat_wij_doen": "Sociale dienstverlening, leefloon, schuldbemiddeling, thuiszorg.",
        },
    )
    if not ocmw.buurten.filter(pk=buurtegem.pk).exists():
        ocmw.buurten.add(buurtegem)
    partner_user = _gebruiker("partner", "Pieter", "Partner")
    lidmaatschap_toevoegen(gebruiker=partner_user, rol=Rol.PARTNER, buurt=buurtegem, partner=ocmw)
    ctx.setdefault("partners", {})["ocmw"] = ocmw
    ctx["gebruikers"]["partner"] = partner_user
    ctx["logins"].insert(1, ("partner", DEMO_WACHTWOORD, "Partner (OCMW Stederen) in Buurtegem"))
