"""PDF assets come from disk, never over HTTP (zorgnet/lib/pdf.py, issue 16 finding 8)."""

import logging

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import BijeenkomstFactory
from zorgnet.lib.pdf import lokaal_pad, url_fetcher

CSS = settings.BASE_DIR / "static" / "css" / "zorgnet.css"


def test_static_adressen_komen_van_schijf_ook_met_een_host():
    # Nothing listens on this port: an HTTP fetch would fail, the file system answers.
    antwoord = url_fetcher("http://127.0.0.1:9/static/css/zorgnet.css")
    assert antwoord["string"] == CSS.read_bytes()
    assert antwoord["mime_type"] == "text/css"
    assert lokaal_pad("file:///static/css/zorgnet.css") == CSS.resolve()


@pytest.mark.parametrize(
    "url",
    [
        "http://kwaad.example/x.css",
        "https://127.0.0.1:8000/buurten/1/signalen/",
        "file:///etc/passwd",
        "http://testserver/static/../zorgnet/settings.py",
        "file:///static/../../etc/passwd",
        "http://testserver/static/../../../../etc/hostname",
    ],
)
def test_andere_adressen_worden_niet_geladen(url):
    with pytest.raises(ValueError):
        url_fetcher(url)


@pytest.mark.django_db
def test_het_vergaderblad_als_pdf_laadt_zijn_stijl_zonder_http(wereld, als, caplog):
    bijeenkomst = BijeenkomstFactory(buurt=wereld.buurt_a)
    url = reverse("activiteiten:bijeenkomst_blad", args=(wereld.buurt_a.pk, bijeenkomst.pk))
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        antwoord = als(wereld.regisseur_a).get(url, {"formaat": "pdf"})
    assert antwoord.content.startswith(b"%PDF")
    # The old code fetched http://testserver/static/css/zorgnet.css from the app itself (here:
    # a failed request in the log); now nothing is loaded over HTTP.
    assert not [r for r in caplog.records if "Failed to load" in r.getMessage()]
