"""Network exports follow the run the page shows and say which run and filter they hold."""

import csv
import io

import networkx as nx
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from activiteiten.bijeenkomsten import services as bijeenkomsten
from activiteiten.bijeenkomsten.services import Aanwezige
from tests.factories import (
    BijeenkomstFactory,
    ContactpersoonFactory,
    PartnerFactory,
    RelatieFactory,
)
from zorgnet.netwerkanalyse import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def runs(wereld):
    """A confirmed tie, an open one and an observed-only one; two finished runs."""
    a, b, c, d = (
        PartnerFactory(gemeente=wereld.gemeente_1, naam=n, buurten=[wereld.buurt_a])
        for n in ("Aa", "Bb", "Cc", "Dd")
    )
    RelatieFactory(van_partner=a, naar_partner=b, intensiteit=3, bevestiging="bevestigd")
    RelatieFactory(van_partner=b, naar_partner=c, intensiteit=1)
    bijeenkomst = BijeenkomstFactory(buurt=wereld.buurt_a)
    bijeenkomsten.aanwezigheid_bewaren(
        bijeenkomst=bijeenkomst,
        aanwezigen=[Aanwezige(contactpersoon=ContactpersoonFactory(partner=p)) for p in (c, d)],
    )
    alles = services.start_analyse(buurt=wereld.buurt_a)
    services.voer_analyse_uit(analyse_id=alles.pk)
    sterk = services.start_analyse(buurt=wereld.buurt_a, laag="verklaard", min_intensiteit=3)
    services.voer_analyse_uit(analyse_id=sterk.pk)
    return alles, sterk, (a, b, c, d)


def _csv(antwoord) -> list[dict]:
    tekst = b"".join(antwoord.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(tekst), delimiter=";"))


def test_metrics_follow_the_run_shown_and_carry_its_filter(wereld, runs, als):
    alles, sterk, _p = runs
    client = als(wereld.regisseur_a)
    url = reverse("netwerk:buurt_netwerk_export", args=[wereld.buurt_a.pk])
    standaard = _csv(client.get(url))
    assert {(r["analyse"], r["laag"], r["min_intensiteit"]) for r in standaard} == {
        (str(alles.pk), "gecombineerd", "1")
    }
    # The page's filter picks the run, and so does the run id its links carry.
    for query in ({"laag": "verklaard", "intensiteit": 3}, {"analyse": sterk.pk}):
        rijen = _csv(client.get(url, query))
        assert {(r["analyse"], r["laag"], r["min_intensiteit"]) for r in rijen} == {
            (str(sterk.pk), "verklaard", "3")
        }
    boek = load_workbook(
        io.BytesIO(client.get(url, {"formaat": "xlsx", "analyse": sterk.pk}).content)
    )
    over = {rij[0]: rij[1] for rij in boek["Over dit bestand"].iter_rows(values_only=True)}
    assert over["Laag"] == "Verklaarde relaties"
    assert over["Minimale intensiteit"] == "3 (Activiteiten afstemmen)"


def test_a_run_of_another_network_is_not_found(wereld, runs, als):
    andere = services.start_analyse(buurt=wereld.buurt_b)
    services.voer_analyse_uit(analyse_id=andere.pk)
    client = als(wereld.regisseur_a)
    url = reverse("netwerk:buurt_netwerk_graaf", args=[wereld.buurt_a.pk])
    assert client.get(url, {"analyse": andere.pk}).status_code == 404
    assert client.get(url, {"analyse": "x"}).status_code == 404


def test_graphml_has_labels_sources_weight_distance_and_three_states(wereld, runs, als):
    alles, _sterk, (a, b, c, d) = runs
    client = als(wereld.regisseur_a)
    antwoord = client.get(
        reverse("netwerk:buurt_netwerk_graaf", args=[wereld.buurt_a.pk]), {"analyse": alles.pk}
    )
    graaf = nx.parse_graphml(antwoord.content.decode(), node_type=int)
    assert graaf.graph["laag"] == "gecombineerd" and graaf.graph["analyse"] == str(alles.pk)
    assert graaf.graph["min_intensiteit"] == "1" and graaf.graph["periode_tot"]
    assert graaf.nodes[a.pk]["label"] == "Aa"
    staat = {frozenset((x, y)): d for x, y, d in graaf.edges(data=True)}
    assert staat[frozenset((a.pk, b.pk))]["bevestiging"] == "bevestigd"
    assert staat[frozenset((b.pk, c.pk))]["bevestiging"] == "open"
    waargenomen = staat[frozenset((c.pk, d.pk))]
    assert waargenomen["bevestiging"] == "alleen_waargenomen"
    assert waargenomen["bron"] == "co_aanwezigheid"
    sterkst = staat[frozenset((a.pk, b.pk))]
    assert sterkst["bron"] == "relatie" and sterkst["weight"] == 3.0 and sterkst["distance"] == 1.0


def test_the_edge_list_names_both_sides_and_the_state(wereld, runs, als):
    alles, _sterk, (a, b, _c, _d) = runs
    client = als(wereld.regisseur_a)
    rijen = _csv(
        client.get(
            reverse("netwerk:buurt_netwerk_graaf", args=[wereld.buurt_a.pk]),
            {"formaat": "csv", "analyse": alles.pk},
        )
    )
    assert len(rijen) == 3
    ab = next(r for r in rijen if {r["van_naam"], r["naar_naam"]} == {"Aa", "Bb"})
    assert (ab["bevestiging"], ab["bronnen"], ab["laag"]) == (
        "bevestigd",
        "relatie",
        "gecombineerd",
    )
