"""The daily retention job: every object type in ZORGNET_BEWAARTERMIJNEN, with its log."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from activiteiten.models import Signaal
from buurten.models import Toegangsgebeurtenis
from buurten.services import registreer_toegang
from tests.factories import SignaalFactory
from zorgnet.toegang.tasks import bewaartermijnen_toepassen

# Today's date decides what is old: a fixed clock, not the wall clock (an event 91 days old
# used to fall on the 90-day cutoff date late in the evening, across a summer-time change).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vaste_klok")]
ROOT = Path(__file__).resolve().parents[2]


def test_it_anonymises_old_signals_and_purges_old_access_events_once(wereld, settings):
    settings.ZORGNET_BEWAARTERMIJNEN = {
        "signaal": 30,
        "toegangsgebeurtenis": 90,
        "exportbestand": 7,
        "importtaak": 30,
    }
    oud = SignaalFactory(buurt=wereld.buurt_a, datum=timezone.localdate() - timedelta(days=31))
    jong = SignaalFactory(buurt=wereld.buurt_a)
    oude = registreer_toegang(
        gebruiker=wereld.partner_a, actie="bekeken", object_type="signaal", buurt=wereld.buurt_a
    )
    Toegangsgebeurtenis.objects.filter(pk=oude.pk).update(
        tijdstip=timezone.now() - timedelta(days=91)
    )
    recent = registreer_toegang(
        gebruiker=wereld.partner_a, actie="bekeken", object_type="signaal", buurt=wereld.buurt_a
    )
    assert bewaartermijnen_toepassen.delay().get() == {
        "signaal": 1,
        "exportbestand": 0,
        "importtaak": 0,
        "toegangsgebeurtenis": 1,
    }
    assert Signaal.objects.get(pk=oud.pk).omschrijving == ""
    assert Signaal.objects.get(pk=jong.pk).omschrijving != ""
    assert not Toegangsgebeurtenis.objects.filter(pk=oude.pk).exists()
    assert Toegangsgebeurtenis.objects.filter(pk=recent.pk).exists()
    log = Toegangsgebeurtenis.objects.get(actie="gewist", object_type="toegangsgebeurtenis")
    assert log.omschrijving.startswith("1 toegangsgebeurtenissen")
    # Second run: nothing to do and nothing logged.
    aantal = Toegangsgebeurtenis.objects.count()
    assert bewaartermijnen_toepassen.delay().get() == {
        "signaal": 0,
        "exportbestand": 0,
        "importtaak": 0,
        "toegangsgebeurtenis": 0,
    }
    assert Toegangsgebeurtenis.objects.count() == aantal


def test_every_retention_setting_is_documented_and_runs_daily():
    termijnen = django_settings.ZORGNET_BEWAARTERMIJNEN
    assert set(termijnen) == {
        "signaal",
        "toegangsgebeurtenis",
        "exportbestand",
        "importtaak",
        "rapport",
    }
    env = (ROOT / ".env.example").read_text()
    readme = (ROOT / "README.md").read_text()
    for variabele in (
        "ZORGNET_BEWAARTERMIJN_SIGNALEN_DAGEN",
        "ZORGNET_BEWAARTERMIJN_TOEGANGSLOG_DAGEN",
        "ZORGNET_BEWAARTERMIJN_EXPORTS_DAGEN",
        "ZORGNET_BEWAARTERMIJN_IMPORTS_DAGEN",
        "ZORGNET_BEWAARTERMIJN_RAPPORTEN_DAGEN",
    ):
        assert variabele in env and variabele in readme
    taken = {v["task"] for v in django_settings.CELERY_BEAT_SCHEDULE.values()}
    assert "zorgnet.toegang.tasks.bewaartermijnen_toepassen" in taken
    assert "zorgnet.rapport.tasks.rapporten_opruimen" in taken
