"""The access log page, and refusals (403/404) written as access events."""

import pytest
from django.urls import reverse

from buurten.models import Toegangsgebeurtenis
from buurten.services import registreer_toegang
from tests.factories import SignaalFactory

pytestmark = pytest.mark.django_db


def _url(buurt, **query):
    url = reverse("toegang:toegangsgebeurtenis_list", args=[buurt.id])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_it_lists_the_buurt_events_and_filters_by_action(als, wereld):
    registreer_toegang(
        gebruiker=wereld.partner_a, actie="export", object_type="partners", buurt=wereld.buurt_a
    )
    registreer_toegang(
        gebruiker=wereld.partner_a,
        actie="bekeken",
        object_type="signaal",
        object_id=77,
        buurt=wereld.buurt_a,
    )
    registreer_toegang(
        gebruiker=wereld.regisseur_b, actie="export", object_type="elders", buurt=wereld.buurt_b
    )
    client = als(wereld.regisseur_a)
    html = client.get(_url(wereld.buurt_a)).content.decode()
    assert "Signaal #77" in html and "Partners" in html and "lders" not in html
    html = client.get(_url(wereld.buurt_a, actie="export")).content.decode()
    assert "Partners" in html and "Signaal #77" not in html
    # htmx gets only the table
    fragment = client.get(_url(wereld.buurt_a, actie="export"), headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode() and 'id="tabel"' in fragment.content.decode()


def test_only_the_regisseur_sees_it(als, wereld):
    assert als(wereld.partner_a).get(_url(wereld.buurt_a)).status_code == 403
    assert als(wereld.coordinator).get(_url(wereld.buurt_a)).status_code == 403
    assert als(wereld.regisseur_b).get(_url(wereld.buurt_a)).status_code == 404


def test_the_page_costs_a_fixed_number_of_queries(als, wereld):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = als(wereld.regisseur_a)
    registreer_toegang(
        gebruiker=wereld.partner_a, actie="export", object_type="partners", buurt=wereld.buurt_a
    )
    client.get(_url(wereld.buurt_a))
    with CaptureQueriesContext(connection) as weinig:
        client.get(_url(wereld.buurt_a))
    for i in range(40):
        registreer_toegang(
            gebruiker=wereld.partner_a,
            actie="bekeken",
            object_type="signaal",
            object_id=i,
            buurt=wereld.buurt_a,
        )
    with CaptureQueriesContext(connection) as veel:
        antwoord = client.get(_url(wereld.buurt_a))
    assert len(antwoord.context["pagina"].object_list) == 25
    assert len(veel) == len(weinig)


def test_a_403_writes_a_refusal_event_without_content(als, wereld):
    als(wereld.partner_a).get(reverse("partners:partner_create", args=[wereld.buurt_a.id]))
    gebeurtenis = Toegangsgebeurtenis.objects.get(actie="geweigerd")
    assert gebeurtenis.gebruiker == wereld.partner_a
    assert gebeurtenis.rol == "partner"
    assert gebeurtenis.buurt == wereld.buurt_a
    assert gebeurtenis.object_type == "buurt"
    assert gebeurtenis.omschrijving == "403 GET partners:partner_create"
    # the log keeps the URL name; its page shows the page as a person calls it (issue 19)
    html = (
        als(wereld.regisseur_a)
        .get(reverse("toegang:toegangsgebeurtenis_list", args=[wereld.buurt_a.id]))
        .content.decode()
    )
    assert "Partner aanmaken (geweigerd: 403, GET)" in html
    assert "partners:partner_create" not in html


def test_a_404_on_a_foreign_object_writes_a_refusal_event(als, wereld):
    signaal = SignaalFactory(buurt=wereld.buurt_a, omschrijving="Geheime situatie")
    url = reverse("activiteiten:signaal_detail", args=[wereld.buurt_a.id, signaal.id])
    assert als(wereld.regisseur_b).get(url).status_code == 404
    gebeurtenis = Toegangsgebeurtenis.objects.get(actie="geweigerd")
    assert gebeurtenis.gebruiker == wereld.regisseur_b
    assert (gebeurtenis.object_type, gebeurtenis.object_id) == ("signaal", str(signaal.id))
    # The owner of the buurt sees the attempt in their log.
    assert gebeurtenis.buurt == wereld.buurt_a
    assert "Geheime" not in gebeurtenis.omschrijving


def test_a_404_on_a_buurt_that_does_not_exist_is_logged_without_a_buurt(als, wereld):
    als(wereld.regisseur_a).get(reverse("buurt_detail", args=[999999]))
    gebeurtenis = Toegangsgebeurtenis.objects.get(actie="geweigerd")
    assert gebeurtenis.buurt is None and gebeurtenis.object_id == "999999"


def test_anonymous_requests_and_allowed_requests_write_nothing(client, als, wereld):
    client.get(reverse("partners:partner_create", args=[wereld.buurt_a.id]))
    als(wereld.regisseur_a).get(reverse("partners:partner_create", args=[wereld.buurt_a.id]))
    assert not Toegangsgebeurtenis.objects.exists()
