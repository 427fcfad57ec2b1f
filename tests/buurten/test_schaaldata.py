"""The scale data generator (issue 11): relative counts, plausible links, no history rows."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count, F

from activiteiten.models import Actie, Signaal
from bench import schaaldata
from buurten.models import Buurt, Gemeente, Lidmaatschap, Rol
from partners.models import Partner, Relatie

SCHAAL = 0.001


@pytest.mark.django_db(transaction=True)
def test_it_fills_the_expected_relative_counts_without_history():
    call_command("schaaldata", "--schaal", str(SCHAAL))

    n = schaaldata.aantallen(SCHAAL)
    gemeenten = Gemeente.objects.filter(naam__startswith=schaaldata.PREFIX)
    assert gemeenten.count() == n["gemeenten"]
    assert Buurt.objects.filter(gemeente__in=gemeenten).count() == n["buurten"]
    assert Partner.objects.count() == n["partners"] == 30
    assert Relatie.objects.count() == n["relaties"] == 5 * n["partners"]
    assert Actie.objects.count() == n["acties"] == 1000
    assert Signaal.objects.count() == n["signalen"] == 3 * n["acties"] // 10
    # Bulk inserts bypass simple_history: no history rows for generated data.
    assert Partner.history.count() == 0
    assert Relatie.history.count() == 0
    assert Signaal.history.count() == 0


@pytest.mark.django_db(transaction=True)
def test_it_links_plausibly_and_makes_the_bench_personas():
    call_command("schaaldata", "--schaal", "0.002")

    # Every action is carried by a partner active in that buurt; relations stay within a buurt.
    koppels = set(Partner.buurten.through.objects.values_list("partner_id", "buurt_id"))
    assert all((t, b) in koppels for t, b in Actie.objects.values_list("trekker_id", "buurt_id"))
    assert all(
        (p, b) in koppels
        for p, b in Signaal.objects.filter(partner__isnull=False).values_list(
            "partner_id", "buurt_id"
        )
    )
    assert not Relatie.objects.filter(van_partner=F("naar_partner")).exists()
    assert Buurt.objects.filter(partners__isnull=True).count() == 0
    # Skewed sizes: the persona buurt is the largest.
    regie = Lidmaatschap.objects.get(gebruiker__username="bench_regisseur", rol=Rol.REGISSEUR)
    per_buurt = dict(Actie.objects.values_list("buurt").annotate(n=Count("id")))
    assert per_buurt[regie.buurt_id] == max(per_buurt.values())
    assert Lidmaatschap.objects.filter(
        gebruiker__username="bench_coordinator", gemeente=regie.buurt.gemeente
    ).exists()
    partner = Lidmaatschap.objects.get(gebruiker__username="bench_partner")
    assert partner.partner.buurten.filter(pk=regie.buurt_id).exists()


@pytest.mark.django_db(transaction=True)
def test_it_is_idempotent_and_can_start_over():
    call_command("schaaldata", "--schaal", str(SCHAAL))
    call_command("schaaldata", "--schaal", str(SCHAAL))
    assert Actie.objects.count() == schaaldata.aantallen(SCHAAL)["acties"]
    call_command("schaaldata", "--schaal", str(SCHAAL), "--opnieuw")
    assert Actie.objects.count() == schaaldata.aantallen(SCHAAL)["acties"]
    assert Partner.objects.count() == schaaldata.aantallen(SCHAAL)["partners"]


@pytest.mark.django_db
def test_it_refuses_a_database_that_is_not_for_benchmarks(monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "NAME", "zorgnet")
    with pytest.raises(CommandError, match="bench"):
        call_command("schaaldata", "--schaal", str(SCHAAL))
    assert not Actie.objects.exists()
