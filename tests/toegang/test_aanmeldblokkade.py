"""Login throttling per user name and address together (issue 16, finding 11): five wrong
passwords lock out that user from that address only, not the user everywhere nor the office."""

import pytest
from django.urls import reverse

from tests.factories import WACHTWOORD, UserFactory

pytestmark = pytest.mark.django_db

KANTOOR, THUIS = "192.0.2.10", "198.51.100.20"


def _aanmelden(client, gebruiker, wachtwoord, ip):
    client.logout()
    return client.post(
        reverse("login"), {"username": gebruiker, "password": wachtwoord}, REMOTE_ADDR=ip
    )


def _aangemeld(antwoord) -> bool:
    return antwoord.status_code == 302 and antwoord.wsgi_request.user.is_authenticated


def test_de_blokkade_geldt_per_gebruiker_en_adres(client, settings):
    assert settings.AXES_ENABLED
    UserFactory(username="an")
    UserFactory(username="bert")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _aanmelden(client, "an", "fout-wachtwoord", KANTOOR)
    # An is locked out at the office, even with the right password ...
    geblokkeerd = _aanmelden(client, "an", WACHTWOORD, KANTOOR)
    assert geblokkeerd.status_code == 429
    assert "Te veel mislukte pogingen" in geblokkeerd.content.decode()
    # ... but Bert, at the same address, still logs in ...
    assert _aangemeld(_aanmelden(client, "bert", WACHTWOORD, KANTOOR))
    # ... and An from another address too.
    assert _aangemeld(_aanmelden(client, "an", WACHTWOORD, THUIS))
