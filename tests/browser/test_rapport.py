"""Journey: the coordinator opens the gemeente report from the dashboard, generates it and
downloads the PDF and the XLSX."""

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.factories import ActieFactory, SignaalFactory
from zorgnet.rapport.models import RapportBestand

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_generates_the_gemeente_report_and_downloads_pdf_and_xlsx(
    pagina, wereld, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    w = wereld
    vandaag = date.today()
    ActieFactory(
        buurt=w.buurt_a,
        trekker=w.partner,
        status="afgerond",
        deelnemers=12,
        startdatum=vandaag - timedelta(days=3),
    )
    SignaalFactory(buurt=w.buurt_a, datum=vandaag - timedelta(days=2))

    pagina.aanmelden(w.coordinator)
    pagina.click("#blok-rapport >> text=Stederen")
    assert "gemeente Stederen" in pagina.inner_text("h1")
    assert "Buurtegem" in pagina.inner_text("#gemeente-overzicht")
    pagina.fill("#id_van", (vandaag - timedelta(days=30)).isoformat())
    pagina.fill("#id_tot", vandaag.isoformat())
    pagina.click("button:has-text('Rapport maken')")
    pagina.wait_for_selector("#inhoud table >> text=Klaar")
    pagina.wait_for_function(
        "document.querySelectorAll('a[href*=\"/download/\"]').length >= 2", timeout=30000
    )
    assert RapportBestand.objects.filter(buurt=None, status="klaar").count() == 2

    inhoud = {}
    for formaat in ("pdf", "xlsx"):
        bestand = RapportBestand.objects.get(formaat=formaat)
        with pagina.expect_download() as info:
            pagina.click(f"#bestand-{bestand.id} >> text=Downloaden")
        download = info.value
        assert download.suggested_filename.endswith(f".{formaat}")
        inhoud[formaat] = Path(download.path()).read_bytes()

    tekst = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(inhoud["pdf"])).pages
    )
    assert "Gemeente Stederen" in tekst and "Acties in de periode 1" in tekst
    assert "Signalen in de periode < 5" in tekst
    boek = load_workbook(io.BytesIO(inhoud["xlsx"]))
    assert {"Samenvatting", "Acties", "Bereik"} <= set(boek.sheetnames)
