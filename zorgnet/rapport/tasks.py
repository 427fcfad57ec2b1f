from celery import shared_task


@shared_task
def lang_rapport_maken(bestand_id: int) -> None:
    """Generate one report file (long queue). Idempotent: a finished file is not made again."""
    from .services import maak_bestand

    maak_bestand(bestand_id=bestand_id)
