"""Re-apply every erasure and anonymisation from the erasure log (after restoring a backup)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from zorgnet.toegang.wissingen import herhaal_wissingen


class Command(BaseCommand):
    help = "Past alle gelogde wissingen en anonimiseringen opnieuw toe (na een restore)."

    def handle(self, *args, **options):
        with transaction.atomic():
            gelogd, opnieuw = herhaal_wissingen()
        self.stdout.write(f"{gelogd} wissingen in het logboek, {opnieuw} opnieuw toegepast.")
