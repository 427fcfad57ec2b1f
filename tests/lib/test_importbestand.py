"""The one rule for every import file: encoding, delimiter, decimal comma or point."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from buurten.analyse.importeren import lees_bestand as lees_indicatoren
from partners.resources import lees_bestand as lees_partners
from zorgnet.lib.importbestand import getal, lees_csv, lees_tabel

RIJEN = [["naam", "sector"], ["Café Zonnebloem", "welzijn"]]


def test_cp1252_bestand_uit_excel_windows():
    inhoud = "naam;sector\nCafé Zonnebloem;welzijn\n".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        inhoud.decode("utf-8")
    assert lees_csv(inhoud) == RIJEN


def test_utf8_met_en_zonder_bom():
    tekst = "naam;sector\nCafé Zonnebloem;welzijn\n"
    assert lees_csv(tekst.encode("utf-8")) == RIJEN
    assert lees_csv(tekst.encode("utf-8-sig")) == RIJEN  # no BOM glued to the first heading


@pytest.mark.parametrize("scheiding", [";", ",", "\t"])
def test_scheidingsteken_wordt_herkend(scheiding):
    tekst = f"naam{scheiding}sector\nCafé Zonnebloem{scheiding}welzijn\n"
    assert lees_csv(tekst.encode()) == RIJEN


def test_onleesbare_bytes_geven_een_nederlandse_fout():
    with pytest.raises(ValidationError) as exc:
        lees_csv(b"\x9d\x81;buurt\n")
    assert "kon niet gelezen worden" in exc.value.messages[0]


@pytest.mark.parametrize(
    ("cel", "verwacht"),
    [
        ("12,5", Decimal("12.5")),
        ("12.5", Decimal("12.5")),
        ("1.234,5", Decimal("1234.5")),
        ("1 234,5", Decimal("1234.5")),
        (12.5, Decimal("12.5")),
        (7, Decimal("7")),
        ("", None),
        (None, None),
    ],
)
def test_decimale_komma_of_punt(cel, verwacht):
    assert getal(cel) == verwacht


@pytest.mark.parametrize("cel", ["twaalf", "NaN", "inf", "1,2,3"])
def test_geen_getal_is_een_fout(cel):
    with pytest.raises(ValueError):
        getal(cel)


def test_beide_imports_lezen_hetzelfde_cp1252_tabbestand():
    """The partner import used to refuse cp1252 and tab-separated files; now it reads them."""
    partners = "naam\tsector\nCafé Zonnebloem\twelzijn\n".encode("cp1252")
    dataset = lees_partners(partners, "csv")
    assert dataset.headers == ["naam", "sector"]
    assert dataset[0] == ("Café Zonnebloem", "welzijn")

    from django.core.files.uploadedfile import SimpleUploadedFile

    indicatoren = "buurt\tindicator\tpeildatum\twaarde\nSint-André\tx\t2025-01-01\t12,5\n"
    rijen = lees_indicatoren(SimpleUploadedFile("c.csv", indicatoren.encode("cp1252")))
    assert rijen[0].get("buurt") == "Sint-André"
    assert getal(rijen[0].get("waarde")) == Decimal("12.5")


def test_xlsx_geeft_de_waarden_van_het_eerste_blad():
    boek = Workbook()
    boek.active.append(["naam", "aantal"])
    boek.active.append(["Buurthuis", 3])
    uit = io.BytesIO()
    boek.save(uit)
    assert lees_tabel(uit.getvalue(), "xlsx") == [["naam", "aantal"], ["Buurthuis", 3]]
