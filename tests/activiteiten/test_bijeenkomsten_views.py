"""Meeting pages: create, tick attendance, outcomes (htmx), follow-up, series, sheet and minutes
(HTML and PDF), query counts, the buurt section and the dashboard reminder."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from activiteiten.bijeenkomsten import services
from activiteiten.models import Actie, ActieStatus, Bijeenkomst, Signaal, Uitkomst
from buurten.models import Toegangsgebeurtenis
from tests.factories import (
    AanwezigheidFactory,
    BijeenkomstFactory,
    ContactpersoonFactory,
    PartnerFactory,
    ReeksFactory,
    SignaalFactory,
)

pytestmark = pytest.mark.django_db


def _url(naam, *args):
    return reverse(f"activiteiten:{naam}", args=args)


@pytest.fixture
def buurt(wereld):
    w = wereld
    w.buurtwerk = PartnerFactory(gemeente=w.gemeente_1, naam="Buurtwerk", buurten=[w.buurt_a])
    w.an = ContactpersoonFactory(partner=w.partner, voornaam="An")
    w.bert = ContactpersoonFactory(partner=w.buurtwerk, voornaam="Bert")
    w.buiten = PartnerFactory(gemeente=w.gemeente_1, naam="Stationsdienst", buurten=[w.buurt_a2])
    w.cas = ContactpersoonFactory(partner=w.buiten, voornaam="Cas")
    w.meeting = BijeenkomstFactory(buurt=w.buurt_a, type="supportersmeeting", titel="Supporters")
    return w


def _nieuw(rijen=()) -> dict:
    data = {"nieuw-TOTAL_FORMS": "3", "nieuw-INITIAL_FORMS": "0"}
    for i, rij in enumerate(rijen):
        data.update({f"nieuw-{i}-{k}": v for k, v in rij.items()})
    return data


# --- create ---------------------------------------------------------------------------------------
def test_regisseur_creates_a_supportersmeeting(als, wereld):
    client = als(wereld.regisseur_a)
    url = _url("bijeenkomst_create", wereld.buurt_a.id)
    assert (
        'value="supportersmeeting" selected'
        in client.get(url + "?type=supportersmeeting").content.decode()
    )
    response = client.post(
        url,
        {
            "type": "supportersmeeting",
            "datum": timezone.localdate().isoformat(),
            "begintijd": "19:00",
            "eindtijd": "21:00",
            "plaats": "Buurthuis",
            "agenda": "1. Kennismaking",
            "zorgniveau": "ongerust",
            "handelingsniveau": "netwerk",
            "responsniveau": "gerichte_vragen_acties",
        },
    )
    meeting = Bijeenkomst.objects.get()
    assert response.status_code == 302
    assert response.url == _url("bijeenkomst_detail", wereld.buurt_a.id, meeting.id)
    assert meeting.handelingsniveau == "netwerk"


def test_end_before_start_rerenders_with_a_dutch_error(als, wereld):
    response = als(wereld.regisseur_a).post(
        _url("bijeenkomst_create", wereld.buurt_a.id),
        {"type": "intervisie", "datum": "2026-01-13", "begintijd": "15:00", "eindtijd": "14:00"},
    )
    assert response.status_code == 200
    assert "Het einde ligt voor" in response.content.decode()
    assert not Bijeenkomst.objects.exists()


# --- attendance -----------------------------------------------------------------------------------
def test_tick_list_shows_the_buurts_contacts_only(als, buurt):
    html = (
        als(buurt.regisseur_a)
        .get(_url("aanwezigheid_update", buurt.buurt_a.id, buurt.meeting.id))
        .content.decode()
    )
    assert "An Fictief" in html and "Bert Fictief" in html
    assert "Cas Fictief" not in html


def test_ticking_attendance_and_adding_someone_new(als, buurt):
    w = buurt
    response = als(w.regisseur_a).post(
        _url("aanwezigheid_update", w.buurt_a.id, w.meeting.id),
        {
            "aanwezig": [w.an.id, w.bert.id],
            "aantal_bewoners": "3",
            "aantal_anderen": "1",
            **_nieuw([{"naam": "Leerkracht", "organisatie": "School", "nieuw": "on"}]),
        },
    )
    assert response.status_code == 302
    assert w.meeting.aanwezigheden.count() == 3
    assert w.meeting.aanwezigheden.get(nieuw=True).naam == "Leerkracht"
    html = als(w.regisseur_a).get(_url("bijeenkomst_detail", w.buurt_a.id, w.meeting.id))
    assert "Aanwezig (7)" in html.content.decode()


def test_a_contact_outside_the_buurt_cannot_be_ticked(als, buurt):
    w = buurt
    response = als(w.regisseur_a).post(
        _url("aanwezigheid_update", w.buurt_a.id, w.meeting.id),
        {
            "aanwezig": [w.an.id, w.cas.id],
            "aantal_bewoners": "0",
            "aantal_anderen": "0",
            **_nieuw(),
        },
    )
    assert response.status_code == 200
    assert "voeg hem of haar toe als nieuw" in response.content.decode()
    assert not w.meeting.aanwezigheden.exists()


def test_a_new_person_not_marked_new_is_refused(als, buurt):
    w = buurt
    response = als(w.regisseur_a).post(
        _url("aanwezigheid_update", w.buurt_a.id, w.meeting.id),
        {
            "aanwezig": [w.an.id],
            "aantal_bewoners": "2",
            "aantal_anderen": "0",
            **_nieuw([{"naam": "Onbekende", "partner": str(w.buiten.id)}]),
        },
    )
    assert response.status_code == 200
    assert "iemand nieuw" in response.content.decode()
    assert not w.meeting.aanwezigheden.exists()
    w.meeting.refresh_from_db()
    assert w.meeting.aantal_bewoners == 0


# --- outcomes -------------------------------------------------------------------------------------
def test_outcomes_via_htmx_create_an_action_and_a_signal(als, buurt):
    w = buurt
    client = als(w.regisseur_a)
    url = _url("uitkomst_create", w.buurt_a.id, w.meeting.id)
    hx = {"HX-Request": "true"}
    deadline = (timezone.localdate() + timedelta(days=7)).isoformat()
    r = client.post(
        url,
        {
            "soort": "actie",
            "omschrijving": "Talenteninterviews",
            "eigenaar": w.buurtwerk.id,
            "deadline": deadline,
            "categorie": "netwerkvorming",
            "urgentie": "normaal",
        },
        headers=hx,
    )
    html = r.content.decode()
    assert r.status_code == 200 and "<html" not in html and 'id="uitkomsten"' in html
    assert "Talenteninterviews" in html
    r = client.post(
        url,
        {
            "soort": "signaal",
            "omschrijving": "Ouders vinden de weg niet",
            "thema": "opvoeding",
            "urgentie": "hoog",
            "categorie": "netwerkvorming",
        },
        headers=hx,
    )
    assert "Ouders vinden de weg niet" in r.content.decode()
    assert Actie.objects.get().trekker == w.buurtwerk
    assert Signaal.objects.get().urgentie == "hoog"


def test_an_action_without_owner_rerenders_with_an_error(als, buurt):
    w = buurt
    r = als(w.regisseur_a).post(
        _url("uitkomst_create", w.buurt_a.id, w.meeting.id),
        {
            "soort": "actie",
            "omschrijving": "Iets",
            "categorie": "netwerkvorming",
            "urgentie": "normaal",
        },
    )
    assert r.status_code == 200
    assert "eigenaar nodig" in r.content.decode()
    assert not Uitkomst.objects.exists() and not Actie.objects.exists()


@pytest.mark.parametrize("eigenaar", [None, "partner"])
def test_signal_outcomes_follow_the_signal_rule(als, buurt, eigenaar):
    """A signal raised in a meeting is read like the signal itself (issue 16, finding 4): the
    regisseur and the partner that owns it; not the coordinator, not another partner."""
    w = buurt
    services.uitkomst_toevoegen(
        bijeenkomst=w.meeting,
        soort="signaal",
        omschrijving="Geheime situatie",
        thema="armoede",
        eigenaar=getattr(w, eigenaar) if eigenaar else None,
    )
    partner_ziet = eigenaar == "partner"
    for user, ziet in (
        (w.coordinator, False),
        (w.partner_a, partner_ziet),
        (w.regisseur_a, True),
    ):
        for naam in ("bijeenkomst_detail", "bijeenkomst_verslag"):
            html = als(user).get(_url(naam, w.buurt_a.id, w.meeting.id)).content.decode()
            assert ("Geheime situatie" in html) is ziet, (user, naam)
            assert "Er werd een signaal vastgelegd" in html or ziet, (user, naam)


def test_situatie_only_for_regisseur_and_partners_on_the_attendance_list(als, buurt):
    """A supportersmeeting's situation is need-to-know: the regisseur and the partners taking
    part; another partner of the buurt, the coordinator and readers see only that it exists."""
    w = buurt
    w.meeting.situatie = "Een gezin dat vastloopt met de schoolkosten."
    w.meeting.save()
    bezoekers = [w.regisseur_a, w.partner_a, w.coordinator]

    def ziet(user) -> list[bool]:
        return [
            "vastloopt met de schoolkosten"
            in als(user).get(_url(n, w.buurt_a.id, w.meeting.id)).content.decode()
            for n in ("bijeenkomst_detail", "bijeenkomst_verslag")
        ]

    assert [ziet(u) for u in bezoekers] == [[True, True], [False, False], [False, False]]
    AanwezigheidFactory(bijeenkomst=w.meeting, contactpersoon=w.an)  # partner_a's organisation
    assert [ziet(u) for u in bezoekers] == [[True, True], [True, True], [False, False]]


# --- follow-up ------------------------------------------------------------------------------------
def _actie_uitkomst(w, omschrijving, dagen, eigenaar=None, meeting=None):
    return services.uitkomst_toevoegen(
        bijeenkomst=meeting or w.meeting,
        soort="actie",
        omschrijving=omschrijving,
        eigenaar=eigenaar or w.buurtwerk,
        deadline=timezone.localdate() + timedelta(days=dagen),
    )


def test_follow_up_lists_open_actions_across_meetings_with_overdue_marked(als, buurt):
    w = buurt
    tweede = BijeenkomstFactory(buurt=w.buurt_a, type="intervisie")
    _actie_uitkomst(w, "Te laat", -3)
    _actie_uitkomst(w, "Binnenkort", 5, eigenaar=w.partner, meeting=tweede)
    klaar = _actie_uitkomst(w, "Al gedaan", -10)
    Actie.objects.filter(pk=klaar.actie_id).update(status=ActieStatus.AFGEROND)
    client = als(w.coordinator)
    html = client.get(_url("bijeenkomst_opvolging", w.buurt_a.id)).content.decode()
    resultaten = html.split('id="resultaten"', 1)[1]
    assert "Te laat" in resultaten and "Binnenkort" in resultaten and "Al gedaan" not in resultaten
    assert resultaten.index("Te laat") < resultaten.index("Binnenkort")
    assert resultaten.count("label-gevaar") == 1
    html = (
        client.get(_url("bijeenkomst_opvolging", w.buurt_a.id), {"eigenaar": w.partner.id})
        .content.decode()
        .split('id="resultaten"', 1)[1]
    )
    assert "Binnenkort" in html and "Te laat" not in html
    html = (
        client.get(_url("bijeenkomst_opvolging", w.buurt_a.id), {"te_laat": "on"})
        .content.decode()
        .split('id="resultaten"', 1)[1]
    )
    assert "Te laat" in html and "Binnenkort" not in html


def test_follow_up_costs_a_fixed_number_of_queries(
    als, buurt, django_assert_max_num_queries, settings
):
    settings.ZORGNET_FRAGMENTCACHE = False  # the cold path: the filter bar rendered every time
    w = buurt
    client = als(w.regisseur_a)
    url = _url("bijeenkomst_opvolging", w.buurt_a.id)
    _actie_uitkomst(w, "Een", 3)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as eerst:
        client.get(url)
    for i in range(6):
        _actie_uitkomst(w, f"Actie {i}", i, meeting=BijeenkomstFactory(buurt=w.buurt_a))
    with django_assert_max_num_queries(len(eerst)):
        assert client.get(url).status_code == 200


def test_meeting_list_costs_a_fixed_number_of_queries(
    als, buurt, django_assert_max_num_queries, settings
):
    settings.ZORGNET_FRAGMENTCACHE = False  # the cold path: the figures computed every time
    w = buurt
    client = als(w.regisseur_a)
    url = _url("bijeenkomst_list", w.buurt_a.id)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as eerst:
        client.get(url)
    for _ in range(5):
        b = BijeenkomstFactory(buurt=w.buurt_a, type="training")
        AanwezigheidFactory(bijeenkomst=b, contactpersoon=w.an)
        AanwezigheidFactory(bijeenkomst=b, contactpersoon=w.bert)
    with django_assert_max_num_queries(len(eerst)):
        html = client.get(url).content.decode()
    assert html.count("Training") >= 5


def test_meeting_list_filters_by_type_and_htmx_returns_the_results(als, buurt):
    BijeenkomstFactory(buurt=buurt.buurt_a, type="training", titel="Training NA")
    client = als(buurt.regisseur_a)
    url = _url("bijeenkomst_list", buurt.buurt_a.id)
    html = client.get(url, {"type": "training"}).content.decode().split('id="resultaten"', 1)[1]
    assert "Training NA" in html and "Supporters" not in html
    partieel = client.get(url, {"type": "training"}, headers={"HX-Request": "true"})
    assert "<html" not in partieel.content.decode()


# --- series ---------------------------------------------------------------------------------------
def test_regisseur_creates_a_series_and_plans_the_next_dates(als, wereld):
    client = als(wereld.regisseur_a)
    r = client.post(
        _url("reeks_create", wereld.buurt_a.id),
        {
            "titel": "Maandelijkse intervisie",
            "type": "intervisie",
            "frequentie": "maandelijks",
            "eerste_datum": "2026-01-13",
            "begintijd": "13:30",
            "eindtijd": "15:30",
        },
    )
    assert r.status_code == 302
    r = client.post(r.url, {"aantal": "6"})
    assert r.status_code == 302
    assert Bijeenkomst.objects.filter(reeks__titel="Maandelijkse intervisie").count() == 6
    r = client.post(r.url, {"aantal": "99"})
    assert r.status_code == 200
    assert Bijeenkomst.objects.count() == 6


def test_a_series_with_end_before_start_is_refused(als, wereld):
    r = als(wereld.regisseur_a).post(
        _url("reeks_create", wereld.buurt_a.id),
        {
            "titel": "X",
            "type": "intervisie",
            "frequentie": "maandelijks",
            "eerste_datum": "2026-01-13",
            "begintijd": "15:30",
            "eindtijd": "13:30",
        },
    )
    assert r.status_code == 200 and "einde ligt voor" in r.content.decode()


# --- sheet and minutes ----------------------------------------------------------------------------
def test_sheet_lists_the_agenda_and_everyone_to_tick(als, buurt):
    w = buurt
    w.meeting.agenda = "1. Kennismaking"
    w.meeting.save()
    AanwezigheidFactory(bijeenkomst=w.meeting, contactpersoon=w.an)
    html = (
        als(w.partner_a).get(_url("bijeenkomst_blad", w.buurt_a.id, w.meeting.id)).content.decode()
    )
    assert "1. Kennismaking" in html and "An Fictief" in html and "Bert Fictief" in html
    assert "<script>" not in html and "style=" not in html


@pytest.mark.parametrize("naam", ["bijeenkomst_blad", "bijeenkomst_verslag"])
def test_sheet_and_minutes_as_pdf_are_logged(als, buurt, naam):
    w = buurt
    _actie_uitkomst(w, "Talenteninterviews", 5)
    r = als(w.regisseur_a).get(_url(naam, w.buurt_a.id, w.meeting.id), {"formaat": "pdf"})
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r.content.startswith(b"%PDF")
    log = Toegangsgebeurtenis.objects.get(actie="download")
    assert log.gebruiker == w.regisseur_a and log.object_id == str(w.meeting.id)
    assert log.object_type.startswith("bijeenkomst_")


def test_minutes_text_of_the_pdf(als, buurt):
    from io import BytesIO

    from pypdf import PdfReader

    w = buurt
    _actie_uitkomst(w, "Talenteninterviews", 5)
    r = als(w.regisseur_a).get(
        _url("bijeenkomst_verslag", w.buurt_a.id, w.meeting.id), {"formaat": "pdf"}
    )
    tekst = "".join(p.extract_text() for p in PdfReader(BytesIO(r.content)).pages)
    assert "Talenteninterviews" in tekst and "Uitkomsten" in tekst


# --- buurt page and dashboard ---------------------------------------------------------------------
def test_buurt_page_shows_trainings_and_intervisie_average(als, buurt):
    w = buurt
    vandaag = timezone.localdate()
    for dagen, anderen in ((40, 20), (400, 10)):
        t = BijeenkomstFactory(
            buurt=w.buurt_a, type="training", datum=vandaag - timedelta(days=dagen)
        )
        services.aanwezigheid_bewaren(bijeenkomst=t, aanwezigen=[], aantal_anderen=anderen)
    for dagen, n in ((10, 9), (40, 11)):
        i = BijeenkomstFactory(
            buurt=w.buurt_a, type="intervisie", datum=vandaag - timedelta(days=dagen)
        )
        services.aanwezigheid_bewaren(bijeenkomst=i, aanwezigen=[], aantal_anderen=n)
    html = als(w.coordinator).get(reverse("buurt_detail", args=[w.buurt_a.id])).content.decode()
    sectie = html.split('id="sectie-bijeenkomsten"', 1)[1].split("</section>", 1)[0]
    assert "<strong>30</strong>" in sectie and "mensen getraind" in sectie
    assert "± 10" in sectie


def test_dashboard_reminds_of_overdue_and_soon_due_meeting_actions(als, buurt):
    w = buurt
    _actie_uitkomst(w, "Vergeten actie", -2)
    _actie_uitkomst(w, "Verre actie", 60)
    html = als(w.regisseur_a).get(reverse("dashboard")).content.decode()
    blok = html.split('id="blok-bijeenkomst-opvolging"', 1)[1]
    assert "Vergeten actie" in blok and "te laat" in blok and "Verre actie" not in blok
    assert (
        'id="blok-bijeenkomst-opvolging"'
        not in als(w.regisseur_b).get(reverse("dashboard")).content.decode()
    )


def test_series_page_lists_its_meetings(als, wereld):
    reeks = ReeksFactory(buurt=wereld.buurt_a, titel="Intervisie Buurtegem")
    services.reeks_plannen(reeks=reeks, aantal=2)
    html = (
        als(wereld.partner_a)
        .get(_url("reeks_detail", wereld.buurt_a.id, reeks.id))
        .content.decode()
    )
    assert "Intervisie Buurtegem" in html and "Volgende data plannen" not in html


def test_signal_from_meeting_appears_in_the_open_queue(als, buurt):
    w = buurt
    SignaalFactory(buurt=w.buurt_a, thema="wonen")
    services.uitkomst_toevoegen(
        bijeenkomst=w.meeting,
        soort="signaal",
        omschrijving="Schimmel in sociale woningen",
        thema="mobiliteit",
    )
    html = als(w.regisseur_a).get(_url("signaal_open", w.buurt_a.id)).content.decode()
    assert "Mobiliteit" in html and "Wonen" in html


def test_switching_away_from_a_supportersmeeting_clears_the_levels(als, buurt):
    w = buurt
    w.meeting.zorgniveau = "bezorgd"
    w.meeting.save()
    r = als(w.regisseur_a).post(
        _url("bijeenkomst_update", w.buurt_a.id, w.meeting.id),
        {"type": "intervisie", "datum": "2026-01-13", "zorgniveau": "bezorgd"},
    )
    assert r.status_code == 302
    w.meeting.refresh_from_db()
    assert (w.meeting.type, w.meeting.zorgniveau) == ("intervisie", "")
