"""A large import (issue 16) runs as a job: above ZORGNET_IMPORT_JOB_VANAF_RIJEN the dry run and the
confirmed import are Importtaak records with a status page; one bad row writes nothing. The
threshold is lowered with the `settings` fixture; the jobs run eagerly, in-process."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partners.models import Importtaak, Partner
from partners.tasks import lang_import_uitvoeren

pytestmark = pytest.mark.django_db

KOP = "naam;sector;soort;formeel;werkingsgebied;status;wat_wij_doen;website\n"


def _csv(n: int, fout_in_rij: int | None = None) -> bytes:
    rijen = [
        f"Partner {i};{'schaken' if i == fout_in_rij else 'cultuur'};dienst;ja;;;;\n"
        for i in range(1, n + 1)
    ]
    return (KOP + "".join(rijen)).encode()


@pytest.fixture(autouse=True)
def _klein(settings):
    settings.ZORGNET_IMPORT_JOB_VANAF_RIJEN = 3


def _url(buurt):
    return reverse("partners:partner_import", args=[buurt.id])


def _status_url(taak):
    return reverse("partners:importtaak_detail", args=[taak.buurt_id, taak.id])


def _post(client, buurt, capture, gegevens):
    with capture(execute=True):
        return client.post(_url(buurt), gegevens)


def test_a_large_file_is_checked_and_imported_by_jobs(
    wereld, als, django_capture_on_commit_callbacks
):
    client = als(wereld.regisseur_a)
    bestand = SimpleUploadedFile("p.csv", _csv(5))

    antwoord = _post(
        client, wereld.buurt_a, django_capture_on_commit_callbacks, {"bestand": bestand}
    )

    proef = Importtaak.objects.get()
    assert antwoord.status_code == 302 and antwoord["Location"] == _status_url(proef)
    assert proef.status == "klaar" and not proef.uitvoeren
    assert proef.rijen_totaal == proef.rijen_gecontroleerd == 5
    assert proef.resultaat["nieuw"] == 5 and proef.resultaat["fouten"] == []
    assert not Partner.objects.filter(naam__startswith="Partner ").exists()  # only checked
    pagina = client.get(antwoord["Location"])
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "Controle geslaagd: 5 rijen" in html and "Bevestigen en importeren" in html
    assert 'hx-trigger="every' not in html  # finished: no more polling
    token = pagina.context["bevestig"]["inhoud"]
    assert token == proef.inhoud  # the server-signed content, kept for the confirm step

    antwoord = _post(
        client,
        wereld.buurt_a,
        django_capture_on_commit_callbacks,
        {"inhoud": token, "importeren": "1"},
    )

    echt = Importtaak.objects.exclude(pk=proef.pk).get()
    assert antwoord["Location"] == _status_url(echt)
    assert echt.status == "klaar" and echt.uitvoeren and echt.resultaat["uitgevoerd"]
    assert echt.rijen_gecontroleerd == echt.rijen_totaal == 10  # checked, then stored
    assert echt.inhoud == ""  # the file does not stay in the database
    assert Partner.objects.filter(naam__startswith="Partner ", buurten=wereld.buurt_a).count() == 5
    assert "5 rijen geïmporteerd" in client.get(antwoord["Location"]).content.decode()


def test_a_bad_row_in_a_large_file_writes_nothing_and_shows_the_row(
    wereld, als, django_capture_on_commit_callbacks
):
    from partners.resources import onderteken
    from partners.services import vraag_import_aan

    inhoud = _csv(6, fout_in_rij=4)
    with django_capture_on_commit_callbacks(execute=True):
        taak = vraag_import_aan(
            gebruiker=wereld.regisseur_a,
            buurt=wereld.buurt_a,
            soort="partners",
            token=onderteken(inhoud, "csv", buurt=wereld.buurt_a, soort="partners"),
            uitvoeren=True,
            rijen=6,
        )

    taak.refresh_from_db()
    assert taak.status == "klaar" and not taak.resultaat["uitgevoerd"]
    assert [f["rij"] for f in taak.resultaat["fouten"]] == [5]  # the header is row 1
    assert not Partner.objects.filter(naam__startswith="Partner ").exists()
    html = als(wereld.regisseur_a).get(_status_url(taak)).content.decode()
    assert "Rij 5" in html and "Er werd niets geïmporteerd" in html
    assert "Bevestigen en importeren" not in html
    # A duplicate delivery of the job changes nothing: the record is no longer queued.
    lang_import_uitvoeren.apply(args=[taak.pk])
    assert not Partner.objects.filter(naam__startswith="Partner ").exists()


def test_a_tampered_token_on_the_record_fails_the_job_in_dutch(wereld):
    taak = Importtaak.objects.create(
        buurt=wereld.buurt_a,
        soort="partners",
        uitvoeren=True,
        inhoud="vervalst:token",
        aangevraagd_door=wereld.regisseur_a,
    )
    lang_import_uitvoeren.apply(args=[taak.pk])
    taak.refresh_from_db()
    assert taak.status == "mislukt" and "verlopen of gewijzigd" in taak.fout
    assert taak.inhoud == ""


def test_the_status_page_is_scoped_to_the_buurt(wereld, als):
    taak = Importtaak.objects.create(
        buurt=wereld.buurt_a, soort="relaties", rijen_totaal=1000, rijen_gecontroleerd=300
    )
    client = als(wereld.regisseur_a)
    html = client.get(_status_url(taak)).content.decode()
    assert "300 van 1000 rijen verwerkt" in html and 'hx-trigger="every 2s"' in html
    fragment = client.get(_status_url(taak), HTTP_HX_REQUEST="true").content.decode()
    assert fragment.lstrip().startswith('<div id="import-status"')
    assert als(wereld.regisseur_b).get(_status_url(taak)).status_code == 404


def test_small_files_keep_the_request_flow(wereld, als):
    client = als(wereld.regisseur_a)
    antwoord = client.post(_url(wereld.buurt_a), {"bestand": SimpleUploadedFile("p.csv", _csv(3))})
    assert antwoord.status_code == 200 and "Controle geslaagd: 3 rijen" in antwoord.content.decode()
    assert not Importtaak.objects.exists()


def test_the_import_reports_its_progress_through_both_passes(wereld, monkeypatch):
    from partners import resources

    monkeypatch.setattr(resources, "VOORTGANG_ELKE", 2)
    gehoord: list[int] = []
    resultaat = resources.importeren(
        buurt=wereld.buurt_a,
        soort="partners",
        inhoud=_csv(4),
        formaat="csv",
        uitvoeren=True,
        voortgang=gehoord.append,
    )
    assert resultaat.uitgevoerd
    assert gehoord == [2, 4, 6, 8]  # the dry run's rows, then the import's counted on


def test_the_beat_job_clears_the_content_of_old_import_jobs(wereld):
    from datetime import timedelta

    from django.utils import timezone

    from partners.tasks import importen_vastgelopen_afsluiten

    oud, nieuw = (
        Importtaak.objects.create(
            buurt=wereld.buurt_a, soort="partners", inhoud="getekend", status="klaar"
        )
        for _ in range(2)
    )
    Importtaak.objects.filter(pk=oud.pk).update(aangemaakt_op=timezone.now() - timedelta(hours=2))
    importen_vastgelopen_afsluiten()
    oud.refresh_from_db()
    nieuw.refresh_from_db()
    assert oud.inhoud == "" and nieuw.inhoud == "getekend"


def test_old_import_jobs_go_with_the_daily_retention_job(wereld, settings):
    """Their preview rows and row errors name people: deleted after the retention period, except
    a job still running; logged per buurt; a second run deletes nothing."""
    from datetime import timedelta

    from django.utils import timezone

    from buurten.models import Toegangsgebeurtenis
    from zorgnet.toegang.tasks import bewaartermijnen_toepassen

    settings.ZORGNET_BEWAARTERMIJNEN = {**settings.ZORGNET_BEWAARTERMIJNEN, "importtaak": 30}
    oud, bezig, jong = (
        Importtaak.objects.create(
            buurt=wereld.buurt_a,
            soort="contactpersonen",
            status=status,
            resultaat={"voorbeeld": [["An Peeters", "an@example.org"]]},
        )
        for status in ("klaar", "bezig", "klaar")
    )
    Importtaak.objects.filter(pk__in=[oud.pk, bezig.pk]).update(
        aangemaakt_op=timezone.now() - timedelta(days=31)
    )

    assert bewaartermijnen_toepassen.apply().get()["importtaak"] == 1
    assert set(Importtaak.objects.values_list("pk", flat=True)) == {bezig.pk, jong.pk}
    log = Toegangsgebeurtenis.objects.get(actie="gewist", object_type="importtaak")
    assert log.buurt == wereld.buurt_a and log.omschrijving.startswith("1 importtaken")
    assert bewaartermijnen_toepassen.apply().get()["importtaak"] == 0


@pytest.mark.django_db(transaction=True)
def test_progress_is_written_outside_the_import_transaction(wereld):
    from django.db import connection, transaction

    from partners.services import _voortgang_schrijver

    if connection.vendor != "postgresql":
        pytest.skip("SQLite: the progress shows when the job ends")
    taak = Importtaak.objects.create(buurt=wereld.buurt_a, soort="partners", rijen_totaal=10)
    zijlijn, schrijf = _voortgang_schrijver(taak.pk)
    try:
        with transaction.atomic():
            schrijf(7)
            transaction.set_rollback(True)  # as a dry run ends
    finally:
        zijlijn.close()
    taak.refresh_from_db()
    assert taak.rijen_gecontroleerd == 7


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_large_import_is_checked_by_the_worker_while_the_status_polls(
    celery_worker_proces, wereld, als
):
    from tests.conftest import wacht_tot

    client = als(wereld.regisseur_a)
    antwoord = client.post(
        _url(wereld.buurt_a), {"bestand": SimpleUploadedFile("p.csv", _csv(5, fout_in_rij=2))}
    )

    taak = Importtaak.objects.get()
    assert antwoord.status_code == 302
    assert wacht_tot(
        lambda: "Klaar" in client.get(_status_url(taak), HTTP_HX_REQUEST="true").content.decode(),
        seconden=60,
    ), celery_worker_proces.log.read_text()[-3000:]
    taak.refresh_from_db()
    assert [f["rij"] for f in taak.resultaat["fouten"]] == [3]
    assert taak.rijen_gecontroleerd == 5 and taak.inhoud == ""
    assert not Partner.objects.filter(naam__startswith="Partner ").exists()
    assert "lang_import_uitvoeren" in celery_worker_proces.log.read_text()
