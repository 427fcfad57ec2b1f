import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from buurten.models import Buurt, Gemeente, Lidmaatschap

pytestmark = pytest.mark.django_db


def _tellingen() -> dict:
    from django.apps import apps

    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"buurten", "partners", "activiteiten", "rapport"}
        and not model._meta.label.endswith(("Toegangsgebeurtenis",))
    }


def test_demo_is_idempotent_and_prints_logins(capsys):
    call_command("demo")
    eerste = _tellingen()
    uit = capsys.readouterr().out
    for login in ("regisseur", "partner", "coordinator"):
        assert f"gebruiker: {login}" in uit
    call_command("demo", "--stil")
    assert _tellingen() == eerste
    assert Gemeente.objects.filter(naam__in=["Stederen", "Gemeentegem"]).count() == 2
    assert Buurt.objects.filter(naam__in=["Buurtegem", "De Leefhoek"]).count() == 2


def test_demo_logins_work(client):
    call_command("demo", "--stil")
    for gebruikersnaam in ("regisseur", "partner", "coordinator"):
        user = get_user_model().objects.get(username=gebruikersnaam)
        assert user.check_password("zorgnet-demo-2026")
        assert Lidmaatschap.objects.filter(gebruiker=user).exists()
