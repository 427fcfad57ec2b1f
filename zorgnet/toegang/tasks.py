from celery import shared_task


@shared_task
def bewaartermijnen_toepassen() -> dict[str, int]:
    """Daily (beat): apply the retention periods of every object type. Idempotent."""
    from .bewaren import bewaartermijnen_toepassen as toepassen

    return toepassen()
