"""Writes for buurten, memberships and the access log."""

import functools
import logging
from collections.abc import Callable
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Buurt, Gemeente, Lidmaatschap, Rol, Toegangsactie, Toegangsgebeurtenis
from .permissions import is_partner_in, kan_rapporteren, leden

logger = logging.getLogger(__name__)


@transaction.atomic
def lidmaatschap_toevoegen(
    *,
    gebruiker: AbstractBaseUser,
    rol: str,
    buurt: Buurt | None = None,
    gemeente: Gemeente | None = None,
    partner=None,
) -> Lidmaatschap:
    """Give a user a role in a buurt, or (coordinators) in a gemeente. Idempotent."""
    if rol == Rol.COORDINATOR and gemeente is None:
        raise ValidationError(_("Een coördinator hoort bij een gemeente."))
    if rol != Rol.COORDINATOR and buurt is None:
        raise ValidationError(_("Deze rol hoort bij een buurt."))
    if rol == Rol.PARTNER and partner is None:
        raise ValidationError(_("Een partnergebruiker treedt op voor een partnerorganisatie."))
    if partner is not None and buurt is not None and partner.gemeente_id != buurt.gemeente_id:
        raise ValidationError(_("De partner hoort niet bij de gemeente van deze buurt."))
    lid, _created = Lidmaatschap.objects.get_or_create(
        gebruiker=gebruiker,
        rol=rol,
        buurt=buurt if rol != Rol.COORDINATOR else None,
        gemeente=gemeente if rol == Rol.COORDINATOR else None,
        defaults={"partner": partner},
    )
    if partner is not None and lid.partner_id != partner.id:
        lid.partner = partner
        lid.full_clean()
        lid.save(update_fields=["partner"])
    if hasattr(gebruiker, "_zorgnet_leden"):
        del gebruiker._zorgnet_leden
    lid.nieuw = _created
    return lid


def hoofdrol(user) -> str:
    """The most powerful role a user holds, for the access log."""
    if user.is_superuser:
        return "beheerder"
    rollen = {lid.rol for lid in leden(user)}
    for rol in (Rol.REGISSEUR, Rol.COORDINATOR, Rol.PARTNER, Rol.LEZER):
        if rol in rollen:
            return str(rol)
    return ""


def registreer_toegang(
    *,
    gebruiker,
    actie: str,
    object_type: str,
    object_id: object = "",
    omschrijving: str = "",
    buurt: Buurt | None = None,
    gemeente: Gemeente | None = None,
) -> Toegangsgebeurtenis:
    """Record who read, exported, downloaded or was refused what; never the content itself."""
    if actie not in Toegangsactie.values:
        raise ValueError(f"onbekende toegangsactie {actie!r}")
    return Toegangsgebeurtenis.objects.create(
        gebruiker=gebruiker if getattr(gebruiker, "is_authenticated", False) else None,
        rol=hoofdrol(gebruiker) if getattr(gebruiker, "is_authenticated", False) else "",
        actie=actie,
        object_type=object_type,
        object_id=str(object_id)[:40],
        omschrijving=omschrijving[:200],
        buurt=buurt,
        gemeente=gemeente or (buurt.gemeente if buurt else None),
    )


def registreer_weigering(
    *, gebruiker, url_naam: str, kwargs: dict, status: int, methode: str = "GET"
) -> Toegangsgebeurtenis | None:
    """Log a refused request (403 or 404): who, and which object type and id the URL named.

    Only ids taken from the URL are kept, never content. Anonymous requests are not logged (they
    are sent to the login page before any decision about an object is made).
    """
    if not getattr(gebruiker, "is_authenticated", False):
        return None
    ids = [(k, v) for k, v in kwargs.items() if k.endswith("_id")]
    objecten = [(k, v) for k, v in ids if k not in ("buurt_id", "gemeente_id")]
    if objecten:
        object_type, object_id = objecten[-1][0][:-3], objecten[-1][1]
    elif ids:
        object_type, object_id = ids[0][0][:-3], ids[0][1]
    else:
        object_type, object_id = "pagina", ""
    buurt_id = gemeente_id = None
    if "buurt_id" in kwargs:
        rij = Buurt.objects.filter(pk=kwargs["buurt_id"]).values_list("id", "gemeente_id").first()
        if rij:
            buurt_id, gemeente_id = rij
    elif "gemeente_id" in kwargs and Gemeente.objects.filter(pk=kwargs["gemeente_id"]).exists():
        gemeente_id = kwargs["gemeente_id"]
    return Toegangsgebeurtenis.objects.create(
        gebruiker=gebruiker,
        rol=hoofdrol(gebruiker),
        actie=Toegangsactie.GEWEIGERD,
        object_type=object_type[:60],
        object_id=str(object_id)[:40],
        omschrijving=f"{status} {methode} {url_naam}"[:200],
        buurt_id=buurt_id,
        gemeente_id=gemeente_id,
    )


class ExportlimietBereikt(PermissionDenied):
    """A partner account reached its daily number of exports (answered with 429)."""


def is_partneraccount(user, buurt: Buurt) -> bool:
    """A user who acts for a partner organisation here, without a managing or reporting role."""
    return (
        getattr(user, "is_authenticated", False)
        and not user.is_superuser
        and is_partner_in(user, buurt)
        and not kan_rapporteren(user, buurt)
    )


def exports_vandaag(user) -> int:
    """Exports and downloads this user made today (local time)."""
    begin = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    return Toegangsgebeurtenis.objects.filter(
        gebruiker=user,
        actie__in=[Toegangsactie.EXPORT, Toegangsactie.DOWNLOAD],
        tijdstip__gte=begin,
    ).count()


def controleer_exportlimiet(user, buurt: Buurt) -> None:
    """Refuse (and log) an export once a partner account used up its exports for today.

    Export and download views get it through the `exportlimiet` decorator.
    """
    if not is_partneraccount(user, buurt):
        return
    limiet = settings.ZORGNET_PARTNER_EXPORTS_PER_DAG
    if exports_vandaag(user) < limiet:
        return
    registreer_toegang(
        gebruiker=user,
        actie=Toegangsactie.GEWEIGERD,
        object_type="export",
        omschrijving=f"exportlimiet bereikt ({limiet} per dag)",
        buurt=buurt,
    )
    raise ExportlimietBereikt(
        _(
            "Je hebt vandaag al %(n)d exports gemaakt, het maximum voor een partneraccount. "
            "Probeer morgen opnieuw of vraag het de buurtregisseur."
        )
        % {"n": limiet}
    )


def exportlimiet(view: Callable | None = None, *, alleen_als: Callable | None = None) -> Callable:
    """Decorator for every view that exports or downloads: the partner's daily export limit.

    Before the view runs, a partner account that used up its exports for today
    (`controleer_exportlimiet`) gets 429 with a Dutch message (WeigeringenMiddleware). The buurt
    comes from the URL's `buurt_id`; a view without one (gemeente reports) is not reachable by a
    partner account. `alleen_als(request)` limits the check to the download variant of a page
    (the meeting sheet is a page, its PDF a download). Views carry `exportlimiet = True`, which
    tests/toegang/test_exportlimiet.py checks for every export and download URL."""

    def decorator(functie: Callable) -> Callable:
        @functools.wraps(functie)
        def omhulsel(request, *args, **kwargs):
            if alleen_als is None or alleen_als(request):
                buurt = Buurt.objects.filter(pk=kwargs.get("buurt_id")).first()
                if buurt is not None:
                    controleer_exportlimiet(request.user, buurt)
            return functie(request, *args, **kwargs)

        omhulsel.exportlimiet = True
        return omhulsel

    return decorator(view) if view is not None else decorator


@transaction.atomic
def toegangslog_opschonen(*, vandaag=None) -> int:
    """Delete access events older than the retention period, and record how many. Idempotent."""
    dagen = settings.ZORGNET_BEWAARTERMIJNEN["toegangsgebeurtenis"]
    vandaag = vandaag or timezone.localdate()
    grens = timezone.make_aware(datetime.combine(vandaag - timedelta(days=dagen), time.min))
    aantal, _per_model = Toegangsgebeurtenis.objects.filter(tijdstip__lt=grens).delete()
    if aantal:
        registreer_toegang(
            gebruiker=None,
            actie=Toegangsactie.GEWIST,
            object_type="toegangsgebeurtenis",
            omschrijving=f"{aantal} toegangsgebeurtenissen verwijderd (bewaartermijn {dagen} dagen)",
        )
        logger.info("toegangsgebeurtenissen verwijderd: %d", aantal)
    return aantal


# --- people management: memberships changed in the product (zorgnet/toegang/leden) --------------
BUURTROLLEN_TE_BEHEREN = (Rol.PARTNER, Rol.LEZER)


def _vergeet_leden(gebruiker) -> None:
    if hasattr(gebruiker, "_zorgnet_leden"):
        del gebruiker._zorgnet_leden


def _log_lidmaatschap(*, door, lid: Lidmaatschap, wat: str) -> None:
    registreer_toegang(
        gebruiker=door,
        actie=Toegangsactie.LIDMAATSCHAP,
        object_type="lidmaatschap",
        object_id=lid.pk,
        omschrijving=f"{wat}: gebruiker {lid.gebruiker_id} als {lid.rol}",
        buurt=lid.buurt,
        gemeente=lid.gemeente,
    )


def lidmaatschap_registreren(*, door, lid: Lidmaatschap, wat: str) -> None:
    """Log a membership change in the access log (the history table records it too)."""
    _log_lidmaatschap(door=door, lid=lid, wat=wat)


@transaction.atomic
def lidmaatschap_wijzigen(*, lidmaatschap: Lidmaatschap, rol: str, door) -> Lidmaatschap:
    """The regisseur switches a member between partner user and lezer."""
    lid = Lidmaatschap.objects.select_for_update().get(pk=lidmaatschap.pk)
    if rol not in BUURTROLLEN_TE_BEHEREN or lid.rol not in BUURTROLLEN_TE_BEHEREN:
        raise ValidationError(_("Je kan hier alleen wisselen tussen partnergebruiker en lezer."))
    if rol == lid.rol:
        return lid
    if rol == Rol.PARTNER and lid.partner_id is None:
        raise ValidationError(
            _(
                "Een partnergebruiker treedt op voor een partnerorganisatie: nodig die persoon uit als contactpersoon van een partner."
            )
        )
    if Lidmaatschap.objects.filter(
        gebruiker_id=lid.gebruiker_id, buurt_id=lid.buurt_id, rol=rol
    ).exists():
        raise ValidationError(_("Deze persoon heeft die rol al in deze buurt."))
    vorige = lid.rol
    lid.rol = rol
    lid.full_clean()
    lid.save(update_fields=["rol"])
    _vergeet_leden(lid.gebruiker)
    _log_lidmaatschap(door=door, lid=lid, wat=f"rol gewijzigd van {vorige}")
    return lid


@transaction.atomic
def lidmaatschap_beeindigen(*, lidmaatschap: Lidmaatschap, door) -> None:
    """End a membership; the history keeps the deleted row, the access log who did it."""
    lid = Lidmaatschap.objects.select_for_update().get(pk=lidmaatschap.pk)
    if lid.gebruiker_id == getattr(door, "pk", None):
        raise ValidationError(_("Je kan je eigen lidmaatschap niet beëindigen."))
    if lid.rol == Rol.COORDINATOR:
        raise ValidationError(_("Een coördinator beheer je niet vanuit een buurt."))
    _log_lidmaatschap(door=door, lid=lid, wat="beëindigd")
    lid.delete()


@transaction.atomic
def buurt_aanmaken(*, gemeente: Gemeente, gegevens: dict, door) -> Buurt:
    """A coordinator adds a buurt to the gemeente."""
    naam = (gegevens.get("naam") or "").strip()
    if Buurt.objects.filter(gemeente=gemeente, naam__iexact=naam).exists():
        raise ValidationError({"naam": _("Deze gemeente heeft al een buurt met die naam.")})
    buurt = Buurt(gemeente=gemeente, **{**gegevens, "naam": naam})
    buurt.full_clean()
    buurt.save()
    registreer_toegang(
        gebruiker=door,
        actie=Toegangsactie.LIDMAATSCHAP,
        object_type="buurt",
        object_id=buurt.pk,
        omschrijving="buurt aangemaakt",
        buurt=buurt,
    )
    return buurt
