"""Upload rules and safe serving (zorgnet/lib/bestanden.py, issue 16 findings 1 and 2)."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from zorgnet.lib import bestanden


def _id(waarde) -> str:
    """Test ids from the file name only (the bytes differ per run: zip timestamps)."""
    return waarde if isinstance(waarde, str) else "inhoud"


SVG_MET_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
)


def png(breedte=20, hoogte=10, **info) -> bytes:
    uit = io.BytesIO()
    Image.new("RGB", (breedte, hoogte), (200, 30, 30)).save(uit, format="PNG", **info)
    return uit.getvalue()


def jpeg_met_exif() -> bytes:
    beeld = Image.new("RGB", (30, 30), (10, 120, 10))
    exif = Image.Exif()
    exif[0x010E] = "geheime omschrijving"  # ImageDescription
    exif[0x8825] = {2: (51.0, 3.0, 0.0)}  # GPSInfo: a location
    uit = io.BytesIO()
    beeld.save(uit, format="JPEG", exif=exif)
    return uit.getvalue()


def pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx() -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        for naam, tekst in (("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>")):
            z.writestr(zipfile.ZipInfo(naam, date_time=(2026, 1, 1, 0, 0, 0)), tekst)
    return uit.getvalue()


def upload(naam, inhoud, soort="application/octet-stream"):
    return SimpleUploadedFile(naam, inhoud, content_type=soort)


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [
        ("draaiboek.pdf", pdf()),
        ("draaiboek.docx", docx()),
    ],
    ids=_id,
)
def test_echte_documenten_zijn_toegelaten(naam, inhoud):
    assert bestanden.DocumentVeld().clean(upload(naam, inhoud)).name == naam


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [
        ("aanval.html", b"<html><script>fetch('/buurten/1/signalen/')</script></html>"),
        ("aanval.js", b"fetch('/buurten/1/signalen/')"),
        ("aanval.svg", SVG_MET_SCRIPT),
        ("vermomd.pdf", b"<html><script>alert(1)</script></html>"),  # wrong content
        ("foto.pdf", png()),  # a PNG with the wrong extension
        ("archief.docx", b"PK\x03\x04 not really a zip"),
        ("zonder-extensie", pdf()),
    ],
    ids=_id,
)
def test_vijandige_documenten_worden_geweigerd(naam, inhoud):
    with pytest.raises(ValidationError) as fout:
        bestanden.DocumentVeld().clean(upload(naam, inhoud))
    assert "bestand" in str(fout.value)


def test_te_groot_document_wordt_geweigerd(settings):
    settings.ZORGNET_UPLOAD_MAX_MB = 1
    with pytest.raises(ValidationError, match="te groot: maximaal 1 MB"):
        bestanden.DocumentVeld().clean(upload("groot.pdf", pdf() + b"0" * (1024 * 1024)))


def test_foto_wordt_opnieuw_gecodeerd_zonder_metadata():
    schoon = bestanden.AfbeeldingVeld().clean(upload("ik.jpg", jpeg_met_exif()))
    inhoud = schoon.read()
    assert b"geheime omschrijving" not in inhoud
    with Image.open(io.BytesIO(inhoud)) as beeld:
        assert beeld.format == "JPEG"
        assert not beeld.getexif()
    assert schoon.name == "foto.jpg"


def test_foto_met_aanhangsel_verliest_het_aanhangsel():
    # A polyglot: a valid PNG with HTML appended; the re-encoded copy holds only pixels.
    kwaadaardig = png() + b"<html><script>alert(1)</script></html>"
    schoon = bestanden.AfbeeldingVeld().clean(upload("foto.png", kwaadaardig))
    assert b"<script>" not in schoon.read()


def test_grote_foto_wordt_verkleind():
    schoon = bestanden.AfbeeldingVeld().clean(upload("groot.png", png(5000, 100)))
    with Image.open(schoon) as beeld:
        assert beeld.size == (bestanden.MAX_ZIJDE, 48)


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [
        ("foto.svg", SVG_MET_SCRIPT),
        ("foto.jpg", png()),  # a PNG with a wrong extension
        ("foto.png", b"<html>"),
        ("foto.html", png()),
        ("foto.png", b"\x89PNG\r\n\x1a\n kapot"),
    ],
    ids=_id,
)
def test_vijandige_fotos_worden_geweigerd(naam, inhoud):
    with pytest.raises(ValidationError):
        bestanden.AfbeeldingVeld().clean(upload(naam, inhoud))


def test_onraadbare_naam():
    pad = bestanden.OnraadbaarPad("draaiboeken")
    eerste, tweede = pad(None, "Mijn draaiboek.PDF"), pad(None, "Mijn draaiboek.PDF")
    assert eerste != tweede
    assert eerste.startswith("draaiboeken/") and eerste.endswith(".pdf")
    assert "draaiboek" not in eerste.removeprefix("draaiboeken/")
    assert len(eerste.removeprefix("draaiboeken/").removesuffix(".pdf")) == 32  # uuid4 hex
    assert pad(None, "x.<script>").endswith(tuple("0123456789abcdef"))  # no odd extension


def test_bestand_response_is_een_veilige_download(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    naam = default_storage.save("draaiboeken/x.pdf", ContentFile(pdf()))
    veld = default_storage.open(naam)
    veld.name = naam
    antwoord = bestanden.bestand_response(veld, "draaiboek.pdf")
    assert antwoord["Content-Disposition"] == 'attachment; filename="draaiboek.pdf"'
    assert antwoord["X-Content-Type-Options"] == "nosniff"
    assert antwoord["Content-Type"] == "application/pdf"
    assert b"".join(antwoord.streaming_content) == pdf()


def test_bestand_response_kent_geen_html(tmp_path, settings):
    # An old upload from before the rules (an .html draaiboek) is still served as bytes only.
    settings.MEDIA_ROOT = tmp_path
    naam = default_storage.save("draaiboeken/oud.html", ContentFile(b"<script>"))
    veld = default_storage.open(naam)
    veld.name = naam
    antwoord = bestanden.bestand_response(veld, "oud.html")
    assert antwoord["Content-Type"] == "application/octet-stream"
    assert antwoord["Content-Disposition"].startswith("attachment")
