"""Reads for notifications: always the user's own."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from buurten.models import Lidmaatschap, Rol

from .models import Frequentie, Melding, Meldingsoort, Meldingsvoorkeur


def meldingen_van(user) -> QuerySet[Melding]:
    return (
        Melding.objects.filter(ontvanger=user)
        .select_related("buurt")
        .order_by("-aangemaakt_op", "-id")
    )


def aantal_ongelezen(user) -> int:
    return Melding.objects.filter(ontvanger=user, gelezen_op__isnull=True).count()


def get_melding_or_404(user, melding_id: int) -> Melding:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Melding, pk=melding_id, ontvanger=user)


def keuzes_voor(soort: str) -> list[str]:
    """The weekly summary is weekly or off; every notification kind may also go at once or daily."""
    if soort == Meldingsoort.SAMENVATTING:
        return [Frequentie.WEKELIJKS, Frequentie.UIT]
    return list(Frequentie.values)


def standaard_voor(soort: str) -> str:
    return Frequentie.WEKELIJKS if soort == Meldingsoort.SAMENVATTING else Frequentie.DIRECT


def voorkeuren_van(user) -> dict[str, str]:
    """{soort: frequentie} for every kind; a kind without a stored choice is mailed at once
    (the weekly summary: weekly)."""
    opgeslagen = dict(
        Meldingsvoorkeur.objects.filter(gebruiker=user).values_list("soort", "frequentie")
    )
    return {soort: opgeslagen.get(soort, standaard_voor(soort)) for soort in Meldingsoort.values}


def zonder_samenvatting() -> QuerySet:
    """Ids of the users who turned the weekly summary off."""
    return Meldingsvoorkeur.objects.filter(
        soort=Meldingsoort.SAMENVATTING, frequentie=Frequentie.UIT
    ).values("gebruiker_id")


def partnergebruikers(partner_id: int, buurt_id: int | None = None) -> QuerySet:
    """Active users who act for this partner organisation (in this buurt, when given)."""
    lid = Lidmaatschap.objects.filter(rol=Rol.PARTNER, partner_id=partner_id)
    if buurt_id is not None:
        lid = lid.filter(buurt_id=buurt_id)
    return (
        get_user_model()
        .objects.filter(is_active=True, id__in=lid.values("gebruiker_id"))
        .order_by("id")
    )


def regisseurs_van(buurt_id: int) -> QuerySet:
    lid = Lidmaatschap.objects.filter(rol=Rol.REGISSEUR, buurt_id=buurt_id)
    return (
        get_user_model()
        .objects.filter(is_active=True, id__in=lid.values("gebruiker_id"))
        .order_by("id")
    )
