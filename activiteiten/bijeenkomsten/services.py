"""Writes for meetings: the meeting itself, its attendance, its outcomes and recurring series.

Outcomes of kind *actie* and *signaal* go through the acties services, so an action or signal born
in a meeting is validated exactly like one logged on its own (owner in the buurt, no identifiers).
Every write is atomic: bad input raises a Dutch ValidationError and nothing is written.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activiteiten.acties import services as acties_services
from activiteiten.models import (
    Aanwezigheid,
    Actie,
    ActieStatus,
    Bijeenkomst,
    Frequentie,
    Reeks,
    Signaal,
    Uitkomst,
    UitkomstSoort,
)
from partners import services as partner_services
from partners.models import Contactpersoon, Partner
from zorgnet.lib.choices import ActieCategorie, SignaalKanaal, Urgentie

MAX_TE_PLANNEN = 24


def _door(door):
    return door if getattr(door, "is_authenticated", False) else None


# --- bijeenkomsten --------------------------------------------------------------------------------
@transaction.atomic
def bijeenkomst_bewaren(*, bijeenkomst: Bijeenkomst, door=None) -> Bijeenkomst:
    """Create or update a meeting (end after start, NA levels only for a supportersmeeting)."""
    if bijeenkomst.pk is None:
        bijeenkomst.aangemaakt_door = _door(door)
    bijeenkomst.full_clean()
    bijeenkomst.save()
    return bijeenkomst


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
