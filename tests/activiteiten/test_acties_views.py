"""Pages for actions and signals: visibility per persona, logging, filters, query counts, bad input."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from activiteiten.models import Actie, Doorverwijzing, Signaal, SignaalStatus
from buurten.models import Rol, Toegangsgebeurtenis
from tests.factories import (
    ActieFactory,
    LidmaatschapFactory,
    PartnerFactory,
    SignaalFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def buren(wereld):
    """A second partner in buurt A with its own partner user, and a partner outside the buurt."""
    wereld.buurtwerk = PartnerFactory(
        gemeente=wereld.gemeente_1, naam="Buurtwerk", buurten=[wereld.buurt_a]
    )
    wereld.buurtwerk_user = UserFactory(username="buurtwerker")
    LidmaatschapFactory(
        gebruiker=wereld.buurtwerk_user,
        buurt=wereld.buurt_a,
        rol=Rol.PARTNER,
        partner=wereld.buurtwerk,
    )
    wereld.buiten = PartnerFactory(
        gemeente=wereld.gemeente_1, naam="Stationsdienst", buurten=[wereld.buurt_a2]
    )
    return wereld


def _url(naam, *args):
    return reverse(f"activiteiten:{naam}", args=args)


def _resultaten(response) -> str:
    """The results part of a list page (the filter form repeats every label)."""
    return response.content.decode().split('id="resultaten"', 1)[1]


# --- visibility ---------------------------------------------------------------------------------
def test_partners_see_their_own_and_referred_signals_only(als, buren):
    w = buren
    eigen = SignaalFactory(buurt=w.buurt_a, partner=w.partner, thema="armoede")
    ander = SignaalFactory(buurt=w.buurt_a, partner=w.buurtwerk, thema="overlast")
    client = als(w.partner_a)
    html = _resultaten(client.get(_url("signaal_list", w.buurt_a.id)))
    assert "Armoede" in html and "Nachtlawaai" not in html
    assert client.get(_url("signaal_detail", w.buurt_a.id, ander.id)).status_code == 404
    # Once referred to the partner, it becomes visible.
    Doorverwijzing.objects.create(signaal=ander, van_partner=w.buurtwerk, naar_partner=w.partner)
    assert client.get(_url("signaal_detail", w.buurt_a.id, ander.id)).status_code == 200
    html = _resultaten(als(w.regisseur_a).get(_url("signaal_list", w.buurt_a.id)))
    assert "Armoede" in html and "Nachtlawaai" in html
    assert (
        als(w.buurtwerk_user).get(_url("signaal_detail", w.buurt_a.id, eigen.id)).status_code == 404
    )


def test_coordinators_see_counts_with_small_numbers_suppressed(als, wereld):
    for _ in range(3):
        SignaalFactory(buurt=wereld.buurt_a, thema="armoede", omschrijving="Geheime situatie")
    for _ in range(6):
        SignaalFactory(buurt=wereld.buurt_a, thema="eenzaamheid", omschrijving="Geheime situatie")
    client = als(wereld.coordinator)
    response = client.get(_url("signaal_list", wereld.buurt_a.id))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Geheime situatie" not in html
    assert "&lt; 5" in html  # three armoede signals
    # 6 eenzaamheid next to the total of 9 would give the 3 away: hidden too (complementary).
    assert ">6<" not in html and ">•<" in html and "Signalen: 9" in html
    signaal = Signaal.objects.first()
    assert client.get(_url("signaal_detail", wereld.buurt_a.id, signaal.id)).status_code == 403


def test_every_read_of_a_signal_is_logged(als, wereld):
    signaal = SignaalFactory(buurt=wereld.buurt_a, partner=wereld.partner)
    als(wereld.partner_a).get(_url("signaal_detail", wereld.buurt_a.id, signaal.id))
    log = Toegangsgebeurtenis.objects.get(object_type="signaal", object_id=str(signaal.id))
    assert log.gebruiker == wereld.partner_a
    assert log.actie == "bekeken"
    assert log.buurt == wereld.buurt_a
    assert signaal.omschrijving not in log.omschrijving or not log.omschrijving


def test_the_open_queue_shows_open_signals_urgent_first(als, wereld):
    laag = SignaalFactory(buurt=wereld.buurt_a, urgentie="laag", thema="rouw")
    hoog = SignaalFactory(buurt=wereld.buurt_a, urgentie="hoog", thema="wonen")
    SignaalFactory(buurt=wereld.buurt_a, status=SignaalStatus.OPGELOST, thema="mobiliteit")
    html = als(wereld.regisseur_a).get(_url("signaal_open", wereld.buurt_a.id)).content.decode()
    assert "Mobiliteit" not in html
    assert html.index(hoog.get_thema_display()) < html.index(laag.get_thema_display())


# --- lists: filters, htmx, fixed query count ----------------------------------------------------
def test_signal_list_filters_by_status_theme_and_period(als, wereld):
    vandaag = timezone.localdate()
    SignaalFactory(buurt=wereld.buurt_a, thema="armoede", datum=vandaag - timedelta(days=40))
    SignaalFactory(buurt=wereld.buurt_a, thema="rouw", datum=vandaag)
    SignaalFactory(buurt=wereld.buurt_a, thema="wonen", status=SignaalStatus.OPGELOST)
    client = als(wereld.regisseur_a)
    url = _url("signaal_list", wereld.buurt_a.id)
    html = _resultaten(client.get(url, {"thema": "armoede"}))
    assert "Armoede" in html and "Verlies en rouw" not in html
    html = _resultaten(client.get(url, {"status": "opgelost"}))
    assert "Wonen" in html and "Armoede" not in html
    html = _resultaten(client.get(url, {"van": (vandaag - timedelta(days=5)).isoformat()}))
    assert "Verlies en rouw" in html and "Armoede" not in html
    # htmx asks for the results only.
    partieel = client.get(url, {"thema": "rouw"}, headers={"HX-Request": "true"})
    assert "<html" not in partieel.content.decode()
    assert 'id="resultaten"' in partieel.content.decode()
    fout = client.get(url, {"van": vandaag.isoformat(), "tot": "2000-01-01"})
    assert "begindatum ligt na de einddatum" in fout.content.decode()


@pytest.mark.parametrize(
    ("naam", "persona", "maak"),
    [
        ("signaal_list", "regisseur_a", "signaal"),
        ("signaal_list", "partner_a", "signaal"),
        ("signaal_list", "coordinator", "signaal"),
        ("signaal_open", "regisseur_a", "signaal"),
        ("actie_list", "partner_a", "actie"),
        ("beleidssignaal_list", "regisseur_a", "signaal"),
    ],
)
def test_lists_cost_a_fixed_number_of_queries(
    als, wereld, django_assert_max_num_queries, naam, persona, maak
):
    def voeg_toe(n):
        for _ in range(n):
            if maak == "signaal":
                s = SignaalFactory(buurt=wereld.buurt_a, partner=wereld.partner)
                Doorverwijzing.objects.create(
                    signaal=s,
                    naar_partner=PartnerFactory(
                        gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a]
                    ),
                )
            else:
                a = ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner)
                a.co_partners.add(
                    PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
                )

    client = als(getattr(wereld, persona))
    url = _url(naam, wereld.buurt_a.id)
    voeg_toe(2)
    with django_assert_max_num_queries(20) as klein:
        assert client.get(url).status_code == 200
    voeg_toe(10)
    with django_assert_max_num_queries(len(klein.captured_queries)):
        assert client.get(url).status_code == 200


def test_lists_paginate(als, wereld):
    for _ in range(30):
        ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner)
    client = als(wereld.regisseur_a)
    html = client.get(_url("actie_list", wereld.buurt_a.id)).content.decode()
    assert "Pagina 1 van 2" in html
    html = client.get(_url("actie_list", wereld.buurt_a.id), {"pagina": 2}).content.decode()
    assert "Pagina 2 van 2" in html


# --- logging: the quick forms -------------------------------------------------------------------
def test_a_partner_logs_an_action_with_only_the_essentials(als, wereld):
    client = als(wereld.partner_a)
    response = client.post(
        _url("actie_create", wereld.buurt_a.id),
        {
            "titel": "Soep op het plein",
            "startdatum": timezone.localdate().isoformat(),
            "status": "afgerond",
            "categorie": "ontmoeting",
            "trekker": wereld.partner.id,
            "deelnemers": "35",
        },
    )
    actie = Actie.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("actie_detail", wereld.buurt_a.id, actie.id)
    assert actie.trekker == wereld.partner and actie.deelnemers == 35
    assert actie.aangemaakt_door == wereld.partner_a


def test_a_partner_cannot_log_an_action_for_another_partner(als, buren):
    response = als(buren.partner_a).post(
        _url("actie_create", buren.buurt_a.id),
        {
            "titel": "X",
            "startdatum": timezone.localdate().isoformat(),
            "status": "gepland",
            "categorie": "ontmoeting",
            "trekker": buren.buurtwerk.id,
        },
    )
    assert response.status_code == 200
    assert Actie.objects.count() == 0


def test_a_future_date_on_a_finished_action_gives_a_dutch_error(als, wereld):
    morgen = timezone.localdate() + timedelta(days=3)
    response = als(wereld.regisseur_a).post(
        _url("actie_create", wereld.buurt_a.id),
        {
            "titel": "Buurtfeest",
            "startdatum": morgen.isoformat(),
            "status": "afgerond",
            "categorie": "ontmoeting",
            "trekker": wereld.partner.id,
        },
    )
    assert response.status_code == 200
    assert "kan niet in de toekomst liggen" in response.content.decode()
    assert Actie.objects.count() == 0


def test_the_signal_form_warns_and_refuses_identifiers(als, wereld):
    client = als(wereld.partner_a)
    url = _url("signaal_create", wereld.buurt_a.id)
    assert "Beschrijf de situatie, niet de persoon" in client.get(url).content.decode()
    gegevens = {
        "thema": "eenzaamheid",
        "kanaal": "huisbezoek",
        "collectief": "0",
        "urgentie": "normaal",
        "zorgniveau": "ongerust",
        "responsniveau": "open_dialoog",
        "datum": timezone.localdate().isoformat(),
        "omschrijving": "Meneer op Dorpsstraat 14 eet niet meer, bel 0478 11 22 33",
        "partner": wereld.partner.id,
    }
    response = client.post(url, gegevens)
    assert response.status_code == 200
    assert "herkenbaar" in response.content.decode()
    assert Signaal.objects.count() == 0
    gegevens["omschrijving"] = "Oudere man eet niet meer warm sinds zijn vrouw overleed."
    response = client.post(url, gegevens)
    assert response.status_code == 302
    signaal = Signaal.objects.get()
    assert signaal.partner == wereld.partner and signaal.status == SignaalStatus.NIEUW
    assert signaal.gemeld_door == wereld.partner_a


def test_an_invalid_status_transition_in_the_page_gives_an_error(als, wereld):
    signaal = SignaalFactory(buurt=wereld.buurt_a, status=SignaalStatus.OPGELOST)
    response = als(wereld.regisseur_a).post(
        _url("signaal_status", wereld.buurt_a.id, signaal.id), {"status": "in_behandeling"}
    )
    assert response.status_code == 200
    assert "kan niet van" in response.content.decode()
    assert Signaal.objects.get(pk=signaal.pk).status == SignaalStatus.OPGELOST


def test_a_referral_to_a_partner_outside_the_buurt_is_refused_in_the_page(als, buren):
    signaal = SignaalFactory(buurt=buren.buurt_a, partner=buren.partner)
    response = als(buren.regisseur_a).post(
        _url("doorverwijzing_create", buren.buurt_a.id, signaal.id),
        {"naar_partner": buren.buiten.id, "van_partner": buren.partner.id, "warm": "on"},
    )
    assert response.status_code == 200
    assert "in deze buurt actief" in response.content.decode()
    assert Doorverwijzing.objects.count() == 0
    assert Signaal.objects.get(pk=signaal.pk).status == SignaalStatus.NIEUW


def test_referral_and_its_outcome(als, buren):
    signaal = SignaalFactory(buurt=buren.buurt_a, partner=buren.partner)
    client = als(buren.regisseur_a)
    response = client.post(
        _url("doorverwijzing_create", buren.buurt_a.id, signaal.id),
        {"naar_partner": buren.buurtwerk.id, "van_partner": buren.partner.id, "warm": "on"},
    )
    assert response.status_code == 302
    verwijzing = Doorverwijzing.objects.get()
    assert verwijzing.warm and verwijzing.aangekomen is None
    # The receiving partner records that the person arrived.
    als(buren.buurtwerk_user).post(
        _url("doorverwijzing_uitkomst", buren.buurt_a.id, verwijzing.id), {"aangekomen": "ja"}
    )
    verwijzing.refresh_from_db()
    assert verwijzing.aangekomen is True and verwijzing.uitkomst_op == timezone.localdate()


def test_bundling_in_the_page(als, wereld):
    signalen = [SignaalFactory(buurt=wereld.buurt_a, thema="mobiliteit") for _ in range(3)]
    client = als(wereld.regisseur_a)
    response = client.post(
        _url("beleidssignaal_create", wereld.buurt_a.id),
        {
            "titel": "Mobiliteit",
            "boodschap": "Geen bus op zondag.",
            "signalen": [s.id for s in signalen],
        },
    )
    assert response.status_code == 302
    assert set(Signaal.objects.values_list("status", flat=True)) == {SignaalStatus.GEBUNDELD}
    detail = client.get(response["Location"]).content.decode()
    assert "Geen bus op zondag." in detail
    # Coordinators see the beleidssignaal with counts only.
    html = als(wereld.coordinator).get(response["Location"]).content.decode()
    assert "&lt; 5" in html and "signalen/" + str(signalen[0].id) not in html


def test_the_buurt_page_and_dashboard_show_the_section(als, wereld):
    SignaalFactory(buurt=wereld.buurt_a)
    ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner)
    html = als(wereld.regisseur_a).get(reverse("buurt_detail", args=[wereld.buurt_a.id]))
    assert _url("actie_list", wereld.buurt_a.id) in html.content.decode()
    assert "Open signalen" in html.content.decode()
    dashboard = als(wereld.regisseur_a).get(reverse("dashboard")).content.decode()
    assert 'id="blok-open-signalen"' in dashboard
    assert (
        'id="blok-open-signalen"'
        not in als(wereld.partner_a).get(reverse("dashboard")).content.decode()
    )


def test_action_list_filters_by_status_category_and_period(als, wereld):
    vandaag = timezone.localdate()
    ActieFactory(
        buurt=wereld.buurt_a,
        trekker=wereld.partner,
        titel="Oud feest",
        status="afgerond",
        startdatum=vandaag - timedelta(days=90),
    )
    ActieFactory(
        buurt=wereld.buurt_a,
        trekker=wereld.partner,
        titel="Nieuwe infomarkt",
        categorie="informeren",
        status="gepland",
        startdatum=vandaag,
    )
    client = als(wereld.coordinator)
    url = _url("actie_list", wereld.buurt_a.id)
    html = _resultaten(client.get(url, {"status": "afgerond"}))
    assert "Oud feest" in html and "Nieuwe infomarkt" not in html
    html = _resultaten(client.get(url, {"categorie": "informeren"}))
    assert "Nieuwe infomarkt" in html and "Oud feest" not in html
    html = _resultaten(client.get(url, {"van": (vandaag - timedelta(days=7)).isoformat()}))
    assert "Nieuwe infomarkt" in html and "Oud feest" not in html
    partieel = client.get(url, {"status": "gepland"}, headers={"HX-Request": "true"})
    assert "<html" not in partieel.content.decode()
    assert "Nieuwe infomarkt" in partieel.content.decode()


def test_only_the_regisseur_or_the_trekker_edits_an_action(als, buren):
    actie = ActieFactory(buurt=buren.buurt_a, trekker=buren.partner, titel="Soepmoment")
    url = _url("actie_update", buren.buurt_a.id, actie.id)
    assert als(buren.buurtwerk_user).get(url).status_code == 403
    response = als(buren.partner_a).post(
        url,
        {
            "titel": "Soepmoment",
            "startdatum": actie.startdatum.isoformat(),
            "status": "lopend",
            "categorie": "ontmoeting",
            "trekker": buren.partner.id,
            "co_partners": [buren.buurtwerk.id],
        },
    )
    assert response.status_code == 302
    actie.refresh_from_db()
    assert actie.status == "lopend"
    assert list(actie.co_partners.all()) == [buren.buurtwerk]


def test_an_invalid_filter_lists_nothing_and_says_why_also_after_an_htmx_swap(als, wereld):
    ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner, titel="Buurtfeest")
    client = als(wereld.regisseur_a)
    url = _url("actie_list", wereld.buurt_a.id)
    assert "Buurtfeest" in _resultaten(client.get(url))
    for headers in ({}, {"HX-Request": "true"}):
        html = _resultaten(client.get(url, {"status": "bestaat-niet"}, headers=headers))
        assert "Buurtfeest" not in html
        assert "Deze filters zijn ongeldig" in html and "Status" in html


def test_the_report_selector_applies_the_same_filters_as_the_list(wereld):
    from activiteiten.acties import selectors

    vandaag = timezone.localdate()
    oud = ActieFactory(
        buurt=wereld.buurt_a, trekker=wereld.partner, startdatum=vandaag - timedelta(days=60)
    )
    nieuw = ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner, startdatum=vandaag)
    qs = selectors.acties_van(wereld.buurt_a)
    binnen = selectors.filter_acties(qs, van=vandaag - timedelta(days=7), tot=None)
    assert list(binnen) == [nieuw]
    assert set(selectors.filter_acties(qs)) == {oud, nieuw}
