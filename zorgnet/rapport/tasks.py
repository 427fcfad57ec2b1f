"""Jobs of the reports: thin, take ids, call one service. Retries on transient errors and the
failed state come from TaakrecordTaak (zorgnet.lib.taakrecords). The names are the ones Celery
gave these tasks before they were explicit, so a message queued before an upgrade finds its task."""

from celery import shared_task

from zorgnet.lib import taakrecords


@shared_task(
    name="zorgnet.rapport.tasks.lang_rapport_maken",
    base=taakrecords.TaakrecordTaak,
    taakrecord="rapport.RapportBestand",
)
def lang_rapport_maken(bestand_id: int) -> None:
    """Generate one report file (long queue). Idempotent: only a queued file is claimed."""
    from .services import maak_bestand

    maak_bestand(bestand_id=bestand_id)


# The default queue, not "long": a preview is interactive and takes seconds, so it should not wait
# behind network analyses and gemeente PDFs. The time limit stays below VOORBEELD_VASTGELOPEN_NA.
@shared_task(
    name="zorgnet.rapport.tasks.voorbeeld_maken",
    base=taakrecords.TaakrecordTaak,
    taakrecord="rapport.RapportVoorbeeld",
    soft_time_limit=600,
    time_limit=660,
)
def voorbeeld_maken(voorbeeld_id: int) -> None:
    """Render one report preview. Idempotent: only a queued preview is claimed."""
    from .services import maak_voorbeeld

    maak_voorbeeld(voorbeeld_id=voorbeeld_id)


@shared_task(name="zorgnet.rapport.tasks.rapporten_opruimen")
def rapporten_opruimen() -> int:
    """Daily (beat): delete report files and previews past their retention period."""
    from .services import rapporten_opruimen as opruimen

    return opruimen()


@shared_task(name="zorgnet.rapport.tasks.rapporten_vastgelopen_resetten")
def rapporten_vastgelopen_resetten() -> int:
    """Beat: report files and previews whose worker died are marked failed; those whose message
    was lost are queued again."""
    from .models import RapportBestand, RapportVoorbeeld

    return taakrecords.reset_vastgelopen(
        RapportBestand, lang_rapport_maken.delay
    ) + taakrecords.reset_vastgelopen(RapportVoorbeeld, voorbeeld_maken.delay)
