"""Writes for partners: keyword-only, atomic, validated, Dutch errors."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from buurten.meldingen.models import Meldingsoort
from buurten.meldingen.services import melden_aan_partner
from buurten.models import Buurt, Toegangsactie
from buurten.permissions import partner_ids_van
from buurten.services import registreer_toegang
from zorgnet.lib import taakrecords

from .models import (
    BeantwoordAls,
    Betrokkenheid,
    Bevestiging,
    Contactpersoon,
    Importtaak,
    Mandaat,
    Netwerkrol,
    Partner,
    PartnerStatus,
    Relatie,
)

PARTNER_VELDEN = (
    "naam",
    "soort",
    "sector",
    "formeel",
    "stakeholder_soort",
    "werkingsgebied",
    "status",
    "actief_sinds",
    "gestopt_op",
    "wat_wij_doen",
    "website",
)


def _normaal(naam: str) -> str:
    return " ".join(naam.lower().split())


def vereis_in_buurt(
    buurt: Buurt,
    *,
    partners: Iterable[Partner | None] = (),
    contactpersonen: Iterable[Contactpersoon | None] = (),
    veld: str = "partner",
) -> None:
    """Every partner a write touches (directly, or as the organisation of a contact person) must
    work in the buurt; otherwise a Dutch ValidationError on `veld` and nothing is written.

    The one scope check of every write service that links partners, contacts or ties to a buurt
    (forms offer only `selectors.partners_van_buurt`; this catches forged ids and other callers).
    """
    personen = [c for c in contactpersonen if c is not None]
    alle = {p.pk: p for p in partners if p is not None}
    alle.update({c.partner_id: c.partner for c in personen})
    if not alle:
        return
    binnen = set(buurt.partners.filter(pk__in=alle).values_list("pk", flat=True))
    buiten = sorted(p.naam for pk, p in alle.items() if pk not in binnen)
    if buiten:
        raise ValidationError(
            {
                veld: _("%(namen)s werkt niet in deze buurt (%(buurt)s).")
                % {"namen": ", ".join(buiten), "buurt": buurt.naam}
            }
        )


class DubbelePartnernaam(ValidationError):
    """The name is taken (or nearly) by an existing partner of the gemeente: the error on `naam`,
    plus which partner and whether it already works in the buurt, so the page can link to it."""

    ZELFDE_IN_BUURT = "zelfde_in_buurt"
    ZELFDE_ELDERS = "zelfde_elders"
    GELIJKAARDIG = "gelijkaardig"

    def __init__(self, boodschap: str, *, soort: str, partner_id: int, in_buurt: bool, naam: str):
        super().__init__({"naam": boodschap})
        self.naam = naam
        self.soort = soort
        self.partner_id = partner_id
        self.in_buurt = in_buurt


def controleer_partnernaam(
    *,
    gemeente_id: int,
    naam: str,
    behalve_id: int | None = None,
    gelijkaardig_toegestaan: bool = False,
    buurt_id: int | None = None,
) -> None:
    """Catch duplicates in a gemeente, with a suggestion for a near-identical existing name.

    With `buurt_id`, an exact duplicate that already works in that buurt gets its own message."""
    bestaande = dict(
        Partner.objects.filter(gemeente_id=gemeente_id)
        .exclude(pk=behalve_id)
        .values_list("naam", "pk")
    )
    genormaliseerd = {_normaal(n): n for n in bestaande}

    def in_buurt(pk: int) -> bool:
        return (
            bool(buurt_id)
            and Partner.buurten.through.objects.filter(partner_id=pk, buurt_id=buurt_id).exists()
        )

    if _normaal(naam) in genormaliseerd:
        gevonden = genormaliseerd[_normaal(naam)]
        pk = bestaande[gevonden]
        if in_buurt(pk):
            raise DubbelePartnernaam(
                _("Partner '%(naam)s' werkt al in deze buurt.") % {"naam": gevonden},
                soort=DubbelePartnernaam.ZELFDE_IN_BUURT,
                partner_id=pk,
                in_buurt=True,
                naam=gevonden,
            )
        raise DubbelePartnernaam(
            _(
                "Er bestaat al een partner '%(naam)s' in deze gemeente. Voeg die partner toe "
                "aan de buurt in plaats van een nieuwe aan te maken."
            )
            % {"naam": gevonden},
            soort=DubbelePartnernaam.ZELFDE_ELDERS,
            partner_id=pk,
            in_buurt=False,
            naam=gevonden,
        )
    if gelijkaardig_toegestaan:
        return
    lijkt_op = difflib.get_close_matches(_normaal(naam), list(genormaliseerd), n=1, cutoff=0.85)
    if lijkt_op:
        gevonden = genormaliseerd[lijkt_op[0]]
        pk = bestaande[gevonden]
        raise DubbelePartnernaam(
            _(
                "Er bestaat al een partner met een gelijkaardige naam: '%(naam)s'. Bedoel je "
                "die partner? Is het echt een andere, vink dan 'toch aanmaken' aan."
            )
            % {"naam": gevonden},
            soort=DubbelePartnernaam.GELIJKAARDIG,
            partner_id=pk,
            in_buurt=in_buurt(pk),
            naam=gevonden,
        )


def _statusdatums(partner: Partner) -> None:
    if partner.status == PartnerStatus.GESTOPT and not partner.gestopt_op:
        partner.gestopt_op = date.today()
    if partner.actief_sinds and partner.gestopt_op and partner.gestopt_op < partner.actief_sinds:
        raise ValidationError({"gestopt_op": _("De stopdatum ligt vóór de startdatum.")})


@transaction.atomic
def partner_aanmaken(
    *, buurt: Buurt, gegevens: dict, gelijkaardig_toegestaan: bool = False
) -> Partner:
    """Create a partner in the buurt's gemeente and link it to the buurt."""
    controleer_partnernaam(
        gemeente_id=buurt.gemeente_id,
        naam=gegevens.get("naam", ""),
        gelijkaardig_toegestaan=gelijkaardig_toegestaan,
        buurt_id=buurt.pk,
    )
    partner = Partner(
        gemeente_id=buurt.gemeente_id, **{k: gegevens[k] for k in PARTNER_VELDEN if k in gegevens}
    )
    if partner.status == PartnerStatus.ACTIEF and not partner.actief_sinds:
        partner.actief_sinds = date.today()
    _statusdatums(partner)
    partner.full_clean()
    partner.save()
    partner.buurten.add(buurt)
    return partner


@transaction.atomic
def partner_aan_buurt_toevoegen(*, buurt: Buurt, partner: Partner, door=None) -> Partner:
    """Let an existing partner of the buurt's gemeente work in this buurt too (the regisseur's
    answer to a duplicate name). Only the buurt's membership list changes, never the partner's
    profile; the partner's history records the change with who did it and why."""
    if partner.gemeente_id != buurt.gemeente_id:
        raise ValidationError(_("Deze partner hoort bij een andere gemeente."))
    if buurt.partners.filter(pk=partner.pk).exists():
        raise ValidationError(
            _("Partner '%(naam)s' werkt al in deze buurt.") % {"naam": partner.naam}
        )
    if door is not None and getattr(door, "is_authenticated", False):
        partner._history_user = door
    partner._change_reason = _("Toegevoegd aan buurt %(buurt)s") % {"buurt": buurt.naam}
    partner.buurten.add(buurt)
    return partner


@transaction.atomic
def partner_bijwerken(*, partner: Partner, gegevens: dict) -> Partner:
    """Update a partner's profile (by its own partner user or the regisseur)."""
    if "naam" in gegevens and _normaal(gegevens["naam"]) != _normaal(partner.naam):
        controleer_partnernaam(
            gemeente_id=partner.gemeente_id,
            naam=gegevens["naam"],
            behalve_id=partner.pk,
            gelijkaardig_toegestaan=True,
        )
    vorige_status = Partner.objects.filter(pk=partner.pk).values_list("status", flat=True).first()
    for veld in PARTNER_VELDEN:
        if veld in gegevens:
            setattr(partner, veld, gegevens[veld])
    if partner.status == PartnerStatus.ACTIEF and vorige_status != PartnerStatus.ACTIEF:
        partner.actief_sinds = partner.actief_sinds or date.today()
    _statusdatums(partner)
    partner.full_clean()
    partner.save()
    return partner


@transaction.atomic
def contactpersoon_opslaan(
    *, partner: Partner, gegevens: dict, contactpersoon: Contactpersoon | None = None
) -> Contactpersoon:
    """Create or update a contact person; the consent date follows the consent flag."""
    persoon = contactpersoon or Contactpersoon(partner=partner)
    if persoon.partner_id != partner.pk:
        raise ValidationError(_("Deze contactpersoon hoort niet bij deze partner."))
    for veld, waarde in gegevens.items():
        setattr(persoon, veld, waarde)
    if persoon.toestemming_contactgegevens and not persoon.toestemming_op:
        persoon.toestemming_op = date.today()
    if not persoon.toestemming_contactgegevens:
        persoon.toestemming_op = None
    persoon.full_clean()
    persoon.save()
    return persoon


@transaction.atomic
def betrokkenheid_scoren(
    *, partner: Partner, buurt: Buurt, gegevens: dict, door=None
) -> Betrokkenheid:
    """Record a new partnerscan score; earlier scores stay, so the change over time shows."""
    vereis_in_buurt(buurt, partners=[partner], veld="__all__")
    scan = Betrokkenheid(partner=partner, buurt=buurt, gescoord_door=door, **gegevens)
    if scan.gescoord_op and scan.gescoord_op > date.today():
        raise ValidationError({"gescoord_op": _("Een scan kan niet in de toekomst liggen.")})
    scan.full_clean()
    scan.save()
    return scan


def _controleer_relatie(relatie: Relatie, buurt: Buurt | None) -> None:
    fouten = {}
    if relatie.van_partner_id == relatie.naar_partner_id:
        fouten["naar_partner"] = _("Een partner kan geen relatie met zichzelf hebben.")
    elif relatie.van_partner.gemeente_id != relatie.naar_partner.gemeente_id or (
        buurt is not None and relatie.naar_partner.gemeente_id != buurt.gemeente_id
    ):
        fouten["naar_partner"] = _("Beide partners moeten in dezelfde gemeente werken.")
    if relatie.sinds and relatie.tot and relatie.tot < relatie.sinds:
        fouten["tot"] = _("De einddatum ligt vóór de begindatum.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def relatie_verklaren(
    *,
    van_partner: Partner,
    naar_partner: Partner,
    intensiteit: int,
    niveaus: list[str] | None = None,
    sinds: date | None = None,
    tot: date | None = None,
    toelichting: str = "",
    door=None,
    buurt: Buurt | None = None,
) -> Relatie:
    """Declare a tie from one partner to another; the other side confirms or disputes it later."""
    relatie = Relatie(
        van_partner=van_partner,
        naar_partner=naar_partner,
        intensiteit=intensiteit,
        niveaus=list(niveaus or []),
        sinds=sinds,
        tot=tot,
        toelichting=toelichting,
        verklaard_door=door,
    )
    _controleer_relatie(relatie, buurt)
    if buurt is not None:
        # Declared from a buurt's pages: both sides must work in that buurt.
        vereis_in_buurt(buurt, partners=[van_partner, naar_partner], veld="naar_partner")
    if Relatie.objects.filter(
        van_partner=van_partner, naar_partner=naar_partner, tot__isnull=True
    ).exists():
        raise ValidationError(
            {"naar_partner": _("Deze relatie is al verklaard. Pas de bestaande relatie aan.")}
        )
    relatie.full_clean()
    relatie.save()
    _relatie_melden(relatie, door)
    return relatie


def _relatie_melden(relatie: Relatie, door) -> None:
    """The other side's partner users: a tie waits for their answer (in every buurt of both)."""
    buurten = set(relatie.van_partner.buurten.values_list("id", flat=True))
    melden_aan_partner(
        partner_id=relatie.naar_partner_id,
        buurt_ids=buurten,
        soort=Meldingsoort.RELATIE,
        titel=_("%(van)s verklaarde een relatie met %(naar)s: bevestig of betwist ze")
        % {"van": relatie.van_partner.naam, "naar": relatie.naar_partner.naam},
        link=lambda buurt_id: (
            reverse("partners:relatie_list", args=[buurt_id]) + "#te-beantwoorden"
        ),
        uitgezonderd=door,
    )


@transaction.atomic
def relatie_bijwerken(*, relatie: Relatie, gegevens: dict, door=None) -> Relatie:
    """The declaring side (or the regisseur) updates or ends a tie.

    A changed intensity or level asks the other side to confirm again.
    """
    relatie = (
        Relatie.objects.select_for_update()
        .select_related("van_partner", "naar_partner")
        .get(pk=relatie.pk)
    )
    wezenlijk = gegevens.get("intensiteit", relatie.intensiteit) != relatie.intensiteit or sorted(
        gegevens.get("niveaus", relatie.niveaus)
    ) != sorted(relatie.niveaus)
    for veld in ("intensiteit", "niveaus", "sinds", "tot", "toelichting"):
        if veld in gegevens:
            setattr(relatie, veld, list(gegevens[veld]) if veld == "niveaus" else gegevens[veld])
    _controleer_relatie(relatie, None)
    if wezenlijk:
        relatie.bevestiging = Bevestiging.OPEN
        relatie.beantwoord_door = None
        relatie.beantwoord_op = None
        relatie.beantwoord_als = ""
        relatie.verklaard_door = door or relatie.verklaard_door
    relatie.full_clean()
    relatie.save()
    if wezenlijk:
        _relatie_melden(relatie, door)
    return relatie


@transaction.atomic
def relatie_beantwoorden(
    *, relatie: Relatie, antwoord: str, door, buurt: Buurt | None = None
) -> Relatie:
    """The other side confirms or disputes a declared tie.

    The regisseur may answer on the partner's behalf (the permission allows it); the tie then
    records that it was the regisseur (`beantwoord_als`), besides who (`beantwoord_door`).
    """
    if antwoord not in (Bevestiging.BEVESTIGD, Bevestiging.BETWIST):
        raise ValidationError(_("Kies 'bevestigen' of 'betwisten'."))
    relatie = Relatie.objects.select_for_update().get(pk=relatie.pk)
    eigen = partner_ids_van(door, buurt) if buurt is not None else set()
    relatie.bevestiging = antwoord
    relatie.beantwoord_door = door
    relatie.beantwoord_op = timezone.now()
    relatie.beantwoord_als = (
        BeantwoordAls.PARTNER if relatie.naar_partner_id in eigen else BeantwoordAls.REGISSEUR
    )
    relatie.save(
        update_fields=["bevestiging", "beantwoord_door", "beantwoord_op", "beantwoord_als"]
    )
    return relatie


@transaction.atomic
def mandaat_toekennen(*, buurt: Buurt, gegevens: dict) -> Mandaat:
    """Grant a mandate to a contact person or partner working in the buurt."""
    mandaat = Mandaat(buurt=buurt, **gegevens)
    # Both holders are checked: a partner and a contact person may be given together.
    vereis_in_buurt(
        buurt, partners=[mandaat.partner], contactpersonen=[mandaat.contactpersoon], veld="__all__"
    )
    mandaat.full_clean()
    mandaat.save()
    return mandaat


@transaction.atomic
def netwerkrol_toekennen(*, buurt: Buurt, gegevens: dict) -> Netwerkrol:
    """Record who takes up a network-coordination role in the buurt."""
    rol = Netwerkrol(buurt=buurt, **gegevens)
    vereis_in_buurt(buurt, contactpersonen=[rol.contactpersoon, rol.backup], veld="__all__")
    rol.full_clean()
    rol.save()
    return rol


# --- reminders (the daily job zorgnet.overzicht.tasks.herinneringen_maken) -------------------------
MANDAAT_HERINNERING_DAGEN = 30
NAKIJKEN_NA_DAGEN = 365


def mandaten_herinneren(*, vandaag: date | None = None) -> int:
    """A mandate that ends within 30 days: the partner users of its organisation, once."""
    vandaag = vandaag or timezone.localdate()
    grens = vandaag + timedelta(days=MANDAAT_HERINNERING_DAGEN)
    aantal = 0
    for mandaat in Mandaat.objects.filter(
        geldig_tot__gte=vandaag, geldig_tot__lte=grens
    ).select_related("buurt", "contactpersoon"):
        partner_id = mandaat.partner_id or (
            mandaat.contactpersoon.partner_id if mandaat.contactpersoon_id else None
        )
        if partner_id is None:
            continue
        aantal += len(
            melden_aan_partner(
                partner_id=partner_id,
                buurt_ids=[mandaat.buurt_id],
                soort=Meldingsoort.MANDAAT,
                titel=_("Een mandaat in %(buurt)s loopt af op %(datum)s")
                % {"buurt": mandaat.buurt.naam, "datum": mandaat.geldig_tot.strftime("%d/%m/%Y")},
                link=lambda buurt_id: reverse("partners:mandaat_list", args=[buurt_id]),
                sleutel=f"mandaat:{mandaat.pk}:{mandaat.geldig_tot:%Y%m%d}",
            )
        )
    return aantal


def laatst_nagekeken(partner_ids: list[int]) -> dict[int, datetime]:
    """The last change to each partner's profile or contact list (from the history tables)."""
    laatste: dict[int, datetime] = {}
    rijen = list(
        Partner.history.filter(id__in=partner_ids)
        .values("id")
        .annotate(m=Max("history_date"))
        .values_list("id", "m")
    ) + list(
        Contactpersoon.history.filter(partner_id__in=partner_ids)
        .values("partner_id")
        .annotate(m=Max("history_date"))
        .values_list("partner_id", "m")
    )
    for partner_id, moment in rijen:
        if moment and (partner_id not in laatste or moment > laatste[partner_id]):
            laatste[partner_id] = moment
    return laatste


def profielen_laten_nakijken(*, vandaag: date | None = None) -> int:
    """A partner profile and contact list unchanged for 12 months: ask its partner users to check
    them (once per unchanged state)."""
    vandaag = vandaag or timezone.localdate()
    grens = timezone.make_aware(
        datetime.combine(vandaag - timedelta(days=NAKIJKEN_NA_DAGEN), datetime.min.time())
    )
    partner_ids = list(
        Partner.objects.filter(lidmaatschappen__rol="partner", status=PartnerStatus.ACTIEF)
        .values_list("id", flat=True)
        .distinct()
    )
    aantal = 0
    for partner_id, moment in laatst_nagekeken(partner_ids).items():
        if moment >= grens:
            continue
        partner = Partner.objects.get(pk=partner_id)
        aantal += len(
            melden_aan_partner(
                partner_id=partner_id,
                soort=Meldingsoort.NAKIJKEN,
                titel=_(
                    "Kijk het profiel en de contactpersonen van %(partner)s na: al een jaar niets gewijzigd"
                )
                % {"partner": partner.naam},
                link=lambda buurt_id, pid=partner_id: reverse(
                    "partners:partner_detail", args=[buurt_id, pid]
                ),
                sleutel=f"nakijken:{partner_id}:{moment:%Y%m%d%H%M%S}",
            )
        )
    return aantal


# --- large imports as a job (issue 16) -----------------------------------------------------------
@transaction.atomic
def vraag_import_aan(
    *, gebruiker, buurt: Buurt, soort: str, token: str, uitvoeren: bool, rijen: int
) -> Importtaak:
    """Queue the dry run (uitvoeren=False) or the import of a file with more rows than a request
    should handle. `token` is the server-signed content (resources.onderteken); the caller
    authorised the user (regisseur of the buurt)."""
    taak = Importtaak.objects.create(
        buurt=buurt,
        soort=soort,
        uitvoeren=uitvoeren,
        inhoud=token,
        rijen_totaal=rijen * (2 if uitvoeren else 1),
        aangevraagd_door=gebruiker,
    )
    from .tasks import lang_import_uitvoeren

    lang_import_uitvoeren.delay_on_commit(taak.pk)
    return taak


def _voortgang_schrijver(taak_id: int):
    """Progress on the record while the import's own transaction is open: through a second
    connection, on PostgreSQL. SQLite has one writer at a time, so there the page shows the
    progress when the job ends."""
    if connection.vendor != "postgresql":
        return None, None
    zijlijn = connections.create_connection(DEFAULT_DB_ALIAS)
    tabel = connection.ops.quote_name(Importtaak._meta.db_table)

    def schrijf(gedaan: int) -> None:
        with zijlijn.cursor() as cursor:
            cursor.execute(
                f"UPDATE {tabel} SET rijen_gecontroleerd = %s WHERE id = %s", [gedaan, taak_id]
            )

    return zijlijn, schrijf


def voer_importtaak_uit(*, taak_id: int) -> Importtaak | None:
    """Run a queued import job; None when it is not (or no longer) queued. A file with one bad
    row writes nothing (resources.importeren); its Dutch row errors become the job's result."""
    from .resources import importeren, lees_ondertekend

    if not taakrecords.claim(Importtaak, taak_id):
        return None
    taak = Importtaak.objects.select_related("buurt", "aangevraagd_door").get(pk=taak_id)
    zijlijn, schrijf = _voortgang_schrijver(taak_id)
    try:
        inhoud, formaat = lees_ondertekend(taak.inhoud, buurt=taak.buurt, soort=taak.soort)
        uitkomst = importeren(
            buurt=taak.buurt,
            soort=taak.soort,
            inhoud=inhoud,
            formaat=formaat,
            uitvoeren=taak.uitvoeren,
            door=taak.aangevraagd_door,
            voortgang=schrijf,
        )
    except ValidationError as exc:
        taakrecords.markeer_mislukt(
            Importtaak, taak_id, Importtaak.mislukt_melding(exc), van_deze_taak=True
        )
        Importtaak.objects.filter(pk=taak_id).update(inhoud="")
        taak.refresh_from_db()
        return taak
    finally:
        if zijlijn is not None:
            zijlijn.close()
    resultaat = asdict(uitkomst)
    resultaat["voorbeeld"] = [
        {k: "" if v is None else str(v) for k, v in rij.items()} for rij in uitkomst.voorbeeld
    ]
    # The content stays only for a clean dry run: the confirm button sends it back.
    bewaar = not taak.uitvoeren and uitkomst.ok
    taakrecords.rond_af(
        Importtaak,
        taak_id,
        resultaat=resultaat,
        rijen_gecontroleerd=taak.rijen_totaal,
        inhoud=taak.inhoud if bewaar else "",
    )
    taak.refresh_from_db()
    return taak


def importtaken_opruimen(*, vandaag: date | None = None) -> int:
    """Delete import jobs (their preview rows and row errors name people) older than the
    retention period; running jobs stay. Logged per buurt. Idempotent (daily retention job)."""
    dagen = settings.ZORGNET_BEWAARTERMIJNEN["importtaak"]
    vandaag = vandaag or timezone.localdate()
    grens = timezone.make_aware(datetime.combine(vandaag - timedelta(days=dagen), time.min))
    oud = Importtaak.objects.filter(aangemaakt_op__lt=grens).exclude(status__in=taakrecords.LOPEND)
    per_buurt = dict(
        oud.values("buurt_id").annotate(aantal=Count("id")).values_list("buurt_id", "aantal")
    )
    if not per_buurt:
        return 0
    oud.delete()
    for buurt in Buurt.objects.filter(pk__in=per_buurt):
        registreer_toegang(
            gebruiker=None,
            actie=Toegangsactie.GEWIST,
            object_type="importtaak",
            omschrijving=f"{per_buurt[buurt.pk]} importtaken verwijderd (bewaartermijn {dagen} dagen)",
            buurt=buurt,
        )
    return sum(per_buurt.values())


def vergeet_oude_importinhoud(*, nu=None) -> int:
    """Clear the signed file content of import jobs older than its validity: an unconfirmed dry
    run's file does not stay in the database. Idempotent (beat, with the stuck-job check)."""
    from .resources import IMPORT_GELDIG_SECONDEN

    grens = (nu or timezone.now()) - timedelta(seconds=IMPORT_GELDIG_SECONDEN)
    return (
        Importtaak.objects.filter(aangemaakt_op__lt=grens)
        .exclude(inhoud="")
        .exclude(status__in=taakrecords.LOPEND)
        .update(inhoud="")
    )
