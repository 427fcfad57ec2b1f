"""GDPR access and erasure for a Contactpersoon (DESIGN.md §5): everything stored about one
person, and its erasure (also in history), recorded in the erasure log."""

from datetime import date, datetime
from decimal import Decimal

from django.core.files.storage import default_storage
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from buurten.models import Buurt, Toegangsactie
from buurten.services import registreer_toegang
from zorgnet.lib import fragmentcache
from zorgnet.lib.exports import csv_rijen
from zorgnet.lib.wislog import registreer_wissing

from .models import Contactpersoon, Mandaat, Netwerkrol

GEWIST = "[gewist]"
# What an erased person's fields become; the record stays so mandates and roles keep their holder.
GEWISTE_WAARDEN = {
    "voornaam": GEWIST,
    "achternaam": "",
    "functie": "",
    "foto": "",
    "wat_ik_doe": "",
    "email": "",
    "telefoon": "",
    "toestemming_contactgegevens": False,
    "toestemming_op": None,
}
PERSOONSVELDEN = [
    "voornaam",
    "achternaam",
    "functie",
    "foto",
    "wat_ik_doe",
    "email",
    "telefoon",
    "toestemming_contactgegevens",
    "toestemming_op",
    "aangemaakt_op",
]


def _waarde(v):
    if isinstance(v, datetime | date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return str(v)
    if hasattr(v, "name") and hasattr(v, "storage"):  # a FieldFile
        return v.name or ""
    return v


def contactpersoon_gegevens(*, contactpersoon: Contactpersoon) -> dict:
    """Everything zorgnet stores about this person (GDPR right of access), as plain data."""
    persoon = contactpersoon
    mandaten = Mandaat.objects.filter(contactpersoon=persoon).select_related("buurt")
    rollen = Netwerkrol.objects.filter(contactpersoon=persoon).select_related("buurt")
    backup = Netwerkrol.objects.filter(backup=persoon).select_related("buurt", "contactpersoon")
    geschiedenis = persoon.history.select_related("history_user").order_by("history_date")
    return {
        "contactpersoon": {
            "id": persoon.id,
            "partner": persoon.partner.naam,
            **{veld: _waarde(getattr(persoon, veld)) for veld in PERSOONSVELDEN},
        },
        "mandaten": [
            {
                "buurt": m.buurt.naam,
                **{k: _waarde(v) for k, v in model_to_dict(m, exclude=["id", "buurt"]).items()},
            }
            for m in mandaten
        ],
        "netwerkrollen": [
            {
                "buurt": r.buurt.naam,
                "rol": r.rol,
                "formeel": r.formeel,
                "toelichting": r.toelichting,
            }
            for r in rollen
        ],
        "backup_voor": [
            {"buurt": r.buurt.naam, "rol": r.rol, "van": str(r.contactpersoon)} for r in backup
        ],
        "geschiedenis": [
            {
                "tijdstip": h.history_date.isoformat(),
                "soort": h.get_history_type_display(),
                "door": h.history_user.get_username() if h.history_user else "",
                **{veld: _waarde(getattr(h, veld)) for veld in PERSOONSVELDEN},
            }
            for h in geschiedenis
        ],
        "geexporteerd_op": timezone.now().isoformat(),
    }


def gegevens_als_csv(gegevens: dict) -> str:
    """The same data as CSV rows: onderdeel, nummer, veld, waarde (the one export writer, so a
    formula or control character in the person's own text stays harmless)."""
    return "".join(csv_rijen(["onderdeel", "nummer", "veld", "waarde"], _csv_regels(gegevens)))


def _csv_regels(gegevens: dict):
    for onderdeel, inhoud in gegevens.items():
        if isinstance(inhoud, dict):
            for veld, waarde in inhoud.items():
                yield [onderdeel, 1, veld, waarde]
        elif isinstance(inhoud, list):
            for nummer, rij in enumerate(inhoud, start=1):
                for veld, waarde in rij.items():
                    yield [onderdeel, nummer, veld, waarde]
        else:
            yield [onderdeel, 1, "", inhoud]


def _wis_fotos(paden: set[str]) -> None:
    for pad in paden:
        if pad and default_storage.exists(pad):
            default_storage.delete(pad)


def _wis(contactpersoon_id: int) -> bool:
    """Anonymise the person and every history row; delete the photos. True if anything changed."""
    persoon = Contactpersoon.objects.filter(pk=contactpersoon_id)
    historie = Contactpersoon.history.filter(id=contactpersoon_id)
    fotos = set(persoon.exclude(foto="").values_list("foto", flat=True))
    fotos |= set(historie.exclude(foto="").values_list("foto", flat=True))
    nog_niet_gewist = (
        persoon.exclude(**GEWISTE_WAARDEN).exists() or historie.exclude(**GEWISTE_WAARDEN).exists()
    )
    # Queryset updates: no new history row keeps the old values, and the old rows lose them.
    persoon.update(**GEWISTE_WAARDEN)
    fragmentcache.wijzig_queryset(persoon)
    historie.update(**GEWISTE_WAARDEN)
    transaction.on_commit(lambda: _wis_fotos(fotos))
    return bool(nog_niet_gewist or fotos)


@transaction.atomic
def contactpersoon_wissen(*, contactpersoon: Contactpersoon, door, buurt: Buurt) -> Contactpersoon:
    """GDPR erasure: the person's data and photo go, also from history; logged twice (access log
    for who did it, erasure log to re-apply it after a restore)."""
    _wis(contactpersoon.id)
    registreer_wissing("contactpersoon", contactpersoon.id, "gewist")
    registreer_toegang(
        gebruiker=door,
        actie=Toegangsactie.GEWIST,
        object_type="contactpersoon",
        object_id=contactpersoon.id,
        omschrijving="persoonsgegevens gewist (AVG)",
        buurt=buurt,
    )
    contactpersoon.refresh_from_db()
    return contactpersoon


def contactpersoon_opnieuw_wissen(contactpersoon_id: int) -> bool:
    """Erasure-log handler (after a restore). Idempotent; unknown ids are ignored."""
    return _wis(contactpersoon_id)
