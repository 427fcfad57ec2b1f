"""Who may see and do what, per buurt. Every view starts from these scope functions.

Outside a user's scope an object does not exist for them (404); inside the scope but without the
right role the answer is 403.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Buurt, Gemeente, Lidmaatschap, Rol


@dataclass(frozen=True)
class Lid:
    """One membership, loaded once per request."""

    rol: str
    buurt_id: int | None
    gemeente_id: int | None
    partner_id: int | None


def leden(user) -> list[Lid]:
    """The user's memberships, cached on the user object for the rest of the request."""
    if not user.is_authenticated:
        return []
    cache = getattr(user, "_zorgnet_leden", None)
    if cache is None:
        cache = [
            Lid(*rij)
            for rij in Lidmaatschap.objects.filter(gebruiker=user).values_list(
                "rol", "buurt_id", "gemeente_id", "partner_id"
            )
        ]
        user._zorgnet_leden = cache
    return cache


def buurten_voor(user) -> QuerySet[Buurt]:
    """The buurten a user may see: their own buurten, and every buurt of a coordinated gemeente."""
    if not user.is_authenticated:
        return Buurt.objects.none()
    if user.is_superuser:
        return Buurt.objects.all()
    eigen = leden(user)
    buurt_ids = {lid.buurt_id for lid in eigen if lid.buurt_id}
    gemeente_ids = {lid.gemeente_id for lid in eigen if lid.gemeente_id}
    if not buurt_ids and not gemeente_ids:
        return Buurt.objects.none()
    return Buurt.objects.filter(Q(id__in=buurt_ids) | Q(gemeente_id__in=gemeente_ids))


def gemeenten_voor(user) -> QuerySet[Gemeente]:
    """The gemeenten a user belongs to, through a buurt or as coordinator."""
    if not user.is_authenticated:
        return Gemeente.objects.none()
    if user.is_superuser:
        return Gemeente.objects.all()
    return Gemeente.objects.filter(buurten__in=buurten_voor(user)).distinct()


def gecoordineerde_gemeenten(user) -> QuerySet[Gemeente]:
    """The gemeenten a user coordinates (reads and reports across every buurt)."""
    if user.is_superuser:
        return Gemeente.objects.all()
    ids = {lid.gemeente_id for lid in leden(user) if lid.rol == Rol.COORDINATOR and lid.gemeente_id}
    return Gemeente.objects.filter(id__in=ids)


def rollen_in_buurt(user, buurt: Buurt) -> set[str]:
    """Roles a user holds for this buurt, directly or through its gemeente."""
    if not user.is_authenticated:
        return set()
    return {
        lid.rol
        for lid in leden(user)
        if lid.buurt_id == buurt.id or (lid.gemeente_id and lid.gemeente_id == buurt.gemeente_id)
    }


def kan_bekijken(user, buurt: Buurt) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(rollen_in_buurt(user, buurt)))


def kan_beheren(user, buurt: Buurt) -> bool:
    """The buurtregisseur manages everything in the buurt."""
    return user.is_authenticated and (
        user.is_superuser or Rol.REGISSEUR in rollen_in_buurt(user, buurt)
    )


def is_partner_in(user, buurt: Buurt) -> bool:
    return Rol.PARTNER in rollen_in_buurt(user, buurt)


def is_coordinator_van(user, gemeente: Gemeente) -> bool:
    if user.is_superuser:
        return True
    return any(lid.rol == Rol.COORDINATOR and lid.gemeente_id == gemeente.id for lid in leden(user))


def kan_rapporteren(user, buurt: Buurt) -> bool:
    """Regisseur and coordinator make reports; partners and readers do not."""
    return user.is_superuser or bool(
        {Rol.REGISSEUR, Rol.COORDINATOR} & rollen_in_buurt(user, buurt)
    )


def partner_ids_van(user, buurt: Buurt | None = None) -> set[int]:
    """The partner organisations a partner user acts for (optionally within one buurt)."""
    return {
        lid.partner_id
        for lid in leden(user)
        if lid.rol == Rol.PARTNER and lid.partner_id and (buurt is None or lid.buurt_id == buurt.id)
    }


def get_buurt_or_404(user, buurt_id: int) -> Buurt:
    """The buurt, if the user may see it; a 404 otherwise (no hint that it exists)."""
    try:
        return buurten_voor(user).select_related("gemeente").get(pk=buurt_id)
    except Buurt.DoesNotExist as exc:
        raise Http404(_("Deze buurt bestaat niet of je hebt er geen toegang toe.")) from exc


def get_gemeente_or_404(user, gemeente_id: int) -> Gemeente:
    try:
        return gemeenten_voor(user).get(pk=gemeente_id)
    except Gemeente.DoesNotExist as exc:
        raise Http404(_("Deze gemeente bestaat niet of je hebt er geen toegang toe.")) from exc


def vereis_beheer(user, buurt: Buurt) -> None:
    """Raise 403 unless the user manages the buurt."""
    if not kan_beheren(user, buurt):
        raise PermissionDenied(_("Alleen de buurtregisseur kan dit doen."))


def vereis_rapportrecht(user, buurt: Buurt) -> None:
    if not kan_rapporteren(user, buurt):
        raise PermissionDenied(_("Alleen de buurtregisseur of coördinator kan dit doen."))
