"""Reads for people management, scoped to the buurt (and gemeente) the page is about."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from buurten.models import Buurt, Gemeente, Lidmaatschap
from partners.models import Contactpersoon

from .models import Uitnodiging


def leden_van(buurt: Buurt) -> QuerySet[Lidmaatschap]:
    return (
        Lidmaatschap.objects.filter(buurt=buurt)
        .select_related("gebruiker", "partner")
        .order_by("rol", "gebruiker__last_name", "gebruiker__username")
    )


def get_lid_or_404(buurt: Buurt, lidmaatschap_id: int) -> Lidmaatschap:
    try:
        return leden_van(buurt).get(pk=lidmaatschap_id)
    except Lidmaatschap.DoesNotExist as e:
        raise Http404(_("Dit lidmaatschap bestaat niet in deze buurt.")) from e


def open_uitnodigingen(buurt: Buurt) -> QuerySet[Uitnodiging]:
    return Uitnodiging.objects.filter(buurt=buurt, gebruikt_op__isnull=True).select_related(
        "partner"
    )


def uitnodigbare_contactpersonen(buurt: Buurt) -> QuerySet[Contactpersoon]:
    """Contact persons with an e-mail address, of the partners active in this buurt."""
    return (
        Contactpersoon.objects.filter(partner__buurten=buurt)
        .exclude(email="")
        .select_related("partner")
        .order_by("partner__naam", "achternaam", "voornaam")
    )


def get_contactpersoon_or_404(buurt: Buurt, contactpersoon_id) -> Contactpersoon:
    """A contact of another buurt's partner does not exist here (404)."""
    try:
        return (
            Contactpersoon.objects.filter(partner__buurten=buurt)
            .select_related("partner")
            .distinct()
            .get(pk=contactpersoon_id)
        )
    except (Contactpersoon.DoesNotExist, ValueError, TypeError) as e:
        raise Http404(_("Deze contactpersoon hoort niet bij een partner van deze buurt.")) from e


def buurten_van_gemeente(gemeente: Gemeente) -> QuerySet[Buurt]:
    return gemeente.buurten.order_by("naam")
