"""People management: invite a partner's contact person (partner user or lezer) or a regisseur,
accept an invitation by setting a password, change a role, end a membership.

An invitation for someone who already has an account (same e-mail address) adds the membership
at once and tells them by mail; otherwise the mail holds a signed, expiring, single-use link.
Every change is in the history (django-simple-history) and the access log.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from buurten.meldingen.models import Mailbericht, Mailsoort, Meldingsoort
from buurten.meldingen.services import mail_inplannen, melden
from buurten.models import Buurt, Rol, Toegangsactie
from buurten.services import (
    lidmaatschap_registreren,
    lidmaatschap_toevoegen,
    registreer_toegang,
)
from partners.models import Contactpersoon
from zorgnet.lib.mail import absolute_url

from .models import Uitnodiging

logger = logging.getLogger(__name__)

ZOUT = "zorgnet.toegang.uitnodiging"
UITNODIGBARE_ROLLEN = (Rol.PARTNER, Rol.LEZER)

ONGELDIGE_LINK = _(
    "Deze uitnodigingslink is ongeldig, verlopen of al gebruikt. Vraag je buurtregisseur om een "
    "nieuwe uitnodiging."
)


def token_voor(uitnodiging: Uitnodiging) -> str:
    return signing.dumps({"u": uitnodiging.pk}, salt=ZOUT)


def uitnodiging_uit_token(token: str) -> Uitnodiging:
    """The open invitation a link names; a Dutch ValidationError when the link was tampered with,
    has expired or was used already (one message for all three: nothing to learn from it)."""
    try:
        inhoud = signing.loads(
            token, salt=ZOUT, max_age=settings.ZORGNET_UITNODIGING_GELDIG_UREN * 3600
        )
        uitnodiging = Uitnodiging.objects.select_related("buurt", "partner").get(
            pk=int(inhoud["u"]), gebruikt_op__isnull=True
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError, Uitnodiging.DoesNotExist) as e:
        raise ValidationError(str(ONGELDIGE_LINK)) from e
    return uitnodiging


def _bestaand_account(email: str):
    return get_user_model().objects.filter(email__iexact=email, is_active=True).first()


def _rolnaam(rol: str) -> str:
    return str(Rol(rol).label).lower()


def _mail_uitnodiging(uitnodiging: Uitnodiging, *, door, link: str = "") -> None:
    mail_inplannen(
        adres=uitnodiging.email,
        soort=Mailsoort.UITNODIGING,
        sjabloon="uitnodiging",
        onderwerp=_("Uitnodiging voor zorgnet: %(buurt)s") % {"buurt": uitnodiging.buurt.naam},
        context={
            "naam": uitnodiging.naam,
            "door": door.get_full_name() or door.username,
            "plaats": uitnodiging.buurt.naam,
            "rol": _rolnaam(uitnodiging.rol),
            "link": link,
            "uren": settings.ZORGNET_UITNODIGING_GELDIG_UREN,
            "gebruikersnaam": uitnodiging.email,
        },
        ontvanger=uitnodiging.gebruiker,
        door=door,
    )


def _uitnodigen(*, buurt: Buurt, email: str, naam: str, rol: str, partner, contactpersoon, door):
    try:
        validate_email(email)
    except ValidationError as e:
        raise ValidationError({"email": _("Dit is geen geldig e-mailadres.")}) from e
    uitnodiging = Uitnodiging(
        email=email.strip().lower(),
        naam=naam,
        buurt=buurt,
        rol=rol,
        partner=partner,
        contactpersoon=contactpersoon,
        uitgenodigd_door=door,
    )
    uitnodiging.full_clean()
    bestaand = _bestaand_account(uitnodiging.email)
    if bestaand is not None:
        lid = lidmaatschap_toevoegen(gebruiker=bestaand, rol=rol, buurt=buurt, partner=partner)
        uitnodiging.gebruiker = bestaand
        uitnodiging.gebruikt_op = timezone.now()
        uitnodiging.save()
        lidmaatschap_registreren(door=door, lid=lid, wat="toegevoegd (bestaand account)")
        melden(
            ontvangers=[bestaand],
            soort=Meldingsoort.LIDMAATSCHAP,
            titel=_("Je bent toegevoegd aan %(buurt)s als %(rol)s")
            % {"buurt": buurt.naam, "rol": _rolnaam(rol)},
            link=reverse("buurt_detail", args=[buurt.id]),
            buurt=buurt,
        )
        return uitnodiging
    uitnodiging.save()
    registreer_toegang(
        gebruiker=door,
        actie=Toegangsactie.LIDMAATSCHAP,
        object_type="uitnodiging",
        object_id=uitnodiging.pk,
        omschrijving=f"uitgenodigd als {rol}",
        buurt=buurt,
    )
    link = absolute_url(reverse("leden:uitnodiging_aanvaarden", args=[token_voor(uitnodiging)]))
    _mail_uitnodiging(uitnodiging, door=door, link=link)
    return uitnodiging


@transaction.atomic
def contactpersoon_uitnodigen(
    *, buurt: Buurt, contactpersoon: Contactpersoon, rol: str, door
) -> Uitnodiging:
    """The regisseur invites a contact person of a partner of this buurt."""
    if rol not in UITNODIGBARE_ROLLEN:
        raise ValidationError({"rol": _("Kies partnergebruiker of lezer.")})
    if not contactpersoon.partner.buurten.filter(pk=buurt.pk).exists():
        raise ValidationError(
            {"contactpersoon": _("Deze contactpersoon hoort niet bij een partner van deze buurt.")}
        )
    if not contactpersoon.email:
        raise ValidationError(
            {"contactpersoon": _("Deze contactpersoon heeft geen e-mailadres. Vul het eerst aan.")}
        )
    return _uitnodigen(
        buurt=buurt,
        email=contactpersoon.email,
        naam=str(contactpersoon),
        rol=rol,
        partner=contactpersoon.partner if rol == Rol.PARTNER else None,
        contactpersoon=contactpersoon,
        door=door,
    )


@transaction.atomic
def regisseur_uitnodigen(*, buurt: Buurt, email: str, naam: str, door) -> Uitnodiging:
    """The coordinator invites the regisseur of a buurt of the gemeente."""
    return _uitnodigen(
        buurt=buurt,
        email=(email or "").strip(),
        naam=(naam or "").strip(),
        rol=Rol.REGISSEUR,
        partner=None,
        contactpersoon=None,
        door=door,
    )


@transaction.atomic
def uitnodiging_aanvaarden(*, token: str, wachtwoord1: str, wachtwoord2: str):
    """Set the password and create the account; the link is used up. Nothing is written when the
    link is not valid or the password is refused (Django's validators, in Dutch)."""
    uitnodiging = uitnodiging_uit_token(token)
    uitnodiging = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
    if uitnodiging.gebruikt_op is not None:
        raise ValidationError(str(ONGELDIGE_LINK))
    if wachtwoord1 != wachtwoord2:
        raise ValidationError({"wachtwoord2": _("De twee wachtwoorden zijn niet gelijk.")})
    User = get_user_model()
    gebruiker = _bestaand_account(uitnodiging.email)
    if gebruiker is None:
        voornaam, _spatie, achternaam = uitnodiging.naam.partition(" ")
        gebruiker = User(
            username=uitnodiging.email,
            email=uitnodiging.email,
            first_name=voornaam[:150],
            last_name=achternaam[:150],
        )
        try:
            password_validation.validate_password(wachtwoord1, user=gebruiker)
        except ValidationError as e:
            raise ValidationError({"wachtwoord1": e.messages}) from e
        gebruiker.set_password(wachtwoord1)
        gebruiker.full_clean()
        gebruiker.save()
    lid = lidmaatschap_toevoegen(
        gebruiker=gebruiker,
        rol=uitnodiging.rol,
        buurt=uitnodiging.buurt,
        partner=uitnodiging.partner,
    )
    uitnodiging.gebruiker = gebruiker
    uitnodiging.gebruikt_op = timezone.now()
    uitnodiging.save(update_fields=["gebruiker", "gebruikt_op"])
    lidmaatschap_registreren(door=gebruiker, lid=lid, wat="uitnodiging aanvaard")
    return gebruiker


def _te_veel_herstelmails(adres: str, ip_adres: str | None) -> bool:
    grens = timezone.now() - timedelta(hours=1)
    limiet = settings.ZORGNET_WACHTWOORDHERSTEL_PER_UUR
    recent = Mailbericht.objects.filter(soort=Mailsoort.WACHTWOORD, aangemaakt_op__gte=grens)
    if recent.filter(adres__iexact=adres).count() >= limiet:
        return True
    return bool(ip_adres) and recent.filter(ip_adres=ip_adres).count() >= limiet


def wachtwoordherstel_mailen(*, gebruiker, adres: str, uidb64: str, token: str, ip_adres=None):
    """The password reset mail (from Django's reset form), through the mail job; throttled per
    address and per IP address. Throttled or not, the page says the same."""
    if _te_veel_herstelmails(adres, ip_adres):
        logger.warning("wachtwoordherstel begrensd voor gebruiker %s", gebruiker.pk)
        return None
    link = absolute_url(reverse("password_reset_confirm", args=[uidb64, token]))
    return mail_inplannen(
        adres=adres,
        soort=Mailsoort.WACHTWOORD,
        sjabloon="wachtwoord",
        onderwerp=_("Je wachtwoord voor zorgnet opnieuw instellen"),
        context={"link": link, "gebruikersnaam": gebruiker.get_username()},
        ontvanger=gebruiker,
        ip_adres=ip_adres,
    )
