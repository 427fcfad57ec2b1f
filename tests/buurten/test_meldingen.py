"""Notifications and mails: stored first, mailed per preference over a real SMTP server, logged
without content, retried when the mail server is down (issue 18)."""

import socket

import pytest

from activiteiten.acties import services as acties_services
from buurten.meldingen import services, tasks
from buurten.meldingen.models import Frequentie, Mailbericht, Mailsoort, Melding, Meldingsoort
from partners import services as partner_services
from tests.factories import PartnerFactory, SignaalFactory, UserFactory
from zorgnet.lib.taakrecords import TaakStatus

pytestmark = pytest.mark.django_db

GEHEIM = "Mevrouw met de blauwe rollator komt al weken niet meer naar de markt"


@pytest.fixture
def ontvanger(wereld):
    wereld.partner_a.email = "partner.a@example.org"
    wereld.partner_a.save()
    return wereld.partner_a


def _melden(user, soort=Meldingsoort.RELATIE, sleutel=""):
    return services.melden(
        ontvangers=[user],
        soort=soort,
        titel="Een relatie wacht",
        link="/meldingen/",
        sleutel=sleutel,
    )


def test_a_notification_is_stored_and_mailed_at_once_over_smtp(
    ontvanger, postbus, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        (melding,) = _melden(ontvanger)
    assert Melding.objects.get().ontvanger == ontvanger
    (bericht,) = postbus.aan("partner.a@example.org")
    assert bericht["Subject"] == "Een relatie wacht"
    assert "http://127.0.0.1:8000/meldingen/" in postbus.tekst(bericht)
    assert "Bekijk het in zorgnet" in postbus.html(bericht)
    log = Mailbericht.objects.get()
    # the log keeps who, what kind and when; the content is gone once sent
    assert (log.status, log.soort, log.ontvanger) == (
        TaakStatus.KLAAR,
        Mailsoort.MELDING,
        ontvanger,
    )
    assert log.klaar_op and log.tekst == "" and log.html == ""
    assert melding.gemaild_op is not None


def test_the_same_event_notifies_once(ontvanger, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _melden(ontvanger, sleutel="relatie:1")
        _melden(ontvanger, sleutel="relatie:1")
    assert Melding.objects.count() == 1
    assert Mailbericht.objects.count() == 1


def test_preference_off_keeps_the_notification_and_sends_nothing(
    ontvanger, postbus, django_capture_on_commit_callbacks
):
    services.voorkeuren_bewaren(
        gebruiker=ontvanger, voorkeuren={Meldingsoort.RELATIE: Frequentie.UIT}
    )
    with django_capture_on_commit_callbacks(execute=True):
        _melden(ontvanger)
    assert Melding.objects.filter(ontvanger=ontvanger).count() == 1
    assert postbus.berichten == [] and not Mailbericht.objects.exists()


def test_the_weekly_digest_gathers_unmailed_notifications_in_one_mail(
    ontvanger, postbus, django_capture_on_commit_callbacks
):
    services.voorkeuren_bewaren(
        gebruiker=ontvanger,
        voorkeuren={
            Meldingsoort.RELATIE: Frequentie.WEKELIJKS,
            Meldingsoort.MANDAAT: Frequentie.WEKELIJKS,
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        _melden(ontvanger)
        _melden(ontvanger, soort=Meldingsoort.MANDAAT)
        assert services.overzichten_versturen(frequentie=Frequentie.DAGELIJKS) == 0
        assert tasks.weekoverzichten_versturen.delay().get() == 1
        assert services.overzichten_versturen(frequentie=Frequentie.WEKELIJKS) == 0
    (bericht,) = postbus.berichten
    assert bericht["Subject"] == "Je wekelijks overzicht van zorgnet"
    assert postbus.tekst(bericht).count("Een relatie wacht") == 2


def test_a_bad_preference_is_refused_and_nothing_is_saved(ontvanger, als):
    antwoord = als(ontvanger).post("/meldingen/voorkeuren/", {"relatie": "elk-uur"})
    assert antwoord.status_code == 200
    assert "is niet een van de beschikbare keuzes" in antwoord.content.decode() or (
        "geldige keuze" in antwoord.content.decode()
    )
    from buurten.meldingen.models import Meldingsvoorkeur

    assert not Meldingsvoorkeur.objects.exists()


def _dichte_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_mail_server_that_is_down_loses_nothing(
    ontvanger, postbus, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_PORT = _dichte_poort()  # nobody listens: connection refused
    with django_capture_on_commit_callbacks(execute=True):
        _melden(ontvanger)
    # the user still sees the notification; the mail is kept, with its attempts
    assert Melding.objects.filter(ontvanger=ontvanger, gelezen_op=None).count() == 1
    mail = Mailbericht.objects.get()
    assert mail.status != TaakStatus.KLAAR and mail.pogingen >= 2
    assert mail.tekst and postbus.berichten == []
    # the server is back: the beat job offers the mail again and it goes out, once
    settings.EMAIL_PORT = postbus.poort
    Mailbericht.objects.filter(pk=mail.pk).update(
        status=TaakStatus.WACHTEND, aangemaakt_op=mail.aangemaakt_op - Mailbericht.WACHTEND_NA * 2
    )
    tasks.wachtende_mails.delay().get()
    tasks.mail_versturen.delay(mail.pk).get()  # a duplicate delivery sends nothing more
    assert len(postbus.aan("partner.a@example.org")) == 1
    assert Mailbericht.objects.get().status == TaakStatus.KLAAR


def test_a_referral_notifies_the_partner_without_the_signal_text(
    wereld, ontvanger, postbus, django_capture_on_commit_callbacks
):
    w = wereld
    melder = PartnerFactory(gemeente=w.gemeente_1, naam="Buurtwerk", buurten=[w.buurt_a])
    signaal = SignaalFactory(buurt=w.buurt_a, partner=melder, omschrijving=GEHEIM)
    with django_capture_on_commit_callbacks(execute=True):
        acties_services.doorverwijzen(
            signaal=signaal, naar_partner=w.partner, van_partner=melder, door=w.regisseur_a
        )
    (melding,) = Melding.objects.filter(ontvanger=ontvanger, soort=Meldingsoort.DOORVERWIJZING)
    assert melding.link == f"/buurten/{w.buurt_a.id}/signalen/{signaal.id}/"
    (bericht,) = postbus.aan("partner.a@example.org")
    inhoud = bericht.as_string()
    assert "Nieuwe doorverwijzing voor OCMW Stederen" in bericht["Subject"]
    assert "rollator" not in inhoud and "markt" not in inhoud
    assert "rollator" not in melding.titel


def test_a_declared_tie_notifies_the_other_side_but_not_the_declarer(wereld, ontvanger):
    w = wereld
    ander = PartnerFactory(gemeente=w.gemeente_1, naam="Huisartsen", buurten=[w.buurt_a])
    collega = UserFactory(username="collega")
    from buurten.models import Rol
    from tests.factories import LidmaatschapFactory

    LidmaatschapFactory(gebruiker=collega, buurt=w.buurt_a, rol=Rol.PARTNER, partner=ander)
    partner_services.relatie_verklaren(
        van_partner=ander, naar_partner=w.partner, intensiteit=2, door=collega, buurt=w.buurt_a
    )
    (melding,) = Melding.objects.all()
    assert melding.ontvanger == ontvanger and melding.soort == Meldingsoort.RELATIE
    assert melding.link.endswith("#te-beantwoorden")


def test_the_bell_counts_and_opening_marks_read(ontvanger, als, wereld):
    (melding,) = _melden(ontvanger)
    client = als(ontvanger)
    assert ">1<" in client.get("/meldingen/teller/").content.decode()
    antwoord = client.post(f"/meldingen/{melding.id}/")
    assert antwoord.status_code == 302 and antwoord["Location"] == "/meldingen/"
    melding.refresh_from_db()
    assert melding.gelezen_op is not None
    assert ">1<" not in client.get("/meldingen/teller/").content.decode()
    # someone else's notification does not exist for you
    assert als(wereld.regisseur_a).post(f"/meldingen/{melding.id}/").status_code == 404


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_mail_over_smtp(celery_worker_proces, postbus):
    from tests.conftest import wacht_tot

    gebruiker = UserFactory(username="werkermail", email="werker@example.org")
    services.melden(
        ontvangers=[gebruiker], soort=Meldingsoort.RELATIE, titel="Via de worker", link="/"
    )
    assert wacht_tot(lambda: postbus.aan("werker@example.org"), seconden=30), (
        celery_worker_proces.log.read_text()[-3000:]
    )
    assert wacht_tot(lambda: Mailbericht.objects.filter(status=TaakStatus.KLAAR).exists())
    assert Mailbericht.objects.get().tekst == ""
