from celery import shared_task
from django.db import InterfaceError, OperationalError

TRANSIENT = (OperationalError, InterfaceError)


@shared_task
def lang_rapport_maken(bestand_id: int) -> None:
    """Generate one report file (long queue). Idempotent: a finished file is not made again."""
    from .services import maak_bestand

    maak_bestand(bestand_id=bestand_id)


# The default queue, not "long": a preview is interactive and takes seconds, so it should not wait
# behind network analyses and gemeente PDFs. The time limit stays below VOORBEELD_VASTGELOPEN_NA.
@shared_task(bind=True, max_retries=3, acks_late=True, soft_time_limit=600, time_limit=660)
def voorbeeld_maken(self, voorbeeld_id: int) -> None:
    """Render one report preview; retry only when the database was briefly unavailable."""
    from . import services

    try:
        services.maak_voorbeeld(voorbeeld_id=voorbeeld_id)
    except TRANSIENT as exc:
        if self.request.retries >= self.max_retries:
            services.markeer_voorbeeld_mislukt(voorbeeld_id=voorbeeld_id, fout=exc)
            return
        services.voorbeeld_terug_in_wachtrij(voorbeeld_id=voorbeeld_id)
        raise self.retry(exc=exc, countdown=2 * 2**self.request.retries) from exc
    except Exception as exc:  # noqa: BLE001 - also the time limit: a readable 'mislukt', no retry loop
        services.markeer_voorbeeld_mislukt(voorbeeld_id=voorbeeld_id, fout=exc)
