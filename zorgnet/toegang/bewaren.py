"""The daily retention job: applies ZORGNET_BEWAARTERMIJNEN to every object type."""

from datetime import date

from django.db import transaction

from activiteiten.acties.services import signalen_anonimiseren
from activiteiten.exports.services import exportbestanden_opruimen
from buurten.services import toegangslog_opschonen
from partners.services import importtaken_opruimen


@transaction.atomic
def bewaartermijnen_toepassen(*, vandaag: date | None = None) -> dict[str, int]:
    """Anonymise old signals, delete old export files, import jobs and access events; each step logs
    what it did (a 'gewist' access event, and the erasure log for signals). Idempotent."""
    return {
        "signaal": signalen_anonimiseren(vandaag=vandaag),
        "exportbestand": exportbestanden_opruimen(vandaag=vandaag),
        "importtaak": importtaken_opruimen(vandaag=vandaag),
        "toegangsgebeurtenis": toegangslog_opschonen(vandaag=vandaag),
    }
