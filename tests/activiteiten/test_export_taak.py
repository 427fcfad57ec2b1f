"""A large XLSX action export (issue 11) runs as a job: request, status page, file, download,
idempotency, failure, permissions, retention. The threshold is lowered with the `settings` fixture."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from openpyxl.worksheet._writer import ALL_TEMP_FILES

from activiteiten.exports import services as export_services
from activiteiten.exports.selectors import KOLOMMEN
from activiteiten.exports.tasks import exports_vastgelopen_afsluiten, lang_export_maken
from activiteiten.models import ExportBestand
from buurten.models import Toegangsactie, Toegangsgebeurtenis
from tests.factories import ActieFactory, ActiviteitenpakketFactory, ExportBestandFactory
from zorgnet.toegang.bewaren import bewaartermijnen_toepassen

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _klein(settings, tmp_path):
    settings.ZORGNET_XLSX_JOB_VANAF = 3
    settings.MEDIA_ROOT = tmp_path / "media"


def _export_url(buurt, **query):
    url = reverse("activiteiten:actie_export", kwargs={"buurt_id": buurt.id})
    return url + "?" + "&".join(f"{k}={v}" for k, v in {"formaat": "xlsx", **query}.items())


def _url(naam, bestand):
    return reverse(
        f"activiteiten:{naam}",
        kwargs={"buurt_id": bestand.buurt_id, "exportbestand_id": bestand.id},
    )


def _rijen(bestand) -> list[tuple]:
    with bestand.bestand.open("rb") as f:
        blad = load_workbook(io.BytesIO(f.read()), read_only=True)["acties"]
        return [tuple(r) for r in blad.iter_rows(values_only=True)]


def _bestanden(settings) -> list[Path]:
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def _vraag_aan(client, buurt, capture, **query):
    with capture(execute=True):
        return client.get(_export_url(buurt, **query))


def test_above_the_threshold_the_export_becomes_a_job_with_a_status_page(
    wereld, als, django_capture_on_commit_callbacks
):
    eigen = ActieFactory.create_batch(5, buurt=wereld.buurt_a, trekker=wereld.partner)
    ActieFactory(buurt=wereld.buurt_b, titel="Vreemde actie")
    ActieFactory(buurt=wereld.buurt_a2, titel="Andere buurt")
    client = als(wereld.regisseur_a)

    antwoord = _vraag_aan(client, wereld.buurt_a, django_capture_on_commit_callbacks)

    bestand = ExportBestand.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _url("exportbestand_detail", bestand)
    assert bestand.status == "klaar" and bestand.aangevraagd_door == wereld.regisseur_a
    assert bestand.aantal_rijen == 5 and bestand.klaar_op is not None
    rijen = _rijen(bestand)
    assert list(rijen[0]) == KOLOMMEN
    assert sorted(r[0] for r in rijen[1:]) == sorted(a.id for a in eigen)
    assert all(r[6] == wereld.partner.naam for r in rijen[1:])
    verzoek = Toegangsgebeurtenis.objects.get(actie=Toegangsactie.EXPORT)
    assert verzoek.object_type == "exportbestand" and verzoek.object_id == str(bestand.id)
    assert verzoek.gebruiker == wereld.regisseur_a and verzoek.buurt == wereld.buurt_a
    assert "5 rijen" in verzoek.omschrijving

    pagina = client.get(antwoord["Location"]).content.decode()
    assert "Deze selectie telt 5 acties" in pagina  # the message about the job
    assert _url("exportbestand_download", bestand) in pagina
    assert 'hx-trigger="every' not in pagina  # finished: no more polling
    lijst = client.get(reverse("activiteiten:actie_list", args=[wereld.buurt_a.id]))
    assert _url("exportbestand_download", bestand) in lijst.content.decode()


def test_the_job_applies_the_filters_of_the_list(wereld, als, django_capture_on_commit_callbacks):
    pakket = ActiviteitenpakketFactory(buurt=wereld.buurt_a)
    gezocht = ActieFactory.create_batch(
        4, buurt=wereld.buurt_a, trekker=wereld.partner, status="idee", pakket=pakket
    )
    ActieFactory.create_batch(3, buurt=wereld.buurt_a, trekker=wereld.partner, status="lopend")
    ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner, status="idee")  # other pakket

    _vraag_aan(
        als(wereld.regisseur_a),
        wereld.buurt_a,
        django_capture_on_commit_callbacks,
        status="idee",
        pakket=pakket.id,
    )

    bestand = ExportBestand.objects.get()
    assert bestand.filters == {"status": "idee", "pakket": str(pakket.id)}
    assert sorted(r[0] for r in _rijen(bestand)[1:]) == sorted(a.id for a in gezocht)


def test_a_selection_at_the_threshold_stays_in_the_request(wereld, als):
    ActieFactory.create_batch(4, buurt=wereld.buurt_a, trekker=wereld.partner, status="idee")
    ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner, status="lopend")

    antwoord = als(wereld.regisseur_a).get(_export_url(wereld.buurt_a, status="lopend"))

    assert antwoord.status_code == 200 and antwoord.content[:2] == b"PK"
    assert not ExportBestand.objects.exists()


def test_the_status_fragment_polls_until_the_file_is_finished(wereld, als):
    bestand = ExportBestandFactory(buurt=wereld.buurt_a, aangevraagd_door=wereld.regisseur_a)
    client = als(wereld.regisseur_a)

    fragment = client.get(_url("exportbestand_detail", bestand), HTTP_HX_REQUEST="true")

    html = fragment.content.decode()
    assert html.lstrip().startswith('<div id="export-status"')
    assert "<html" not in html and 'hx-trigger="every 2s"' in html
    assert "In de wachtrij" in html
    export_services.maak_exportbestand(bestand_id=bestand.id)
    html = client.get(_url("exportbestand_detail", bestand), HTTP_HX_REQUEST="true")
    assert "hx-trigger" not in html.content.decode()
    assert _url("exportbestand_download", bestand) in html.content.decode()


def test_running_the_job_twice_writes_the_file_once(wereld, settings):
    ActieFactory.create_batch(4, buurt=wereld.buurt_a, trekker=wereld.partner)
    bestand = ExportBestandFactory(buurt=wereld.buurt_a, aangevraagd_door=wereld.regisseur_a)

    lang_export_maken.delay(bestand.id)
    bestand.refresh_from_db()
    naam, klaar_op = bestand.bestand.name, bestand.klaar_op
    assert bestand.status == "klaar" and naam
    assert export_services.maak_exportbestand(bestand_id=bestand.id) is None
    lang_export_maken.delay(bestand.id)

    bestand.refresh_from_db()
    assert (bestand.bestand.name, bestand.klaar_op) == (naam, klaar_op)
    assert len(_bestanden(settings)) == 1
    assert len(_rijen(bestand)) == 5


def test_a_failure_mid_stream_marks_it_failed_and_leaves_no_file(wereld, settings, monkeypatch):
    ActieFactory.create_batch(4, buurt=wereld.buurt_a, trekker=wereld.partner)
    bestand = ExportBestandFactory(buurt=wereld.buurt_a, aangevraagd_door=wereld.regisseur_a)
    echte = export_services.selectors.actie_rijen

    def breekt(qs):
        for i, rij in enumerate(echte(qs)):
            if i == 2:
                raise RuntimeError("verbinding weg")
            yield rij

    monkeypatch.setattr(export_services.selectors, "actie_rijen", breekt)
    tijdelijk_voor = set(ALL_TEMP_FILES)
    lang_export_maken.delay(bestand.id)

    bestand.refresh_from_db()
    assert bestand.status == "mislukt"
    assert "De export kon niet worden gemaakt" in bestand.fout
    assert "verbinding weg" in bestand.fout
    assert not bestand.bestand and bestand.aantal_rijen is None
    assert _bestanden(settings) == []
    # openpyxl's temporary sheet file with the first rows is gone too (not only at process exit).
    assert set(ALL_TEMP_FILES) == tijdelijk_voor
    # A failed export is not picked up again by a late second delivery.
    monkeypatch.undo()
    assert export_services.maak_exportbestand(bestand_id=bestand.id) is None


def test_a_failure_after_storing_removes_the_stored_file(wereld, settings, monkeypatch):
    ActieFactory.create_batch(4, buurt=wereld.buurt_a, trekker=wereld.partner)
    bestand = ExportBestandFactory(buurt=wereld.buurt_a, aangevraagd_door=wereld.regisseur_a)
    echte_update = ExportBestand.objects.filter

    def filter_dat_faalt(*args, **kwargs):
        if kwargs.get("status") == "bezig":
            raise RuntimeError("database weg bij het afronden")
        return echte_update(*args, **kwargs)

    monkeypatch.setattr(ExportBestand.objects, "filter", filter_dat_faalt)
    lang_export_maken.delay(bestand.id)
    monkeypatch.undo()

    bestand.refresh_from_db()
    assert bestand.status == "mislukt" and not bestand.bestand
    assert _bestanden(settings) == []


def test_filters_that_no_longer_hold_fail_the_export_instead_of_exporting_everything(wereld):
    pakket = ActiviteitenpakketFactory(buurt=wereld.buurt_a)
    ActieFactory.create_batch(4, buurt=wereld.buurt_a, trekker=wereld.partner)
    bestand = ExportBestandFactory(buurt=wereld.buurt_a, filters={"pakket": str(pakket.id)})
    pakket.delete()

    lang_export_maken.delay(bestand.id)

    bestand.refresh_from_db()
    assert bestand.status == "mislukt" and not bestand.bestand
    assert "filters van deze export gelden niet meer" in bestand.fout


def test_an_export_stuck_in_bezig_is_marked_failed_and_a_late_worker_cannot_finish_it(wereld):
    bestand = ExportBestandFactory(
        buurt=wereld.buurt_a,
        status="bezig",
        pogingen=1,  # what its claim wrote
        gestart_op=timezone.now() - timedelta(hours=2),
    )
    recent = ExportBestandFactory(buurt=wereld.buurt_a, status="bezig", gestart_op=timezone.now())

    assert exports_vastgelopen_afsluiten() == 1

    bestand.refresh_from_db()
    recent.refresh_from_db()
    assert bestand.status == "mislukt" and "liep vast" in bestand.fout
    assert recent.status == "bezig"
    assert export_services.maak_exportbestand(bestand_id=bestand.id) is None


@pytest.mark.parametrize("persona, status", [("partner_a", 403), ("coordinator", 403)])
@pytest.mark.parametrize("naam", ["exportbestand_detail", "exportbestand_download"])
def test_only_the_regisseur_sees_and_downloads_it_and_refusals_are_logged(
    wereld, als, persona, status, naam
):
    bestand = _klaar_bestand(wereld.buurt_a, wereld.regisseur_a)

    assert als(getattr(wereld, persona)).get(_url(naam, bestand)).status_code == status

    weigering = Toegangsgebeurtenis.objects.get(actie=Toegangsactie.GEWEIGERD)
    assert weigering.gebruiker == getattr(wereld, persona)
    assert weigering.object_type == "exportbestand" and weigering.object_id == str(bestand.id)
    assert not Toegangsgebeurtenis.objects.filter(actie=Toegangsactie.DOWNLOAD).exists()


def test_another_buurts_file_is_not_found(wereld, als):
    eigen = _klaar_bestand(wereld.buurt_a, wereld.regisseur_a)
    vreemd = _klaar_bestand(wereld.buurt_b, wereld.regisseur_b)

    # regisseur_b does not see buurt A at all
    assert als(wereld.regisseur_b).get(_url("exportbestand_download", eigen)).status_code == 404
    # regisseur_a may not reach buurt B's file through buurt A's address
    client = als(wereld.regisseur_a)
    via_a = reverse(
        "activiteiten:exportbestand_download",
        kwargs={"buurt_id": wereld.buurt_a.id, "exportbestand_id": vreemd.id},
    )
    assert client.get(via_a).status_code == 404
    assert client.get(_url("exportbestand_detail", vreemd)).status_code == 404
    assert not Toegangsgebeurtenis.objects.filter(actie=Toegangsactie.DOWNLOAD).exists()
    assert Toegangsgebeurtenis.objects.filter(actie=Toegangsactie.GEWEIGERD).count() == 3


def test_the_download_is_the_file_and_is_logged(wereld, als):
    bestand = _klaar_bestand(wereld.buurt_a, wereld.regisseur_a)

    antwoord = als(wereld.regisseur_a).get(_url("exportbestand_download", bestand))

    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f'filename="{bestand.bestandsnaam()}"' in antwoord["Content-Disposition"]
    assert b"".join(antwoord.streaming_content) == b"PK inhoud"
    log = Toegangsgebeurtenis.objects.get(actie=Toegangsactie.DOWNLOAD)
    assert log.gebruiker == wereld.regisseur_a and log.buurt == wereld.buurt_a
    assert log.object_type == "exportbestand" and log.object_id == str(bestand.id)


def test_a_file_that_is_not_finished_cannot_be_downloaded(wereld, als):
    bestand = ExportBestandFactory(buurt=wereld.buurt_a, status="bezig")

    assert als(wereld.regisseur_a).get(_url("exportbestand_download", bestand)).status_code == 404
    assert not Toegangsgebeurtenis.objects.filter(actie=Toegangsactie.DOWNLOAD).exists()


def test_the_recent_list_shows_only_the_users_own_files(wereld, als):
    from tests.factories import LidmaatschapFactory, UserFactory

    collega = UserFactory(username="collega")
    LidmaatschapFactory(gebruiker=collega, buurt=wereld.buurt_a, rol="regisseur")
    eigen = _klaar_bestand(wereld.buurt_a, wereld.regisseur_a)
    ander = _klaar_bestand(wereld.buurt_a, collega)

    html = als(wereld.regisseur_a).get(_url("exportbestand_detail", eigen)).content.decode()

    assert _url("exportbestand_detail", eigen) in html
    assert _url("exportbestand_detail", ander) not in html


def test_old_export_files_go_with_the_daily_retention_job(
    wereld, settings, django_capture_on_commit_callbacks
):
    settings.ZORGNET_BEWAARTERMIJNEN = {**settings.ZORGNET_BEWAARTERMIJNEN, "exportbestand": 7}
    oud = _klaar_bestand(wereld.buurt_a, wereld.regisseur_a)
    ExportBestand.objects.filter(pk=oud.pk).update(aangemaakt_op=timezone.now() - timedelta(days=8))
    jong = _klaar_bestand(wereld.buurt_a, wereld.regisseur_a)
    pad_oud, pad_jong = Path(oud.bestand.path), Path(jong.bestand.path)

    with django_capture_on_commit_callbacks(execute=True):
        assert bewaartermijnen_toepassen()["exportbestand"] == 1

    assert not ExportBestand.objects.filter(pk=oud.pk).exists() and not pad_oud.exists()
    assert ExportBestand.objects.filter(pk=jong.pk).exists() and pad_jong.exists()
    log = Toegangsgebeurtenis.objects.get(actie=Toegangsactie.GEWIST, object_type="exportbestand")
    assert log.buurt == wereld.buurt_a and log.omschrijving.startswith("1 exportbestanden")
    with django_capture_on_commit_callbacks(execute=True):
        assert bewaartermijnen_toepassen()["exportbestand"] == 0


def _klaar_bestand(buurt, door) -> ExportBestand:
    bestand = ExportBestandFactory(buurt=buurt, aangevraagd_door=door, status="klaar")
    bestand.bestand.save("acties.xlsx", ContentFile(b"PK inhoud"), save=False)
    bestand.aantal_rijen = 1
    bestand.save()
    return bestand


def test_an_export_whose_message_was_lost_is_queued_again_and_made_once(wereld, settings):
    from activiteiten.models import ExportBestand

    settings.ZORGNET_XLSX_JOB_VANAF = 0
    verloren = ExportBestandFactory(buurt=wereld.buurt_a, status="wachtend")
    ExportBestand.objects.filter(pk=verloren.pk).update(
        aangemaakt_op=timezone.now() - timedelta(hours=1)
    )
    vers = ExportBestandFactory(buurt=wereld.buurt_a, status="wachtend")

    assert exports_vastgelopen_afsluiten() == 1  # runs eagerly here

    verloren.refresh_from_db()
    vers.refresh_from_db()
    assert verloren.status == "klaar" and verloren.bestand
    assert vers.status == "wachtend"
    assert exports_vastgelopen_afsluiten() == 0
