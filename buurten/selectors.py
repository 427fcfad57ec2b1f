"""Reads for buurten and memberships, always scoped to the user."""

from django.db.models import QuerySet

from .models import Buurt, Gemeente, Toegangsgebeurtenis
from .permissions import buurten_voor, gemeenten_voor, leden


def mijn_buurten(user) -> QuerySet[Buurt]:
    """The user's buurten for the dashboard, with their gemeente (one query). The partner figure
    comes from `partners.selectors.partners_in_de_buurt_per_buurt` (the top layer adds it): a
    count joined here grouped every buurt row over all its partner links with DISTINCT."""
    return buurten_voor(user).select_related("gemeente").order_by("gemeente__naam", "naam")


def mijn_gemeenten(user) -> QuerySet[Gemeente]:
    return gemeenten_voor(user).order_by("naam")


def rollen_per_buurt(user) -> dict[int, set[str]]:
    """{buurt_id: roles} for direct buurt memberships; gemeente roles are under key -gemeente_id."""
    rollen: dict[int, set[str]] = {}
    for lid in leden(user):
        sleutel = lid.buurt_id if lid.buurt_id else -(lid.gemeente_id or 0)
        rollen.setdefault(sleutel, set()).add(lid.rol)
    return rollen


def toegangsgebeurtenissen_voor(user, buurt: Buurt) -> QuerySet[Toegangsgebeurtenis]:
    """Access events about a buurt, for its regisseur."""
    return (
        Toegangsgebeurtenis.objects.filter(buurt=buurt)
        .select_related("gebruiker")
        .order_by("-tijdstip")
    )
