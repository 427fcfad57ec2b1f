"""Network pages: scope, privacy of partner-level metrics, htmx fragments, exports, query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from buurten.models import Toegangsgebeurtenis
from partners.models import Partner
from tests.factories import PartnerFactory, RelatieFactory
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.netwerkanalyse import services
from zorgnet.netwerkanalyse.models import NetwerkAnalyse

pytestmark = pytest.mark.django_db


def _url(naam, w, *extra):
    return reverse(f"netwerk:buurt_{naam}", args=[w.buurt_a.pk, *extra])


def _netwerk(w, extra: int = 0):
    vorige = w.partner
    for i in range(3 + extra):
        p = PartnerFactory(gemeente=w.gemeente_1, naam=f"Partner {extra}-{i}", buurten=[w.buurt_a])
        RelatieFactory(van_partner=vorige, naar_partner=p, intensiteit=1 + i % 4)
        vorige = p
    PartnerFactory(gemeente=w.gemeente_1, naam=f"Eiland {extra}", buurten=[w.buurt_a])


def _analyse(w):
    analyse = services.start_analyse(buurt=w.buurt_a, aangevraagd_door=w.regisseur_a)
    services.voer_analyse_uit(analyse_id=analyse.pk)
    analyse.refresh_from_db()
    return analyse


def test_the_page_shows_the_picture_table_and_figures_to_the_regisseur(wereld, als):
    _netwerk(wereld)
    _analyse(wereld)
    html = als(wereld.regisseur_a).get(_url("netwerk", wereld)).content.decode()
    assert '<svg class="netwerkbeeld"' in html
    assert "hx-get=" in html and "knoop-" in html
    assert "Eiland 0" in html  # named as an island
    assert "Kwetsbare schakels" in html
    assert _url("netwerk_export", wereld) in html
    assert "<script" not in html.split("</head>")[1]
    assert 'style="' not in html


def test_partner_users_see_the_picture_and_only_their_own_figures(wereld, als):
    _netwerk(wereld)
    _analyse(wereld)
    client = als(wereld.partner_a)
    html = client.get(_url("netwerk", wereld)).content.decode()
    assert '<svg class="netwerkbeeld"' in html
    assert '<th scope="col">Makelaarsrol</th>' not in html
    assert "Jouw plaats in het netwerk" in html
    assert _url("netwerk_export", wereld) not in html
    ander = Partner.objects.get(naam="Partner 0-0")
    paneel = client.get(_url("netwerk_partner", wereld, ander.pk), HTTP_HX_REQUEST="true")
    assert paneel.status_code == 200
    assert "<dt>Makelaarsrol</dt>" not in paneel.content.decode()
    # Its own organisation's position: the figures, framed as exploring, not judging.
    eigen = client.get(_url("netwerk_partner", wereld, wereld.partner.pk)).content.decode()
    assert "<dt>Makelaarsrol</dt>" in eigen and "verkennend, niet als een oordeel" in eigen
    assert client.get(_url("netwerk_export", wereld)).status_code == 403


def test_selecting_a_partner_highlights_it_and_shows_its_ego_network(wereld, als):
    _netwerk(wereld)
    _analyse(wereld)
    client = als(wereld.regisseur_a)
    ander = Partner.objects.get(naam="Partner 0-0")
    url = _url("netwerk_partner", wereld, ander.pk)
    paneel = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    # The picture is swapped in out of band with the partner selected and the rest dimmed.
    assert 'id="netwerkbeeld"' in paneel and 'hx-swap-oob="true"' in paneel
    assert f'gekozen" id="knoop-{ander.pk}"' in paneel
    assert "gedimd" in paneel  # Partner 0-2 is two steps away
    assert "Ego-netwerk van Partner 0-0 (1 stap)" in paneel
    twee = client.get(url, {"stappen": "2"}, HTTP_HX_REQUEST="true").content.decode()
    assert "2 stap" in twee and "3 partners binnen bereik" in twee


def test_an_outsider_gets_404_and_a_partner_outside_the_network_too(wereld, als):
    _netwerk(wereld)
    _analyse(wereld)
    assert als(wereld.regisseur_b).get(_url("netwerk", wereld)).status_code == 404
    vreemde = PartnerFactory(gemeente=wereld.gemeente_2, buurten=[wereld.buurt_b])
    antwoord = als(wereld.regisseur_a).get(_url("netwerk_partner", wereld, vreemde.pk))
    assert antwoord.status_code == 404


def test_starting_queues_a_run_and_never_computes_in_the_request(wereld, als):
    _netwerk(wereld)
    client = als(wereld.regisseur_a)
    antwoord = client.post(_url("netwerk_start", wereld), {"laag": "verklaard", "intensiteit": "2"})
    assert antwoord.status_code == 302
    analyse = NetwerkAnalyse.objects.get()
    # on_commit did not fire inside the test transaction: the run waits for the worker.
    assert analyse.status == TaakStatus.WACHTEND
    assert (analyse.laag, analyse.min_intensiteit) == ("verklaard", 2)
    fragment = client.get(_url("netwerk_status", wereld) + "?wacht=1", HTTP_HX_REQUEST="true")
    assert 'hx-trigger="every 1s"' in fragment.content.decode()
    assert "HX-Refresh" not in fragment
    services.voer_analyse_uit(analyse_id=analyse.pk)
    klaar = client.get(_url("netwerk_status", wereld) + "?wacht=1", HTTP_HX_REQUEST="true")
    assert klaar["HX-Refresh"] == "true"
    assert "every 1s" not in klaar.content.decode()


def test_the_htmx_start_returns_the_status_fragment(wereld, als):
    _netwerk(wereld)
    antwoord = als(wereld.coordinator).post(_url("netwerk_start", wereld), HTTP_HX_REQUEST="true")
    assert antwoord.status_code == 200
    assert 'id="netwerkstatus"' in antwoord.content.decode()
    assert "<html" not in antwoord.content.decode()


def test_exports_are_scoped_and_logged(wereld, als):
    _netwerk(wereld)
    analyse = _analyse(wereld)
    client = als(wereld.regisseur_a)
    csv = b"".join(client.get(_url("netwerk_export", wereld)).streaming_content).decode()
    assert "betweenness" in csv.splitlines()[0]
    assert len(csv.splitlines()) == 1 + analyse.samenvatting["knopen"]
    xlsx = client.get(_url("netwerk_export", wereld) + "?formaat=xlsx")
    assert xlsx.content[:2] == b"PK"
    graphml = client.get(_url("netwerk_graaf", wereld)).content.decode()
    assert "<graphml" in graphml and "Eiland 0" in graphml
    banden = b"".join(client.get(_url("netwerk_graaf", wereld) + "?formaat=csv").streaming_content)
    assert len(banden.decode().splitlines()) == 1 + analyse.samenvatting["banden"]
    assert (
        Toegangsgebeurtenis.objects.filter(actie="export", object_type="netwerkanalyse").count()
        == 4
    )


def test_the_gemeente_network_is_for_the_coordinator(wereld, als):
    _netwerk(wereld)
    url = reverse("netwerk:gemeente_netwerk", args=[wereld.gemeente_1.pk])
    assert als(wereld.regisseur_a).get(url).status_code == 403
    assert als(wereld.coordinator).get(url).status_code == 200


def test_the_buurt_overview_shows_the_network_section(wereld, als):
    _netwerk(wereld)
    _analyse(wereld)
    html = (
        als(wereld.regisseur_a)
        .get(reverse("buurt_detail", args=[wereld.buurt_a.pk]))
        .content.decode()
    )
    assert 'id="sectie-netwerk"' in html
    assert "eilandje" in html


def test_the_page_costs_a_fixed_number_of_queries(
    wereld, als, settings, django_assert_max_num_queries
):
    settings.ZORGNET_FRAGMENTCACHE = False  # the cold path: every part of the page made
    _netwerk(wereld)
    _analyse(wereld)
    client = als(wereld.regisseur_a)
    client.get(_url("netwerk", wereld))
    with CaptureQueriesContext(connection) as klein:
        client.get(_url("netwerk", wereld))
    _netwerk(wereld, extra=12)
    _analyse(wereld)
    with CaptureQueriesContext(connection) as groot:
        assert client.get(_url("netwerk", wereld)).status_code == 200
    assert len(groot) == len(klein)
    with django_assert_max_num_queries(12):
        client.get(_url("netwerk", wereld))


def test_the_page_shows_its_run_from_the_fragment_cache_and_never_a_stale_one(
    wereld, als, settings
):
    """Warm, the run's part of the page comes from the cache (fewer queries, the same page);
    a partner renamed or a new run gives the next request a new key, so it shows the change."""
    settings.ZORGNET_FRAGMENTCACHE = True
    _netwerk(wereld)
    _analyse(wereld)
    client = als(wereld.regisseur_a)
    koud = client.get(_url("netwerk", wereld)).content.decode()
    with CaptureQueriesContext(connection) as warm:
        html = client.get(_url("netwerk", wereld)).content.decode()
    zonder_token = re.compile(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"')
    assert zonder_token.sub("", html) == zonder_token.sub("", koud)
    assert "Eiland 0" in html and "1 momentopname" in html
    assert not any("partners_partnermetriek" in q["sql"] for q in warm.captured_queries[-3:])
    assert not any("paginacijfers ->" in q["sql"] for q in warm.captured_queries)

    partner = Partner.objects.get(naam="Eiland 0")
    partner.naam = "Eiland Hernoemd"
    partner.save()
    assert "Eiland Hernoemd" in client.get(_url("netwerk", wereld)).content.decode()

    _netwerk(wereld, extra=1)
    _analyse(wereld)
    html = client.get(_url("netwerk", wereld)).content.decode()
    assert "2 momentopnames" in html and "Partner 1-0" in html


def test_the_coordinator_finds_the_gemeente_network_on_the_dashboard(wereld, als):
    url = reverse("netwerk:gemeente_netwerk", args=[wereld.gemeente_1.pk])
    assert url in als(wereld.coordinator).get(reverse("dashboard")).content.decode()
    assert url not in als(wereld.regisseur_a).get(reverse("dashboard")).content.decode()


def test_the_page_keys_read_in_one_decompression_equal_djangos_key_lookups(wereld):
    """The keys of a stored run as the page reads them (PostgreSQL: from each value decompressed
    once; the page's metrics from their small copy) are those Django's JSON key lookups give on
    the stored metrics and layout (objects, lists, strings, numbers and missing keys)."""
    from zorgnet.netwerkanalyse import selectors

    _netwerk(wereld)
    analyse = _analyse(wereld)
    metrieken = (*selectors.PAGINA_METRIEKEN, *selectors.BEELD_METRIEKEN, "bestaat_niet")
    layout = (*selectors.PAGINA_LAYOUT, *selectors.BEELD_LAYOUT)
    velden = [f"metrieken__{k}" for k in metrieken] + [f"layout__{k}" for k in layout]
    rij = NetwerkAnalyse.objects.filter(pk=analyse.pk).values_list(*velden).get()
    django = dict(zip(velden, rij, strict=True))
    snel = selectors.lees_sleutels(
        NetwerkAnalyse.objects.defer("metrieken", "layout").get(pk=analyse.pk),
        metrieken=metrieken,
        layout=layout,
    )
    verwacht = {k: django[f"metrieken__{k}"] for k in metrieken}
    assert snel.metrieken == {k: w for k, w in verwacht.items() if w is not None}
    assert snel.layout == {
        k: django[f"layout__{k}"] for k in layout if django[f"layout__{k}"] is not None
    }
    assert snel.metrieken["samenvatting"]["knopen"] == 5
    assert "bestaat_niet" not in snel.metrieken and set(selectors.PAGINA_METRIEKEN) & set(
        analyse.paginacijfers
    )


def test_a_large_networks_page_keys_never_read_the_stored_metrics(wereld):
    """The page of a large network asks only for its own keys: the query reads the small copy
    and the layout, not the `metrieken` column (MBs for a gemeente)."""
    from zorgnet.netwerkanalyse import selectors

    _netwerk(wereld)
    analyse = _analyse(wereld)
    with CaptureQueriesContext(connection) as ctx:
        selectors.lees_sleutels(
            analyse, metrieken=selectors.PAGINA_METRIEKEN, layout=selectors.PAGINA_LAYOUT
        )
    (sql,) = [q["sql"] for q in ctx.captured_queries]
    assert "paginacijfers" in sql and "metrieken" not in sql.replace("paginacijfers", "")
    assert analyse.metrieken["samenvatting"]["knopen"] == 5
