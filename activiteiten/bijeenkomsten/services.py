"""Writes for meetings: the meeting itself, its attendance, its outcomes and recurring series.

Outcomes of kind *actie* and *signaal* go through the acties services, so an action or signal born
in a meeting is validated exactly like one logged on its own (owner in the buurt, no identifiers).
Every write is atomic: bad input raises a Dutch ValidationError and nothing is written.
"""

import calendar
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activiteiten.acties import services as acties_services
from activiteiten.bijeenkomsten import agenda
from activiteiten.models import (
    AFGESLOTEN_ACTIESTATUSSEN,
    Aanwezigheid,
    Actie,
    ActieStatus,
    Agendatoken,
    Bijeenkomst,
    Frequentie,
    Genodigde,
    Reeks,
    Signaal,
    Uitkomst,
    UitkomstSoort,
)
from buurten.meldingen.models import Mailsoort, Meldingsoort
from buurten.meldingen.services import mail_inplannen, melden, melden_aan_partner
from partners import services as partner_services
from partners.models import Contactpersoon, Partner
from zorgnet.lib import fragmentcache
from zorgnet.lib.choices import ActieCategorie, SignaalKanaal, Urgentie

MAX_TE_PLANNEN = 24


def _door(door):
    return door if getattr(door, "is_authenticated", False) else None


# --- bijeenkomsten --------------------------------------------------------------------------------
AGENDAVELDEN = ("type", "titel", "datum", "begintijd", "eindtijd", "plaats")


@transaction.atomic
def bijeenkomst_bewaren(*, bijeenkomst: Bijeenkomst, door=None) -> Bijeenkomst:
    """Create or update a meeting (end after start, NA levels only for a supportersmeeting).

    A change to what a calendar shows raises the entry's SEQUENCE and is sent again to the
    people invited by e-mail (same UID: their calendar updates the entry)."""
    gewijzigd = False
    if bijeenkomst.pk is None:
        bijeenkomst.aangemaakt_door = _door(door)
    else:
        vorige = Bijeenkomst.objects.filter(pk=bijeenkomst.pk).values(*AGENDAVELDEN).first() or {}
        gewijzigd = any(vorige.get(v) != getattr(bijeenkomst, v) for v in AGENDAVELDEN)
        if gewijzigd:
            bijeenkomst.volgnummer += 1
    bijeenkomst.full_clean()
    bijeenkomst.save()
    if gewijzigd:
        _agenda_versturen(bijeenkomst, bijeenkomst.genodigden.select_related("contactpersoon"))
    return bijeenkomst


def _agenda_versturen(bijeenkomst: Bijeenkomst, genodigden, *, door=None) -> int:
    """Mail the .ics (METHOD REQUEST, or CANCEL for a cancelled meeting) to each invitee."""
    methode = "CANCEL" if bijeenkomst.geannuleerd_op else "REQUEST"
    ics = agenda.kalender([bijeenkomst], naam=str(bijeenkomst), methode=methode).decode()
    titel = str(bijeenkomst.titel or bijeenkomst.get_type_display())
    if bijeenkomst.geannuleerd_op:
        onderwerp = _("Geannuleerd: %(titel)s") % {"titel": titel}
    elif bijeenkomst.volgnummer:
        onderwerp = _("Gewijzigd: %(titel)s") % {"titel": titel}
    else:
        onderwerp = _("Uitnodiging: %(titel)s") % {"titel": titel}
    aantal = 0
    for genodigde in genodigden:
        persoon = genodigde.contactpersoon
        if not persoon.email:
            continue
        mail_inplannen(
            adres=persoon.email,
            soort=Mailsoort.BIJEENKOMST,
            sjabloon="bijeenkomst",
            onderwerp=onderwerp,
            context={
                "naam": persoon.voornaam,
                "titel": titel,
                "wanneer": agenda.wanneer(bijeenkomst),
                "plaats": bijeenkomst.plaats,
                "geannuleerd": bool(bijeenkomst.geannuleerd_op),
            },
            door=door,
            bijlage=("bijeenkomst.ics", ics, f"text/calendar; method={methode}; charset=utf-8"),
        )
        aantal += 1
    return aantal


@transaction.atomic
def genodigden_uitnodigen(
    *, bijeenkomst: Bijeenkomst, contactpersonen: Iterable[Contactpersoon], door=None
) -> int:
    """Invite contact persons of the buurt's partners by e-mail, with the meeting as .ics; users
    with that address also get an in-app notification. Returns the number of mails."""
    personen = list(contactpersonen)
    buurt_partner_ids = set(
        Partner.objects.filter(buurten=bijeenkomst.buurt_id).values_list("id", flat=True)
    )
    vreemd = [str(p) for p in personen if p.partner_id not in buurt_partner_ids]
    if vreemd:
        raise ValidationError(
            {
                "genodigden": _("Niet van een partner van deze buurt: %(wie)s")
                % {"wie": ", ".join(vreemd)}
            }
        )
    zonder_adres = [str(p) for p in personen if not p.email]
    if zonder_adres:
        raise ValidationError(
            {"genodigden": _("Geen e-mailadres: %(wie)s") % {"wie": ", ".join(zonder_adres)}}
        )
    if bijeenkomst.geannuleerd_op:
        raise ValidationError(_("Deze bijeenkomst is geannuleerd."))
    nieuw = []
    for persoon in personen:
        genodigde, gemaakt = Genodigde.objects.get_or_create(
            bijeenkomst=bijeenkomst, contactpersoon=persoon
        )
        nieuw.append(genodigde)
    aantal = _agenda_versturen(bijeenkomst, nieuw, door=door)
    adressen = [p.email for p in personen]
    User = get_user_model()
    gebruikers = User.objects.filter(is_active=True, email__in=adressen)
    melden(
        ontvangers=gebruikers,
        soort=Meldingsoort.BIJEENKOMST,
        titel=_("Je bent uitgenodigd voor %(titel)s op %(wanneer)s")
        % {
            "titel": bijeenkomst.titel or bijeenkomst.get_type_display(),
            "wanneer": agenda.wanneer(bijeenkomst),
        },
        link=reverse(
            "activiteiten:bijeenkomst_detail", args=[bijeenkomst.buurt_id, bijeenkomst.pk]
        ),
        buurt=bijeenkomst.buurt,
        sleutel=f"bijeenkomst:{bijeenkomst.pk}",
        uitgezonderd=door,
    )
    return aantal


@transaction.atomic
def bijeenkomst_annuleren(*, bijeenkomst: Bijeenkomst, door=None) -> Bijeenkomst:
    """Cancel a meeting: it stays (history, outcomes), calendars mark the entry cancelled."""
    bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
    if bijeenkomst.geannuleerd_op:
        return bijeenkomst
    bijeenkomst.geannuleerd_op = timezone.now()
    bijeenkomst.volgnummer += 1
    bijeenkomst.save(update_fields=["geannuleerd_op", "volgnummer", "gewijzigd_op"])
    _agenda_versturen(
        bijeenkomst, bijeenkomst.genodigden.select_related("contactpersoon"), door=door
    )
    return bijeenkomst


# --- agenda: the personal key of the iCal feeds -----------------------------------------------------
@transaction.atomic
def agendatoken_vernieuwen(*, gebruiker) -> Agendatoken:
    """A new personal key; the feeds with the old one stop working at once."""
    token, _gemaakt = Agendatoken.objects.update_or_create(
        gebruiker=gebruiker, defaults={"sleutel": secrets.token_urlsafe(32)}
    )
    return token


# --- aanwezigheid ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Aanwezige:
    """One line of the attendance list as entered: a known contact person, or someone new."""

    contactpersoon: Contactpersoon | None = None
    partner: Partner | None = None
    naam: str = ""
    organisatie: str = ""
    nieuw: bool = False


@transaction.atomic
def aanwezigheid_bewaren(
    *,
    bijeenkomst: Bijeenkomst,
    aanwezigen: Iterable[Aanwezige],
    aantal_bewoners: int = 0,
    aantal_anderen: int = 0,
) -> list[Aanwezigheid]:
    """Replace the attendance list and the anonymous counts of a meeting.

    A known contact person or partner must work in the buurt (someone from an organisation
    outside it comes in with a name and the organisation as text, marked 'nieuw'); someone who is
    not a contact person of the buurt's partners must be marked 'nieuw'. Otherwise the whole list
    is refused.
    """
    buurt_partner_ids = set(
        Partner.objects.filter(buurten=bijeenkomst.buurt_id).values_list("id", flat=True)
    )
    rijen: list[Aanwezigheid] = []
    gezien: set[int] = set()
    fouten: list[str] = []
    for a in aanwezigen:
        partner = a.contactpersoon.partner if a.contactpersoon else a.partner
        naam = (a.naam or "").strip()
        if not (a.contactpersoon or partner or naam):
            continue
        in_buurt = partner is not None and partner.id in buurt_partner_ids
        wie = str(a.contactpersoon) if a.contactpersoon else (naam or str(partner))
        if partner is not None and not in_buurt:
            fouten.append(
                _(
                    "%(partner)s werkt niet in deze buurt: vul de organisatie in als 'andere "
                    "organisatie'."
                )
                % {"partner": partner.naam}
            )
            continue
        if not a.nieuw and (not in_buurt or (naam and not a.contactpersoon)):
            fouten.append(
                _(
                    "%(wie)s hoort niet bij de partners van deze buurt: duid aan dat het om "
                    "iemand nieuw gaat."
                )
                % {"wie": wie}
            )
            continue
        if a.contactpersoon:
            if a.contactpersoon.id in gezien:
                continue
            gezien.add(a.contactpersoon.id)
        rijen.append(
            Aanwezigheid(
                bijeenkomst=bijeenkomst,
                contactpersoon=a.contactpersoon,
                partner=partner,
                naam="" if a.contactpersoon else naam,
                organisatie="" if partner else (a.organisatie or "").strip(),
                nieuw=a.nieuw,
            )
        )
    if fouten:
        raise ValidationError({"aanwezigen": fouten})
    for veld, waarde in (("aantal_bewoners", aantal_bewoners), ("aantal_anderen", aantal_anderen)):
        if waarde is None or waarde < 0:
            raise ValidationError({veld: _("Geef een aantal van 0 of meer.")})
    for rij in rijen:
        rij.full_clean(exclude=["bijeenkomst"], validate_constraints=False)
    bijeenkomst.aantal_bewoners = aantal_bewoners
    bijeenkomst.aantal_anderen = aantal_anderen
    bijeenkomst.full_clean()
    bijeenkomst.save(update_fields=["aantal_bewoners", "aantal_anderen", "gewijzigd_op"])
    bijeenkomst.aanwezigheden.all().delete()
    fragmentcache.wijzig(buurten=[bijeenkomst.buurt_id])  # bulk_create sends no signals
    return Aanwezigheid.objects.bulk_create(rijen)


# --- uitkomsten -----------------------------------------------------------------------------------
@transaction.atomic
def uitkomst_toevoegen(
    *,
    bijeenkomst: Bijeenkomst,
    soort: str,
    omschrijving: str,
    toelichting: str = "",
    eigenaar: Partner | None = None,
    deadline: date | None = None,
    categorie: str = "",
    thema: str = "",
    urgentie: str = "",
    door=None,
) -> Uitkomst:
    """Record an outcome; an *actie* creates an Actie (owner = trekker), a *signaal* a Signaal."""
    partner_services.vereis_in_buurt(bijeenkomst.buurt, partners=[eigenaar], veld="eigenaar")
    uitkomst = Uitkomst(
        bijeenkomst=bijeenkomst,
        soort=soort,
        omschrijving=omschrijving,
        toelichting=toelichting,
        eigenaar=eigenaar,
        deadline=deadline,
    )
    uitkomst.full_clean()
    if soort == UitkomstSoort.ACTIE:
        uitkomst.actie = acties_services.actie_bewaren(
            actie=Actie(
                buurt=bijeenkomst.buurt,
                titel=omschrijving,
                categorie=categorie or ActieCategorie.NETWERKVORMING,
                status=ActieStatus.GEPLAND,
                startdatum=deadline or bijeenkomst.datum,
                trekker=eigenaar,
            ),
            door=door,
        )
    elif soort == UitkomstSoort.SIGNAAL:
        if not thema:
            raise ValidationError({"thema": _("Kies het thema van het signaal.")})
        signaal = Signaal(
            buurt=bijeenkomst.buurt,
            datum=min(bijeenkomst.datum, timezone.localdate()),
            kanaal=SignaalKanaal.BIJEENKOMST,
            thema=thema,
            urgentie=urgentie or Urgentie.NORMAAL,
            omschrijving="\n".join(t for t in (omschrijving, toelichting) if t),
            partner=eigenaar,
        )
        if bijeenkomst.zorgniveau:
            signaal.zorgniveau = bijeenkomst.zorgniveau
        if bijeenkomst.responsniveau:
            signaal.responsniveau = bijeenkomst.responsniveau
        uitkomst.signaal = acties_services.signaal_loggen(signaal=signaal, door=door)
    uitkomst.save()
    return uitkomst


# --- reeksen --------------------------------------------------------------------------------------
@transaction.atomic
def reeks_bewaren(*, reeks: Reeks) -> Reeks:
    reeks.full_clean()
    reeks.save()
    return reeks


def _maandelijks(eerste: date, maand_index: int) -> date:
    """The same weekday position as `eerste` (e.g. the 2nd Tuesday) `maand_index` months later;
    the last such weekday when the month has no fifth one."""
    jaar, maand = divmod(eerste.month - 1 + maand_index, 12)
    jaar, maand = eerste.year + jaar, maand + 1
    positie = (eerste.day - 1) // 7
    eerste_van_maand = date(jaar, maand, 1)
    dag = 1 + (eerste.weekday() - eerste_van_maand.weekday()) % 7 + 7 * positie
    if dag > calendar.monthrange(jaar, maand)[1]:
        dag -= 7
    return date(jaar, maand, dag)


def reeksdatums(eerste: date, frequentie: str, *, na: date | None, aantal: int) -> list[date]:
    """The next `aantal` dates of a series after `na` (from `eerste` on when `na` is None)."""
    datums: list[date] = []
    i = 0
    while len(datums) < aantal:
        if frequentie == Frequentie.MAANDELIJKS:
            datum = _maandelijks(eerste, i)
        else:
            stap = 7 if frequentie == Frequentie.WEKELIJKS else 14
            datum = eerste + timedelta(days=stap * i)
        if na is None or datum > na:
            datums.append(datum)
        i += 1
    return datums


@transaction.atomic
def reeks_plannen(*, reeks: Reeks, aantal: int, door=None) -> list[Bijeenkomst]:
    """Create the next `aantal` meetings of a series, after the last one already planned."""
    if not 1 <= aantal <= MAX_TE_PLANNEN:
        raise ValidationError(
            {"aantal": _("Plan tussen 1 en %(n)d bijeenkomsten tegelijk.") % {"n": MAX_TE_PLANNEN}}
        )
    reeks = Reeks.objects.select_for_update().get(pk=reeks.pk)
    laatste = reeks.bijeenkomsten.order_by("-datum").values_list("datum", flat=True).first()
    nieuw = []
    for datum in reeksdatums(reeks.eerste_datum, reeks.frequentie, na=laatste, aantal=aantal):
        nieuw.append(
            bijeenkomst_bewaren(
                bijeenkomst=Bijeenkomst(
                    buurt_id=reeks.buurt_id,
                    reeks=reeks,
                    type=reeks.type,
                    titel=reeks.titel,
                    datum=datum,
                    begintijd=reeks.begintijd,
                    eindtijd=reeks.eindtijd,
                    plaats=reeks.plaats,
                    thema=reeks.thema,
                    facilitator=reeks.facilitator,
                ),
                door=door,
            )
        )
    return nieuw


# --- reminders (the daily job zorgnet.overzicht.tasks.herinneringen_maken) -------------------------
ACTIE_HERINNERING_DAGEN = 7


def acties_herinneren(*, vandaag: date | None = None) -> int:
    """An open meeting action due within 7 days or overdue: its owner organisation's partner
    users, once when it is nearly due and once when it is late."""
    vandaag = vandaag or timezone.localdate()
    grens = vandaag + timedelta(days=ACTIE_HERINNERING_DAGEN)
    uitkomsten = (
        Uitkomst.objects.filter(
            soort=UitkomstSoort.ACTIE,
            actie__isnull=False,
            deadline__lte=grens,
            eigenaar__isnull=False,
        )
        .exclude(actie__status__in=AFGESLOTEN_ACTIESTATUSSEN)
        .select_related("bijeenkomst__buurt", "eigenaar")
    )
    aantal = 0
    for uitkomst in uitkomsten:
        bijeenkomst = uitkomst.bijeenkomst
        laat = uitkomst.deadline < vandaag
        sjabloon = (
            _("Een actie van %(partner)s uit '%(bijeenkomst)s' is te laat (tegen %(datum)s)")
            if laat
            else _(
                "Een actie van %(partner)s uit '%(bijeenkomst)s' moet klaar zijn tegen %(datum)s"
            )
        )
        aantal += len(
            melden_aan_partner(
                partner_id=uitkomst.eigenaar_id,
                buurt_ids=[bijeenkomst.buurt_id],
                soort=Meldingsoort.ACTIE_DEADLINE,
                titel=sjabloon
                % {
                    "partner": uitkomst.eigenaar.naam,
                    "bijeenkomst": bijeenkomst.titel or bijeenkomst.get_type_display(),
                    "datum": uitkomst.deadline.strftime("%d/%m/%Y"),
                },
                link=lambda buurt_id, a=uitkomst.actie_id: reverse(
                    "activiteiten:actie_detail", args=[buurt_id, a]
                ),
                sleutel=f"uitkomst:{uitkomst.pk}:{uitkomst.deadline:%Y%m%d}:{'laat' if laat else 'bijna'}",
            )
        )
    return aantal
