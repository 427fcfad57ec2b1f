"""Network pages that do not grow with history or size (issue 21): the trend from the runs' small
summaries, the stored JSON read by key, the table paginated in SQL, a community-level picture for
large networks; and the job's one igraph graph against the networkx model."""

import importlib
import re

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PartnerFactory, RelatieFactory
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.netwerk import layout
from zorgnet.netwerk.graaf import bouw_graaf, bouw_igraaf, verklaarde_band, waargenomen_band
from zorgnet.netwerk.metrieken import bereken, kerncijfers_kort, kerncijfers_van, per_laag
from zorgnet.netwerkanalyse import services
from zorgnet.netwerkanalyse.models import NetwerkAnalyse

pytestmark = pytest.mark.django_db

# The stored JSON columns: a page may only read keys of them (PostgreSQL `->`, SQLite JSON_EXTRACT).
HEEL = re.compile(r'"partners_netwerkanalyse"\."(metrieken|layout)"(?!\s*->)')
SLEUTEL_SQLITE = re.compile(
    r'(JSON_EXTRACT|JSON_TYPE)\("partners_netwerkanalyse"\."(metrieken|layout)"', re.I
)


def _leest_json_heel(queries) -> list[str]:
    heel = []
    for q in queries:
        sql = q["sql"]
        if len(HEEL.findall(sql)) > len(SLEUTEL_SQLITE.findall(sql)):
            heel.append(sql)
    return heel


def _netwerk(w, n: int = 5):
    vorige = w.partner
    for i in range(n):
        p = PartnerFactory(gemeente=w.gemeente_1, naam=f"Partner {i}", buurten=[w.buurt_a])
        RelatieFactory(van_partner=vorige, naar_partner=p, intensiteit=1 + i % 4)
        vorige = p


def _snapshots(w, aantal: int) -> NetwerkAnalyse:
    """The job's run, and `aantal - 1` older copies of it (a week apart), as the weekly job leaves."""
    from datetime import timedelta

    analyse = services.start_analyse(buurt=w.buurt_a, aangevraagd_door=w.regisseur_a)
    services.voer_analyse_uit(analyse_id=analyse.pk)
    nieuwste = NetwerkAnalyse.objects.get(pk=analyse.pk)
    for week in range(1, aantal):
        kopie = NetwerkAnalyse.objects.get(pk=nieuwste.pk)
        kopie.pk = None
        kopie.klaar_op = nieuwste.klaar_op - timedelta(weeks=week)
        kopie.save()
    return nieuwste


def test_the_job_stores_the_small_summary_the_trend_and_the_overview_read(wereld):
    _netwerk(wereld)
    analyse = _snapshots(wereld, 1)
    assert analyse.kerncijfers == kerncijfers_van(analyse.metrieken)
    assert analyse.kerncijfers["knopen"] == 6 and analyse.kerncijfers["eilandjes"] == 0
    assert analyse.kerncijfers["articulatiepunten"] == 4  # a path of six partners
    assert "overzicht" not in analyse.layout  # a small network is drawn partner by partner


def test_the_data_migration_fills_the_summary_of_older_runs(wereld):
    _netwerk(wereld)
    analyse = _snapshots(wereld, 1)
    verwacht = analyse.kerncijfers
    NetwerkAnalyse.objects.update(kerncijfers={})
    NetwerkAnalyse.objects.create(sleutel="buurt:0", scope="buurt", gemeente=wereld.gemeente_1)
    migratie = importlib.import_module(
        "zorgnet.netwerkanalyse.migrations.0006_kerncijfers_invullen"
    )
    migratie.vooruit(apps, None)
    analyse.refresh_from_db()
    assert analyse.kerncijfers == verwacht
    assert NetwerkAnalyse.objects.get(sleutel="buurt:0").kerncijfers == {}  # never finished


@pytest.mark.parametrize("pagina", ["netwerk:buurt_netwerk", "buurt_detail"])
def test_pages_cost_the_same_with_1_and_12_snapshots_and_never_read_whole_json(
    wereld, als, settings, pagina
):
    settings.ZORGNET_FRAGMENTCACHE = False  # the cold path: the page reads its run
    _netwerk(wereld)
    nieuwste = _snapshots(wereld, 12)
    ouder = NetwerkAnalyse.objects.exclude(pk=nieuwste.pk)
    bewaard = list(ouder)
    ouder.delete()
    client = als(wereld.regisseur_a)
    url = reverse(pagina, args=[wereld.buurt_a.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as een:
        assert client.get(url).status_code == 200
    NetwerkAnalyse.objects.bulk_create(bewaard)
    assert NetwerkAnalyse.objects.filter(status=TaakStatus.KLAAR).count() == 12
    with CaptureQueriesContext(connection) as twaalf:
        html = client.get(url).content.decode()
    assert len(twaalf) == len(een)
    assert _leest_json_heel(twaalf.captured_queries) == []
    if pagina == "netwerk:buurt_netwerk":
        assert "12 momentopnames" in html and html.count('class="lijngrafiek"') >= 0
        assert html.count("<svg") >= 5  # the picture and the trend charts


def test_the_table_is_paginated_and_filtered_in_sql(wereld, als):
    _netwerk(wereld, n=60)
    _snapshots(wereld, 1)
    client = als(wereld.regisseur_a)
    url = reverse("netwerk:buurt_netwerk", args=[wereld.buurt_a.pk])
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(url).content.decode()
    assert (
        html.count('hx-target="#partnerpaneel">Partner ')
        + html.count(f'hx-target="#partnerpaneel">{wereld.partner.naam}')
        == 50
    )
    rijen = [q["sql"] for q in ctx.captured_queries if "partners_partnermetriek" in q["sql"]]
    assert any("LIMIT 50" in sql for sql in rijen)
    tweede = client.get(url, {"pagina": 2}).content.decode()
    assert tweede.count('hx-target="#partnerpaneel">') == 11


def test_a_large_network_gets_the_community_picture(wereld, als, monkeypatch):
    monkeypatch.setattr(layout, "GROOT_KNOPEN", 3)
    _netwerk(wereld, n=8)
    analyse = _snapshots(wereld, 1)
    o = analyse.layout["overzicht"]
    assert sum(b["n"] for b in o["gemeenschappen"]) + o["eilandjes"] + o["niet_getekend"] == 9
    assert all(0 <= b["x"] <= 760 and 0 <= b["y"] <= o["hoogte"] for b in o["gemeenschappen"])
    client = als(wereld.regisseur_a)
    url = reverse("netwerk:buurt_netwerk", args=[wereld.buurt_a.pk])
    html = client.get(url).content.decode()
    assert "gemeenschapsbeeld" in html and 'id="knoop-' not in html
    eerste = o["gemeenschappen"][0]
    gefilterd = client.get(url, {"gemeenschap": eerste["gemeenschap"] + 1}).content.decode()
    assert gefilterd.count('hx-target="#partnerpaneel">') == eerste["n"]
    # The full data stay in the exports.
    export = client.get(
        reverse("netwerk:buurt_netwerk_graaf", args=[wereld.buurt_a.pk]), {"formaat": "csv"}
    )
    assert len(b"".join(export.streaming_content).decode().strip().splitlines()) == 1 + 8


def test_the_igraph_graph_of_the_job_matches_the_networkx_model():
    from zorgnet.netwerk.graaf import Knoop

    knopen = [Knoop(id=i, naam=f"P{i}", sector="zorg" if i % 2 else "welzijn") for i in range(7)]
    banden = [
        verklaarde_band(0, 1, intensiteit=2, bevestigd=True),
        waargenomen_band(1, 0, bron="pakketteam", gewicht=2),
        verklaarde_band(1, 2, intensiteit=4, bevestigd=False),
        waargenomen_band(2, 3, bron="doorverwijzing"),
        waargenomen_band(3, 4, bron="co_partner_actie"),
        verklaarde_band(4, 2, intensiteit=1, bevestigd=False),
        verklaarde_band(5, 5, intensiteit=3, bevestigd=True),  # to itself: ignored
        verklaarde_band(5, 99, intensiteit=3, bevestigd=True),  # unknown partner: ignored
    ]
    model = bereken(bouw_graaf(knopen, banden))
    job = bereken(bouw_igraaf(knopen, banden))
    assert {k: v for k, v in job["samenvatting"].items()} == model["samenvatting"]
    assert job["per_knoop"] == model["per_knoop"]
    assert sorted(job["banden"]) == sorted(model["banden"])
    alle = bouw_igraaf(knopen, banden)
    for laag in ("verklaard", "waargenomen", "gecombineerd"):
        for i in range(1, 5):
            assert per_laag(alle, (laag,))[laag][str(i)] == kerncijfers_kort(
                bouw_graaf(knopen, banden, laag=laag, min_intensiteit=i)
            )


def test_the_job_returns_its_run_and_reads_the_stored_json_only_when_asked(
    wereld, django_assert_num_queries
):
    """The finished run comes back with its own columns fresh; the MBs of JSON it wrote are read
    on first access (one query each), equal to what is stored."""
    _netwerk(wereld)
    analyse = services.start_analyse(buurt=wereld.buurt_a, aangevraagd_door=wereld.regisseur_a)
    klaar = services.voer_analyse_uit(analyse_id=analyse.pk)
    assert klaar.status == "klaar" and klaar.klaar_op is not None and klaar.rekentijd_ms >= 0
    opgeslagen = NetwerkAnalyse.objects.get(pk=analyse.pk)
    with django_assert_num_queries(2):
        assert klaar.metrieken == opgeslagen.metrieken and klaar.layout == opgeslagen.layout
    assert klaar.metrieken["samenvatting"]["knopen"] == 6
