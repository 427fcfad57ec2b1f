"""Agenda (issue 18): iCal feeds behind a personal, revocable key; .ics invitations by e-mail;
a changed or cancelled meeting keeps its UID and raises SEQUENCE."""

from datetime import time

import pytest
from icalendar import Calendar

from activiteiten.bijeenkomsten import services
from tests.factories import BijeenkomstFactory, ContactpersoonFactory, ReeksFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vaste_klok")]


def _events(inhoud: bytes) -> dict:
    cal = Calendar.from_ical(inhoud)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


@pytest.fixture
def bijeenkomst(wereld, vaste_klok):
    return BijeenkomstFactory(
        buurt=wereld.buurt_a,
        titel="Supportersmeeting",
        datum=vaste_klok.date(),
        begintijd=time(19, 30),
        eindtijd=time(21, 0),
        plaats="Buurthuis",
    )


def test_the_buurt_feed_parses_and_a_changed_meeting_keeps_its_uid(wereld, client, bijeenkomst):
    sleutel = services.agendatoken_vernieuwen(gebruiker=wereld.partner_a).sleutel
    url = f"/agenda/{sleutel}/buurten/{wereld.buurt_a.id}.ics"
    antwoord = client.get(url)
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("text/calendar")
    ((uid, event),) = _events(antwoord.content).items()
    assert uid == f"bijeenkomst-{bijeenkomst.id}@zorgnet"
    assert str(event["SUMMARY"]) == "Supportersmeeting" and event["SEQUENCE"] == 0
    assert event.decoded("DTSTART").hour == 19

    bijeenkomst.begintijd = time(20, 0)
    services.bijeenkomst_bewaren(bijeenkomst=bijeenkomst)
    event = _events(client.get(url).content)[uid]
    assert event["SEQUENCE"] == 1 and event.decoded("DTSTART").hour == 20

    services.bijeenkomst_annuleren(bijeenkomst=bijeenkomst)
    event = _events(client.get(url).content)[uid]
    assert event["SEQUENCE"] == 2 and str(event["STATUS"]) == "CANCELLED"


def test_a_renewed_key_ends_the_old_feed_and_a_foreign_buurt_is_404(wereld, client, bijeenkomst):
    oud = services.agendatoken_vernieuwen(gebruiker=wereld.partner_a).sleutel
    nieuw = services.agendatoken_vernieuwen(gebruiker=wereld.partner_a).sleutel
    assert oud != nieuw
    assert client.get(f"/agenda/{oud}/buurten/{wereld.buurt_a.id}.ics").status_code == 404
    assert client.get(f"/agenda/{nieuw}/buurten/{wereld.buurt_a.id}.ics").status_code == 200
    assert client.get(f"/agenda/{nieuw}/buurten/{wereld.buurt_b.id}.ics").status_code == 404


def test_the_series_feed_holds_only_that_series(wereld, client, bijeenkomst):
    reeks = ReeksFactory(buurt=wereld.buurt_a)
    in_reeks = BijeenkomstFactory(buurt=wereld.buurt_a, reeks=reeks, datum=bijeenkomst.datum)
    sleutel = services.agendatoken_vernieuwen(gebruiker=wereld.regisseur_a).sleutel
    inhoud = client.get(f"/agenda/{sleutel}/reeksen/{reeks.id}.ics").content
    assert set(_events(inhoud)) == {f"bijeenkomst-{in_reeks.id}@zorgnet"}


def test_invited_attendees_get_an_ics_and_an_update_with_the_same_uid(
    wereld, als, bijeenkomst, postbus, django_capture_on_commit_callbacks
):
    w = wereld
    anna = ContactpersoonFactory(partner=w.partner, voornaam="Anna", email="anna@example.org")
    zonder = ContactpersoonFactory(partner=w.partner, email="")
    url = f"/buurten/{w.buurt_a.id}/bijeenkomsten/{bijeenkomst.id}/uitnodigen/"
    client = als(w.regisseur_a)
    # someone without an address is not offered: the whole invitation is refused
    antwoord = client.post(url, {"genodigden": [zonder.id]}, follow=True)
    assert "Kies alleen contactpersonen" in antwoord.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"genodigden": [anna.id]})
    (uitnodiging,) = postbus.aan("anna@example.org")
    assert uitnodiging["Subject"] == "Uitnodiging: Supportersmeeting"
    (bijlage,) = list(uitnodiging.iter_attachments())
    assert bijlage.get_content_type() == "text/calendar"
    eerste = _events(bijlage.get_content().encode())
    postbus.leeg()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/buurten/{w.buurt_a.id}/bijeenkomsten/{bijeenkomst.id}/annuleren/",
        )
    (annulering,) = postbus.aan("anna@example.org")
    assert annulering["Subject"] == "Geannuleerd: Supportersmeeting"
    (bijlage,) = list(annulering.iter_attachments())
    tweede = _events(bijlage.get_content().encode())
    assert set(tweede) == set(eerste)
    (uid,) = eerste
    assert tweede[uid]["SEQUENCE"] > eerste[uid]["SEQUENCE"]
    assert str(tweede[uid]["STATUS"]) == "CANCELLED"
