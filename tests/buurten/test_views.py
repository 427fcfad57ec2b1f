import pytest
from django.urls import reverse

from tests.factories import BuurtFactory, LidmaatschapFactory

pytestmark = pytest.mark.django_db


def test_it_redirects_anonymous_users_to_login(client, wereld):
    response = client.get(reverse("buurt_detail", args=[wereld.buurt_a.id]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_dashboard_shows_only_my_buurten(als, wereld):
    response = als(wereld.regisseur_a).get(reverse("dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Buurtegem" in html
    assert "De Leefhoek" not in html
    assert "Stationswijk" not in html


def test_the_coordinator_dashboard_shows_the_whole_gemeente(als, wereld):
    html = als(wereld.coordinator).get(reverse("dashboard")).content.decode()
    assert "Buurtegem" in html and "Stationswijk" in html
    assert "De Leefhoek" not in html


def test_the_buurt_page_shows_every_section(als, wereld):
    response = als(wereld.regisseur_a).get(reverse("buurt_detail", args=[wereld.buurt_a.id]))
    assert response.status_code == 200
    html = response.content.decode()
    for titel in (
        "Buurtanalyse",
        "Partners",
        "Activiteitenpakketten",
        "Acties en signalen",
        "Bijeenkomsten",
        "Netwerk",
        "Rapport",
    ):
        assert titel in html


def test_a_foreign_buurt_is_a_404(als, wereld):
    response = als(wereld.regisseur_a).get(reverse("buurt_detail", args=[wereld.buurt_b.id]))
    assert response.status_code == 404
    assert "De Leefhoek" not in response.content.decode()


def test_an_unknown_buurt_is_a_404(als, wereld):
    response = als(wereld.regisseur_a).get("/buurten/987654/")
    assert response.status_code == 404


def test_the_dashboard_costs_a_fixed_number_of_queries(
    als, wereld, django_assert_max_num_queries, settings
):
    settings.ZORGNET_FRAGMENTCACHE = False  # the cold path (warm: tests/overzicht)
    client = als(wereld.coordinator)
    client.get(reverse("dashboard"))
    for n in range(8):
        BuurtFactory(gemeente=wereld.gemeente_1, naam=f"Extra {n}")
    # 9 (tests/overzicht/test_paginas.py lists them); the partner figure is one grouped query.
    with django_assert_max_num_queries(9) as vastgelegd:
        client.get(reverse("dashboard"))
    klein = len(vastgelegd.captured_queries)
    for _ in range(12):
        LidmaatschapFactory(
            gebruiker=wereld.coordinator, buurt=BuurtFactory(gemeente=wereld.gemeente_1)
        )
    with django_assert_max_num_queries(klein) as groot:
        client.get(reverse("dashboard"))
    assert len(groot.captured_queries) == klein


def test_wrong_login_gives_a_dutch_message_without_detail(client, wereld):
    response = client.post(reverse("login"), {"username": "regisseur_a", "password": "fout"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "gebruikersnaam of wachtwoord is niet juist" in html
    # No hint whether the user exists.
    response2 = client.post(reverse("login"), {"username": "bestaat_niet", "password": "fout"})
    assert "gebruikersnaam of wachtwoord is niet juist" in response2.content.decode()


def test_correct_login_lands_on_the_dashboard(client, wereld):
    response = client.post(
        reverse("login"),
        {"username": "regisseur_a", "password": "test-wachtwoord-123"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("dashboard")
    assert "Buurtegem" in response.content.decode()


def test_pages_send_a_strict_content_security_policy(als, wereld):
    response = als(wereld.regisseur_a).get(reverse("dashboard"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
