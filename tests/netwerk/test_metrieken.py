"""The metric suite on small known graphs, against values computed by hand or by networkx itself."""

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.referentie import bereken_igraph, bouw_igraph
from zorgnet.netwerk.graaf import (
    VERKLAARD,
    WAARGENOMEN,
    Knoop,
    bouw_graaf,
    verklaarde_band,
    waargenomen_band,
)
from zorgnet.netwerk.layout import bereken_layout
from zorgnet.netwerk.metrieken import TE_WEINIG_GEGEVENS, bereken, kerncijfers_kort, vergelijk


def _uit_nx(g: nx.Graph, sector=lambda k: "zorg", lb=()):
    knopen = [Knoop(id=k, naam=f"P{k}", sector=sector(k), is_lokaal_bestuur=k in lb) for k in g]
    banden = [verklaarde_band(a, b, intensiteit=2, bevestigd=True, gewicht=1) for a, b in g.edges]
    return knopen, banden


def _suite(g: nx.Graph, **kw):
    knopen, banden = _uit_nx(g, **kw)
    return bereken(bouw_graaf(knopen, banden))


def test_it_computes_a_star_by_hand():
    r = _suite(nx.star_graph(5))  # centre 0, leaves 1..5
    s, p = r["samenvatting"], r["per_knoop"]
    assert (s["knopen"], s["banden"]) == (6, 5)
    assert s["dichtheid"] == pytest.approx(5 / 15)
    assert s["gemiddelde_graad"] == pytest.approx(10 / 6)
    assert s["articulatiepunten"] == [0]
    assert len(s["bruggen"]) == 5
    assert p["0"]["betweenness"] == pytest.approx(1.0)
    assert all(p[str(k)]["betweenness"] == 0 for k in range(1, 6))
    assert s["makelaars"] == [0]
    assert s["kern_max"] == 1
    assert p["1"]["closeness"] == pytest.approx(5 / (1 + 2 * 4))


def test_it_computes_a_path_by_hand():
    r = _suite(nx.path_graph(5))
    p = r["per_knoop"]
    # Node 1 lies on the paths 0-2, 0-3, 0-4; node 2 on 0-3, 0-4, 1-3, 1-4; out of 6 pairs each.
    assert p["1"]["betweenness"] == pytest.approx(3 / 6)
    assert p["2"]["betweenness"] == pytest.approx(4 / 6)
    assert r["samenvatting"]["articulatiepunten"] == [1, 2, 3]
    assert r["samenvatting"]["bruggen"] == [[0, 1], [1, 2], [2, 3], [3, 4]]
    assert r["samenvatting"]["makelaars"][0] == 2


def test_it_finds_the_bridge_and_the_two_communities_of_a_barbell():
    g = nx.barbell_graph(5, 0)  # two K5 (0-4, 5-9) and the bridge 4-5
    r = _suite(g)
    s, p = r["samenvatting"], r["per_knoop"]
    assert s["bruggen"] == [[4, 5]]
    assert s["articulatiepunten"] == [4, 5]
    assert sorted(s["makelaars"][:2]) == [4, 5]
    assert s["gemeenschappen"] == 2
    assert len({p[str(k)]["gemeenschap"] for k in range(5)}) == 1
    assert p["0"]["gemeenschap"] != p["9"]["gemeenschap"]
    assert s["kern_max"] == 4


def test_it_matches_networkx_and_igraph_on_the_karate_club():
    g = nx.karate_club_graph()
    for _, _, d in g.edges(data=True):
        d.pop("weight", None)
    r = _suite(g)
    p = r["per_knoop"]
    tussen = nx.betweenness_centrality(g)
    nabij = nx.closeness_centrality(g)
    kern = nx.core_number(g)
    for k in g:
        assert p[str(k)]["betweenness"] == pytest.approx(tussen[k], abs=1e-9)
        assert p[str(k)]["closeness"] == pytest.approx(nabij[k], abs=1e-9)
        assert p[str(k)]["kern"] == kern[k]
    assert r["samenvatting"]["articulatiepunten"] == sorted(nx.articulation_points(g)) == [0]
    assert r["samenvatting"]["bruggen"] == [[0, 11]]
    assert r["samenvatting"]["makelaars"][:2] == [0, 33]
    # The communities are a good partition, and the modularity is what networkx computes for it.
    delen: dict[int, set] = {}
    for k in g:
        delen.setdefault(p[str(k)]["gemeenschap"], set()).add(k)
    assert r["samenvatting"]["modulariteit"] == pytest.approx(
        nx.community.modularity(g, delen.values()), abs=1e-9
    )
    assert r["samenvatting"]["modulariteit"] > 0.38
    # The all-igraph path agrees on the cheap metrics networkx computes in the suite.
    knopen, banden = _uit_nx(g)
    ref = bereken_igraph(bouw_igraph(knopen, banden)[0])
    assert ref["articulatiepunten"] == r["samenvatting"]["articulatiepunten"]
    assert [list(b) for b in ref["bruggen"]] == r["samenvatting"]["bruggen"]
    assert ref["dichtheid"] == pytest.approx(r["samenvatting"]["dichtheid"])


def test_it_treats_weight_as_strength_and_converts_it_to_distance():
    knopen = [Knoop(id=k, naam=str(k), sector="zorg") for k in range(3)]
    banden = [
        verklaarde_band(0, 1, intensiteit=4, bevestigd=True),
        verklaarde_band(1, 2, intensiteit=4, bevestigd=True),
        verklaarde_band(0, 2, intensiteit=1, bevestigd=True),  # weak: distance 1 > 1/4 + 1/4
    ]
    graaf = bouw_graaf(knopen, banden)
    r = bereken(graaf)
    assert graaf[0][2]["afstand"] == pytest.approx(4.0)  # strongest tie (4) has distance 1
    assert graaf[0][1]["afstand"] == pytest.approx(1.0)
    assert all(0 <= w["closeness"] <= 1 for w in r["per_knoop"].values())
    assert r["per_knoop"]["1"]["betweenness"] == pytest.approx(1.0)
    assert r["per_knoop"]["1"]["betweenness"] == pytest.approx(
        nx.betweenness_centrality(graaf, weight="afstand")[1]
    )


def test_it_separates_layers_and_filters_intensity_cumulatively():
    knopen = [Knoop(id=k, naam=str(k), sector="zorg") for k in range(4)]
    banden = [
        verklaarde_band(0, 1, intensiteit=1, bevestigd=False),
        verklaarde_band(1, 2, intensiteit=3, bevestigd=True),
        waargenomen_band(1, 2, bron="pakketteam", gewicht=2),
        waargenomen_band(2, 3, bron="co_partner_actie"),
    ]
    assert bouw_graaf(knopen, banden, laag=VERKLAARD).number_of_edges() == 2
    assert bouw_graaf(knopen, banden, laag=WAARGENOMEN).number_of_edges() == 2
    gecombineerd = bouw_graaf(knopen, banden)
    assert gecombineerd.number_of_edges() == 3
    assert gecombineerd[1][2]["gewicht"] == 5 and gecombineerd[1][2]["lagen"] == {
        VERKLAARD,
        WAARGENOMEN,
    }
    minstens_afstemmen = bouw_graaf(knopen, banden, min_intensiteit=3)
    assert sorted(minstens_afstemmen.edges) == [(1, 2), (2, 3)]
    s = bereken(gecombineerd)["samenvatting"]
    assert s["wederkerigheid"] == {"bevestigd": 1, "eenzijdig": 1, "aandeel_bevestigd": 0.5}
    assert s["intensiteit_mix"] == {"1": 1, "2": 0, "3": 1, "4": 1}
    assert s["lagen_mix"] == {"verklaard": 1, "waargenomen": 1, "beide": 1}


def test_it_computes_mixing_and_the_reach_of_lokaal_bestuur():
    sectoren = {0: "lokaal_bestuur", 1: "zorg", 2: "zorg", 3: "welzijn"}
    knopen = [
        Knoop(id=0, naam="Gemeente", sector="lokaal_bestuur", is_lokaal_bestuur=True),
        Knoop(id=1, naam="A", sector="zorg"),
        Knoop(id=2, naam="B", sector="zorg", formeel=False),
        Knoop(id=3, naam="C", sector="welzijn"),
        Knoop(id=4, naam="Eiland", sector="welzijn"),
    ]
    banden = [
        verklaarde_band(a, b, intensiteit=2, bevestigd=True) for a, b in [(0, 1), (1, 2), (2, 3)]
    ]
    s = bereken(bouw_graaf(knopen, banden))["samenvatting"]
    assert sectoren  # hand count: 0-1 external, 1-2 internal, 2-3 external
    assert s["ei_index"] == pytest.approx((2 - 1) / 3)
    assert s["aandeel_intersectoraal"] == pytest.approx(2 / 3)
    assert s["formeel_informeel"] == 2
    assert s["eilandjes"] == [4]
    lb = s["lokaal_bestuur"]
    assert lb["verbonden"] and lb["bereikt"] == 3 and lb["anderen"] == 4
    assert lb["gemiddelde_afstand"] == pytest.approx(2.0) and lb["max_afstand"] == 3


@pytest.mark.parametrize("aantal", [0, 1])
def test_it_says_too_little_data_for_an_empty_or_one_node_network(aantal):
    knopen = [Knoop(id=k, naam=str(k), sector="zorg") for k in range(aantal)]
    r = bereken(bouw_graaf(knopen, []))
    assert r["te_weinig_gegevens"] is True
    assert r["melding"] == TE_WEINIG_GEGEVENS
    assert kerncijfers_kort(bouw_graaf(knopen, []))["te_weinig_gegevens"] is True


def test_it_lists_what_changed_since_the_previous_snapshot():
    vorig = _suite(nx.path_graph(4))
    g = nx.path_graph(4)
    g.remove_edge(2, 3)
    g.add_edge(3, 4)
    g.add_edge(1, 4)
    nu = _suite(g)
    diff = vergelijk(nu, vorig)
    assert diff["nieuwe_partners"] == [4]
    assert diff["nieuwe_banden"] == [[1, 4], [3, 4]]
    assert diff["verdwenen_banden"] == [[2, 3]]
    assert vergelijk(nu, None) == {"eerste": True}


def test_the_layout_is_reproducible_and_keeps_known_positions():
    g = bouw_graaf(*_uit_nx(nx.karate_club_graph()))
    eerste = bereken_layout(g)["posities"]
    assert eerste == bereken_layout(g)["posities"]
    assert set(eerste) == set(g.nodes)
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in eerste.values())
    g.add_node(99, naam="nieuw", sector="zorg", formeel=True, schaal="", is_lokaal_bestuur=False)
    g.add_edge(99, 0, gewicht=1, afstand=1, intensiteit=1, lagen={VERKLAARD}, bronnen=set())
    tweede = bereken_layout(g, eerste)["posities"]
    verschuiving = sum(
        abs(tweede[k][0] - eerste[k][0]) + abs(tweede[k][1] - eerste[k][1]) for k in eerste
    ) / len(eerste)
    vers = bereken_layout(g, seed=7)["posities"]
    ander = sum(abs(vers[k][0] - eerste[k][0]) + abs(vers[k][1] - eerste[k][1]) for k in eerste)
    assert verschuiving < ander / len(eerste)


@given(
    n=st.integers(min_value=2, max_value=14),
    # Intensities 1, 2, 4 on distinct pairs: distances are powers of two, so path lengths are exact
    # floats. (With 4/3 networkx misses float ties that igraph, comparing with a tolerance, counts.)
    randen=st.lists(
        st.tuples(st.integers(0, 13), st.integers(0, 13), st.sampled_from([1, 2, 4])),
        max_size=30,
        unique_by=lambda r: (min(r[0], r[1]), max(r[0], r[1])),
    ),
)
@settings(max_examples=40, deadline=None)
def test_the_mix_agrees_with_networkx_and_all_igraph_on_random_graphs(n, randen):
    knopen = [Knoop(id=k, naam=str(k), sector="zorg" if k % 2 else "welzijn") for k in range(n)]
    banden = [
        verklaarde_band(a, b, intensiteit=i, bevestigd=True)
        for a, b, i in randen
        if a < n and b < n
    ]
    graaf = bouw_graaf(knopen, banden)
    r = bereken(graaf)
    ref = bereken_igraph(bouw_igraph(knopen, banden)[0])
    tussen = nx.betweenness_centrality(graaf, weight="afstand")
    for k in graaf:
        assert r["per_knoop"][str(k)]["betweenness"] == pytest.approx(tussen[k], abs=1e-9)
        assert r["per_knoop"][str(k)]["kern"] == nx.core_number(graaf)[k]
    assert r["samenvatting"]["articulatiepunten"] == ref["articulatiepunten"]
    assert r["samenvatting"]["bruggen"] == [list(b) for b in ref["bruggen"]]
    assert r["samenvatting"]["eilandjes"] == ref["eilandjes"]
    assert r["samenvatting"]["componenten"] == ref["componenten"]
    if r["samenvatting"]["ei_index"] is not None:
        assert r["samenvatting"]["ei_index"] == pytest.approx(ref["ei_index"])


def test_constraint_and_effective_size_match_networkx_on_karate():
    g = nx.karate_club_graph()
    p = _suite(g)["per_knoop"]
    omvang = nx.effective_size(g)
    constraint = nx.constraint(g)
    for k in g:
        assert p[str(k)]["effectieve_omvang"] == pytest.approx(omvang[k], abs=1e-9)
        assert p[str(k)]["constraint"] == pytest.approx(constraint[k], abs=1e-9)


def test_brokerage_roles_over_groups_by_hand():
    """A path zorg(0) - welzijn(1) - welzijn(2) - cultuur(3), plus 1 - zorg(4), and 2 - welzijn(5)."""
    g = nx.Graph([(0, 1), (1, 2), (2, 3), (1, 4), (2, 5)])
    groep = {0: "zorg", 1: "welzijn", 2: "welzijn", 3: "cultuur", 4: "zorg", 5: "welzijn"}
    rollen = {k: v["makelaarsrollen"] for k, v in _suite(g, sector=groep.get)["per_knoop"].items()}
    # 1 between (0, 4): both zorg, itself welzijn -> consulent; (0, 2) and (4, 2): one side its own
    assert rollen["1"] == {
        "coordinator": 0,
        "consulent": 1,
        "poortwachter_vertegenwoordiger": 2,
        "verbinder": 0,
    }
    # 2 between (1, 5): all welzijn -> coordinator; (1, 3), (5, 3): poortwachter/vertegenwoordiger
    assert rollen["2"]["coordinator"] == 1 and rollen["2"]["poortwachter_vertegenwoordiger"] == 2
    assert rollen["0"] == dict.fromkeys(rollen["0"], 0)


def test_ei_index_per_coarse_group():
    g = nx.Graph([(0, 1), (1, 2), (2, 3)])
    groep = {0: "zorg", 1: "zorg", 2: "welzijn", 3: "welzijn"}
    s = _suite(g, sector=groep.get)["samenvatting"]
    assert s["ei_index_groep"] == pytest.approx((1 - 2) / 3)
    assert s["ei_per_groep"]["zorg"] == {"intern": 1, "extern": 1, "ei": 0.0}
    assert s["banden_tussen_groepen"] == {"welzijn|zorg": 1, "zorg|zorg": 1, "welzijn|welzijn": 1}


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_brokerage_roles_equal_an_enumeration_of_every_pair_of_contacts(zaad):
    """Random graphs with many triangles: the counted roles equal the roles found by walking
    every pair of untied contacts of every partner."""
    import random

    g = nx.gnp_random_graph(14, 0.45, seed=zaad)
    kiezer = random.Random(zaad)
    groep = {k: kiezer.choice(("zorg", "welzijn", "cultuur")) for k in g}
    rollen = {k: v["makelaarsrollen"] for k, v in _suite(g, sector=groep.get)["per_knoop"].items()}
    for b in g:
        verwacht = dict.fromkeys(rollen[str(b)], 0)
        buren = sorted(g[b])
        for i, a in enumerate(buren):
            for c in buren[i + 1 :]:
                if g.has_edge(a, c):
                    continue
                if groep[a] == groep[c] == groep[b]:
                    verwacht["coordinator"] += 1
                elif groep[a] == groep[c]:
                    verwacht["consulent"] += 1
                elif groep[b] in (groep[a], groep[c]):
                    verwacht["poortwachter_vertegenwoordiger"] += 1
                else:
                    verwacht["verbinder"] += 1
        assert rollen[str(b)] == verwacht, b
