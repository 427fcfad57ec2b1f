"""'Namen opnemen': the regisseur's choice per report, stored with the report file."""

import pytest
from django.urls import reverse
from django.utils import timezone

from zorgnet.rapport.models import RapportBestand
from zorgnet.rapport.selectors import scope_van_bestand

pytestmark = pytest.mark.django_db


def _post(client, buurt, **extra):
    vandaag = timezone.localdate()
    gegevens = {"van": vandaag.replace(day=1).isoformat(), "tot": vandaag.isoformat()}
    gegevens |= {"formaten": ["xlsx"], **extra}
    return client.post(reverse("rapport:buurt_rapport", args=[buurt.id]), gegevens)


def test_standaard_zonder_namen(als, wereld, django_capture_on_commit_callbacks):
    client = als(wereld.regisseur_a)
    pagina = client.get(reverse("rapport:buurt_rapport", args=[wereld.buurt_a.id])).content
    assert "Namen opnemen" in pagina.decode()
    _post(client, wereld.buurt_a)
    bestand = RapportBestand.objects.get()
    assert bestand.namen_opnemen is False
    assert scope_van_bestand(bestand).namen_opnemen is False


def test_de_regisseur_vinkt_namen_aan(als, wereld):
    _post(als(wereld.regisseur_a), wereld.buurt_a, namen_opnemen="on")
    bestand = RapportBestand.objects.get()
    assert bestand.namen_opnemen is True
    assert scope_van_bestand(bestand).namen_opnemen is True


def test_een_coordinator_kan_geen_namen_opnemen(als, wereld):
    client = als(wereld.coordinator)
    pagina = client.get(reverse("rapport:buurt_rapport", args=[wereld.buurt_a.id])).content
    assert "Namen opnemen" not in pagina.decode()
    _post(client, wereld.buurt_a, namen_opnemen="on")
    assert RapportBestand.objects.get().namen_opnemen is False
