"""The identifier check in the forms: what was found, a redacted suggestion, one click to accept."""

import html

import pytest
from django.urls import reverse
from django.utils import timezone

from activiteiten.models import Actie, Signaal

pytestmark = pytest.mark.django_db

NAAM = "Mevrouw Maria Janssens (82) woont alleen en is gevallen."
VOORSTEL = "[PERSOON] ([LEEFTIJD]) woont alleen en is gevallen."


def _signaal(wereld, omschrijving):
    return {
        "thema": "eenzaamheid",
        "kanaal": "huisbezoek",
        "collectief": "0",
        "urgentie": "normaal",
        "zorgniveau": "ongerust",
        "responsniveau": "open_dialoog",
        "datum": timezone.localdate().isoformat(),
        "omschrijving": omschrijving,
        "partner": wereld.partner.id,
    }


def test_het_signaalformulier_toont_wat_gevonden_is_en_een_voorstel(als, wereld):
    client = als(wereld.partner_a)
    url = reverse("activiteiten:signaal_create", args=[wereld.buurt_a.id])
    response = client.post(url, _signaal(wereld, NAAM))
    pagina = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "een naam, de leeftijd van een persoon" in pagina
    assert f'data-voorstel="{VOORSTEL}"' in pagina
    assert 'data-voorstel-voor="id_omschrijving"' in pagina
    assert Signaal.objects.count() == 0
    # The suggestion itself is accepted.
    assert client.post(url, _signaal(wereld, VOORSTEL)).status_code == 302
    assert Signaal.objects.get().omschrijving == VOORSTEL


def test_een_actietitel_met_een_naam_wordt_geweigerd(als, wereld):
    client = als(wereld.regisseur_a)
    url = reverse("activiteiten:actie_create", args=[wereld.buurt_a.id])
    response = client.post(
        url,
        {
            "titel": "Boodschappen voor meneer Peeters",
            "datum": timezone.localdate().isoformat(),
            "categorie": "ontmoeting",
            "trekker": wereld.partner.id,
        },
    )
    assert response.status_code == 200
    assert "[PERSOON]" in html.unescape(response.content.decode())
    assert Actie.objects.count() == 0
