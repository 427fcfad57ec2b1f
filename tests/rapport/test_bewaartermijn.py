"""Retention of report files and previews: the daily job deletes record and file, and logs it."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from buurten.models import Toegangsgebeurtenis
from tests.factories import RapportBestandFactory
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.rapport.models import RapportBestand, RapportVoorbeeld
from zorgnet.rapport.services import rapporten_opruimen
from zorgnet.rapport.tasks import rapporten_opruimen as taak

pytestmark = pytest.mark.django_db


def _oud(model, pk, dagen):
    model.objects.filter(pk=pk).update(aangemaakt_op=timezone.now() - timedelta(days=dagen))


def test_oude_rapporten_en_voorbeelden_gaan_weg(
    wereld, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    settings.ZORGNET_BEWAARTERMIJNEN = {**settings.ZORGNET_BEWAARTERMIJNEN, "rapport": 30}
    oud = RapportBestandFactory(buurt=wereld.buurt_a, status=TaakStatus.KLAAR)
    oud.bestand.save("oud.pdf", ContentFile(b"%PDF oud"))
    pad = tmp_path / oud.bestand.name
    nieuw = RapportBestandFactory(buurt=wereld.buurt_a, status=TaakStatus.KLAAR)
    bezig = RapportBestandFactory(buurt=wereld.buurt_a, status=TaakStatus.BEZIG)
    voorbeeld = RapportVoorbeeld.objects.create(
        gemeente=wereld.gemeente_1,
        buurt=wereld.buurt_a,
        van=oud.van,
        tot=oud.tot,
        status=TaakStatus.KLAAR,
        html="<p>x</p>",
    )
    for model, pk in (
        (RapportBestand, oud.pk),
        (RapportBestand, bezig.pk),
        (RapportVoorbeeld, voorbeeld.pk),
    ):
        _oud(model, pk, 31)
    _oud(RapportBestand, nieuw.pk, 29)
    assert pad.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert taak() == 2
    assert set(RapportBestand.objects.values_list("pk", flat=True)) == {nieuw.pk, bezig.pk}
    assert not RapportVoorbeeld.objects.exists()
    assert not pad.exists()
    log = Toegangsgebeurtenis.objects.get(actie="gewist", object_type="rapport")
    assert log.gemeente == wereld.gemeente_1 and "2 rapporten" in log.omschrijving
    # Idempotent: a second run finds nothing and logs nothing.
    assert rapporten_opruimen() == 0
    assert Toegangsgebeurtenis.objects.filter(actie="gewist").count() == 1


def test_de_dagelijkse_job_staat_in_beat(settings):
    taken = {t["task"] for t in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "zorgnet.rapport.tasks.rapporten_opruimen" in taken
