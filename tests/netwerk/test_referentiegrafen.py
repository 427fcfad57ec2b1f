"""Done-when check of the network suite: karate club, Florentine families and Les Misérables
(networkx's data) go in through the partner and tie imports, the job computes them, and the
exported metrics (CSV, as a coordinator downloads them) match python-igraph within 1e-6;
articulation points and bridges are identical. Unweighted: every tie has the same intensity."""

import csv
import io

import igraph as ig
import networkx as nx
import pytest
from django.urls import reverse

from buurten.models import Rol
from partners.models import Partner
from partners.resources import importeren
from tests.factories import BuurtFactory, LidmaatschapFactory, UserFactory
from zorgnet.netwerkanalyse import services

pytestmark = pytest.mark.django_db

GRAFEN = {
    "karate": lambda: nx.relabel_nodes(nx.karate_club_graph(), lambda i: f"Lid {i}"),
    "florentijnen": nx.florentine_families_graph,
    "miserables": nx.les_miserables_graph,
}


def _csv(regels: list[str]) -> bytes:
    return "\n".join(regels).encode()


def _importeer(buurt, regisseur, graaf: nx.Graph) -> None:
    """The partners in bulk (the partner import has its own tests), the ties through the import."""
    partners = Partner.objects.bulk_create(
        Partner(gemeente=buurt.gemeente, naam=str(n), sector="andere") for n in graaf.nodes
    )
    koppel = Partner.buurten.through
    koppel.objects.bulk_create(koppel(partner=p, buurt=buurt) for p in partners)
    banden = _csv(
        ["van;naar;intensiteit;status"] + [f"{a};{b};2;bevestigd" for a, b in graaf.edges]
    )
    uitkomst = importeren(
        buurt=buurt, soort="relaties", inhoud=banden, formaat="csv", uitvoeren=True, door=regisseur
    )
    assert uitkomst.uitgevoerd, uitkomst.fouten[:3]
    assert uitkomst.nieuw == graaf.number_of_edges()


def _referentie(graaf: nx.Graph) -> dict:
    """The same metrics straight from python-igraph (vertex names are the partner names)."""
    g = ig.Graph.from_networkx(graaf, vertex_attr_hashable="naam")
    n = g.vcount()
    paren = (n - 1) * (n - 2) / 2
    namen = g.vs["naam"]
    return {
        "graad": dict(zip(namen, g.degree(), strict=True)),
        "betweenness": dict(zip(namen, [b / paren for b in g.betweenness()], strict=True)),
        "closeness": dict(zip(namen, g.closeness(normalized=True), strict=True)),
        "kern": dict(zip(namen, g.coreness(), strict=True)),
        "articulatiepunten": {namen[i] for i in g.articulation_points()},
        "bruggen": {frozenset((namen[g.es[e].source], namen[g.es[e].target])) for e in g.bridges()},
    }


@pytest.mark.parametrize("naam", sorted(GRAFEN))
def test_imported_reference_graphs_match_igraph(wereld, client, naam):
    graaf = GRAFEN[naam]()
    buurt = BuurtFactory(gemeente=wereld.gemeente_1, naam=f"Referentie {naam}")
    regisseur = UserFactory(username=f"regisseur_{naam}")
    LidmaatschapFactory(gebruiker=regisseur, buurt=buurt, rol=Rol.REGISSEUR)
    _importeer(buurt, regisseur, graaf)

    analyse = services.start_analyse(buurt=buurt, aangevraagd_door=regisseur)
    services.voer_analyse_uit(analyse_id=analyse.pk)
    analyse.refresh_from_db()
    assert analyse.status == "klaar", analyse.fout

    client.force_login(regisseur)
    antwoord = client.get(
        reverse("netwerk:buurt_netwerk_export", args=[buurt.pk]),
        {"formaat": "csv", "analyse": analyse.pk},
    )
    tekst = b"".join(antwoord.streaming_content).decode("utf-8-sig")
    rijen = list(csv.DictReader(io.StringIO(tekst), delimiter=";"))
    assert len(rijen) == graaf.number_of_nodes()
    assert {r["analyse"] for r in rijen} == {str(analyse.pk)}
    assert {(r["laag"], r["min_intensiteit"]) for r in rijen} == {("gecombineerd", "1")}

    verwacht = _referentie(graaf)
    for rij in rijen:
        p = rij["partner"]
        assert int(rij["aantal_banden"]) == verwacht["graad"][p]
        assert int(rij["k_kern"]) == verwacht["kern"][p]
        assert float(rij["betweenness"]) == pytest.approx(verwacht["betweenness"][p], abs=1e-6)
        assert float(rij["closeness"]) == pytest.approx(verwacht["closeness"][p], abs=1e-6)
    kwetsbaar = {r["partner"] for r in rijen if r["kwetsbare_schakel"] == "True"}
    assert kwetsbaar == verwacht["articulatiepunten"]

    namen = {int(r["partner_id"]): r["partner"] for r in rijen}
    bruggen = {frozenset((namen[a], namen[b])) for a, b in analyse.samenvatting["bruggen"]}
    assert bruggen == verwacht["bruggen"]
