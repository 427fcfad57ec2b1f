import pytest
from django.core.management import call_command

from activiteiten.models import Actie, Beleidssignaal, Doorverwijzing, Signaal

pytestmark = pytest.mark.django_db


def test_the_demo_has_actions_and_signals_across_statuses():
    call_command("demo", "--stil")
    assert set(Actie.objects.values_list("status", flat=True)) == {
        "idee",
        "gepland",
        "lopend",
        "afgerond",
        "geborgd",
    }
    statussen = set(Signaal.objects.values_list("status", flat=True))
    assert {"nieuw", "in_behandeling", "doorverwezen", "opgelost", "beleidsreactie"} <= statussen
    assert Doorverwijzing.objects.exists()
    bundel = Beleidssignaal.objects.get()
    assert bundel.signalen.count() == 3 and bundel.reactie
    assert Actie.objects.filter(co_partners__isnull=False).exists()
