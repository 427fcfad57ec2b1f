"""Reflection pages (issue 22): bad input answers with a Dutch message and writes nothing; partners
contribute for their own organisation; stories and their photos follow consent."""

import io
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from activiteiten.models import (
    Actie,
    Contactmoment,
    Reflectiemoment,
    Reflectieopvolging,
    Reflectiescore,
    Succes,
    Toestemming,
    Verhaal,
)
from activiteiten.reflectie import selectors, services
from tests.factories import PartnerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reflectiekaders")]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _url(naam, w, **kwargs):
    return reverse(f"activiteiten:{naam}", kwargs={"buurt_id": w.buurt_a.id, **kwargs})


def _png(grootte=(8, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", grootte, "#c4622d").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def moment(wereld):
    m = Reflectiemoment(
        buurt=wereld.buurt_a,
        titel="Reflectie",
        periode_van=date.today() - timedelta(days=30),
        periode_tot=date.today(),
        samen_scoren=False,
    )
    return services.reflectie_aanmaken(moment=m, partners=[wereld.partner])


def test_a_reflection_without_participants_is_refused_on_the_form(als, wereld):
    data = {
        "titel": "Reflectie",
        "datum": date.today().isoformat(),
        "periode_van": "2026-01-01",
        "periode_tot": date.today().isoformat(),
        "met_regisseur": "on",
        "samen_scoren": "on",
    }
    antwoord = als(wereld.regisseur_a).post(_url("reflectie_create", wereld), data)
    assert antwoord.status_code == 200
    assert "minstens één deelnemende partner" in antwoord.content.decode()
    assert not Reflectiemoment.objects.exists()
    data["partners"] = [wereld.partner.id]
    antwoord = als(wereld.regisseur_a).post(_url("reflectie_create", wereld), data)
    assert antwoord.status_code == 302 and Reflectiemoment.objects.count() == 1


def test_a_score_outside_1_to_5_is_refused_and_nothing_is_written(als, wereld, moment):
    f1, f2 = selectors.factoren()[:2]
    url = _url("reflectie_scores", wereld, moment_id=moment.id)
    data = {"deelnemer": "regisseur", f"e{f1.id}": "4", f"e{f2.id}": "7"}
    antwoord = als(wereld.regisseur_a).post(url, data)
    assert antwoord.status_code == 200
    assert "Een score ligt tussen 1 en 5." in antwoord.content.decode()
    assert not Reflectiescore.objects.exists()
    data[f"e{f2.id}"] = "5"
    assert als(wereld.regisseur_a).post(url, data).status_code == 302
    assert Reflectiescore.objects.filter(bron="regisseur").count() == 2


def test_a_partner_scores_only_for_its_own_organisation(als, wereld, moment):
    ander = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    moment.partners.add(ander)
    f1 = selectors.factoren()[0]
    url = _url("reflectie_scores", wereld, moment_id=moment.id)
    antwoord = als(wereld.partner_a).post(url, {"deelnemer": f"p{ander.id}", f"e{f1.id}": "3"})
    assert antwoord.status_code == 302
    score = Reflectiescore.objects.get()
    assert score.partner == wereld.partner and score.bron == "partner"


def test_the_talking_point_becomes_an_action(als, wereld, moment):
    url = _url("reflectie_opvolging", wereld, moment_id=moment.id)
    pagina = als(wereld.regisseur_a).get(url + "?soort=actie&titel=Back-up+zoeken")
    assert 'value="Back-up zoeken"' in pagina.content.decode()
    data = {
        "soort": "actie",
        "actie-titel": "Back-up zoeken",
        "actie-trekker": wereld.partner.id,
        "actie-categorie": "ontmoeting",
        "actie-status": "gepland",
        "actie-startdatum": date.today().isoformat(),
        "actie-aanleiding": "De rol rust op één persoon.",
    }
    antwoord = als(wereld.regisseur_a).post(url, data)
    assert antwoord.status_code == 302
    opvolging = Reflectieopvolging.objects.get()
    assert opvolging.actie == Actie.objects.get(titel="Back-up zoeken")
    assert opvolging.aanleiding == "De rol rust op één persoon."


def test_a_partner_counts_contact_moments_for_itself(als, wereld):
    ander = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    url = _url("contactmomenten", wereld)
    client = als(wereld.partner_a)
    pagina = client.get(url).content.decode()
    assert "+1 Koffieklets" in pagina and not any(
        n in pagina for n in ('name="naam"', 'name="bewoner"')
    )
    for _ in range(3):
        data = {"soort": "koffieklets", "datum": date.today().isoformat(), "aantal": "1"}
        assert client.post(url, {**data, "partner": wereld.partner.id}).status_code == 302
    antwoord = client.post(url, {**data, "partner": ander.id})
    assert antwoord.status_code == 200
    assert Contactmoment.objects.filter(partner=wereld.partner).count() == 3
    assert not Contactmoment.objects.filter(partner=ander).exists()
    antwoord = client.post(url, {"soort": "koffieklets", "datum": "", "aantal": "0"})
    assert antwoord.status_code == 200 and Contactmoment.objects.count() == 3


def test_a_partner_adds_a_success_and_cannot_mark_it(als, wereld):
    data = {"titel": "Buurtsoep", "wat_hielp": "Samen koken", "datum": date.today().isoformat()}
    antwoord = als(wereld.partner_a).post(
        _url("succes_create", wereld), {**data, "partner": wereld.partner.id}
    )
    assert antwoord.status_code == 302
    succes = Succes.objects.get()
    assert succes.partner == wereld.partner
    rapport = _url("succes_rapport", wereld, succes_id=succes.id)
    assert als(wereld.partner_a).post(rapport, {"in_rapport": "1"}).status_code == 403
    assert als(wereld.regisseur_a).post(rapport, {"in_rapport": "1"}).status_code == 302
    succes.refresh_from_db()
    assert succes.in_rapport


def _verhaal(client, w, **velden):
    data = {
        "titel": "Koffie",
        "tekst": "Buren schuiven aan.",
        "toestemming": Toestemming.RAPPORT,
        "datum": date.today().isoformat(),
        **velden,
    }
    return client.post(_url("verhaal_create", w), data)


def test_a_story_photo_must_be_an_image_within_the_limit(als, wereld, settings):
    client = als(wereld.regisseur_a)
    nep = SimpleUploadedFile("foto.png", b"<html><script>alert(1)</script></html>", "image/png")
    antwoord = _verhaal(client, wereld, foto=nep)
    assert antwoord.status_code == 200
    assert "afbeelding" in antwoord.content.decode().lower()
    settings.ZORGNET_UPLOAD_MAX_MB = 1
    groot = SimpleUploadedFile("groot.png", _png() + b"\0" * (1024 * 1024), "image/png")
    antwoord = _verhaal(client, wereld, foto=groot)
    assert antwoord.status_code == 200 and "te groot" in antwoord.content.decode()
    assert not Verhaal.objects.exists()
    antwoord = _verhaal(client, wereld, foto=SimpleUploadedFile("ok.png", _png(), "image/png"))
    assert antwoord.status_code == 302
    foto = Verhaal.objects.get().foto
    assert foto.name.startswith("verhalen/") and "ok" not in foto.name  # unguessable name


def test_a_photo_needs_consent(als, wereld):
    foto = SimpleUploadedFile("ok.png", _png(), "image/png")
    antwoord = _verhaal(als(wereld.regisseur_a), wereld, foto=foto, toestemming=Toestemming.GEEN)
    assert antwoord.status_code == 200 and "toestemming" in antwoord.content.decode()
    assert not Verhaal.objects.exists()


def test_the_photo_is_served_only_to_who_may_read_the_story(als, wereld, client):
    _verhaal(
        als(wereld.regisseur_a),
        wereld,
        foto=SimpleUploadedFile("ok.png", _png(), "image/png"),
        toestemming=Toestemming.INTERN,
    )
    verhaal = Verhaal.objects.get()
    url = _url("verhaal_foto", wereld, verhaal_id=verhaal.id)
    antwoord = als(wereld.partner_a).get(url)
    assert antwoord.status_code == 200 and antwoord["X-Content-Type-Options"] == "nosniff"
    assert b"".join(antwoord.streaming_content).startswith(b"\x89PNG")
    assert als(wereld.coordinator).get(url).status_code == 404  # intern: not for the gemeente
    assert als(wereld.regisseur_b).get(url).status_code == 404
    Verhaal.objects.filter(pk=verhaal.pk).update(toestemming=Toestemming.RAPPORT)
    assert als(wereld.coordinator).get(url).status_code == 200


def test_a_story_without_consent_is_not_picked_for_the_report(als, wereld):
    verhaal = services.verhaal_bewaren(
        verhaal=Verhaal(buurt=wereld.buurt_a, titel="Intern", tekst="Tekst", toestemming="intern")
    )
    url = _url("verhaal_rapport", wereld, verhaal_id=verhaal.id)
    antwoord = als(wereld.regisseur_a).post(url, {"in_rapport": "1"}, follow=True)
    assert "geen toestemming" in antwoord.content.decode()
    verhaal.refresh_from_db()
    assert not verhaal.in_rapport


def test_the_buurt_page_shows_the_contact_tally(als, wereld):
    services.contactmoment_tellen(buurt=wereld.buurt_a, soort="huisbezoek", aantal=7)
    pagina = als(wereld.coordinator).get(reverse("buurt_detail", args=[wereld.buurt_a.id]))
    html = pagina.content.decode()
    assert "Kleine acties en contactmomenten" in html and "Huisbezoek" in html
    assert "Contactmoment tellen" not in html  # the coordinator reads, does not count


def test_the_reflection_page_costs_a_fixed_number_of_queries(
    als, wereld, moment, django_assert_max_num_queries
):
    f1 = selectors.factoren()[0]
    services.scores_bewaren(moment=moment, deelnemer="regisseur", waarden={f1.id: (3, "")})
    client = als(wereld.regisseur_a)
    url = _url("reflectie_detail", wereld, moment_id=moment.id)
    client.get(url)
    with django_assert_max_num_queries(30):
        assert client.get(url).status_code == 200
