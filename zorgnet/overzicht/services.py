"""Jobs across the apps: the daily reminders and the weekly summary mail."""

import logging
from datetime import date, datetime, time

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from activiteiten.bijeenkomsten.services import acties_herinneren
from buurten.meldingen.models import Mailbericht, Mailsoort
from buurten.meldingen.selectors import zonder_samenvatting
from buurten.meldingen.services import mail_inplannen
from buurten.models import Buurt, Lidmaatschap, Rol
from partners.services import mandaten_herinneren, profielen_laten_nakijken
from zorgnet.lib.mail import absolute_url

from .taken import samenvatting_voor

logger = logging.getLogger(__name__)


def herinneringen_maken(*, vandaag: date | None = None) -> dict[str, int]:
    """Daily: meeting actions due or late, mandates ending, profiles to check (each once)."""
    vandaag = vandaag or timezone.localdate()
    return {
        "acties": acties_herinneren(vandaag=vandaag),
        "mandaten": mandaten_herinneren(vandaag=vandaag),
        "nakijken": profielen_laten_nakijken(vandaag=vandaag),
    }


def _al_verstuurd(gebruiker, vandaag: date) -> bool:
    begin = timezone.make_aware(datetime.combine(vandaag, time.min))
    return Mailbericht.objects.filter(
        ontvanger=gebruiker, soort=Mailsoort.SAMENVATTING, aangemaakt_op__gte=begin
    ).exists()


def wekelijkse_samenvatting(*, vandaag: date | None = None) -> int:
    """One mail per partner user and per regisseur with what is open for them and what is new in
    their buurten; none for someone with nothing or who turned it off in the notification
    preferences. A second run the same day sends nothing."""
    vandaag = vandaag or timezone.localdate()
    per_gebruiker: dict[int, set[int]] = {}
    for gebruiker_id, buurt_id in Lidmaatschap.objects.filter(
        rol__in=[Rol.PARTNER, Rol.REGISSEUR], buurt__isnull=False
    ).values_list("gebruiker_id", "buurt_id"):
        per_gebruiker.setdefault(gebruiker_id, set()).add(buurt_id)
    aantal = 0
    gebruikers = (
        get_user_model()
        .objects.filter(pk__in=per_gebruiker, is_active=True)
        .exclude(email="")
        .exclude(pk__in=zonder_samenvatting())
    )
    for gebruiker in gebruikers.order_by("id"):
        if _al_verstuurd(gebruiker, vandaag):
            continue
        buurten = list(
            Buurt.objects.filter(pk__in=per_gebruiker[gebruiker.pk]).select_related("gemeente")
        )
        blokken = samenvatting_voor(gebruiker, buurten, vandaag)
        if not blokken:
            continue
        for blok in blokken:
            blok.regels = [(regel, absolute_url(pad)) for regel, pad in blok.regels]
        mail_inplannen(
            adres=gebruiker.email,
            soort=Mailsoort.SAMENVATTING,
            sjabloon="samenvatting",
            onderwerp=_("Je week in zorgnet"),
            context={"blokken": blokken},
            ontvanger=gebruiker,
        )
        aantal += 1
    logger.info("wekelijkse samenvatting: %d mails", aantal)
    return aantal
