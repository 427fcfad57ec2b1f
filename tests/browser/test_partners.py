"""Partner journeys: a partner user maintains their profile and confirms a tie; the regisseur imports."""

import pytest

from partners.models import Bevestiging, Partner
from tests.factories import PartnerFactory, RelatieFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KOP = "naam;sector;soort;formeel;werkingsgebied;status;wat_wij_doen;website\n"
GOED = (
    KOP
    + "Repair Café Buurtegem;informeel_burgerinitiatief;bewonersinitiatief;nee;geleefde_buurt;actief;Samen herstellen;\n"
)


def _bestand(tekst: str) -> dict:
    return {"name": "partners.csv", "mimeType": "text/csv", "buffer": tekst.encode()}


def test_partner_user_updates_profile_and_confirms_a_tie(pagina, wereld):
    ldc = PartnerFactory(gemeente=wereld.gemeente_1, naam="LDC De Linde", buurten=[wereld.buurt_a])
    relatie = RelatieFactory(van_partner=ldc, naar_partner=wereld.partner)
    pagina.aanmelden(wereld.partner_a)
    pagina.goto(f"{pagina.basis}/buurten/{wereld.buurt_a.id}/partners/")
    pagina.click("text=OCMW Stederen")
    pagina.click("text=Profiel bewerken")
    pagina.fill("#id_wat_wij_doen", "Sociaal huis met een wekelijkse zitdag in Buurtegem.")
    pagina.click("button:has-text('Bewaren')")
    assert "Profiel bijgewerkt." in pagina.inner_text(".meldingen")
    assert "wekelijkse zitdag" in pagina.inner_text("header.paginakop")

    pagina.click("a:has-text('beantwoorden')")
    assert "LDC De Linde" in pagina.inner_text("#te-beantwoorden")
    pagina.click(f"#relatie-{relatie.id} button:has-text('Bevestigen')")
    pagina.wait_for_selector(f"#antwoord-{relatie.id} .bevestiging-bevestigd")
    relatie.refresh_from_db()
    assert relatie.bevestiging == Bevestiging.BEVESTIGD


def test_regisseur_imports_a_file_with_a_bad_row_then_the_fixed_file(pagina, wereld):
    pagina.aanmelden(wereld.regisseur_a)
    pagina.goto(f"{pagina.basis}/buurten/{wereld.buurt_a.id}/partners/")
    pagina.click("text=Partners importeren")
    pagina.set_input_files(
        "#id_bestand", _bestand(GOED + "Schaakclub;schaken;vereniging;nee;;;;\n")
    )
    pagina.click("button:has-text('Controleren')")
    fout = pagina.inner_text("#importresultaat [role=alert]")
    assert "Rij 3" in fout and "Onbekende sector 'schaken'" in fout
    assert not pagina.is_visible("text=Bevestigen en importeren")
    assert not Partner.objects.filter(naam="Repair Café Buurtegem").exists()

    pagina.set_input_files("#id_bestand", _bestand(GOED + "Schaakclub;sport;vereniging;nee;;;;\n"))
    pagina.click("button:has-text('Controleren')")
    assert "Controle geslaagd" in pagina.inner_text("#importresultaat")
    pagina.click("text=Bevestigen en importeren")
    assert "2 rijen geïmporteerd" in pagina.inner_text(".meldingen")
    assert "Repair Café Buurtegem" in pagina.inner_text("#partnertabel")
    assert Partner.objects.filter(buurten=wereld.buurt_a).count() == 3
