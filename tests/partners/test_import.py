"""Imports: dry run with row-level Dutch errors, nothing written when any row fails."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from partners.models import Contactpersoon, Partner
from partners.resources import importeren
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

KOP = "naam;sector;soort;formeel;werkingsgebied;status;wat_wij_doen;website\n"
GOED = (
    KOP
    + "Repair Café;informeel_burgerinitiatief;bewonersinitiatief;nee;geleefde_buurt;actief;Samen herstellen;\nBibliotheek;Cultuur;dienst;ja;;;Boeken;\n"
)
FOUT = GOED + "Schaakclub;schaken;vereniging;nee;;;;\n"


def test_a_file_with_one_bad_row_writes_nothing(wereld):
    resultaat = importeren(
        buurt=wereld.buurt_a, soort="partners", inhoud=FOUT.encode(), formaat="csv", uitvoeren=True
    )
    assert not resultaat.uitgevoerd
    assert [f.rij for f in resultaat.fouten] == [4]
    assert "Onbekende sector 'schaken'" in resultaat.fouten[0].meldingen[0]
    assert Partner.objects.count() == 1


def test_a_clean_file_imports_into_the_buurt_with_history(wereld):
    resultaat = importeren(
        buurt=wereld.buurt_a, soort="partners", inhoud=GOED.encode(), formaat="csv", uitvoeren=True
    )
    assert resultaat.uitgevoerd and resultaat.nieuw == 2
    bib = Partner.objects.get(naam="Bibliotheek")
    assert bib.sector == "cultuur" and bib.formeel and bib.gemeente == wereld.gemeente_1
    assert list(bib.buurten.all()) == [wereld.buurt_a]
    assert bib.history.exists()
    # importing again updates instead of duplicating
    opnieuw = importeren(
        buurt=wereld.buurt_a, soort="partners", inhoud=GOED.encode(), formaat="csv", uitvoeren=True
    )
    assert opnieuw.bijgewerkt == 2 and Partner.objects.count() == 3


def test_a_dry_run_writes_nothing(wereld):
    resultaat = importeren(
        buurt=wereld.buurt_a, soort="partners", inhoud=GOED.encode(), formaat="csv", uitvoeren=False
    )
    assert resultaat.ok and not resultaat.uitgevoerd
    assert Partner.objects.count() == 1


def test_duplicate_names_in_the_file_are_row_errors(wereld):
    inhoud = KOP + "Chiro;sport;;;;;;\nchiro ;sport;;;;;;\n"
    resultaat = importeren(
        buurt=wereld.buurt_a,
        soort="partners",
        inhoud=inhoud.encode(),
        formaat="csv",
        uitvoeren=True,
    )
    assert [f.rij for f in resultaat.fouten] == [3]
    assert Partner.objects.count() == 1


def test_xlsx_contactpersonen_with_an_unknown_partner_is_refused(wereld):
    boek = Workbook()
    blad = boek.active
    blad.append(["partner", "voornaam", "achternaam", "email", "toestemming"])
    blad.append(["OCMW Stederen", "An", "Peeters", "an@x.invalid", "ja"])
    blad.append(["Bestaat Niet", "Bo", "Claes", "", "nee"])
    buffer = io.BytesIO()
    boek.save(buffer)
    resultaat = importeren(
        buurt=wereld.buurt_a,
        soort="contactpersonen",
        inhoud=buffer.getvalue(),
        formaat="xlsx",
        uitvoeren=True,
    )
    assert [f.rij for f in resultaat.fouten] == [3]
    assert "Geen partner 'Bestaat Niet'" in " ".join(resultaat.fouten[0].meldingen)
    assert not Contactpersoon.objects.exists()
    blad.delete_rows(3)
    buffer = io.BytesIO()
    boek.save(buffer)
    resultaat = importeren(
        buurt=wereld.buurt_a,
        soort="contactpersonen",
        inhoud=buffer.getvalue(),
        formaat="xlsx",
        uitvoeren=True,
    )
    assert resultaat.uitgevoerd
    assert Contactpersoon.objects.get().toestemming_contactgegevens is True


def test_the_import_page_previews_then_confirms(wereld, als):
    client = als(wereld.regisseur_a)
    url = reverse("partners:partner_import", args=[wereld.buurt_a.id])
    response = client.post(
        url, {"bestand": SimpleUploadedFile("p.csv", FOUT.encode()), "controleren": "1"}
    )
    pagina = response.content.decode()
    assert (
        response.status_code == 200 and "Rij 4" in pagina and "Er werd niets geïmporteerd" in pagina
    )
    assert "Bevestigen en importeren" not in pagina
    response = client.post(
        url, {"bestand": SimpleUploadedFile("p.csv", GOED.encode()), "controleren": "1"}
    )
    assert "Bevestigen en importeren" in response.content.decode()
    assert Partner.objects.count() == 1
    inhoud = response.context["bevestig"]["inhoud"]
    response = client.post(url, {"inhoud": inhoud, "formaat": "csv", "importeren": "1"})
    assert response.status_code == 302
    assert Partner.objects.count() == 3


def test_a_missing_column_or_wrong_file_type_is_a_clear_error(wereld, als):
    client = als(wereld.regisseur_a)
    url = reverse("partners:partner_import", args=[wereld.buurt_a.id])
    response = client.post(
        url, {"bestand": SimpleUploadedFile("p.csv", b"naam\nX\n"), "controleren": "1"}
    )
    assert "Kolommen ontbreken: sector" in response.content.decode()
    response = client.post(
        url, {"bestand": SimpleUploadedFile("p.pdf", b"%PDF"), "controleren": "1"}
    )
    assert "Kies een CSV- of XLSX-bestand." in response.content.decode()


def test_a_name_of_another_buurts_partner_is_a_row_error_and_changes_nothing(wereld):
    """Issue 16, finding 3: the import matched names across the whole gemeente, so buurt A's
    regisseur overwrote a partner of buurt A2 only and linked it into A."""
    vreemd = PartnerFactory(
        gemeente=wereld.gemeente_1,
        naam="Wijkteam Stationswijk",
        sector="welzijn",
        wat_wij_doen="Origineel",
        buurten=[wereld.buurt_a2],
    )
    inhoud = KOP + "wijkteam  stationswijk;zorg;;;;;Overgenomen;\nBibliotheek;cultuur;;;;;;\n"
    resultaat = importeren(
        buurt=wereld.buurt_a,
        soort="partners",
        inhoud=inhoud.encode(),
        formaat="csv",
        uitvoeren=True,
    )
    assert not resultaat.uitgevoerd
    assert [f.rij for f in resultaat.fouten] == [2]
    assert "werkt niet in deze buurt" in " ".join(resultaat.fouten[0].meldingen)
    vreemd.refresh_from_db()
    assert (vreemd.sector, vreemd.wat_wij_doen) == ("welzijn", "Origineel")
    assert list(vreemd.buurten.all()) == [wereld.buurt_a2]
    assert not Partner.objects.filter(naam="Bibliotheek").exists()


def test_a_partner_shared_with_another_buurt_is_updated_in_place(wereld):
    gedeeld = PartnerFactory(
        gemeente=wereld.gemeente_1,
        naam="Buurtwerk",
        sector="welzijn",
        buurten=[wereld.buurt_a, wereld.buurt_a2],
    )
    inhoud = KOP + "Buurtwerk;welzijn;;;;;Nieuw verhaal;\n"
    resultaat = importeren(
        buurt=wereld.buurt_a,
        soort="partners",
        inhoud=inhoud.encode(),
        formaat="csv",
        uitvoeren=True,
    )
    assert resultaat.uitgevoerd and resultaat.bijgewerkt == 1
    gedeeld.refresh_from_db()
    assert gedeeld.wat_wij_doen == "Nieuw verhaal"
    assert set(gedeeld.buurten.all()) == {wereld.buurt_a, wereld.buurt_a2}
