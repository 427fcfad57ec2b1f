"""Bounded work (issue 16, finding 8): size caps on every import, a signed and size-checked
confirm field, a row limit checked while reading, report periods within bounds."""

import io

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from buurten.analyse.models import IndicatorWaarde
from partners.models import Partner
from zorgnet.lib import importbestand

pytestmark = pytest.mark.django_db

KOP = "naam;sector;soort;formeel;werkingsgebied;status;wat_wij_doen;website\n"
RIJ = "Partner {n};cultuur;dienst;ja;;;;\n"


def _partners_csv(aantal: int) -> bytes:
    return (KOP + "".join(RIJ.format(n=n) for n in range(aantal))).encode()


def _import_url(wereld):
    return reverse("partners:partner_import", args=[wereld.buurt_a.id])


# --- the row limit, checked while reading ------------------------------------------------------
def test_de_rijgrens_stopt_het_lezen_van_csv_en_xlsx(settings):
    settings.ZORGNET_IMPORT_MAX_RIJEN = 50
    assert len(importbestand.lees_tabel(_partners_csv(50), "csv")) == 51
    with pytest.raises(ValidationError, match="meer dan 50 rijen"):
        importbestand.lees_tabel(_partners_csv(51), "csv")
    boek = Workbook()
    for n in range(52):
        boek.active.append([f"rij {n}"])
    buffer = io.BytesIO()
    boek.save(buffer)
    with pytest.raises(ValidationError, match="meer dan 50 rijen"):
        importbestand.lees_tabel(buffer.getvalue(), "xlsx")


def test_een_partnerimport_met_100000_rijen_wordt_meteen_geweigerd(wereld, als, settings):
    # 100,000 rows of about 30 bytes: 3 MB, under the size cap; the row limit refuses it unread.
    client = als(wereld.regisseur_a)
    groot = SimpleUploadedFile("p.csv", _partners_csv(100_000))
    antwoord = client.post(_import_url(wereld), {"bestand": groot, "controleren": "1"})
    assert antwoord.status_code == 200
    assert f"meer dan {settings.ZORGNET_IMPORT_MAX_RIJEN} rijen" in antwoord.content.decode()
    assert not Partner.objects.filter(naam__startswith="Partner ").exists()


# --- size caps -----------------------------------------------------------------------------------
def test_de_indicatorimport_heeft_een_groottegrens(wereld, als, settings):
    settings.ZORGNET_IMPORT_MAX_MB = 1
    inhoud = b"buurt;indicator;peildatum;waarde\n" + b"x;y;2025-01-01;1\n" * 70_000  # > 1 MB
    url = reverse("buurten:indicatorwaarde_import", args=[wereld.buurt_a.pk])
    antwoord = als(wereld.regisseur_a).post(
        url, {"bestand": SimpleUploadedFile("cijfers.csv", inhoud)}
    )
    assert antwoord.status_code == 200
    assert "te groot: maximaal 1 MB" in antwoord.content.decode()
    assert not IndicatorWaarde.objects.exists()


def test_de_partnerimport_heeft_een_groottegrens(wereld, als, settings):
    settings.ZORGNET_IMPORT_MAX_MB = 1
    groot = SimpleUploadedFile("p.csv", KOP.encode() + b"x" * (1024 * 1024))
    antwoord = als(wereld.regisseur_a).post(_import_url(wereld), {"bestand": groot})
    assert "te groot: maximaal 1 MB" in antwoord.content.decode()


# --- the confirm POST carries signed content, never raw client content --------------------------
def test_een_zelfgemaakt_inhoudveld_wordt_geweigerd(wereld, als):
    import base64

    vervalst = base64.b64encode(_partners_csv(2)).decode()
    antwoord = als(wereld.regisseur_a).post(
        _import_url(wereld), {"inhoud": vervalst, "formaat": "csv", "importeren": "1"}
    )
    assert antwoord.status_code == 200
    assert "verlopen of gewijzigd" in antwoord.content.decode()
    assert not Partner.objects.filter(naam__startswith="Partner ").exists()


def test_de_ondertekende_inhoud_geldt_alleen_voor_haar_buurt_en_wordt_begrensd(
    wereld, als, settings
):
    client = als(wereld.regisseur_a)
    antwoord = client.post(
        _import_url(wereld),
        {"bestand": SimpleUploadedFile("p.csv", _partners_csv(2)), "controleren": "1"},
    )
    token = antwoord.context["bevestig"]["inhoud"]
    # Tampered: one character changed.
    gewijzigd = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    antwoord = client.post(_import_url(wereld), {"inhoud": gewijzigd, "importeren": "1"})
    assert "verlopen of gewijzigd" in antwoord.content.decode()
    # Replayed for another kind of import of the same buurt.
    andere = reverse("partners:contactpersoon_import", args=[wereld.buurt_a.id])
    antwoord = client.post(andere, {"inhoud": token, "importeren": "1"})
    assert "verlopen of gewijzigd" in antwoord.content.decode()
    # Too large to be a real preview: refused before it is decoded.
    settings.ZORGNET_IMPORT_MAX_MB = 1
    te_groot = signing.dumps({"inhoud": "A" * (2 * 1024 * 1024)}, salt="x")
    antwoord = client.post(_import_url(wereld), {"inhoud": te_groot, "importeren": "1"})
    assert "te groot" in antwoord.content.decode()
    settings.ZORGNET_IMPORT_MAX_MB = 5
    # The genuine token still imports.
    assert client.post(_import_url(wereld), {"inhoud": token, "importeren": "1"}).status_code == 302
    assert Partner.objects.filter(naam__startswith="Partner ").count() == 2


# --- report periods within bounds ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("van", "tot"),
    [
        ("0001-01-01", "2025-12-31"),
        ("2025-01-01", "9999-12-31"),
        ("1999-12-31", "2000-06-30"),
        ("2010-01-01", "2025-12-31"),  # longer than the maximum span
    ],
)
def test_een_rapportperiode_buiten_de_grenzen_wordt_geweigerd(wereld, als, van, tot):
    from zorgnet.rapport.models import RapportBestand

    url = reverse("rapport:buurt_rapport", args=[wereld.buurt_a.id])
    antwoord = als(wereld.regisseur_a).post(url, {"van": van, "tot": tot, "formaten": ["pdf"]})
    assert antwoord.status_code == 200
    assert "periode" in str(antwoord.context["form"].errors).lower()
    assert not RapportBestand.objects.exists()
    voorbeeld = reverse("rapport:buurt_voorbeeld", args=[wereld.buurt_a.id])
    antwoord = als(wereld.regisseur_a).get(voorbeeld, {"van": van, "tot": tot})
    assert antwoord.status_code == 400
    assert "Een rapportperiode" in antwoord.content.decode()
