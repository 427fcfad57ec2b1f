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


def test_demo_report_partner_and_network_sections_count_the_same_declared_ties():
    """One definition of the network: the report's partner section and its network section (the
    job's run) agree on the declared ties of the demo buurt."""
    from datetime import timedelta

    from django.utils import timezone

    from zorgnet.rapport.sectie import Scope
    from zorgnet.rapport.secties import netwerk, partners

    call_command("demo", "--stil")
    buurt = Buurt.objects.get(naam="Buurtegem")
    vandaag = timezone.localdate()
    scope = Scope(
        buurt_ids=(buurt.id,),
        gemeente_id=buurt.gemeente_id,
        van=vandaag - timedelta(days=365),
        tot=vandaag,
        titel=buurt.naam,
    )
    verklaard = partners.partners_gegevens(scope)["relaties"]
    assert verklaard > 10
    assert netwerk.gegevens(scope)["verklaarde_banden"] == verklaard
