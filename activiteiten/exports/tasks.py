"""Jobs of the big XLSX export. Task names stay those the broker knew before the move to this
package, so a message queued before an upgrade still finds its task. Retries on transient errors
and the failed state come from TaakrecordTaak (zorgnet.lib.taakrecords)."""

from celery import shared_task

from activiteiten.exports import services
from activiteiten.models import ExportBestand
from zorgnet.lib import taakrecords


@shared_task(
    name="activiteiten.tasks.lang_export_maken",
    base=taakrecords.TaakrecordTaak,
    taakrecord="activiteiten.ExportBestand",
)
def lang_export_maken(exportbestand_id: int) -> None:
    """Write one large XLSX export (long queue). Idempotent: only a queued export is claimed."""
    services.maak_exportbestand(bestand_id=exportbestand_id)


@shared_task(name="activiteiten.tasks.exports_vastgelopen_afsluiten")
def exports_vastgelopen_afsluiten() -> int:
    """Beat: exports whose worker died while 'bezig' are marked failed; exports whose message was
    lost while 'wachtend' are queued again."""
    return taakrecords.reset_vastgelopen(ExportBestand, lang_export_maken.delay)
