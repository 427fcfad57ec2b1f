"""Writes for the action export (issue 11): an XLSX too large for a request becomes a job.

The job takes the id of an ExportBestand, claims it with a conditional UPDATE (only one worker ever
writes it), streams the rows from a server-side cursor into a write-only workbook in a temporary
file, and only then stores the file and marks it 'klaar'. A failure leaves no file behind and
propagates: the job (TaakrecordTaak) retries a transient one and marks any other 'mislukt' with
a message for the regisseur.
"""

import logging
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activiteiten.acties.filters import ActieFilter
from activiteiten.exports import selectors
from activiteiten.models import Actie, ExportBestand, ExportSoort
from buurten.models import Buurt, Toegangsactie
from buurten.services import registreer_toegang
from zorgnet.lib import taakrecords
from zorgnet.lib.exports import xlsx_schrijven

log = logging.getLogger(__name__)


# --- filters: stored as the strings the filter form accepts, parsed again by the job ------------
def filters_als_json(filters: dict) -> dict[str, str]:
    """Cleaned values of ActieFilter as JSON-safe strings (a pakket by its id)."""
    uit: dict[str, str] = {}
    for naam, waarde in filters.items():
        if waarde in (None, ""):
            continue
        if hasattr(waarde, "pk"):
            waarde = waarde.pk
        elif isinstance(waarde, date):
            waarde = waarde.isoformat()
        uit[naam] = str(waarde)
    return uit


def filters_uit_json(buurt: Buurt, gegevens: dict) -> dict:
    """The stored filters, validated again; a filter that no longer holds (a pakket was deleted)
    fails the export rather than silently exporting every action."""
    filters = ActieFilter(gegevens, queryset=Actie.objects.none(), buurt=buurt)
    if filters.ongeldig:
        raise ValidationError(
            _(
                "De filters van deze export gelden niet meer (werd een activiteitenpakket "
                "verwijderd?). Vraag de export opnieuw aan vanuit de lijst met acties."
            )
        )
    return filters.waarden()


# --- requesting --------------------------------------------------------------------------------
@transaction.atomic
def vraag_export_aan(
    *, gebruiker, buurt: Buurt, filters: dict, aantal: int | None = None
) -> ExportBestand:
    """Queue an XLSX export of the buurt's actions. The caller authorised the user (regisseur);
    `filters` are the cleaned values of ActieFilter. Logged as an export."""
    bestand = ExportBestand(
        buurt=buurt,
        soort=ExportSoort.ACTIES,
        filters=filters_als_json(filters),
        aangevraagd_door=gebruiker,
    )
    bestand.full_clean()
    bestand.save()
    registreer_toegang(
        gebruiker=gebruiker,
        actie=Toegangsactie.EXPORT,
        object_type="exportbestand",
        object_id=bestand.pk,
        omschrijving=f"export acties (xlsx, {aantal if aantal is not None else '?'} rijen) "
        "als achtergrondtaak aangevraagd",
        buurt=buurt,
    )
    from activiteiten.exports.tasks import lang_export_maken

    lang_export_maken.delay_on_commit(bestand.pk)
    return bestand


# --- the job -----------------------------------------------------------------------------------
def maak_exportbestand(*, bestand_id: int) -> ExportBestand | None:
    """Write the file of a queued export; None when it is not (or no longer) queued."""
    if not taakrecords.claim(ExportBestand, bestand_id):
        return None
    bestand = ExportBestand.objects.select_related("buurt").get(pk=bestand_id)
    opgeslagen = ""
    try:
        filters = filters_uit_json(bestand.buurt, bestand.filters)
        qs = selectors.acties_voor_export(bestand.buurt, filters)
        with tempfile.TemporaryDirectory(prefix="zorgnet-export-") as map_:
            pad = Path(map_) / "export.xlsx"
            aantal = xlsx_schrijven(
                {"acties": (selectors.KOLOMMEN, selectors.actie_rijen(qs))}, pad
            )
            with pad.open("rb") as f:
                bestand.bestand.save(bestand.bestandsnaam(), File(f), save=False)
            opgeslagen = bestand.bestand.name
        klaar = taakrecords.rond_af(
            ExportBestand, bestand_id, bestand=opgeslagen, aantal_rijen=aantal
        )
    except BaseException:
        _verwijder_bestand(opgeslagen)
        raise
    if not klaar:  # declared stuck and failed meanwhile: do not keep an orphan file
        _verwijder_bestand(opgeslagen)
    bestand.refresh_from_db()
    return bestand


def _verwijder_bestand(naam: str) -> None:
    if naam:
        ExportBestand._meta.get_field("bestand").storage.delete(naam)


# --- download and retention --------------------------------------------------------------------
def registreer_download(*, gebruiker, bestand: ExportBestand) -> None:
    registreer_toegang(
        gebruiker=gebruiker,
        actie=Toegangsactie.DOWNLOAD,
        object_type="exportbestand",
        object_id=bestand.pk,
        omschrijving=f"export {bestand.soort} (xlsx, {bestand.aantal_rijen} rijen) gedownload",
        buurt=bestand.buurt,
    )


def exportbestanden_opruimen(*, vandaag: date | None = None) -> int:
    """Delete export files (record and file) older than the retention period, and log it per
    buurt. Files go only once the deletion is committed. Idempotent."""
    dagen = settings.ZORGNET_BEWAARTERMIJNEN["exportbestand"]
    vandaag = vandaag or timezone.localdate()
    grens = timezone.make_aware(datetime.combine(vandaag - timedelta(days=dagen), time.min))
    oud = list(
        ExportBestand.objects.filter(aangemaakt_op__lt=grens).values_list(
            "id", "buurt_id", "bestand"
        )
    )
    if not oud:
        return 0
    ExportBestand.objects.filter(pk__in=[i for i, _b, _n in oud]).delete()
    namen = [naam for _i, _b, naam in oud if naam]
    transaction.on_commit(lambda: [_verwijder_bestand(naam) for naam in namen])
    per_buurt: dict[int, int] = {}
    for _i, buurt_id, _n in oud:
        per_buurt[buurt_id] = per_buurt.get(buurt_id, 0) + 1
    for buurt in Buurt.objects.filter(pk__in=per_buurt).select_related("gemeente"):
        registreer_toegang(
            gebruiker=None,
            actie=Toegangsactie.GEWIST,
            object_type="exportbestand",
            omschrijving=f"{per_buurt[buurt.pk]} exportbestanden verwijderd "
            f"(bewaartermijn {dagen} dagen)",
            buurt=buurt,
        )
    log.info("exportbestanden verwijderd: %d", len(oud))
    return len(oud)
