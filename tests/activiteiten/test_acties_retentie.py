"""Retention job for signals, the beat schedule, and the observed-collaboration sources."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from activiteiten.acties import services
from activiteiten.models import Signaal
from buurten.models import Toegangsgebeurtenis
from tests.factories import ActieFactory, PartnerFactory, SignaalFactory
from zorgnet.netwerkanalyse.bronnen import waargenomen_banden
from zorgnet.toegang.tasks import bewaartermijnen_toepassen

pytestmark = pytest.mark.django_db


def test_old_signals_lose_their_text_but_stay_counted_and_it_is_idempotent(wereld, settings):
    settings.ZORGNET_BEWAARTERMIJNEN = {**settings.ZORGNET_BEWAARTERMIJNEN, "signaal": 365}
    vandaag = timezone.localdate()
    oud = SignaalFactory(
        buurt=wereld.buurt_a, datum=vandaag - timedelta(days=400), omschrijving="Oude situatie"
    )
    oud.omschrijving = "Oude situatie, bijgewerkt"
    oud.save()  # a second history row with text
    jong = SignaalFactory(
        buurt=wereld.buurt_a, datum=vandaag - timedelta(days=10), omschrijving="Recente situatie"
    )
    assert bewaartermijnen_toepassen.delay().get()["signaal"] == 1
    oud.refresh_from_db()
    jong.refresh_from_db()
    assert oud.omschrijving == "" and oud.geanonimiseerd_op is not None
    assert jong.omschrijving == "Recente situatie" and jong.geanonimiseerd_op is None
    assert not Signaal.history.filter(id=oud.id).exclude(omschrijving="").exists()
    assert Signaal.objects.filter(buurt=wereld.buurt_a).count() == 2
    log = Toegangsgebeurtenis.objects.get(actie="gewist", object_type="signaal")
    assert log.buurt == wereld.buurt_a and "1 signalen" in log.omschrijving
    # Second run: nothing to do, no new log record.
    tijdstip = oud.geanonimiseerd_op
    assert services.signalen_anonimiseren() == 0
    oud.refresh_from_db()
    assert oud.geanonimiseerd_op == tijdstip
    assert Toegangsgebeurtenis.objects.filter(actie="gewist").count() == 1


def test_an_anonymised_signal_page_says_so(als, wereld, settings):
    settings.ZORGNET_BEWAARTERMIJNEN = {**settings.ZORGNET_BEWAARTERMIJNEN, "signaal": 30}
    signaal = SignaalFactory(buurt=wereld.buurt_a, datum=timezone.localdate() - timedelta(days=31))
    services.signalen_anonimiseren()
    html = (
        als(wereld.regisseur_a)
        .get(f"/buurten/{wereld.buurt_a.id}/signalen/{signaal.id}/")
        .content.decode()
    )
    assert "bewaartermijn" in html


def test_the_retention_job_runs_daily_in_beat():
    taken = {v["task"]: v for v in settings.CELERY_BEAT_SCHEDULE.values()}
    # The daily retention job (zorgnet.toegang) anonymises signals among other object types.
    assert "zorgnet.toegang.tasks.bewaartermijnen_toepassen" in taken
    assert taken["zorgnet.toegang.tasks.bewaartermijnen_toepassen"]["schedule"] == 24 * 3600.0


def test_co_partners_and_referrals_are_observed_ties(wereld):
    tweede = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    derde = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    actie = ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner)
    actie.co_partners.add(tweede, derde)
    signaal = SignaalFactory(buurt=wereld.buurt_a, partner=wereld.partner)
    services.doorverwijzen(signaal=signaal, van_partner=tweede, naar_partner=derde, warm=True)
    # Outside the buurt list or period: not counted.
    ActieFactory(buurt=wereld.buurt_b)
    banden = waargenomen_banden([wereld.buurt_a.id])
    co = {(b.partner_a, b.partner_b) for b in banden if b.bron == "co_partner_actie"}
    ids = sorted([wereld.partner.id, tweede.id, derde.id])
    assert co == {(ids[0], ids[1]), (ids[0], ids[2]), (ids[1], ids[2])}
    verwijzingen = [b for b in banden if b.bron == "doorverwijzing"]
    assert [(b.partner_a, b.partner_b, b.gewicht) for b in verwijzingen] == [
        (tweede.id, derde.id, 2.0)
    ]
    later = timezone.localdate() + timedelta(days=1)
    assert waargenomen_banden([wereld.buurt_a.id], van=later) == []


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_retention_job_runs_on_a_real_worker(celery_worker_proces, wereld):
    from tests.conftest import wacht_tot

    oud = SignaalFactory(
        buurt=wereld.buurt_a,
        datum=timezone.localdate()
        - timedelta(days=settings.ZORGNET_BEWAARTERMIJNEN["signaal"] + 5),
    )
    bewaartermijnen_toepassen.delay()
    assert wacht_tot(
        lambda: Signaal.objects.filter(pk=oud.pk, geanonimiseerd_op__isnull=False).exists()
    ), celery_worker_proces.log.read_text()[-3000:]
    assert Signaal.objects.get(pk=oud.pk).omschrijving == ""
