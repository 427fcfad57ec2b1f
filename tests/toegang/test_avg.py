"""GDPR access and erasure for a Contactpersoon, and the erasure log for persons and signals."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from activiteiten.acties import services as acties_services
from activiteiten.models import Signaal
from buurten.models import Toegangsgebeurtenis
from partners.models import Contactpersoon
from partners.privacy import GEWIST
from tests.factories import ContactpersoonFactory, MandaatFactory, NetwerkrolFactory, SignaalFactory
from zorgnet.lib import wislog
from zorgnet.toegang.wissingen import herhaal_wissingen

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def persoon(wereld):
    persoon = ContactpersoonFactory(
        partner=wereld.partner,
        voornaam="Griet",
        achternaam="Vandamme",
        functie="Opbouwwerker",
        email="griet@voorbeeld.be",
        telefoon="0470 11 22 33",
        wat_ik_doe="Buurtbabbels",
        toestemming_contactgegevens=True,
    )
    persoon.foto.save("griet.png", ContentFile(b"\x89PNG fake"), save=True)
    persoon.functie = "Teamleider"
    persoon.save()
    MandaatFactory(buurt=wereld.buurt_a, contactpersoon=persoon, omschrijving="Zaken aankaarten")
    NetwerkrolFactory(buurt=wereld.buurt_a, contactpersoon=persoon)
    return persoon


def _gegevens_url(wereld, persoon, **q):
    url = reverse("toegang:contactpersoon_gegevens", args=[wereld.buurt_a.id, persoon.id])
    return url + ("?formaat=" + q["formaat"] if q else "")


def test_the_export_holds_everything_about_the_person_including_history(als, wereld, persoon):
    antwoord = als(wereld.regisseur_a).get(_gegevens_url(wereld, persoon))
    assert antwoord.status_code == 200
    assert "attachment" in antwoord["Content-Disposition"]
    gegevens = json.loads(antwoord.content)
    assert gegevens["contactpersoon"]["email"] == "griet@voorbeeld.be"
    assert gegevens["contactpersoon"]["partner"] == "OCMW Stederen"
    assert gegevens["mandaten"][0]["omschrijving"] == "Zaken aankaarten"
    assert gegevens["netwerkrollen"][0]["rol"] == "leider"
    functies = [h["functie"] for h in gegevens["geschiedenis"]]
    assert "Opbouwwerker" in functies and "Teamleider" in functies
    log = Toegangsgebeurtenis.objects.get(actie="export", object_type="contactpersoon")
    assert log.object_id == str(persoon.id) and log.gebruiker == wereld.regisseur_a


def test_the_export_as_csv(als, wereld, persoon):
    antwoord = als(wereld.regisseur_a).get(_gegevens_url(wereld, persoon, formaat="csv"))
    rijen = list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0] == ["onderdeel", "nummer", "veld", "waarde"]
    assert ["contactpersoon", "1", "telefoon", "0470 11 22 33"] in rijen


def test_the_export_and_erasure_are_for_the_regisseur_only(als, wereld, persoon):
    wis = reverse("toegang:contactpersoon_wissen", args=[wereld.buurt_a.id, persoon.id])
    for user, code in (
        (wereld.partner_a, 403),
        (wereld.coordinator, 403),
        (wereld.regisseur_b, 404),
    ):
        assert als(user).get(_gegevens_url(wereld, persoon)).status_code == code
        assert als(user).post(wis, {"bevestig": "on"}).status_code == code
    assert Contactpersoon.objects.get(pk=persoon.pk).voornaam == "Griet"


def test_a_person_of_another_buurt_is_not_found(als, wereld):
    elders = ContactpersoonFactory()
    url = reverse("toegang:contactpersoon_gegevens", args=[wereld.buurt_a.id, elders.id])
    assert als(wereld.regisseur_a).get(url).status_code == 404


def test_erasure_needs_confirmation(als, wereld, persoon):
    wis = reverse("toegang:contactpersoon_wissen", args=[wereld.buurt_a.id, persoon.id])
    antwoord = als(wereld.regisseur_a).post(wis, {})
    assert antwoord.status_code == 200
    assert Contactpersoon.objects.get(pk=persoon.pk).voornaam == "Griet"
    assert wislog.wissingen() == []


def test_erasure_anonymises_the_person_the_photo_and_the_history_and_is_logged(
    als, wereld, persoon, django_capture_on_commit_callbacks
):
    foto = persoon.foto.name
    assert default_storage.exists(foto)
    wis = reverse("toegang:contactpersoon_wissen", args=[wereld.buurt_a.id, persoon.id])
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = als(wereld.regisseur_a).post(wis, {"bevestig": "on"})
    assert antwoord.status_code == 302
    persoon.refresh_from_db()
    assert (persoon.voornaam, persoon.achternaam, persoon.email, persoon.telefoon) == (
        GEWIST,
        "",
        "",
        "",
    )
    assert not persoon.foto and not persoon.toestemming_contactgegevens
    historiek = list(persoon.history.all())
    assert historiek  # the rows stay, without the data (an empty history must not pass)
    for h in historiek:
        assert (h.voornaam, h.functie, h.email, h.foto) == (GEWIST, "", "", "")
    assert not default_storage.exists(foto)
    # mandates and roles stay, without a name
    assert persoon.mandaten.count() == 1
    assert Toegangsgebeurtenis.objects.filter(
        actie="gewist", object_type="contactpersoon", object_id=str(persoon.id)
    ).exists()
    assert [(r["object_type"], r["object_id"]) for r in wislog.wissingen()] == [
        ("contactpersoon", persoon.id)
    ]


def test_the_erasure_log_re_erases_a_person_after_a_restore(wereld, persoon):
    from partners.privacy import contactpersoon_wissen

    contactpersoon_wissen(contactpersoon=persoon, door=wereld.regisseur_a, buurt=wereld.buurt_a)
    # An older backup brings the person back.
    Contactpersoon.objects.filter(pk=persoon.pk).update(
        voornaam="Griet", email="griet@voorbeeld.be"
    )
    Contactpersoon.history.filter(id=persoon.pk).update(voornaam="Griet")
    assert herhaal_wissingen() == (1, 1)
    persoon.refresh_from_db()
    assert persoon.voornaam == GEWIST and persoon.email == ""
    assert not Contactpersoon.history.filter(id=persoon.pk, voornaam="Griet").exists()
    assert herhaal_wissingen() == (1, 0)  # idempotent


def test_the_signal_retention_is_in_the_erasure_log_and_re_applied(wereld, settings):
    settings.ZORGNET_BEWAARTERMIJNEN = {**settings.ZORGNET_BEWAARTERMIJNEN, "signaal": 30}
    oud = SignaalFactory(buurt=wereld.buurt_a, datum=timezone.localdate() - timedelta(days=40))
    assert acties_services.signalen_anonimiseren() == 1
    assert [(r["object_type"], r["object_id"], r["actie"]) for r in wislog.wissingen()] == [
        ("signaal", oud.id, "geanonimiseerd")
    ]
    Signaal.objects.filter(pk=oud.pk).update(
        omschrijving="Terug uit de back-up", geanonimiseerd_op=None
    )
    assert herhaal_wissingen() == (1, 1)
    oud.refresh_from_db()
    assert oud.omschrijving == "" and oud.geanonimiseerd_op is not None
    assert herhaal_wissingen() == (1, 0)


def test_herhaal_wissingen_command_knows_every_logged_type(wereld, persoon):
    from django.core.management import call_command

    from partners.privacy import contactpersoon_wissen

    contactpersoon_wissen(contactpersoon=persoon, door=wereld.regisseur_a, buurt=wereld.buurt_a)
    wislog.registreer_wissing("signaal", 123456, "geanonimiseerd")  # gone since: ignored
    uit = io.StringIO()
    call_command("herhaal_wissingen", stdout=uit)
    assert "2 wissingen" in uit.getvalue()
