"""Failure test: a worker killed in the middle of a network job loses no job and creates no
duplicate results (real Redis broker, real worker processes, PostgreSQL)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from partners.models import Partner, Relatie
from tests.conftest import wacht_tot
from zorgnet.lib.choices import Sector
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.netwerkanalyse.models import NetwerkAnalyse, PartnerMetriek
from zorgnet.netwerkanalyse.services import start_analyse
from zorgnet.netwerkanalyse.tasks import lang_bereken_netwerk, netwerk_vastgelopen_resetten

AANTAL_PARTNERS = 2500


def _groot_netwerk(w) -> None:
    """A network large enough that the job runs for a few seconds."""
    sectoren = list(Sector.values)
    partners = Partner.objects.bulk_create(
        Partner(
            gemeente=w.gemeente_1, naam=f"Netwerkpartner {i}", sector=sectoren[i % len(sectoren)]
        )
        for i in range(AANTAL_PARTNERS)
    )
    Partner.buurten.through.objects.bulk_create(
        Partner.buurten.through(partner_id=p.id, buurt_id=w.buurt_a.id) for p in partners
    )
    Relatie.objects.bulk_create(
        Relatie(van_partner=partners[i], naar_partner=partners[(i * 7 + k * 13 + 1) % len(partners)],
                intensiteit=1 + (i + k) % 4)
        for i in range(len(partners))
        for k in range(5)
        if partners[i].id != partners[(i * 7 + k * 13 + 1) % len(partners)].id
    )  # fmt: skip


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_loses_no_job_and_makes_no_duplicates(wereld, celery_worker_proces):
    _groot_netwerk(wereld)
    analyse = start_analyse(buurt=wereld.buurt_a)
    bezig = wacht_tot(
        lambda: NetwerkAnalyse.objects.filter(pk=analyse.pk, status=TaakStatus.BEZIG).exists(),
        seconden=60,
        interval=0.05,
    )
    assert bezig, celery_worker_proces.log.read_text()[-3000:]
    celery_worker_proces.kill()
    assert NetwerkAnalyse.objects.get(pk=analyse.pk).status == TaakStatus.BEZIG

    # What the beat job does for runs stuck in 'bezig': back to the queue, then a new worker.
    NetwerkAnalyse.objects.filter(pk=analyse.pk).update(
        gestart_op=timezone.now() - timedelta(hours=2)
    )
    assert netwerk_vastgelopen_resetten() == 1
    celery_worker_proces.start()
    klaar = wacht_tot(
        lambda: NetwerkAnalyse.objects.filter(pk=analyse.pk, status=TaakStatus.KLAAR).exists(),
        seconden=180,
    )
    assert klaar, celery_worker_proces.log.read_text()[-3000:]
    analyse.refresh_from_db()
    assert analyse.pogingen == 2
    aantal_metrieken = PartnerMetriek.objects.filter(analyse=analyse).count()
    assert aantal_metrieken == Partner.objects.filter(buurten=wereld.buurt_a).count()

    # The original message may be redelivered later (visibility timeout): it changes nothing.
    # Wait until the worker handled both (by task id: the session's worker log holds earlier
    # tests' tasks too), or the checks below would pass before anything was redelivered.
    herhaald = [lang_bereken_netwerk.delay(analyse.pk).id for _i in range(2)]
    afgehandeld = wacht_tot(
        lambda: all(f"[{i}] succeeded" in celery_worker_proces.log.read_text() for i in herhaald),
        seconden=30,
    )
    assert afgehandeld, celery_worker_proces.log.read_text()[-3000:]
    assert NetwerkAnalyse.objects.filter(buurt=wereld.buurt_a).count() == 1
    assert PartnerMetriek.objects.filter(analyse=analyse).count() == aantal_metrieken
    assert NetwerkAnalyse.objects.get(pk=analyse.pk).status == TaakStatus.KLAAR
