"""Writes for notifications and mails.

`melden` is the one way to notify: the in-app notification is stored first; a mail follows at
once, in the daily or weekly digest, or not at all, per the user's preference for that kind.
`mail_inplannen` is the one way to send a mail: the rendered mail is stored, then a Celery task
sends it (retrying on transient SMTP errors); the log keeps who, what kind and when.
"""

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buurten.models import Buurt, Lidmaatschap, Rol
from zorgnet.lib import mail
from zorgnet.lib.taakrecords import claim, rond_af

from .models import Frequentie, Mailbericht, Mailsoort, Melding, Meldingsoort, Meldingsvoorkeur
from .selectors import keuzes_voor, voorkeuren_van

logger = logging.getLogger(__name__)


# --- mails --------------------------------------------------------------------------------------
def mail_inplannen(
    *,
    adres: str,
    soort: str,
    sjabloon: str,
    onderwerp: str,
    context: dict,
    ontvanger=None,
    door=None,
    bijlage: tuple[str, str, str] | None = None,
    ip_adres: str | None = None,
) -> Mailbericht | None:
    """Render the mail, store it and queue the job that sends it (after the commit)."""
    if not adres:
        return None
    opgemaakt = mail.opmaken(sjabloon, onderwerp, context)
    bericht = Mailbericht(
        ontvanger=ontvanger,
        aangevraagd_door=door if getattr(door, "is_authenticated", False) else None,
        adres=adres,
        soort=soort,
        onderwerp=opgemaakt.onderwerp,
        tekst=opgemaakt.tekst,
        html=opgemaakt.html,
        ip_adres=ip_adres,
    )
    if bijlage:
        bericht.bijlage_naam, bericht.bijlage, bericht.bijlage_type = bijlage
    bericht.full_clean()
    bericht.save()
    from .tasks import mail_versturen

    mail_versturen.delay_on_commit(bericht.pk)
    return bericht


def mail_afleveren(mail_id: int) -> bool:
    """The job: claim the mail, send it, keep the log without the content. A duplicate delivery
    finds nothing to claim and sends nothing; a transient error propagates (the task retries)."""
    if not claim(Mailbericht, mail_id):
        return False
    bericht = Mailbericht.objects.get(pk=mail_id)
    bijlage = None
    if bericht.bijlage_naam:
        bijlage = (bericht.bijlage_naam, bericht.bijlage, bericht.bijlage_type)
    mail.versturen(
        aan=bericht.adres,
        onderwerp=bericht.onderwerp,
        tekst=bericht.tekst,
        html=bericht.html,
        bijlage=bijlage,
    )
    rond_af(Mailbericht, mail_id, tekst="", html="", bijlage="")
    logger.info(
        "mail verstuurd: %s #%d naar gebruiker %s", bericht.soort, mail_id, bericht.ontvanger_id
    )
    return True


# --- notifications ------------------------------------------------------------------------------
def _nieuwe_melding(ontvanger, soort, titel, link, buurt, sleutel) -> Melding | None:
    if sleutel and Melding.objects.filter(ontvanger=ontvanger, sleutel=sleutel).exists():
        return None
    melding = Melding(
        ontvanger=ontvanger, soort=soort, titel=titel[:200], link=link, buurt=buurt, sleutel=sleutel
    )
    melding.full_clean(validate_constraints=False)
    melding.save()
    return melding


@transaction.atomic
def melden(
    *,
    ontvangers: Iterable,
    soort: str,
    titel: str,
    link: str,
    buurt=None,
    sleutel: str = "",
    uitgezonderd=None,
) -> list[Melding]:
    """Notify each recipient once (per `sleutel`), then mail those who want it at once.

    `titel` is a fixed sentence with names of organisations or meetings, never signal text.
    `uitgezonderd`: the user who caused it (no notification about your own action).
    """
    if soort not in Meldingsoort.values:
        raise ValueError(f"onbekende meldingsoort {soort!r}")
    gemaakt = []
    for ontvanger in {o.pk: o for o in ontvangers}.values():
        if uitgezonderd is not None and ontvanger.pk == getattr(uitgezonderd, "pk", None):
            continue
        melding = _nieuwe_melding(ontvanger, soort, titel, link, buurt, sleutel)
        if melding is None:
            continue
        gemaakt.append(melding)
        if voorkeuren_van(ontvanger)[soort] == Frequentie.DIRECT and ontvanger.email:
            mail_inplannen(
                adres=ontvanger.email,
                soort=Mailsoort.MELDING,
                sjabloon="melding",
                onderwerp=melding.titel,
                context={"meldingen": [melding], "link": mail.absolute_url(link)},
                ontvanger=ontvanger,
            )
            melding.gemaild_op = timezone.now()
            melding.save(update_fields=["gemaild_op"])
    return gemaakt


@transaction.atomic
def gelezen(*, melding: Melding) -> Melding:
    if melding.gelezen_op is None:
        melding.gelezen_op = timezone.now()
        melding.save(update_fields=["gelezen_op"])
    return melding


@transaction.atomic
def alles_gelezen(*, gebruiker) -> int:
    return Melding.objects.filter(ontvanger=gebruiker, gelezen_op__isnull=True).update(
        gelezen_op=timezone.now()
    )


@transaction.atomic
def voorkeuren_bewaren(*, gebruiker, voorkeuren: dict[str, str]) -> None:
    for soort, frequentie in voorkeuren.items():
        if soort not in Meldingsoort.values or frequentie not in keuzes_voor(soort):
            raise ValidationError(_("Kies voor elke soort melding een geldige keuze."))
    for soort, frequentie in voorkeuren.items():
        Meldingsvoorkeur.objects.update_or_create(
            gebruiker=gebruiker, soort=soort, defaults={"frequentie": frequentie}
        )


def overzichten_versturen(*, frequentie: str) -> int:
    """The daily or weekly digest: one mail per user with the notifications of the kinds they
    want in this digest and that were not mailed yet. Returns the number of mails."""
    if frequentie not in (Frequentie.DAGELIJKS, Frequentie.WEKELIJKS):
        raise ValueError(frequentie)
    soorten: dict[int, set[str]] = defaultdict(set)
    for gebruiker_id, soort in Meldingsvoorkeur.objects.filter(frequentie=frequentie).values_list(
        "gebruiker_id", "soort"
    ):
        soorten[gebruiker_id].add(soort)
    aantal = 0
    gebruikers = get_user_model().objects.filter(pk__in=soorten, is_active=True).exclude(email="")
    for gebruiker in gebruikers:
        with transaction.atomic():
            open_ = list(
                Melding.objects.select_for_update()
                .filter(
                    ontvanger=gebruiker,
                    soort__in=soorten[gebruiker.pk],
                    gemaild_op__isnull=True,
                    gelezen_op__isnull=True,
                )
                .order_by("aangemaakt_op")
            )
            if not open_:
                continue
            onderwerp = (
                _("Je dagelijks overzicht van zorgnet")
                if frequentie == Frequentie.DAGELIJKS
                else _("Je wekelijks overzicht van zorgnet")
            )
            mail_inplannen(
                adres=gebruiker.email,
                soort=Mailsoort.OVERZICHT,
                sjabloon="melding",
                onderwerp=onderwerp,
                context={
                    "meldingen": [(m, mail.absolute_url(m.link)) for m in open_],
                    "link": mail.absolute_url("/meldingen/"),
                    "overzicht": True,
                },
                ontvanger=gebruiker,
            )
            Melding.objects.filter(pk__in=[m.pk for m in open_]).update(gemaild_op=timezone.now())
            aantal += 1
    return aantal


def melden_aan_partner(
    *,
    partner_id: int,
    soort: str,
    titel: str,
    link: Callable[[int], str],
    buurt_ids: Iterable[int] | None = None,
    sleutel: str = "",
    uitgezonderd=None,
) -> list[Melding]:
    """Notify the users who act for a partner organisation, per buurt they act in (the link
    is made for each buurt: `link(buurt_id)`)."""
    leden = Lidmaatschap.objects.filter(rol=Rol.PARTNER, partner_id=partner_id)
    if buurt_ids is not None:
        leden = leden.filter(buurt_id__in=list(buurt_ids))
    per_buurt: dict[int, list[int]] = defaultdict(list)
    for buurt_id, gebruiker_id in leden.values_list("buurt_id", "gebruiker_id"):
        per_buurt[buurt_id].append(gebruiker_id)
    gemaakt: list[Melding] = []
    User = get_user_model()
    for buurt_id, ids in sorted(per_buurt.items()):
        gemaakt += melden(
            ontvangers=User.objects.filter(pk__in=ids, is_active=True),
            soort=soort,
            titel=titel,
            link=link(buurt_id),
            buurt=Buurt.objects.get(pk=buurt_id),
            sleutel=sleutel,
            uitgezonderd=uitgezonderd,
        )
    return gemaakt
