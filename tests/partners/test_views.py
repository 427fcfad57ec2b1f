"""Partner pages: filters and htmx, own-organisation editing, ties, smoelenboek, exports."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from buurten.models import Toegangsgebeurtenis
from partners.models import Bevestiging, Contactpersoon, Partner, Relatie
from tests.factories import (
    ContactpersoonFactory,
    MandaatFactory,
    NetwerkrolFactory,
    PartnerFactory,
    RelatieFactory,
)
from zorgnet.lib import fragmentcache
from zorgnet.lib.choices import Sector

pytestmark = pytest.mark.django_db


def _url(naam, *args):
    return reverse(f"partners:{naam}", args=args)


def test_the_list_filters_by_sector_and_htmx_gets_only_the_table(wereld, als):
    PartnerFactory(
        gemeente=wereld.gemeente_1,
        naam="Chiro",
        sector=Sector.VRIJE_TIJD_JEUGDWERK,
        formeel=False,
        buurten=[wereld.buurt_a],
    )
    client = als(wereld.regisseur_a)
    url = _url("partner_list", wereld.buurt_a.id)
    pagina = client.get(url, {"sector": Sector.VRIJE_TIJD_JEUGDWERK}).content.decode()
    assert "Chiro" in pagina and "OCMW Stederen" not in pagina and "<html" in pagina
    deel = client.get(url, {"formeel": "ja"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in deel and 'id="partnertabel"' in deel
    assert "OCMW Stederen" in deel and "Chiro" not in deel


def test_the_list_costs_a_fixed_number_of_queries(wereld, als, django_assert_max_num_queries):
    client = als(wereld.regisseur_a)
    url = _url("partner_list", wereld.buurt_a.id)
    client.get(url)

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # The page count comes from the versioned cache: counted anew in both measured requests
    # (here by a bump, below by the new partners' own writes).
    fragmentcache.wijzig(buurten=[wereld.buurt_a.id])
    with CaptureQueriesContext(connection) as weinig:
        client.get(url)
    for _i in range(30):
        PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a], sector=Sector.ZORG)
    with CaptureQueriesContext(connection) as veel:
        response = client.get(url)
    assert len(veel.captured_queries) == len(weinig.captured_queries)
    assert "Pagina 1 van 2" in response.content.decode()
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        client.get(url, {"pagina": 2, "sector": Sector.ZORG})


def test_a_foreign_buurt_is_404(wereld, als):
    response = als(wereld.regisseur_b).get(_url("partner_list", wereld.buurt_a.id))
    assert response.status_code == 404


def test_a_partner_user_updates_their_own_profile_only(wereld, als):
    ander = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    client = als(wereld.partner_a)
    data = {
        "naam": "OCMW Stederen",
        "soort": "organisatie",
        "sector": Sector.LOKAAL_BESTUUR,
        "formeel": "on",
        "stakeholder_soort": "formeel",
        "werkingsgebied": "gemeente_stad_rand",
        "status": "actief",
        "wat_wij_doen": "Sociaal huis met zitdagen in de buurt.",
    }
    response = client.post(_url("partner_update", wereld.buurt_a.id, wereld.partner.id), data)
    assert response.status_code == 302
    wereld.partner.refresh_from_db()
    assert wereld.partner.wat_wij_doen == "Sociaal huis met zitdagen in de buurt."
    assert client.post(_url("partner_update", wereld.buurt_a.id, ander.id), data).status_code == 403
    assert client.get(_url("partner_create", wereld.buurt_a.id)).status_code == 403


def test_a_duplicate_name_re_renders_with_the_suggestion(wereld, als):
    response = als(wereld.regisseur_a).post(
        _url("partner_create", wereld.buurt_a.id),
        {
            "naam": "OCMW Stederen ",
            "soort": "organisatie",
            "sector": "welzijn",
            "stakeholder_soort": "formeel",
            "werkingsgebied": "geleefde_buurt",
            "status": "actief",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    # The partner already works in this buurt: the message says so and links to it.
    assert "Partner &#x27;OCMW Stederen&#x27; werkt al in deze buurt." in html
    assert f'href="/buurten/{wereld.buurt_a.id}/partners/{wereld.partner.id}/"' in html
    assert 'name="toch_aanmaken"' not in html
    assert Partner.objects.count() == 1


def test_a_duplicate_of_a_partner_elsewhere_leads_to_adding_it_to_the_buurt(wereld, als):
    w = wereld
    elders = PartnerFactory(
        gemeente=w.gemeente_1, naam="Sportdienst Stederen", buurten=[w.buurt_a2]
    )
    client = als(w.regisseur_a)
    gegevens = {
        "naam": "sportdienst stederen",
        "soort": "organisatie",
        "sector": "welzijn",
        "stakeholder_soort": "formeel",
        "werkingsgebied": "geleefde_buurt",
        "status": "actief",
    }
    html = client.post(_url("partner_create", w.buurt_a.id), gegevens).content.decode()
    toevoegen = f"/buurten/{w.buurt_a.id}/partners/toevoegen/{elders.id}/"
    assert "Voeg die partner toe aan de buurt" in html and f'href="{toevoegen}"' in html
    assert 'name="toch_aanmaken"' not in html

    assert "Sportdienst Stederen" in client.get(toevoegen).content.decode()
    assert not elders.buurten.filter(pk=w.buurt_a.pk).exists()
    antwoord = client.post(toevoegen)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"/buurten/{w.buurt_a.id}/partners/{elders.id}/"
    assert set(elders.buurten.values_list("id", flat=True)) == {w.buurt_a.id, w.buurt_a2.id}
    laatste = elders.history.latest()
    assert laatste.history_user == w.regisseur_a
    assert laatste.history_change_reason == "Toegevoegd aan buurt Buurtegem"
    # Once in the buurt, the add page leads to the partner; a partner of another gemeente is 404.
    assert client.get(toevoegen)["Location"] == f"/buurten/{w.buurt_a.id}/partners/{elders.id}/"
    vreemd = PartnerFactory(gemeente=w.gemeente_2, naam="Elders", buurten=[w.buurt_b])
    assert (
        client.post(f"/buurten/{w.buurt_a.id}/partners/toevoegen/{vreemd.id}/").status_code == 404
    )
    assert not vreemd.buurten.filter(pk=w.buurt_a.pk).exists()


def test_a_similar_name_warning_links_to_the_partner_and_offers_toch_aanmaken(wereld, als):
    w = wereld
    gegevens = {
        "naam": "OCMW Stederenn",
        "soort": "organisatie",
        "sector": "welzijn",
        "stakeholder_soort": "formeel",
        "werkingsgebied": "geleefde_buurt",
        "status": "actief",
    }
    html = als(w.regisseur_a).post(_url("partner_create", w.buurt_a.id), gegevens).content.decode()
    assert "gelijkaardige naam" in html
    assert f'href="/buurten/{w.buurt_a.id}/partners/{w.partner.id}/"' in html
    assert 'name="toch_aanmaken"' in html
    assert Partner.objects.count() == 1


def test_a_partner_user_confirms_a_tie_declared_about_them(wereld, als):
    ander = PartnerFactory(
        gemeente=wereld.gemeente_1, naam="LDC De Linde", buurten=[wereld.buurt_a]
    )
    relatie = RelatieFactory(van_partner=ander, naar_partner=wereld.partner)
    client = als(wereld.partner_a)
    lijst = client.get(_url("relatie_list", wereld.buurt_a.id)).content.decode()
    assert (
        "Relaties die anderen over jouw organisatie verklaarden" in lijst
        and "LDC De Linde" in lijst
    )
    response = client.post(
        _url("relatie_beantwoorden", wereld.buurt_a.id, relatie.id),
        {"antwoord": "bevestigd"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "Bevestigd" in response.content.decode()
    relatie.refresh_from_db()
    assert relatie.bevestiging == Bevestiging.BEVESTIGD


def test_the_declaring_side_cannot_answer_its_own_tie(wereld, als):
    ander = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    relatie = RelatieFactory(van_partner=wereld.partner, naar_partner=ander)
    response = als(wereld.partner_a).post(
        _url("relatie_beantwoorden", wereld.buurt_a.id, relatie.id), {"antwoord": "bevestigd"}
    )
    assert response.status_code == 403
    relatie.refresh_from_db()
    assert relatie.bevestiging == Bevestiging.OPEN


def test_a_tie_ending_before_it_starts_shows_a_dutch_error(wereld, als):
    ander = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    response = als(wereld.partner_a).post(
        _url("relatie_create", wereld.buurt_a.id, wereld.partner.id),
        {"naar_partner": ander.id, "intensiteit": 2, "sinds": "2026-03-01", "tot": "2026-01-01"},
    )
    assert response.status_code == 200
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()
    assert not Relatie.objects.exists()


def test_the_smoelenboek_shows_contact_details_only_with_consent(wereld, als):
    ContactpersoonFactory(
        partner=wereld.partner,
        voornaam="Open",
        email="open@x.invalid",
        toestemming_contactgegevens=True,
    )
    ContactpersoonFactory(
        partner=wereld.partner,
        voornaam="Stil",
        email="stil@x.invalid",
        telefoon="0470 11",
        toestemming_contactgegevens=False,
    )
    pagina = als(wereld.coordinator).get(_url("smoelenboek", wereld.buurt_a.id)).content.decode()
    assert "open@x.invalid" in pagina
    assert "Stil" in pagina and "stil@x.invalid" not in pagina and "0470 11" not in pagina


def test_exports_are_logged_and_hide_details_without_consent(wereld, als):
    ContactpersoonFactory(
        partner=wereld.partner, email="stil@x.invalid", toestemming_contactgegevens=False
    )
    client = als(wereld.coordinator)
    response = client.get(_url("contactpersoon_export", wereld.buurt_a.id))
    inhoud = b"".join(response.streaming_content).decode()
    assert "stil@x.invalid" not in inhoud and "OCMW Stederen" in inhoud
    response = client.get(_url("partner_export", wereld.buurt_a.id), {"formaat": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert (
        Toegangsgebeurtenis.objects.filter(actie="export", gebruiker=wereld.coordinator).count()
        == 2
    )
    assert als(wereld.partner_a).get(_url("partner_export", wereld.buurt_a.id)).status_code == 403


def test_partner_detail_shows_the_scan_history_chart(wereld, als):
    client = als(wereld.regisseur_a)
    for vonk, datum in ((1, "2025-06-01"), (3, "2026-01-10")):
        client.post(
            _url("betrokkenheid_create", wereld.buurt_a.id, wereld.partner.id),
            {"vonk": vonk, "vuur": 1, "gewenst_niveau": "geinformeerd", "gescoord_op": datum},
        )
    pagina = client.get(
        _url("partner_detail", wereld.buurt_a.id, wereld.partner.id)
    ).content.decode()
    assert "<svg" in pagina and "10/01/2026" in pagina and "01/06/2025" in pagina


def test_the_buurt_overview_shows_figures_and_mandate_warnings(wereld, als):
    persoon = ContactpersoonFactory(partner=wereld.partner, voornaam="Roos", achternaam="Fictief")
    MandaatFactory(
        buurt=wereld.buurt_a,
        contactpersoon=persoon,
        geldig_van=date(2025, 1, 1),
        geldig_tot=date(2025, 12, 31),
    )
    NetwerkrolFactory(buurt=wereld.buurt_a, contactpersoon=persoon, rol="warmmaker")
    pagina = (
        als(wereld.coordinator)
        .get(reverse("buurt_detail", args=[wereld.buurt_a.id]))
        .content.decode()
    )
    assert "partners in de buurt" in pagina
    assert "is verlopen op 31/12/2025" in pagina
    assert "rust op één persoon (Roos Fictief)" in pagina


def test_a_partner_user_adds_a_contact_to_their_own_organisation(wereld, als):
    response = als(wereld.partner_a).post(
        _url("contactpersoon_create", wereld.buurt_a.id, wereld.partner.id),
        {
            "voornaam": "Lies",
            "functie": "maatschappelijk werker",
            "toestemming_contactgegevens": "on",
        },
    )
    assert response.status_code == 302
    assert Contactpersoon.objects.get(voornaam="Lies").toestemming_op == date.today()


def test_partner_detail_renders_scans_without_a_scorer(wereld, als):
    from tests.factories import BetrokkenheidFactory

    BetrokkenheidFactory(partner=wereld.partner, buurt=wereld.buurt_a, gescoord_door=None)
    response = als(wereld.coordinator).get(
        _url("partner_detail", wereld.buurt_a.id, wereld.partner.id)
    )
    assert response.status_code == 200
    assert "Profiel bewerken" not in response.content.decode()


def test_the_declaring_side_ends_its_tie_and_a_change_asks_for_new_confirmation(wereld, als):
    ander = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    relatie = RelatieFactory(
        van_partner=wereld.partner,
        naar_partner=ander,
        intensiteit=2,
        bevestiging=Bevestiging.BEVESTIGD,
    )
    client = als(wereld.partner_a)
    url = _url("relatie_update", wereld.buurt_a.id, relatie.id)
    response = client.post(url, {"intensiteit": 2, "tot": "2026-01-31"})
    assert response.status_code == 302
    relatie.refresh_from_db()
    assert relatie.tot == date(2026, 1, 31) and relatie.bevestiging == Bevestiging.BEVESTIGD
    client.post(url, {"intensiteit": 4, "tot": "2026-01-31"})
    relatie.refresh_from_db()
    assert relatie.intensiteit == 4 and relatie.bevestiging == Bevestiging.OPEN
    omgekeerd = RelatieFactory(van_partner=ander, naar_partner=wereld.partner)
    assert client.get(_url("relatie_update", wereld.buurt_a.id, omgekeerd.id)).status_code == 403


def test_the_relation_list_shows_newest_first_or_by_name_and_stays_in_the_buurt(
    wereld, als, django_assert_num_queries
):
    a = PartnerFactory(gemeente=wereld.gemeente_1, naam="Aa-school", buurten=[wereld.buurt_a])
    z = PartnerFactory(gemeente=wereld.gemeente_1, naam="Zz-club", buurten=[wereld.buurt_a])
    elders = PartnerFactory(gemeente=wereld.gemeente_2, naam="Elders", buurten=[wereld.buurt_b])
    buiten = PartnerFactory(gemeente=wereld.gemeente_2, naam="Buiten-1", buurten=[wereld.buurt_b])
    oud = RelatieFactory(van_partner=a, naar_partner=z, niveaus=["strategisch", "operationeel"])
    nieuw = RelatieFactory(van_partner=z, naar_partner=elders)  # one side in the buurt: listed
    RelatieFactory(van_partner=elders, naar_partner=buiten)  # no side in the buurt: not listed
    Relatie.objects.filter(pk=oud.pk).update(aangemaakt_op=datetime(2024, 1, 1, tzinfo=UTC))
    client = als(wereld.regisseur_a)
    # Was at most 13: the buurt's partner ids were read for the tie query, its count and the
    # open ties. Now the page and its count read RelatieBuurt; one query for the partner ids
    # remains (they decide the regisseur's answer buttons), no query for a regisseur's own ties;
    # both sides' names in one query.
    with django_assert_num_queries(8):
        standaard = client.get(_url("relatie_list", wereld.buurt_a.id))
    rijen = standaard.context["pagina"].object_list
    assert [r.pk for r in rijen] == [nieuw.pk, oud.pk]
    # The regisseur answers 'namens' a partner only on a tie with both sides in the buurt.
    assert [r.namens_te_beantwoorden for r in rijen] == [False, True]
    op_naam = client.get(_url("relatie_list", wereld.buurt_a.id), {"volgorde": "naam"})
    assert [r.pk for r in op_naam.context["pagina"].object_list] == [oud.pk, nieuw.pk]
    html = standaard.content.decode()
    assert "Buiten-1" not in html
    # Both sides by name, the levels by their labels (not their codes).
    assert "<td>Aa-school</td><td>Zz-club</td>" in html
    assert "Strategisch (doelen), Operationeel (uitvoering)" in html and "strategisch," not in html


def test_an_invalid_filter_lists_no_partners_and_page_links_keep_the_filters(wereld, als):
    client = als(wereld.regisseur_a)
    url = _url("partner_list", wereld.buurt_a.id)
    fout = client.get(url, {"sector": "geen-sector"}, HTTP_HX_REQUEST="true").content.decode()
    assert "OCMW Stederen" not in fout and "Deze filters zijn ongeldig" in fout
    for i in range(30):
        PartnerFactory(
            gemeente=wereld.gemeente_1, naam=f"Club {i:02}", formeel=False, buurten=[wereld.buurt_a]
        )
    pagina = client.get(url, {"formeel": "nee"}).content.decode()
    assert 'href="?formeel=nee&amp;pagina=2"' in pagina
    assert 'hx-get="?formeel=nee&amp;pagina=2" hx-target="#partnertabel"' in pagina


def test_the_partner_page_offers_no_edit_of_a_tie_with_a_partner_outside_the_buurt(wereld, als):
    """Issue 16, finding 5: the regisseur may change a tie only when both sides work in the
    buurt; the page offers the link only where the action is allowed."""
    binnen = PartnerFactory(gemeente=wereld.gemeente_1, naam="Buurtwerk", buurten=[wereld.buurt_a])
    buiten = PartnerFactory(
        gemeente=wereld.gemeente_1, naam="Wijkteam Stationswijk", buurten=[wereld.buurt_a2]
    )
    binnen_rel = RelatieFactory(van_partner=wereld.partner, naar_partner=binnen)
    buiten_rel = RelatieFactory(van_partner=wereld.partner, naar_partner=buiten)
    url = _url("partner_detail", wereld.buurt_a.id, wereld.partner.id)
    regisseur = als(wereld.regisseur_a).get(url).content.decode()
    assert _url("relatie_update", wereld.buurt_a.id, binnen_rel.id) in regisseur
    assert _url("relatie_update", wereld.buurt_a.id, buiten_rel.id) not in regisseur
    # the partner user keeps its own declaration, also towards a partner outside the buurt
    eigen = als(wereld.partner_a).get(url).content.decode()
    assert _url("relatie_update", wereld.buurt_a.id, buiten_rel.id) in eigen
