"""Writes for actions, signals, referrals and beleidssignalen. Every write validates fully and is
atomic: bad input raises a Dutch ValidationError and nothing is written."""

import logging
from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activiteiten.models import (
    Actie,
    Beleidssignaal,
    Doorverwijzing,
    FrameworkElement,
    FrameworkSoort,
    Signaal,
    SignaalStatus,
    Uitkomst,
)
from buurten.meldingen.models import Meldingsoort
from buurten.meldingen.services import melden, melden_aan_partner
from buurten.models import Buurt, Toegangsactie
from buurten.services import registreer_toegang
from partners import services as partner_services
from partners.models import Partner
from zorgnet.lib import fragmentcache
from zorgnet.lib.wislog import registreer_wissing

logger = logging.getLogger(__name__)


def _vereis_partners_in_buurt(partners: Iterable[Partner | None], buurt: Buurt, veld: str) -> None:
    partner_services.vereis_in_buurt(buurt, partners=partners, veld=veld)


# --- acties ---------------------------------------------------------------------------------------
@transaction.atomic
def actie_bewaren(
    *,
    actie: Actie,
    co_partners: Iterable[Partner] = (),
    bouwstenen: Iterable[FrameworkElement] = (),
    pijlers: Iterable[FrameworkElement] = (),
    door=None,
) -> Actie:
    """Create or update an action with its co-partners and framework tags."""
    co_partners = [p for p in co_partners if p.id != actie.trekker_id]
    _vereis_partners_in_buurt([actie.trekker, *co_partners], actie.buurt, "co_partners")
    if actie.pakket_id and actie.pakket.buurt_id != actie.buurt_id:
        raise ValidationError({"pakket": _("Dit pakket hoort niet bij deze buurt.")})
    for elementen, soort, veld in (
        (bouwstenen, FrameworkSoort.BOUWSTENEN, "bouwstenen"),
        (pijlers, FrameworkSoort.PIJLERS, "pijlers"),
    ):
        if any(e.framework.soort != soort for e in elementen):
            raise ValidationError({veld: _("Dit element hoort niet bij dit soort kader.")})
    if actie.pk is None and door is not None and getattr(door, "is_authenticated", False):
        actie.aangemaakt_door = door
    actie.full_clean()
    actie.save()
    actie.co_partners.set(co_partners)
    actie.bouwstenen.set(list(bouwstenen))
    actie.pijlers.set(list(pijlers))
    return actie


# --- signalen -------------------------------------------------------------------------------------
def signaaltekst_gelezen(
    *, gebruiker, buurt: Buurt, signaal_ids: Iterable[int | None], waar: str
) -> int:
    """Log every read that shows a signal's text: one 'bekeken' access event per signal, with
    where it was read (signal page, meeting, minutes, admin, history); never the text itself.

    Callers pass only signals whose text they actually render, after asking
    `activiteiten.acties.permissions` whether the user may read it.
    """
    ids = sorted({i for i in signaal_ids if i is not None})
    for signaal_id in ids:
        registreer_toegang(
            gebruiker=gebruiker,
            actie=Toegangsactie.BEKEKEN,
            object_type="signaal",
            object_id=signaal_id,
            omschrijving=waar,
            buurt=buurt,
        )
    return len(ids)


@transaction.atomic
def signaal_loggen(*, signaal: Signaal, door) -> Signaal:
    """Record a new signal (status nieuw)."""
    if signaal.pk is not None:
        raise ValidationError(_("Dit signaal bestaat al."))
    _vereis_partners_in_buurt([signaal.partner], signaal.buurt, "partner")
    signaal.status = SignaalStatus.NIEUW
    signaal.gemeld_door = door if getattr(door, "is_authenticated", False) else None
    signaal.full_clean()
    signaal.save()
    return signaal


def _overgang(signaal: Signaal, naar: str) -> None:
    if naar not in signaal.volgende_statussen():
        raise ValidationError(
            _("Een signaal kan niet van '%(van)s' naar '%(naar)s' gaan.")
            % {
                "van": SignaalStatus(signaal.status).label,
                "naar": SignaalStatus(naar).label if naar in SignaalStatus.values else naar,
            },
            code="ongeldige_overgang",
        )
    signaal.status = naar


@transaction.atomic
def signaal_status_wijzigen(*, signaal: Signaal, status: str) -> Signaal:
    """Move a signal along the workflow; only transitions in TOEGESTANE_OVERGANGEN are allowed."""
    signaal = Signaal.objects.select_for_update().get(pk=signaal.pk)
    _overgang(signaal, status)
    signaal.full_clean()
    signaal.save(update_fields=["status", "gewijzigd_op"])
    return signaal


@transaction.atomic
def doorverwijzen(
    *,
    signaal: Signaal,
    naar_partner: Partner,
    van_partner: Partner | None = None,
    warm: bool = True,
    datum: date | None = None,
    door=None,
) -> Doorverwijzing:
    """Refer a signal to a partner of the same buurt; the signal becomes 'doorverwezen'."""
    signaal = Signaal.objects.select_for_update().get(pk=signaal.pk)
    verwijzing = Doorverwijzing(
        signaal=signaal,
        van_partner=van_partner,
        naar_partner=naar_partner,
        warm=warm,
        datum=datum or timezone.localdate(),
        aangemaakt_door=door if getattr(door, "is_authenticated", False) else None,
    )
    _vereis_partners_in_buurt([van_partner], signaal.buurt, "van_partner")
    verwijzing.full_clean()
    if signaal.status != SignaalStatus.DOORVERWEZEN:
        _overgang(signaal, SignaalStatus.DOORVERWEZEN)
        signaal.save(update_fields=["status", "gewijzigd_op"])
    verwijzing.save()
    # A title and a link only: never the signal's text.
    melden_aan_partner(
        partner_id=naar_partner.id,
        buurt_ids=[signaal.buurt_id],
        soort=Meldingsoort.DOORVERWIJZING,
        titel=_("Nieuwe doorverwijzing voor %(partner)s in %(buurt)s")
        % {"partner": naar_partner.naam, "buurt": signaal.buurt.naam},
        link=lambda buurt_id: reverse("activiteiten:signaal_detail", args=[buurt_id, signaal.id]),
        sleutel=f"doorverwijzing:{verwijzing.pk}",
        uitgezonderd=door,
    )
    return verwijzing


@transaction.atomic
def doorverwijzing_uitkomst(
    *, doorverwijzing: Doorverwijzing, aangekomen: bool | None
) -> Doorverwijzing:
    """Record whether the person arrived at the partner (None: not known yet)."""
    doorverwijzing.aangekomen = aangekomen
    doorverwijzing.uitkomst_op = timezone.localdate() if aangekomen is not None else None
    doorverwijzing.full_clean()
    doorverwijzing.save(update_fields=["aangekomen", "uitkomst_op"])
    return doorverwijzing


# --- beleidssignalen ------------------------------------------------------------------------------
MINIMUM_BUNDEL = 2


@transaction.atomic
def beleidssignaal_bundelen(
    *, buurt: Buurt, titel: str, boodschap: str, signalen: Iterable[Signaal], door=None
) -> Beleidssignaal:
    """Bundle recurring signals of one buurt into a beleidssignaal; they become 'gebundeld'."""
    ids = sorted({s.id for s in signalen})
    if len(ids) < MINIMUM_BUNDEL:
        raise ValidationError(
            {"signalen": _("Bundel minstens %(n)d signalen.") % {"n": MINIMUM_BUNDEL}}
        )
    gekozen = list(Signaal.objects.select_for_update().filter(id__in=ids).order_by("id"))
    if len(gekozen) != len(ids) or any(s.buurt_id != buurt.id for s in gekozen):
        raise ValidationError({"signalen": _("Kies alleen signalen uit deze buurt.")})
    if any(s.beleidssignaal_id for s in gekozen):
        raise ValidationError({"signalen": _("Een van deze signalen is al gebundeld.")})
    beleidssignaal = Beleidssignaal(
        buurt=buurt,
        titel=titel,
        boodschap=boodschap,
        aangemaakt_door=door if getattr(door, "is_authenticated", False) else None,
    )
    beleidssignaal.full_clean()
    for signaal in gekozen:
        _overgang(signaal, SignaalStatus.GEBUNDELD)
    beleidssignaal.save()
    for signaal in gekozen:
        signaal.beleidssignaal = beleidssignaal
        signaal.save(update_fields=["status", "beleidssignaal", "gewijzigd_op"])
    return beleidssignaal


@transaction.atomic
def beleidssignaal_opvolgen(
    *,
    beleidssignaal: Beleidssignaal,
    verstuurd_op: date | None,
    reactie: str = "",
    reactie_op: date | None = None,
) -> Beleidssignaal:
    """Record sending and the response; the bundled signals follow (gesignaleerd, beleidsreactie)."""
    beleidssignaal = Beleidssignaal.objects.select_for_update().get(pk=beleidssignaal.pk)
    nieuwe_reactie = bool(reactie) and not beleidssignaal.reactie
    if beleidssignaal.verstuurd_op and not verstuurd_op:
        raise ValidationError({"verstuurd_op": _("Een verstuurd beleidssignaal blijft verstuurd.")})
    if beleidssignaal.reactie and not reactie:
        raise ValidationError({"reactie": _("Een vastgelegde reactie kan niet gewist worden.")})
    beleidssignaal.verstuurd_op = verstuurd_op
    beleidssignaal.reactie = reactie
    beleidssignaal.reactie_op = reactie_op or (timezone.localdate() if reactie else None)
    beleidssignaal.full_clean()
    beleidssignaal.save()
    doel = []
    if verstuurd_op:
        doel.append(SignaalStatus.GESIGNALEERD)
    if reactie:
        doel.append(SignaalStatus.BELEIDSREACTIE)
    for signaal in beleidssignaal.signalen.select_for_update().order_by("id"):
        for status in doel:
            if signaal.status == status or status in _voorbij(signaal.status):
                continue
            _overgang(signaal, status)
        signaal.save(update_fields=["status", "gewijzigd_op"])
    if nieuwe_reactie:
        _beleidsreactie_melden(beleidssignaal)
    return beleidssignaal


def _beleidsreactie_melden(beleidssignaal: Beleidssignaal) -> None:
    """Everyone who contributed (reported a bundled signal, or bundled them) hears of the response."""
    User = get_user_model()
    ids = set(
        beleidssignaal.signalen.exclude(gemeld_door=None).values_list("gemeld_door", flat=True)
    )
    if beleidssignaal.aangemaakt_door_id:
        ids.add(beleidssignaal.aangemaakt_door_id)
    melden(
        ontvangers=User.objects.filter(pk__in=ids, is_active=True),
        soort=Meldingsoort.BELEIDSREACTIE,
        titel=_("Een beleidssignaal waaraan je bijdroeg kreeg een reactie (%(buurt)s)")
        % {"buurt": beleidssignaal.buurt.naam},
        link=reverse(
            "activiteiten:beleidssignaal_detail", args=[beleidssignaal.buurt_id, beleidssignaal.id]
        ),
        buurt=beleidssignaal.buurt,
        sleutel=f"beleidsreactie:{beleidssignaal.pk}",
    )


def _voorbij(status: str) -> set[str]:
    """Statuses a signal in `status` has already passed on the beleid branch."""
    volgorde = [SignaalStatus.GEBUNDELD, SignaalStatus.GESIGNALEERD, SignaalStatus.BELEIDSREACTIE]
    if status not in volgorde:
        return set()
    return set(volgorde[: volgorde.index(status)])


# --- bewaartermijn --------------------------------------------------------------------------------
@transaction.atomic
def signalen_anonimiseren(*, vandaag: date | None = None) -> int:
    """Remove the free text of signals older than the retention period (counts stay), also from
    their history, and log it per buurt. Idempotent: anonymised signals are skipped."""
    vandaag = vandaag or timezone.localdate()
    dagen = settings.ZORGNET_BEWAARTERMIJNEN["signaal"]
    grens = vandaag - timedelta(days=dagen)
    oud = Signaal.objects.filter(datum__lt=grens, geanonimiseerd_op__isnull=True)
    per_buurt: dict[int, list[int]] = {}
    for signaal_id, buurt_id in oud.values_list("id", "buurt_id"):
        per_buurt.setdefault(buurt_id, []).append(signaal_id)
    if not per_buurt:
        return 0
    nu = timezone.now()
    totaal = 0
    for buurt in Buurt.objects.filter(id__in=per_buurt).select_related("gemeente"):
        ids = per_buurt[buurt.id]
        # A queryset update writes no new history row; the old rows lose their text as well.
        Signaal.objects.filter(id__in=ids).update(omschrijving="", geanonimiseerd_op=nu)
        Signaal.history.filter(id__in=ids).update(omschrijving="")
        fragmentcache.wijzig(buurten=[buurt.id])
        _uitkomsttekst_wissen(ids)
        for signaal_id in ids:  # replayed after a restore (zorgnet/lib/wislog.py)
            registreer_wissing("signaal", signaal_id, "geanonimiseerd")
        registreer_toegang(
            gebruiker=None,
            actie=Toegangsactie.GEWIST,
            object_type="signaal",
            omschrijving=_("%(n)d signalen geanonimiseerd (bewaartermijn %(d)d dagen)")
            % {"n": len(ids), "d": dagen},
            buurt=buurt,
        )
        totaal += len(ids)
    logger.info("signalen geanonimiseerd: %d", totaal)
    return totaal


def _uitkomsttekst_wissen(signaal_ids: list[int]) -> int:
    """A signal born in a meeting left its text on the meeting outcome too: it goes as well."""
    uitkomsten = Uitkomst.objects.filter(signaal_id__in=signaal_ids).exclude(
        omschrijving="", toelichting=""
    )
    fragmentcache.wijzig_queryset(uitkomsten)
    return uitkomsten.update(omschrijving="", toelichting="")


def signaal_opnieuw_anonimiseren(signaal_id: int) -> bool:
    """Erasure-log handler: anonymise one signal again (after a restore). Idempotent."""
    nu = timezone.now()
    bijgewerkt = (
        Signaal.objects.filter(pk=signaal_id)
        .filter(Q(geanonimiseerd_op__isnull=True) | ~Q(omschrijving=""))
        .update(omschrijving="", geanonimiseerd_op=Coalesce("geanonimiseerd_op", Value(nu)))
    )
    if bijgewerkt:
        fragmentcache.wijzig_rijen(Signaal, [signaal_id])
    historie = (
        Signaal.history.filter(id=signaal_id).exclude(omschrijving="").update(omschrijving="")
    )
    uitkomsten = _uitkomsttekst_wissen([signaal_id])
    return bool(bijgewerkt or historie or uitkomsten)
