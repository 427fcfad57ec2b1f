from celery import shared_task


@shared_task
def anonimiseer_signalen() -> int:
    """Daily (beat): strip the free text of signals past the retention period. Idempotent."""
    from .acties_services import signalen_anonimiseren

    return signalen_anonimiseren()
