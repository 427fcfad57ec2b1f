"""Jobs of the network analysis: thin, take ids, call one service. Task names stay those the broker
knew when these lived in `partners`, so a message queued before an upgrade still finds its task.

`lang_*` tasks are routed to the queue "long" (zorgnet/celery.py), so a big network analysis
does not hold up short jobs. Retries on transient errors and the failed state come from
TaakrecordTaak (zorgnet.lib.taakrecords).
"""

from celery import shared_task

from zorgnet.lib import taakrecords
from zorgnet.netwerkanalyse import services as netwerk_services
from zorgnet.netwerkanalyse.models import NetwerkAnalyse


@shared_task(
    name="partners.tasks.lang_bereken_netwerk",
    base=taakrecords.TaakrecordTaak,
    taakrecord="netwerkanalyse.NetwerkAnalyse",
)
def lang_bereken_netwerk(analyse_id: int) -> None:
    """Compute one network analysis run. Idempotent: only a queued run is claimed."""
    netwerk_services.voer_analyse_uit(analyse_id=analyse_id)


@shared_task(name="partners.tasks.netwerk_snapshots")
def netwerk_snapshots() -> int:
    """Beat: the periodic snapshot of every network (unchanged networks reuse the last run)."""
    return netwerk_services.plan_snapshots()


@shared_task(name="partners.tasks.netwerk_vastgelopen_resetten")
def netwerk_vastgelopen_resetten() -> int:
    """Beat: runs stuck in 'bezig' go back to the queue (or fail after too many tries); runs whose
    message was lost are queued again."""
    return taakrecords.reset_vastgelopen(NetwerkAnalyse, lang_bereken_netwerk.delay)
