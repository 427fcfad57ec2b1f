"""The metric suite of one partner network (DOMAIN §4.3).

networkx holds the model and computes the cheap, linear metrics (density, degree, components,
isolates, articulation points, bridges, mixing by sector, reach of lokaal bestuur). python-igraph
computes what is quadratic or worse in networkx: exact betweenness, closeness, k-core and
communities (Louvain). Brokers are named from *exact* betweenness: sampled betweenness misses the
true brokers in community-structured graphs (DESIGN.md §2).

Everything returned is plain JSON (ints, floats, strings, lists, dicts) so it can be stored as is.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import igraph as ig
import networkx as nx
import numpy as np

from .graaf import VERKLAARD, WAARGENOMEN, naar_igraaf

TE_WEINIG_GEGEVENS = (
    "Te weinig gegevens: een netwerk heeft minstens twee partners nodig om iets te kunnen zeggen."
)
AANTAL_MAKELAARS = 5
SEED = 42


def naar_igraph(graaf: nx.Graph | ig.Graph) -> tuple[ig.Graph, list[int]]:
    """The graph in igraph (vertex i is `knopen[i]`, attributes as `bouw_igraaf`)."""
    g = graaf if isinstance(graaf, ig.Graph) else naar_igraaf(graaf)
    return g, list(g.vs["id"])


def _zelfde(waarden: list[float]) -> bool:
    return not waarden or min(waarden) == max(waarden)


def gemeenschappen(g: ig.Graph, *, seed: int = SEED) -> tuple[list[int], float]:
    """Louvain communities on edge strength (not distance), reproducible through a seeded RNG."""
    if g.ecount() == 0:
        return list(range(g.vcount())), 0.0
    ig.set_random_number_generator(random.Random(seed))
    try:
        deling = g.community_multilevel(weights="gewicht")
    finally:
        ig.set_random_number_generator(random)
    return list(deling.membership), float(deling.modularity)


def zware_metrieken(g: ig.Graph, *, seed: int = SEED) -> dict[str, list]:
    """Exact betweenness and closeness (on distance), coreness and communities, per vertex."""
    n = g.vcount()
    gewogen = not _zelfde(g.es["afstand"]) if g.ecount() else False
    gewicht = "afstand" if gewogen else None
    tussen = g.betweenness(directed=False, weights=gewicht)
    paren = (n - 1) * (n - 2) / 2
    tussen = [t / paren if paren else 0.0 for t in tussen]
    nabijheid = g.closeness(weights=gewicht, normalized=True)
    nabijheid = [0.0 if c != c else float(c) for c in nabijheid]  # NaN for isolates
    kern = g.coreness()
    lid, modulariteit = gemeenschappen(g, seed=seed)
    return {
        "betweenness": tussen,
        "closeness": nabijheid,
        "kern": kern,
        "gemeenschap": lid,
        "modulariteit": [modulariteit],
    }


def structurele_gaten(g: ig.Graph) -> tuple[list, list]:
    """Burt's constraint and effective size per vertex (unweighted; None for an isolate).

    Effective size (Borgatti's form for undirected, unweighted ties): degree minus the average
    number of ties a contact has to the other contacts, d - C(d-1) with C the local clustering.
    Constraint: how much a partner's ties lead to contacts that are tied to each other (igraph).
    """
    graad = g.degree()
    clustering = g.transitivity_local_undirected(mode="zero")
    omvang = [float(d - c * (d - 1)) if d else None for d, c in zip(graad, clustering, strict=True)]
    constraint = [
        None if d == 0 or c != c else float(c) for d, c in zip(graad, g.constraint(), strict=True)
    ]
    return constraint, omvang


MAKELAARSROLLEN = ("coordinator", "consulent", "poortwachter_vertegenwoordiger", "verbinder")


def _alle_driehoeken(g: ig.Graph) -> np.ndarray:
    """Triangles through every vertex (igraph's C code for all vertices at once, about three
    times faster than for a list of vertices)."""
    graad = np.array(g.degree(), dtype=np.float64)
    t = np.array(g.transitivity_local_undirected(mode="zero"), dtype=np.float64)
    return np.rint(t * graad * (graad - 1) / 2).astype(np.int64)


def _paren_per_rol(groep: list[str], randen: list[tuple[int, int]]) -> list[list[int]]:
    """Per vertex, its pairs of contacts per role before the tied pairs are taken off:
    [coordinator, consulent, poortwachter_vertegenwoordiger, verbinder]. From the matrix of
    contacts per vertex and group (numpy: one bincount instead of a Counter per vertex)."""
    n = len(groep)
    codes = {gr: i for i, gr in enumerate(sorted(set(groep)))}
    k = max(len(codes), 1)
    code = np.fromiter((codes[gr] for gr in groep), dtype=np.int64, count=n)
    rand = np.array(randen, dtype=np.int64).reshape(-1, 2)
    a, b = rand[:, 0], rand[:, 1]
    per = np.bincount(np.concatenate([a * k + code[b], b * k + code[a]]), minlength=n * k).reshape(
        n, k
    )
    eigen = per[np.arange(n), code]
    rest = per.sum(axis=1) - eigen
    paren_binnen = (per * (per - 1) // 2).sum(axis=1) - eigen * (eigen - 1) // 2
    kwadraten = (per * per).sum(axis=1) - eigen * eigen
    return np.stack(
        [eigen * (eigen - 1) // 2, paren_binnen, eigen * rest, (rest * rest - kwadraten) // 2],
        axis=1,
    ).tolist()


def makelaarsrollen(graaf: nx.Graph | ig.Graph) -> dict[int, dict[str, int]]:
    """Gould-Fernandez brokerage over the coarse sector groups, per partner: for every pair of its
    contacts that are not tied to each other, the role it plays between them.

    coordinator: all three in one group; consulent (itinerant): the two contacts in one group, the
    broker in another; poortwachter_vertegenwoordiger: the broker shares its group with one of the
    two (ties are undirected here, so gatekeeper and representative are one role); verbinder
    (liaison): three different groups.

    Counted, not enumerated: all pairs of contacts per role follow from the group counts of a
    partner's contacts; the tied pairs (triangles) per role are counted in C on a few edge
    selections per group, and subtracted. O(sum of degree²) in C instead of in Python.
    """
    g = graaf if isinstance(graaf, ig.Graph) else naar_igraaf(graaf)
    groep = g.vs["groep"]
    ids = g.vs["id"]
    randen = g.get_edgelist()
    tel = np.array(_paren_per_rol(groep, randen), dtype=np.int64).reshape(-1, 4)
    if randen:
        codes = {gr: i for i, gr in enumerate(sorted(set(groep)))}
        code = np.array([codes[gr] for gr in groep], dtype=np.int64)
        rand = np.array(randen, dtype=np.int64)
        ga, gb = code[rand[:, 0]], code[rand[:, 1]]
        binnen = np.flatnonzero(ga == gb).tolist()  # ties inside one group
        tussen = np.flatnonzero(ga != gb).tolist()  # ties between two groups
        totaal = _alle_driehoeken(g)
        # Tied contacts both in the broker's group: triangles of the ties inside groups.
        eigen = _alle_driehoeken(g.subgraph_edges(binnen, delete_vertices=False))
        # Tied contacts in two other groups (three groups): triangles of the ties between groups.
        drie = _alle_driehoeken(g.subgraph_edges(tussen, delete_vertices=False))
        # Tied contacts both in one other group X: triangles through the broker among the ties
        # touching X, for the brokers outside X.
        zelfde_buiten = np.zeros(len(groep), dtype=np.int64)
        for x in np.unique(code).tolist():
            raakt = np.flatnonzero((ga == x) | (gb == x)).tolist()
            buiten = code != x
            zelfde_buiten[buiten] += _alle_driehoeken(
                g.subgraph_edges(raakt, delete_vertices=False)
            )[buiten]
        geen = drie + zelfde_buiten  # both contacts outside the broker's group
        tel[:, 0] -= eigen
        tel[:, 1] -= zelfde_buiten
        tel[:, 2] -= totaal - eigen - geen
        tel[:, 3] -= drie
    return {ids[i]: dict(zip(MAKELAARSROLLEN, t, strict=True)) for i, t in enumerate(tel.tolist())}


def _ig(graaf: nx.Graph | ig.Graph) -> ig.Graph:
    return graaf if isinstance(graaf, ig.Graph) else naar_igraaf(graaf)


def groepsmenging(graaf: nx.Graph | ig.Graph) -> dict[str, Any]:
    """E-I index over the coarse sector groups, overall and per group, and the ties between each
    pair of groups (does zorg reach welzijn?)."""
    g = _ig(graaf)
    groep = g.vs["groep"]
    per_groep: dict[str, list[int]] = {}
    tussen: Counter[str] = Counter()
    paren: Counter[tuple[str, str]] = Counter((groep[a], groep[b]) for a, b in g.get_edgelist())
    extern = intern = 0
    for (ga, gb), aantal in paren.items():
        tussen["|".join(sorted((ga, gb)))] += aantal
        binnen = ga == gb
        intern += aantal * binnen
        extern += aantal * (not binnen)
        for gr in {ga, gb}:
            telling = per_groep.setdefault(gr, [0, 0])
            telling[0 if binnen else 1] += aantal
    m = intern + extern
    return {
        "ei_index_groep": (extern - intern) / m if m else None,
        "ei_per_groep": {
            gr: {"intern": i, "extern": e, "ei": (e - i) / (e + i) if e + i else None}
            for gr, (i, e) in sorted(per_groep.items())
        },
        "banden_tussen_groepen": dict(sorted(tussen.items())),
    }


def lokaal_bestuur(graaf: nx.Graph | ig.Graph) -> dict[str, Any]:
    """Is lokaal bestuur in the network, tied to it, and how far is it from the other partners?"""
    g = _ig(graaf)
    n = g.vcount()
    bestuur = [i for i, lb in enumerate(g.vs["is_lokaal_bestuur"]) if lb]
    anderen = n - len(bestuur)
    if not bestuur:
        return {"aanwezig": False, "verbonden": False, "bereikt": 0, "anderen": anderen}
    # One breadth-first search (C) from a virtual source tied to every lokaal bestuur vertex.
    h = ig.Graph(n=n + 1, edges=g.get_edgelist() + [(n, i) for i in bestuur])
    afst = h.distances(source=[n])[0][:n]
    bereikt = [int(d) - 1 for d in afst if 1 < d < float("inf")]
    return {
        "aanwezig": True,
        "verbonden": any(d > 0 for d in g.degree(bestuur)),
        "bereikt": len(bereikt),
        "anderen": anderen,
        "aandeel_bereikt": len(bereikt) / anderen if anderen else None,
        "gemiddelde_afstand": sum(bereikt) / len(bereikt) if bereikt else None,
        "max_afstand": max(bereikt) if bereikt else None,
    }


def menging(graaf: nx.Graph | ig.Graph) -> dict[str, Any]:
    """E-I index by sector, formal-informal ties, reciprocity and the intensity and layer mix."""
    g = _ig(graaf)
    sector, formeel = g.vs["sector"], g.vs["formeel"]
    extern = formeel_informeel = bevestigd = eenzijdig = 0
    for a, b in g.get_edgelist():
        extern += sector[a] != sector[b]
        formeel_informeel += formeel[a] != formeel[b]
    m = g.ecount()
    intern = m - extern
    intensiteit: Counter[int] = Counter(g.es["intensiteit"]) if m else Counter()
    lagen: Counter[str] = Counter()
    for soort, bev in zip(g.es["lagen"] if m else [], g.es["bevestigd"] if m else [], strict=True):
        lagen["beide" if len(soort) > 1 else soort[0]] += 1
        if VERKLAARD in soort:
            if bev:
                bevestigd += 1
            else:
                eenzijdig += 1
    verklaard = bevestigd + eenzijdig
    return {
        "ei_index": (extern - intern) / m if m else None,
        "intersectoraal": extern,
        "aandeel_intersectoraal": extern / m if m else None,
        "formeel_informeel": formeel_informeel,
        "aandeel_formeel_informeel": formeel_informeel / m if m else None,
        "wederkerigheid": {
            "bevestigd": bevestigd,
            "eenzijdig": eenzijdig,
            "aandeel_bevestigd": bevestigd / verklaard if verklaard else None,
        },
        "intensiteit_mix": {str(i): intensiteit.get(i, 0) for i in range(1, 5)},
        "lagen_mix": {s: lagen.get(s, 0) for s in (VERKLAARD, WAARGENOMEN, "beide")},
    }


def kerncijfers(graaf: nx.Graph | ig.Graph) -> dict[str, Any]:
    """The linear metrics: size, density, degree, components, isolates, weak links (igraph, C).
    `_componenten`: vertex-index lists, largest first (ties: in vertex order)."""
    g = _ig(graaf)
    ids = g.vs["id"]
    n, m = g.vcount(), g.ecount()
    componenten = sorted(g.connected_components(), key=len, reverse=True)
    randen = g.get_edgelist()
    return {
        "knopen": n,
        "banden": m,
        "dichtheid": g.density() if n > 1 else 0.0,
        "gemiddelde_graad": 2 * m / n if n else 0.0,
        "componenten": len(componenten),
        "grootste_component": len(componenten[0]) if componenten else 0,
        "losse_groepjes": sum(1 for c in componenten[1:] if len(c) > 1),
        "eilandjes": sorted(ids[i] for i, d in enumerate(g.degree()) if d == 0),
        "articulatiepunten": sorted(ids[i] for i in g.articulation_points()),
        "bruggen": sorted(
            tuple(sorted((ids[randen[e][0]], ids[randen[e][1]]))) for e in g.bridges()
        ),
        "_componenten": componenten,
    }


def te_weinig(graaf: nx.Graph | ig.Graph) -> bool:
    n = graaf.vcount() if isinstance(graaf, ig.Graph) else graaf.number_of_nodes()
    return n < 2


def bereken(graaf: nx.Graph | ig.Graph, *, seed: int = SEED) -> dict[str, Any]:
    """The whole suite: a summary, per-partner metrics and the edge list (for diffs and drawing).
    Takes the igraph graph of `bouw_igraaf` (the job) or a networkx graph of `bouw_graaf`."""
    g = _ig(graaf)
    if te_weinig(g):
        return {
            "te_weinig_gegevens": True,
            "melding": TE_WEINIG_GEGEVENS,
            "samenvatting": {"knopen": g.vcount(), "banden": 0},
            "per_knoop": {},
            "banden": [],
        }
    cijfers = kerncijfers(g)
    componenten = cijfers.pop("_componenten")
    volgorde = g.vs["id"]
    zwaar = zware_metrieken(g, seed=seed)
    constraint, omvang = structurele_gaten(g)
    rollen = makelaarsrollen(g)
    component_van = {i: ci for ci, comp in enumerate(componenten) for i in comp}
    articulatie = set(cijfers["articulatiepunten"])
    graden = g.degree()
    sterktes = g.strength(weights="gewicht") if g.ecount() else [0.0] * g.vcount()
    per_knoop: dict[str, dict[str, Any]] = {}
    for i, knoop in enumerate(volgorde):
        per_knoop[str(knoop)] = {
            "graad": graden[i],
            "sterkte": float(sterktes[i]),
            "betweenness": zwaar["betweenness"][i],
            "closeness": zwaar["closeness"][i],
            "kern": zwaar["kern"][i],
            "gemeenschap": zwaar["gemeenschap"][i],
            "component": component_van[i],
            "articulatiepunt": knoop in articulatie,
            "eilandje": graden[i] == 0,
            "constraint": constraint[i],
            "effectieve_omvang": omvang[i],
            "makelaarsrollen": rollen[knoop],
        }
    rangorde = sorted(
        (k for k in per_knoop if per_knoop[k]["betweenness"] > 0),
        key=lambda k: (-per_knoop[k]["betweenness"], int(k)),
    )
    samenvatting = {
        **cijfers,
        "bruggen": [list(b) for b in cijfers["bruggen"]],
        "makelaars": [int(k) for k in rangorde[:AANTAL_MAKELAARS]],
        "kern_max": max(zwaar["kern"], default=0),
        "gemeenschappen": len(set(zwaar["gemeenschap"])),
        "modulariteit": zwaar["modulariteit"][0],
        **menging(g),
        **groepsmenging(g),
        "lokaal_bestuur": lokaal_bestuur(g),
    }
    # [a, b, intensity, weight, layers, confirmed, sources, distance]: the first six as before,
    # so runs stored earlier still read (consumers index, they do not unpack).
    if g.ecount():
        banden = [
            [volgorde[a], volgorde[b], i, w, list(lagen), bev, list(bronnen), d]
            for (a, b), i, w, lagen, bev, bronnen, d in zip(
                g.get_edgelist(),
                g.es["intensiteit"],
                g.es["gewicht"],
                g.es["lagen"],
                g.es["bevestigd"],
                g.es["bronnen"],
                g.es["afstand"],
                strict=True,
            )
        ]
    else:
        banden = []
    return {
        "te_weinig_gegevens": False,
        "melding": "",
        "samenvatting": samenvatting,
        "per_knoop": per_knoop,
        "banden": banden,
    }


def kerncijfers_kort(graaf: nx.Graph | ig.Graph) -> dict[str, Any]:
    """The linear metrics only, as counts (for the table per layer and intensity threshold)."""
    g = _ig(graaf)
    if te_weinig(g):
        return {"knopen": g.vcount(), "banden": 0, "te_weinig_gegevens": True}
    n, m = g.vcount(), g.ecount()
    return {
        "knopen": n,
        "banden": m,
        "dichtheid": g.density(),
        "gemiddelde_graad": 2 * m / n,
        "componenten": len(g.connected_components()),
        "eilandjes": sum(1 for d in g.degree() if d == 0),
        "articulatiepunten": len(g.articulation_points()),
        "bruggen": len(g.bridges()),
        "te_weinig_gegevens": False,
    }


DREMPEL = {"verklaard": "int_verklaard", "waargenomen": "int_waargenomen"}


def per_laag(alle: ig.Graph, lagen: tuple[str, ...]) -> dict[str, dict[str, dict[str, Any]]]:
    """Key figures per layer and cumulative intensity ("minstens afstemmen"), as edge selections
    of the graph of every tie (`bouw_igraaf` keeps the highest intensity per layer per edge)."""
    m = alle.ecount()
    verklaard = alle.es["int_verklaard"] if m else []
    waargenomen = alle.es["int_waargenomen"] if m else []
    hoogste = {
        "verklaard": verklaard,
        "waargenomen": waargenomen,
        "gecombineerd": [max(v, w) for v, w in zip(verklaard, waargenomen, strict=True)],
    }
    uit: dict[str, dict[str, dict[str, Any]]] = {}
    for laag in lagen:
        rij = hoogste[laag]
        uit[laag] = {
            str(i): kerncijfers_kort(
                alle.subgraph_edges([e for e in range(m) if rij[e] >= i], delete_vertices=False)
            )
            for i in range(1, 5)
        }
    return uit


def _paren(banden: list) -> set[tuple[int, int]]:
    return {(min(b[0], b[1]), max(b[0], b[1])) for b in banden}


def vergelijk(huidig: dict[str, Any], vorig: dict[str, Any] | None) -> dict[str, Any]:
    """What changed since the previous snapshot: partners, ties and brokers."""
    if not vorig:
        return {"eerste": True}
    nu_knopen = {int(k) for k in huidig.get("per_knoop", {})}
    toen_knopen = {int(k) for k in vorig.get("per_knoop", {})}
    nu, toen = _paren(huidig.get("banden", [])), _paren(vorig.get("banden", []))
    nu_mak = set(huidig.get("samenvatting", {}).get("makelaars", []))
    toen_mak = set(vorig.get("samenvatting", {}).get("makelaars", []))
    return {
        "eerste": False,
        "nieuwe_partners": sorted(nu_knopen - toen_knopen),
        "verdwenen_partners": sorted(toen_knopen - nu_knopen),
        "nieuwe_banden": sorted([list(p) for p in nu - toen]),
        "verdwenen_banden": sorted([list(p) for p in toen - nu]),
        "nieuwe_makelaars": sorted(nu_mak - toen_mak),
        "vroegere_makelaars": sorted(toen_mak - nu_mak),
    }


# The figures of a run that the trend chart and the buurt overview show: counts only, a few hundred
# bytes, stored in a field of their own so those pages never decode a run's whole metrics.
KERNCIJFERS = (
    "knopen",
    "banden",
    "dichtheid",
    "gemiddelde_graad",
    "componenten",
    "gemeenschappen",
    "aandeel_intersectoraal",
)
GETELD = ("eilandjes", "articulatiepunten", "bruggen")


def kerncijfers_van(resultaat: dict[str, Any]) -> dict[str, Any]:
    """The small per-run summary of a result of `bereken` (lists become their length)."""
    samenvatting = resultaat.get("samenvatting", {})
    uit: dict[str, Any] = {k: samenvatting[k] for k in KERNCIJFERS if k in samenvatting}
    for k in GETELD:
        w = samenvatting.get(k)
        uit[k] = len(w) if isinstance(w, list) else (w or 0)
    uit["te_weinig_gegevens"] = bool(resultaat.get("te_weinig_gegevens"))
    uit["melding"] = resultaat.get("melding", "")
    return uit
