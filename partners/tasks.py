"""Jobs of the partner app: a large partner, contact or relation import (issue 16). Retries on
transient errors and the failed state come from TaakrecordTaak (zorgnet.lib.taakrecords); the
network-metric jobs that used to live here are in zorgnet/netwerkanalyse/tasks.py."""

from celery import shared_task

from partners import services
from partners.models import Importtaak
from zorgnet.lib import taakrecords


@shared_task(
    name="partners.tasks.lang_import_uitvoeren",
    base=taakrecords.TaakrecordTaak,
    taakrecord="partners.Importtaak",
)
def lang_import_uitvoeren(importtaak_id: int) -> None:
    """Dry run or import of one large file (long queue). Idempotent: only a queued job is claimed;
    the import is one transaction, so a retry after a failure starts from nothing written."""
    services.voer_importtaak_uit(taak_id=importtaak_id)


@shared_task(name="partners.tasks.importen_vastgelopen_afsluiten")
def importen_vastgelopen_afsluiten() -> int:
    """Beat: import jobs whose worker died are failed; lost messages are offered again; the file
    content of jobs older than its one-hour validity is cleared."""
    services.vergeet_oude_importinhoud()
    return taakrecords.reset_vastgelopen(Importtaak, lang_import_uitvoeren.delay)
