"""What the demo holds and shows. The demo is loaded once for the whole module (it is the costliest
fixture of the suite): in an outer transaction that is rolled back when the module ends, while
each test runs in its own savepoint within it, as every database test does."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from activiteiten.bijeenkomsten import selectors as bijeenkomsten
from activiteiten.models import (
    Actie,
    Activiteitenpakket,
    Beleidssignaal,
    Bijeenkomst,
    Doorverwijzing,
    PakketRelatie,
    Samenhang,
    Signaal,
    Uitkomst,
)
from activiteiten.pakketten import selectors as pakketten
from buurten.models import Buurt, Gemeente, Lidmaatschap
from tests.activiteiten.test_pakketten_stappen import _statussen
from tests.overzicht.test_fragmentcache import _versie
from zorgnet.lib import fragmentcache
from zorgnet.rapport.sectie import Scope
from zorgnet.rapport.secties import netwerk, partners

# One xdist process runs the whole module, so the demo is loaded once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", "--stil")
        yield
        transaction.set_rollback(True)


def _tellingen() -> dict:
    from django.apps import apps

    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"buurten", "partners", "activiteiten", "rapport"}
        and not model._meta.label.endswith(("Toegangsgebeurtenis",))
    }


def test_demo_is_idempotent_and_prints_logins(capsys):
    eerste = _tellingen()
    assert eerste["activiteiten.Actie"] > 5 and eerste["partners.Partner"] > 20
    call_command("demo")
    uit = capsys.readouterr().out
    for login in ("regisseur", "partner", "coordinator"):
        assert f"gebruiker: {login}" in uit
    assert _tellingen() == eerste
    assert Gemeente.objects.filter(naam__in=["Stederen", "Gemeentegem"]).count() == 2
    assert Buurt.objects.filter(naam__in=["Buurtegem", "De Leefhoek"]).count() == 2


def test_demo_logins_work(client):
    for gebruikersnaam in ("regisseur", "partner", "coordinator"):
        user = get_user_model().objects.get(username=gebruikersnaam)
        assert user.check_password("zorgnet-demo-2026")
        assert Lidmaatschap.objects.filter(gebruiker=user).exists()


def test_demo_report_partner_and_network_sections_count_the_same_declared_ties():
    """One definition of the network: the report's partner section and its network section (the
    job's run) agree on the declared ties of the demo buurt."""
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


def test_the_demo_has_actions_and_signals_across_statuses():
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


def test_demo_holds_a_year_of_intervisies_supportersmeetings_and_trainings():
    buurtegem = Buurt.objects.get(naam="Buurtegem")
    ids = [buurtegem.id]
    intervisies, gemiddeld = bijeenkomsten.intervisie_gemiddelde(ids)
    assert intervisies >= 11 and 8 <= gemiddeld <= 12
    supporters = Bijeenkomst.objects.filter(buurt=buurtegem, type="supportersmeeting")
    assert supporters.count() == 2
    assert set(
        Uitkomst.objects.filter(bijeenkomst__in=supporters).values_list("soort", flat=True)
    ) == {
        "actie",
        "zaadje",
        "signaal",
        "inzicht",
    }
    assert bijeenkomsten.getraind_per_jaar(ids)[-1][2] > 50
    assert bijeenkomsten.wie_ontmoette_wie(ids)
    assert bijeenkomsten.open_bijeenkomstacties(ids).exists()


def test_the_demo_buurt_shows_a_finished_example_that_follows_the_advice(client):
    buurtegem = Buurt.objects.get(naam="Buurtegem")
    assert Activiteitenpakket.objects.filter(buurt=buurtegem).count() == 2
    assert PakketRelatie.objects.filter(pakket_a__buurt=buurtegem).exists()
    assert Samenhang.objects.filter(activiteit_a__buurt=buurtegem).exists()
    assert set(_statussen(buurtegem).values()) == {"klaar"}
    assert not any(s.ingesteld for s in pakketten.stappen(buurtegem))
    client.force_login(get_user_model().objects.get(username="regisseur"))
    html = client.get(reverse("activiteiten:pakket_stap", args=[buurtegem.id, 3])).content.decode()
    assert "De huidige opsplitsing volgt het advies" in html
    assert "Wekelijks buurtpunt in de parochiezaal" in html
    html = client.get(reverse("activiteiten:pakket_stap", args=[buurtegem.id, 4])).content.decode()
    assert "Samen tegen eenzaamheid" in html and "Mobiel blijven" in html


def test_a_save_and_a_delete_of_every_connected_model_raise_its_scope_version():
    """Walks the demo data: one row of every connected model is saved and deleted (the delete in
    a savepoint that is rolled back). The page key holds these versions
    (tests/overzicht/test_fragmentcache.py)."""
    ontbreekt, blijft, beschermd = [], [], []
    for model in fragmentcache.verbonden():
        obj = model._base_manager.order_by("pk").first()
        if obj is None:
            ontbreekt.append(model._meta.label)
            continue
        scopes = fragmentcache.scopes_van(obj)
        assert scopes, model._meta.label
        voor = _versie(scopes)
        obj.save()
        na_save = _versie(scopes)
        na_delete = None
        try:
            with transaction.atomic():
                model._base_manager.filter(pk=obj.pk).delete()  # a queryset delete, with signals
                na_delete = _versie(scopes)
                transaction.set_rollback(True)
        except ProtectedError:
            beschermd.append(model._meta.label)
        if voor == na_save or na_delete == na_save:
            blijft.append(model._meta.label)
    assert not blijft, f"version unchanged after a write: {blijft}"
    # PROTECT keeps a gemeente (and a partner with history) from being deleted: only those.
    assert set(beschermd) <= {"buurten.Gemeente", "buurten.Buurt", "partners.Partner"}, beschermd
    assert not ontbreekt, f"the demo has no row of {ontbreekt}: add one to its demo.py"
