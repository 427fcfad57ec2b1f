from celery import shared_task


@shared_task
def anonimiseer_signalen() -> int:
    """Daily (beat): strip the free text of signals past the retention period. Idempotent."""
    from .acties_services import signalen_anonimiseren

    return signalen_anonimiseren()


@shared_task
def lang_export_maken(exportbestand_id: int) -> None:
    """Write one large XLSX export (long queue). Idempotent: only a queued export is claimed."""
    from .export_services import maak_exportbestand

    maak_exportbestand(bestand_id=exportbestand_id)


@shared_task
def exports_vastgelopen_afsluiten() -> int:
    """Beat: exports whose worker died while 'bezig' are marked failed; exports whose message was
    lost while 'wachtend' are queued again."""
    from .export_services import vastgelopen_exports_afsluiten, wachtende_exports_opnieuw_aanbieden

    return vastgelopen_exports_afsluiten() + wachtende_exports_opnieuw_aanbieden()
