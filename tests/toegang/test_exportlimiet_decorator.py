"""Every export and download goes through one decorator; a partner gets a real 429 over real URLs."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from buurten.models import Toegangsgebeurtenis
from tests.factories import BijeenkomstFactory

# URL names that answer with a file (export, download, printable PDF, GDPR data, zip).
DOWNLOADS = re.compile(r"export$|download$|_blad$|_verslag$|_gegevens$|_graaf$|_zip$")


def _patronen(resolver, voorvoegsel=""):
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            naamruimte = f"{p.namespace}:" if p.namespace else voorvoegsel
            yield from _patronen(p, naamruimte)
        elif isinstance(p, URLPattern) and p.name:
            yield voorvoegsel + p.name, p.callback


def test_elke_download_gaat_door_de_decorator():
    downloads = {naam: view for naam, view in _patronen(get_resolver()) if DOWNLOADS.search(naam)}
    assert {"activiteiten:bijeenkomst_blad", "partners:partner_export"} <= set(downloads)
    zonder = [naam for naam, view in downloads.items() if not getattr(view, "exportlimiet", False)]
    assert zonder == []


@pytest.mark.django_db
def test_een_partner_krijgt_429_na_n_vergaderbladen(als, wereld, settings):
    settings.ZORGNET_PARTNER_EXPORTS_PER_DAG = 2
    bijeenkomst = BijeenkomstFactory(buurt=wereld.buurt_a)
    client = als(wereld.partner_a)
    url = reverse("activiteiten:bijeenkomst_blad", args=[wereld.buurt_a.id, bijeenkomst.id])
    assert client.get(url).status_code == 200  # the page itself is no download
    for _ in range(2):
        antwoord = client.get(url, {"formaat": "pdf"})
        assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
    antwoord = client.get(url, {"formaat": "pdf"})
    assert antwoord.status_code == 429
    tekst = antwoord.content.decode()
    assert "Probeer morgen opnieuw" in tekst and "maximum voor een partneraccount" in tekst
    assert antwoord["Content-Type"].startswith("text/html")
    assert Toegangsgebeurtenis.objects.filter(actie="download").count() == 2
    assert Toegangsgebeurtenis.objects.filter(actie="geweigerd").count() == 1
    # Another export kind counts against the same limit.
    partners = reverse("partners:partner_export", args=[wereld.buurt_a.id])
    assert client.get(partners).status_code == 429


@pytest.mark.django_db
def test_de_regisseur_heeft_geen_limiet(als, wereld, settings):
    settings.ZORGNET_PARTNER_EXPORTS_PER_DAG = 1
    client = als(wereld.regisseur_a)
    url = reverse("partners:partner_export", args=[wereld.buurt_a.id])
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
