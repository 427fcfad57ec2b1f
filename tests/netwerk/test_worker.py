"""The network job through a real Celery worker (Redis broker, PostgreSQL), on the long queue."""

import pytest
from django.db import transaction

from tests.conftest import wacht_tot
from tests.factories import PartnerFactory, RelatieFactory
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.netwerkanalyse import services
from zorgnet.netwerkanalyse.models import NetwerkAnalyse, PartnerMetriek


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_network_analysis_runs_on_a_real_worker(wereld, celery_worker_proces):
    a = PartnerFactory(gemeente=wereld.gemeente_1, naam="Buurthuis", buurten=[wereld.buurt_a])
    b = PartnerFactory(gemeente=wereld.gemeente_1, naam="Sportclub", buurten=[wereld.buurt_a])
    RelatieFactory(van_partner=wereld.partner, naar_partner=a, intensiteit=3)
    RelatieFactory(van_partner=a, naar_partner=b, intensiteit=2)
    with transaction.atomic():
        analyse = services.start_analyse(buurt=wereld.buurt_a, aangevraagd_door=wereld.regisseur_a)
        # A second start while the first is queued reuses it.
        assert services.start_analyse(buurt=wereld.buurt_a).pk == analyse.pk

    def klaar():
        analyse.refresh_from_db()
        return analyse.status in (TaakStatus.KLAAR, TaakStatus.MISLUKT)

    assert wacht_tot(klaar, seconden=60), celery_worker_proces.log.read_text()[-3000:]
    assert analyse.status == TaakStatus.KLAAR, analyse.fout
    assert analyse.samenvatting["articulatiepunten"] == [a.pk]
    assert PartnerMetriek.objects.filter(analyse=analyse).count() == 3
    assert NetwerkAnalyse.objects.count() == 1
