"""Mail jobs: take ids, call one service."""

import smtplib

from celery import shared_task

from zorgnet.lib.taakrecords import TRANSIENT, TaakrecordTaak, reset_vastgelopen

from . import services
from .models import Frequentie, Mailbericht

# A mail server that is down or busy: the same mail may well go through a moment later.
SMTP_TRANSIENT = (*TRANSIENT, smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, OSError)


class MailTaak(TaakrecordTaak):
    taakrecord = "buurten.Mailbericht"
    autoretry_for = SMTP_TRANSIENT
    max_retries = 6
    retry_backoff = 30
    retry_backoff_max = 1800


@shared_task(base=MailTaak, name="buurten.meldingen.tasks.mail_versturen")
def mail_versturen(mail_id: int) -> bool:
    return services.mail_afleveren(mail_id)


@shared_task(name="buurten.meldingen.tasks.dagoverzichten_versturen")
def dagoverzichten_versturen() -> int:
    return services.overzichten_versturen(frequentie=Frequentie.DAGELIJKS)


@shared_task(name="buurten.meldingen.tasks.weekoverzichten_versturen")
def weekoverzichten_versturen() -> int:
    return services.overzichten_versturen(frequentie=Frequentie.WEKELIJKS)


@shared_task(name="buurten.meldingen.tasks.wachtende_mails")
def wachtende_mails() -> int:
    """Mails whose worker died or whose message was lost are offered again."""
    return reset_vastgelopen(Mailbericht, mail_versturen.delay)
