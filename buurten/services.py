"""Writes for buurten, memberships and the access log."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Buurt, Gemeente, Lidmaatschap, Rol, Toegangsactie, Toegangsgebeurtenis
from .permissions import leden


@transaction.atomic
def lidmaatschap_toevoegen(
    *,
    gebruiker: AbstractBaseUser,
    rol: str,
    buurt: Buurt | None = None,
    gemeente: Gemeente | None = None,
    partner=None,
) -> Lidmaatschap:
    """Give a user a role in a buurt, or (coordinators) in a gemeente. Idempotent."""
    if rol == Rol.COORDINATOR and gemeente is None:
        raise ValidationError(_("Een coördinator hoort bij een gemeente."))
    if rol != Rol.COORDINATOR and buurt is None:
        raise ValidationError(_("Deze rol hoort bij een buurt."))
    if rol == Rol.PARTNER and partner is None:
        raise ValidationError(_("Een partnergebruiker treedt op voor een partnerorganisatie."))
    if partner is not None and buurt is not None and partner.gemeente_id != buurt.gemeente_id:
        raise ValidationError(_("De partner hoort niet bij de gemeente van deze buurt."))
    lid, _created = Lidmaatschap.objects.get_or_create(
        gebruiker=gebruiker,
        rol=rol,
        buurt=buurt if rol != Rol.COORDINATOR else None,
        gemeente=gemeente if rol == Rol.COORDINATOR else None,
        defaults={"partner": partner},
    )
    if partner is not None and lid.partner_id != partner.id:
        lid.partner = partner
        lid.full_clean()
        lid.save(update_fields=["partner"])
    if hasattr(gebruiker, "_zorgnet_leden"):
        del gebruiker._zorgnet_leden
    return lid


def hoofdrol(user) -> str:
    """The most powerful role a user holds, for the access log."""
    if user.is_superuser:
        return "beheerder"
    rollen = {lid.rol for lid in leden(user)}
    for rol in (Rol.REGISSEUR, Rol.COORDINATOR, Rol.PARTNER, Rol.LEZER):
        if rol in rollen:
            return str(rol)
    return ""


def registreer_toegang(
    *,
    gebruiker,
    actie: str,
    object_type: str,
    object_id: object = "",
    omschrijving: str = "",
    buurt: Buurt | None = None,
    gemeente: Gemeente | None = None,
) -> Toegangsgebeurtenis:
    """Record who read, exported, downloaded or was refused what; never the content itself."""
    if actie not in Toegangsactie.values:
        raise ValueError(f"onbekende toegangsactie {actie!r}")
    return Toegangsgebeurtenis.objects.create(
        gebruiker=gebruiker if getattr(gebruiker, "is_authenticated", False) else None,
        rol=hoofdrol(gebruiker) if getattr(gebruiker, "is_authenticated", False) else "",
        actie=actie,
        object_type=object_type,
        object_id=str(object_id)[:40],
        omschrijving=omschrijving[:200],
        buurt=buurt,
        gemeente=gemeente or (buurt.gemeente if buurt else None),
    )
