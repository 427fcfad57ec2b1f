"""Jobs of the network analysis: thin, take ids, call one service. Task names stay those the broker
knew when these lived in `partners`, so a message queued before an upgrade still finds its task.

`lang_*` tasks are routed to the queue "long" (zorgnet/celery.py), so a big network analysis
does not hold up short jobs.
"""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from zorgnet.netwerkanalyse import services as netwerk_services

TRANSIENT = (OperationalError, InterfaceError)


@shared_task(name="partners.tasks.lang_bereken_netwerk", bind=True, max_retries=3, acks_late=True)
def lang_bereken_netwerk(self, analyse_id: int) -> None:
    """Compute one network analysis run; retry only when the database was briefly unavailable."""
    try:
        netwerk_services.voer_analyse_uit(analyse_id=analyse_id)
    except TRANSIENT as exc:
        if self.request.retries >= self.max_retries:
            netwerk_services.markeer_mislukt(analyse_id=analyse_id, fout=exc)
            return
        netwerk_services.terug_in_wachtrij(analyse_id=analyse_id)
        raise self.retry(exc=exc, countdown=5 * 2**self.request.retries) from exc
    except Exception as exc:  # noqa: BLE001 - any other error is a readable 'mislukt', not a retry loop
        netwerk_services.markeer_mislukt(analyse_id=analyse_id, fout=exc)


@shared_task(name="partners.tasks.netwerk_snapshots")
def netwerk_snapshots() -> int:
    """Beat: the periodic snapshot of every network (unchanged networks reuse the last run)."""
    return netwerk_services.plan_snapshots()


@shared_task(name="partners.tasks.netwerk_vastgelopen_resetten")
def netwerk_vastgelopen_resetten() -> int:
    """Beat: runs stuck in 'bezig' go back to the queue (or fail after too many tries)."""
    return netwerk_services.reset_vastgelopen()
