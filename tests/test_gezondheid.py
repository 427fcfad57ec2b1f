import pytest
from django.conf import settings
from django.urls import reverse

from buurten.tasks import hartslag

pytestmark = pytest.mark.django_db


def test_health_reports_database_and_broker(client):
    response = client.get(reverse("gezondheid"))
    assert response.status_code == 200
    data = response.json()
    assert data["database"] == "ok"
    assert data["broker"] == ("ok" if settings.REDIS_URL else "in-process")
    assert data["laatste_hartslag"] is None


def test_health_shows_the_last_heartbeat(client):
    hartslag.delay("test")
    assert client.get(reverse("gezondheid")).json()["laatste_hartslag"] is not None


def test_health_reports_a_broken_broker(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get(reverse("gezondheid"))
    assert response.status_code == 503
    assert response.json()["broker"] == "fout"
