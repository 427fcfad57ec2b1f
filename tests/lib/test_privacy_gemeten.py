"""The identifier check measured on the project's labelled set (tests/data/identificatoren.tsv)."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from zorgnet.lib import privacy
from zorgnet.lib.privacy_meting import lees_set, meet

SET = Path(__file__).resolve().parent.parent / "data" / "identificatoren.tsv"


@pytest.fixture(scope="module")
def meting():
    return meet(lees_set(SET))


def test_de_set_is_groot_genoeg_en_half_om_half():
    zinnen = lees_set(SET)
    soorten = {soort for soort, _ in zinnen}
    assert len(zinnen) >= 150
    schoon = sum(1 for soort, _ in zinnen if soort == "schoon")
    assert abs(schoon - (len(zinnen) - schoon)) <= len(zinnen) // 10
    assert set(privacy.SOORTEN) <= soorten  # every kind of identifier is in the set


def test_recall_minstens_95_procent(meting):
    assert meting.recall >= 0.95, meting.gemist


def test_hoogstens_3_procent_vals_alarm(meting):
    assert meting.vals_alarm_ratio <= 0.03, meting.vals_alarm


def test_de_juiste_soort_bij_minstens_95_procent(meting):
    assert len(meting.verkeerde_soort) / meting.met_identificator <= 0.05, meting.verkeerde_soort


@pytest.mark.parametrize(
    ("tekst", "reden", "voorstel"),
    [
        (
            "Mevrouw Maria Janssens (82) woont alleen en is gevallen.",
            "een naam",
            "[PERSOON] ([LEEFTIJD]) woont alleen en is gevallen.",
        ),
        ("Geboren op 12/03/1941", "een geboortedatum", "[GEBOORTEDATUM]"),
        ("IBAN BE71 0961 2345 6769", "een rekeningnummer (IBAN)", "IBAN [REKENINGNUMMER]"),
        ("woont in de kerkstraat 12", "een adres", "woont in de [ADRES]"),
        ("woont op 12 Kerkstraat", "een adres", "woont op [ADRES]"),
        ("woont Rue de la Loi 16", "een adres", "woont [ADRES]"),
        ("bel +31 6 12345678", "een telefoonnummer", "bel [TELEFOONNUMMER]"),
        ("bel 0470\u200b12 34 56", "een telefoonnummer", "bel [TELEFOONNUMMER]"),
        ("mail jan.peeters [at] gmail.com", "een e-mailadres", "mail [E-MAILADRES]"),
        ("1985-07-30", "een geboortedatum", "[GEBOORTEDATUM]"),
        ("De familie Vandenbroucke vraagt hulp.", "een naam", "De [PERSOON] vraagt hulp."),
    ],
)
def test_de_voorbeelden_uit_het_issue(tekst, reden, voorstel):
    with pytest.raises(ValidationError) as fout:
        privacy.controleer_geen_identificatoren(tekst)
    assert fout.value.code == "identificator"
    assert reden in str(fout.value.message % fout.value.params)
    assert fout.value.params["voorstel"] == voorstel
    assert "telefoonnummer" not in fout.value.params["wat"] or reden == "een telefoonnummer"


def test_het_voorstel_zelf_gaat_door_de_controle():
    voorstel = privacy.geanonimiseerd("Mevrouw Maria Janssens (82), Kerkstraat 12, 0470 12 34 56")
    privacy.controleer_geen_identificatoren(voorstel)


def test_normalisatie():
    assert privacy.normaliseer("０４７０\u200b１２") == "047012"
    assert privacy.normaliseer("a [at] b (dot) be") == "a@b.be"
