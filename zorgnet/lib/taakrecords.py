"""The life of a record made by a job (BestandStatus): claim, finish, fail, as conditional UPDATEs.

Used by the big XLSX export (activiteiten.ExportBestand) and the report preview
(rapport.RapportVoorbeeld); both carry `status`, `gestart_op`, `klaar_op` and `fout`. Each step only
moves a record from the state it expects, so a duplicate delivery of a job, or a late worker after
its record was declared stuck, changes nothing.
"""

from django.db.models import Model, QuerySet
from django.utils import timezone

from .choices import BestandStatus


def claim(model: type[Model], pk: int) -> bool:
    """wachtend -> bezig; False when another job has it or it is no longer queued."""
    return bool(
        model.objects.filter(pk=pk, status=BestandStatus.WACHTEND).update(
            status=BestandStatus.BEZIG, gestart_op=timezone.now(), fout=""
        )
    )


def rond_af(model: type[Model], pk: int, **velden) -> bool:
    """bezig -> klaar with the result fields; False when it was declared stuck meanwhile."""
    return bool(
        model.objects.filter(pk=pk, status=BestandStatus.BEZIG).update(
            status=BestandStatus.KLAAR, klaar_op=timezone.now(), fout="", **velden
        )
    )


def markeer_mislukt(records: QuerySet, melding: str, **velden) -> int:
    """Any unfinished record of `records` -> mislukt with a Dutch message; finished ones stay."""
    return records.exclude(status=BestandStatus.KLAAR).update(
        status=BestandStatus.MISLUKT, fout=melding, **velden
    )
