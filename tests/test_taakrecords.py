"""The one life cycle of job-made records (zorgnet.lib.taakrecords) for all four of them: claim,
finish, fail and reset-stuck as conditional UPDATEs, and the base task's retry and failure."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.db import OperationalError
from django.utils import timezone

from activiteiten.exports import services as export_services
from activiteiten.exports.tasks import exports_vastgelopen_afsluiten, lang_export_maken
from activiteiten.models import ExportBestand
from tests.factories import ActieFactory
from zorgnet.lib import taakrecords
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.netwerkanalyse.models import NetwerkAnalyse
from zorgnet.netwerkanalyse.tasks import netwerk_vastgelopen_resetten
from zorgnet.rapport import services as rapport_services
from zorgnet.rapport.models import RapportBestand, RapportVoorbeeld
from zorgnet.rapport.tasks import (
    lang_rapport_maken,
    rapporten_vastgelopen_resetten,
    voorbeeld_maken,
)

pytestmark = pytest.mark.django_db

MODELLEN = [NetwerkAnalyse, RapportBestand, RapportVoorbeeld, ExportBestand]
_teller = iter(range(1, 10_000))


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _record(model, w, **velden):
    """A record of `model` in buurt A; each one its own scope, so the 'one running per scope'
    constraints do not get in the way."""
    n = next(_teller)
    if model is NetwerkAnalyse:
        basis = {"scope": "buurt", "sleutel": f"test:{n}", "gemeente": w.gemeente_1}
    elif model is RapportBestand:
        basis = {"gemeente": w.gemeente_1, "van": date(2026, 1, 1), "tot": date(2026, 6, 30)}
        basis["formaat"] = "xlsx"
    elif model is RapportVoorbeeld:
        van = date(2020, 1, 1) + timedelta(days=n)
        basis = {"gemeente": w.gemeente_1, "van": van, "tot": van + timedelta(days=30)}
    else:
        basis = {}
    aangemaakt_op = velden.pop("aangemaakt_op", None)
    record = model.objects.create(buurt=w.buurt_a, **basis, **velden)
    if aangemaakt_op is not None:  # auto_now_add: only an UPDATE can move it back
        model.objects.filter(pk=record.pk).update(aangemaakt_op=aangemaakt_op)
    return record


def _status(record) -> str:
    record.refresh_from_db()
    return record.status


def _met_claims(claims: dict, functie, *args, **kwargs):
    """Run as a worker holding `claims` would. Only the claim bookkeeping is swapped: the step
    runs on this test's own database connection (a fresh contextvars.Context would also give it
    a fresh connection, which cannot see the test's uncommitted rows and so proves nothing)."""
    token = taakrecords._claims.set(claims)
    try:
        return functie(*args, **kwargs)
    finally:
        taakrecords._claims.reset(token)


def _in_ander_proces(functie, *args, **kwargs):
    """Run as another worker would: with no claims of this process."""
    return _met_claims({}, functie, *args, **kwargs)


# --- claim, finish, fail -------------------------------------------------------------------------
@pytest.mark.parametrize("model", MODELLEN, ids=lambda m: m.__name__)
def test_claim_is_one_conditional_update_and_idempotent(wereld, model, django_assert_num_queries):
    record = _record(model, wereld)

    with django_assert_num_queries(1):
        assert taakrecords.claim(model, record.pk)
    assert not taakrecords.claim(model, record.pk)
    assert not _in_ander_proces(taakrecords.claim, model, record.pk)

    record.refresh_from_db()
    assert (record.status, record.pogingen) == (TaakStatus.BEZIG, 1)
    assert record.gestart_op is not None
    assert _in_ander_proces(taakrecords.rond_af, model, record.pk) is False  # not its claim
    assert taakrecords.rond_af(model, record.pk)
    assert _status(record) == TaakStatus.KLAAR
    assert not taakrecords.rond_af(model, record.pk)  # finishing twice changes nothing
    assert not taakrecords.markeer_mislukt(model, record.pk, "te laat")
    assert _status(record) == TaakStatus.KLAAR


def test_a_late_worker_after_its_record_was_declared_stuck_changes_nothing(wereld):
    analyse = _record(NetwerkAnalyse, wereld)
    oude_claims: dict = {}
    assert _met_claims(oude_claims, taakrecords.claim, NetwerkAnalyse, analyse.pk)
    NetwerkAnalyse.objects.filter(pk=analyse.pk).update(
        gestart_op=timezone.now() - timedelta(hours=2)
    )
    opnieuw = []
    assert taakrecords.reset_vastgelopen(NetwerkAnalyse, opnieuw.append) == 1
    assert opnieuw == [analyse.pk] and _status(analyse) == TaakStatus.WACHTEND
    nieuwe_claims: dict = {}
    assert _met_claims(nieuwe_claims, taakrecords.claim, NetwerkAnalyse, analyse.pk)

    # The old worker wakes up: it can neither fail, requeue nor finish the run the new one has
    # taken. Each attempt starts from the old worker's claim (a step forgets the claim it used).
    def als_oud(functie, *args, **kwargs):
        return _met_claims(dict(oude_claims), functie, *args, **kwargs)

    assert not als_oud(
        taakrecords.markeer_mislukt, NetwerkAnalyse, analyse.pk, "oud", van_deze_taak=True
    )
    assert not als_oud(taakrecords.terug_in_wachtrij, NetwerkAnalyse, analyse.pk)
    assert not als_oud(taakrecords.rond_af, NetwerkAnalyse, analyse.pk, rekentijd_ms=1)
    assert _status(analyse) == TaakStatus.BEZIG
    assert _met_claims(
        nieuwe_claims, taakrecords.rond_af, NetwerkAnalyse, analyse.pk, rekentijd_ms=2
    )
    analyse.refresh_from_db()
    assert (analyse.status, analyse.rekentijd_ms, analyse.pogingen) == (TaakStatus.KLAAR, 2, 2)


# --- reset-stuck for each of the four --------------------------------------------------------------
@pytest.mark.parametrize("model", MODELLEN, ids=lambda m: m.__name__)
def test_reset_stuck_fails_out_of_tries_requeues_lost_messages_and_leaves_the_rest(wereld, model):
    lang_geleden = timezone.now() - model.VASTGELOPEN_NA - timedelta(minutes=1)
    vast = _record(
        model, wereld, status="bezig", pogingen=model.MAX_POGINGEN, gestart_op=lang_geleden
    )
    bezig = _record(model, wereld, status="bezig", pogingen=1, gestart_op=timezone.now())
    verloren = _record(
        model, wereld, aangemaakt_op=timezone.now() - model.WACHTEND_NA - timedelta(minutes=1)
    )
    vers = _record(model, wereld)
    klaar = _record(model, wereld, status="klaar", pogingen=1, gestart_op=lang_geleden)
    opnieuw = []

    assert taakrecords.reset_vastgelopen(model, opnieuw.append) == 2

    vast.refresh_from_db()
    assert vast.status == TaakStatus.MISLUKT and vast.klaar_op is not None
    assert "liep vast" in vast.fout and "Traceback" not in vast.fout
    assert opnieuw == [verloren.pk]
    assert [_status(r) for r in (bezig, verloren, vers, klaar)] == [
        "bezig",
        "wachtend",
        "wachtend",
        "klaar",
    ]
    # Idempotent: the failed one stays failed, the lost one is simply offered again.
    opnieuw.clear()
    assert taakrecords.reset_vastgelopen(model, opnieuw.append) == 1
    assert opnieuw == [verloren.pk] and _status(vast) == TaakStatus.MISLUKT


def test_a_stuck_run_with_tries_left_goes_back_to_the_queue(wereld):
    lang_geleden = timezone.now() - timedelta(hours=2)
    analyse = _record(NetwerkAnalyse, wereld, status="bezig", pogingen=1, gestart_op=lang_geleden)
    opnieuw = []

    assert taakrecords.reset_vastgelopen(NetwerkAnalyse, opnieuw.append) == 1

    analyse.refresh_from_db()
    assert opnieuw == [analyse.pk]
    assert (analyse.status, analyse.gestart_op, analyse.pogingen) == ("wachtend", None, 1)


def test_the_beat_jobs_reset_all_four_through_the_one_function(wereld, monkeypatch):
    lang_geleden = timezone.now() - timedelta(days=1)
    records = {
        model: _record(
            model, wereld, status="bezig", pogingen=model.MAX_POGINGEN, gestart_op=lang_geleden
        )
        for model in MODELLEN
    }

    assert netwerk_vastgelopen_resetten() == 1
    assert exports_vastgelopen_afsluiten() == 1
    assert rapporten_vastgelopen_resetten() == 2

    assert {_status(r) for r in records.values()} == {TaakStatus.MISLUKT}
    taken = {v["task"] for v in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "partners.tasks.netwerk_vastgelopen_resetten",
        "activiteiten.tasks.exports_vastgelopen_afsluiten",
        "zorgnet.rapport.tasks.rapporten_vastgelopen_resetten",
    } <= taken


# --- the base task: transient errors are retried, others fail the record in Dutch ------------------
def _eenmaal_kapot(monkeypatch, module, naam, fout):
    """Make `module.naam` raise `fout` on its first call only; returns the list of calls."""
    echte = getattr(module, naam)
    oproepen = []

    def vervanger(*args, **kwargs):
        oproepen.append(1)
        if len(oproepen) == 1:
            raise fout
        return echte(*args, **kwargs)

    monkeypatch.setattr(module, naam, vervanger)
    return oproepen


def _altijd_kapot(monkeypatch, module, naam, fout):
    oproepen = []

    def vervanger(*args, **kwargs):
        oproepen.append(1)
        raise fout

    monkeypatch.setattr(module, naam, vervanger)
    return oproepen


def _export(wereld):
    ActieFactory.create_batch(3, buurt=wereld.buurt_a, trekker=wereld.partner)
    return ExportBestand.objects.create(buurt=wereld.buurt_a, aangevraagd_door=wereld.regisseur_a)


def _rapport(wereld):
    return RapportBestand.objects.create(
        gemeente=wereld.gemeente_1,
        buurt=wereld.buurt_a,
        van=date(2026, 1, 1),
        tot=date(2026, 6, 30),
        formaat="xlsx",
    )


def _voorbeeld(wereld):
    return RapportVoorbeeld.objects.create(
        gemeente=wereld.gemeente_1,
        buurt=wereld.buurt_a,
        van=date(2026, 1, 1),
        tot=date(2026, 6, 30),
    )


# (make the record, the task, the module and name of a step that runs after the claim)
TAKEN = {
    "export": (_export, lang_export_maken, export_services, "xlsx_schrijven"),
    "rapport": (_rapport, lang_rapport_maken, rapport_services, "rapport_xlsx"),
    "voorbeeld": (_voorbeeld, voorbeeld_maken, rapport_services, "voorbeeld_html"),
}


@pytest.mark.parametrize("soort", TAKEN)
def test_a_transient_database_error_is_retried_and_then_succeeds(wereld, monkeypatch, soort):
    maak, taak, module, stap = TAKEN[soort]
    record = maak(wereld)
    oproepen = _eenmaal_kapot(monkeypatch, module, stap, OperationalError("verbinding verbroken"))

    taak.delay(record.pk)

    record.refresh_from_db()
    assert len(oproepen) == 2
    # Claimed twice: the first claim went back to the queue before the retry.
    assert (record.status, record.pogingen, record.fout) == (TaakStatus.KLAAR, 2, "")


@pytest.mark.parametrize("soort", TAKEN)
def test_a_transient_error_that_persists_fails_the_record_after_the_last_retry(
    wereld, monkeypatch, soort
):
    maak, taak, module, stap = TAKEN[soort]
    record = maak(wereld)
    oproepen = _altijd_kapot(monkeypatch, module, stap, OperationalError("database weg"))

    taak.delay(record.pk)

    record.refresh_from_db()
    assert len(oproepen) == 1 + taak.max_retries
    assert record.status == TaakStatus.MISLUKT
    assert "kon niet worden gemaakt" in record.fout and "database weg" in record.fout


@pytest.mark.parametrize("soort", TAKEN)
def test_a_permanent_error_fails_the_record_with_a_dutch_message_and_no_traceback(
    wereld, monkeypatch, soort
):
    maak, taak, module, stap = TAKEN[soort]
    record = maak(wereld)
    oproepen = _altijd_kapot(
        monkeypatch, module, stap, RuntimeError("kapot\n  File 'geheim.py', line 1")
    )

    taak.delay(record.pk)

    record.refresh_from_db()
    assert len(oproepen) == 1  # not retried
    assert record.status == TaakStatus.MISLUKT and record.klaar_op is not None
    assert "kon niet worden gemaakt" in record.fout and "RuntimeError: kapot" in record.fout
    assert "geheim.py" not in record.fout and "Traceback" not in record.fout
    assert not getattr(record, "bestand", None)
    # A failed record is not picked up again by a late second delivery.
    monkeypatch.undo()
    taak.delay(record.pk)
    assert _status(record) == TaakStatus.MISLUKT


def test_the_job_finds_the_record_id_by_name_too(wereld):
    record = _export(wereld)

    lang_export_maken.apply(kwargs={"exportbestand_id": record.pk})

    assert _status(record) == TaakStatus.KLAAR
    assert lang_export_maken.record_id((), {"exportbestand_id": 7}) == 7
    assert lang_export_maken.record_id((8,), {}) == 8
