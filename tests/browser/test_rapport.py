"""Journeys: the coordinator opens the gemeente report from the dashboard, generates it and
downloads the PDF and the XLSX; the regisseur and the coordinator see the preview appear."""

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.factories import ActieFactory, SignaalFactory
from zorgnet.rapport import services
from zorgnet.rapport.models import RapportBestand, RapportVoorbeeld

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
        "document.querySelectorAll('a[href*=\"/download/\"]').length >= 2",
        timeout=30000,
        polling=200,
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


def test_regisseur_asks_for_the_preview_and_sees_it_appear(pagina, wereld, settings, tmp_path):
    """Without a broker the job runs in-process: one click and the preview is there."""
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
    csp_meldingen = []
    pagina.on(
        "console",
        lambda m: csp_meldingen.append(m.text) if "Content Security Policy" in m.text else None,
    )
    pagina.aanmelden(w.regisseur_a)
    pagina.goto(f"{pagina.basis}/rapport/buurt/{w.buurt_a.id}/")
    pagina.fill("#voorbeeld_van", (vandaag - timedelta(days=30)).isoformat())
    pagina.fill("#voorbeeld_tot", vandaag.isoformat())
    pagina.click("button:has-text('Voorbeeld op het scherm')")
    pagina.wait_for_selector("#rapportvoorbeeld .rapport-titel")
    assert "Voorbeeld van" in pagina.inner_text("#voorbeeldstatus")
    inhoud = pagina.inner_text("#rapportvoorbeeld")
    assert "Buurtegem" in inhoud and "Acties in de periode" in inhoud
    eerste = RapportVoorbeeld.objects.get()

    pagina.click("#voorbeeldstatus button:has-text('Vernieuwen')")
    pagina.wait_for_selector("#rapportvoorbeeld .rapport-titel")
    assert RapportVoorbeeld.objects.get().pk != eerste.pk  # a new one replaced it
    assert not csp_meldingen, csp_meldingen


def test_coordinator_waits_for_a_queued_preview_and_sees_it_appear(pagina, wereld):
    """With a worker the page polls: it shows the status, then the preview once the job is done."""
    w = wereld
    vandaag = date.today()
    van = vandaag - timedelta(days=30)
    # Queued as if a worker will pick it up (created directly: no in-process job fires).
    voorbeeld = RapportVoorbeeld.objects.create(gemeente=w.gemeente_1, van=van, tot=vandaag)
    pagina.aanmelden(w.coordinator)
    pagina.goto(
        f"{pagina.basis}/rapport/gemeente/{w.gemeente_1.id}/voorbeeld/"
        f"?van={van.isoformat()}&tot={vandaag.isoformat()}"
    )
    assert "Het voorbeeld wordt gemaakt." in pagina.inner_text("#voorbeeldstatus")
    assert pagina.query_selector("#rapportvoorbeeld") is None
    services.maak_voorbeeld(voorbeeld_id=voorbeeld.pk)  # the "worker" finishes
    pagina.wait_for_selector("#rapportvoorbeeld .rapport-titel")  # the polling reloaded the page
    assert "Gemeente Stederen" in pagina.inner_text("#rapportvoorbeeld")
    assert "Voorbeeld van" in pagina.inner_text("#voorbeeldstatus")
