from celery import shared_task
from django.utils import timezone

from .models import Hartslag


@shared_task
def hartslag(bron: str = "worker") -> None:
    """Record that a worker is alive (beat schedules it; the health endpoint reads it)."""
    Hartslag.objects.update_or_create(bron=bron[:80], defaults={"tijdstip": timezone.now()})
