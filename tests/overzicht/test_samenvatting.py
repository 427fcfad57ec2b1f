"""The weekly summary (one mail per user with the right items, none with nothing) and the daily
reminders: meeting actions due, mandates ending, profiles unchanged for a year (issue 18)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from buurten.meldingen.models import Mailbericht, Mailsoort, Melding, Meldingsoort, Meldingsvoorkeur
from buurten.models import Rol
from partners.models import Partner
from tests.factories import (
    ActieFactory,
    BijeenkomstFactory,
    LidmaatschapFactory,
    MandaatFactory,
    PartnerFactory,
    RelatieFactory,
    UitkomstFactory,
    UserFactory,
)
from zorgnet.overzicht import services, tasks

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vaste_klok")]


@pytest.fixture
def adressen(wereld):
    for naam in ("partner_a", "regisseur_a", "regisseur_b"):
        gebruiker = getattr(wereld, naam)
        gebruiker.email = f"{naam}@example.org"
        gebruiker.save()
    return wereld


def test_the_weekly_summary_sends_one_mail_per_user_with_the_right_items(
    adressen, postbus, django_capture_on_commit_callbacks
):
    w = adressen
    huisartsen = PartnerFactory(gemeente=w.gemeente_1, naam="Huisartsen", buurten=[w.buurt_a])
    RelatieFactory(van_partner=huisartsen, naar_partner=w.partner)
    vandaag = timezone.localdate()
    BijeenkomstFactory(buurt=w.buurt_a, titel="Buurtoverleg", datum=vandaag + timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.wekelijkse_samenvatting.delay().get() == 2
        assert services.wekelijkse_samenvatting() == 0  # a second run the same day: nothing
    (partner,) = postbus.aan("partner_a@example.org")
    tekst = postbus.tekst(partner)
    assert partner["Subject"] == "Je week in zorgnet"
    assert "Huisartsen wacht op je antwoord over een relatie" in tekst
    assert "Nieuwe partner: Huisartsen" in tekst and "Buurtoverleg" in tekst
    (regisseur,) = postbus.aan("regisseur_a@example.org")
    assert "1 relaties wachten op een antwoord" in postbus.tekst(regisseur)
    assert "wacht op je antwoord" not in postbus.tekst(regisseur)
    # regisseur_b's buurt has nothing open and nothing new: no mail
    assert postbus.aan("regisseur_b@example.org") == []
    assert Mailbericht.objects.filter(soort=Mailsoort.SAMENVATTING).count() == 2


def test_reminders_for_due_actions_ending_mandates_and_stale_profiles_come_once(
    adressen, time_machine
):
    w = adressen
    vandaag = timezone.localdate()
    actie = ActieFactory(buurt=w.buurt_a, trekker=w.partner)
    bijeenkomst = BijeenkomstFactory(buurt=w.buurt_a, titel="Supportersmeeting")
    UitkomstFactory(
        bijeenkomst=bijeenkomst,
        soort="actie",
        eigenaar=w.partner,
        actie=actie,
        deadline=vandaag + timedelta(days=5),
    )
    ver = ActieFactory(buurt=w.buurt_a, trekker=w.partner)
    UitkomstFactory(
        bijeenkomst=bijeenkomst,
        soort="actie",
        eigenaar=w.partner,
        actie=ver,
        deadline=vandaag + timedelta(days=30),
    )
    MandaatFactory(buurt=w.buurt_a, partner=w.partner, geldig_tot=vandaag + timedelta(days=20))
    collega = UserFactory(username="collega")
    LidmaatschapFactory(gebruiker=collega, buurt=w.buurt_a, rol=Rol.PARTNER, partner=w.partner)
    Partner.history.filter(id=w.partner.id).update(
        history_date=timezone.now() - timedelta(days=400)
    )
    Partner.objects.filter(pk=w.partner.pk).update(status="actief")

    telling = services.herinneringen_maken()
    assert telling == {"acties": 2, "mandaten": 2, "nakijken": 2}  # partner_a and collega
    soorten = set(Melding.objects.filter(ontvanger=w.partner_a).values_list("soort", flat=True))
    assert soorten == {Meldingsoort.ACTIE_DEADLINE, Meldingsoort.MANDAAT, Meldingsoort.NAKIJKEN}
    assert (
        "moet klaar zijn tegen"
        in Melding.objects.get(ontvanger=w.partner_a, soort=Meldingsoort.ACTIE_DEADLINE).titel
    )
    # the next day: nothing new
    assert services.herinneringen_maken(vandaag=vandaag + timedelta(days=1)) == {
        "acties": 0,
        "mandaten": 0,
        "nakijken": 0,
    }
    # once the action is late, it is reminded once more
    te_laat = services.herinneringen_maken(vandaag=vandaag + timedelta(days=6))
    assert te_laat["acties"] == 2
    assert Melding.objects.filter(titel__contains="te laat").count() == 2


def test_the_weekly_summary_can_be_turned_off_in_the_preferences(
    adressen, als, postbus, django_capture_on_commit_callbacks
):
    w = adressen
    PartnerFactory(gemeente=w.gemeente_1, naam="Huisartsen", buurten=[w.buurt_a])
    keuzes = {soort: "direct" for soort in Meldingsoort.values}
    client = als(w.partner_a)
    # "at once" makes no sense for a weekly summary: refused in Dutch, nothing stored
    antwoord = client.post("/meldingen/voorkeuren/", keuzes)
    assert (
        antwoord.status_code == 200
        and "direct is geen beschikbare keuze" in antwoord.content.decode()
    )
    assert not Meldingsvoorkeur.objects.filter(gebruiker=w.partner_a).exists()

    antwoord = client.post("/meldingen/voorkeuren/", {**keuzes, "samenvatting": "uit"})
    assert antwoord.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert services.wekelijkse_samenvatting() == 1  # the regisseur still gets it
    assert postbus.aan("partner_a@example.org") == []
    assert len(postbus.aan("regisseur_a@example.org")) == 1
