import pytest
from django.core.exceptions import ValidationError

from zorgnet.lib.privacy import controleer_geen_identificatoren, gevonden_identificatoren


@pytest.mark.parametrize(
    "tekst,soort",
    [
        ("rijksregisternummer 85.07.30-033.61 gevonden", "rijksregisternummer"),
        ("nummer 85073003361", "rijksregisternummer"),
        ("bel haar op 0470 12 34 56", "telefoonnummer"),
        ("bel +32 470 12 34 56", "telefoonnummer"),
        ("vast nummer 03/123.45.67", "telefoonnummer"),
        ("mail naar jan.peeters@example.be", "e-mailadres"),
        ("woont in de Kerkstraat 12", "adres"),
        ("woont Stationsstr. 7 bus 2", "adres"),
        ("op de Grote Markt 3", "adres"),
    ],
)
def test_it_refuses_resident_identifiers(tekst, soort):
    assert any(soort in gevonden for gevonden in gevonden_identificatoren(tekst))
    with pytest.raises(ValidationError) as exc:
        controleer_geen_identificatoren(tekst)
    assert "herkenbaar" in str(exc.value)


@pytest.mark.parametrize(
    "tekst",
    [
        "Oudere buurvrouw voelt zich eenzaam sinds de winter, wil graag naar de buurtbabbel.",
        "Drie gezinnen in de straat vragen huiswerkbegeleiding; 12 kinderen in totaal.",
        "Op 12 maart 2026 meldden 4 bewoners wateroverlast in de kelders.",
        "Afspraak in week 14 met het OCMW, budget 2500 euro.",
        "",
    ],
)
def test_it_accepts_situation_descriptions(tekst):
    assert gevonden_identificatoren(tekst) == []
    controleer_geen_identificatoren(tekst)
