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
from collections import Counter, deque
from typing import Any

import igraph as ig
import networkx as nx

from .graaf import VERKLAARD, WAARGENOMEN

TE_WEINIG_GEGEVENS = (
    "Te weinig gegevens: een netwerk heeft minstens twee partners nodig om iets te kunnen zeggen."
)
AANTAL_MAKELAARS = 5
SEED = 42


def naar_igraph(graaf: nx.Graph) -> tuple[ig.Graph, list[int]]:
    """The same graph in igraph (vertex i is `knopen[i]`), with `afstand` and `gewicht` per edge."""
    knopen = list(graaf.nodes)
    index = {k: i for i, k in enumerate(knopen)}
    randen, afstanden, gewichten = [], [], []
    for a, b, data in graaf.edges(data=True):
        randen.append((index[a], index[b]))
        afstanden.append(data.get("afstand", 1.0))
        gewichten.append(data.get("gewicht", 1.0))
    g = ig.Graph(n=len(knopen), edges=randen, directed=False)
    g.es["afstand"] = afstanden
    g.es["gewicht"] = gewichten
    return g, knopen


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


def makelaarsrollen(graaf: nx.Graph) -> dict[int, dict[str, int]]:
    """Gould-Fernandez brokerage over the coarse sector groups, per partner: for every pair of its
    contacts that are not tied to each other, the role it plays between them.

    coordinator: all three in one group; consulent (itinerant): the two contacts in one group, the
    broker in another; poortwachter_vertegenwoordiger: the broker shares its group with one of the
    two (ties are undirected here, so gatekeeper and representative are one role); verbinder
    (liaison): three different groups.
    """
    adj = graaf._adj
    groep = {k: d.get("groep") or d.get("sector", "") for k, d in graaf.nodes(data=True)}
    rollen: dict[int, dict[str, int]] = {}
    for b in graaf.nodes:
        buren = sorted(adj[b])
        telling = dict.fromkeys(MAKELAARSROLLEN, 0)
        for i, a in enumerate(buren):
            buren_a = adj[a]
            for c in buren[i + 1 :]:
                if c in buren_a:
                    continue
                ga, gb, gc = groep[a], groep[b], groep[c]
                if ga == gc:
                    telling["coordinator" if ga == gb else "consulent"] += 1
                elif gb in (ga, gc):
                    telling["poortwachter_vertegenwoordiger"] += 1
                else:
                    telling["verbinder"] += 1
        rollen[b] = telling
    return rollen


def groepsmenging(graaf: nx.Graph) -> dict[str, Any]:
    """E-I index over the coarse sector groups, overall and per group, and the ties between each
    pair of groups (does zorg reach welzijn?)."""
    knopen = graaf._node
    per_groep: dict[str, list[int]] = {}
    tussen: Counter[str] = Counter()
    extern = intern = 0
    for a, b in graaf.edges:
        ga = knopen[a].get("groep") or knopen[a].get("sector", "")
        gb = knopen[b].get("groep") or knopen[b].get("sector", "")
        tussen["|".join(sorted((ga, gb)))] += 1
        binnen = ga == gb
        intern += binnen
        extern += not binnen
        for g in {ga, gb}:
            telling = per_groep.setdefault(g, [0, 0])
            telling[0 if binnen else 1] += 1
    m = intern + extern
    return {
        "ei_index_groep": (extern - intern) / m if m else None,
        "ei_per_groep": {
            g: {"intern": i, "extern": e, "ei": (e - i) / (e + i) if e + i else None}
            for g, (i, e) in sorted(per_groep.items())
        },
        "banden_tussen_groepen": dict(sorted(tussen.items())),
    }


def afstanden_vanaf(graaf: nx.Graph, bronnen: list[int]) -> dict[int, int]:
    """Hops from the nearest source (multi-source breadth-first search)."""
    adj = graaf._adj
    afstand = dict.fromkeys(bronnen, 0)
    rij = deque(bronnen)
    while rij:
        knoop = rij.popleft()
        volgende = afstand[knoop] + 1
        for buur in adj[knoop]:
            if buur not in afstand:
                afstand[buur] = volgende
                rij.append(buur)
    return afstand


def lokaal_bestuur(graaf: nx.Graph) -> dict[str, Any]:
    """Is lokaal bestuur in the network, tied to it, and how far is it from the other partners?"""
    bestuur = [k for k, d in graaf.nodes(data=True) if d.get("is_lokaal_bestuur")]
    anderen = graaf.number_of_nodes() - len(bestuur)
    if not bestuur:
        return {"aanwezig": False, "verbonden": False, "bereikt": 0, "anderen": anderen}
    afstand = afstanden_vanaf(graaf, bestuur)
    bereikt = [a for k, a in afstand.items() if a > 0]
    return {
        "aanwezig": True,
        "verbonden": any(graaf.degree(k) > 0 for k in bestuur),
        "bereikt": len(bereikt),
        "anderen": anderen,
        "aandeel_bereikt": len(bereikt) / anderen if anderen else None,
        "gemiddelde_afstand": sum(bereikt) / len(bereikt) if bereikt else None,
        "max_afstand": max(bereikt) if bereikt else None,
    }


def menging(graaf: nx.Graph) -> dict[str, Any]:
    """E-I index by sector, formal-informal ties, reciprocity and the intensity and layer mix."""
    knopen = graaf._node
    extern = intern = formeel_informeel = bevestigd = eenzijdig = 0
    intensiteit: Counter[int] = Counter()
    lagen: Counter[str] = Counter()
    for a, b, data in graaf.edges(data=True):
        ka, kb = knopen[a], knopen[b]
        if ka["sector"] == kb["sector"]:
            intern += 1
        else:
            extern += 1
        if ka["formeel"] != kb["formeel"]:
            formeel_informeel += 1
        intensiteit[data["intensiteit"]] += 1
        soort = data["lagen"]
        lagen["beide" if len(soort) > 1 else next(iter(soort))] += 1
        if VERKLAARD in soort:
            if data.get("bevestigd"):
                bevestigd += 1
            else:
                eenzijdig += 1
    m = extern + intern
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


def kerncijfers(graaf: nx.Graph) -> dict[str, Any]:
    """The linear metrics: size, density, degree, components, isolates, weak links."""
    n, m = graaf.number_of_nodes(), graaf.number_of_edges()
    componenten = sorted(nx.connected_components(graaf), key=len, reverse=True)
    eilandjes = sorted(k for k, graad in graaf.degree() if graad == 0)
    return {
        "knopen": n,
        "banden": m,
        "dichtheid": nx.density(graaf) if n > 1 else 0.0,
        "gemiddelde_graad": 2 * m / n if n else 0.0,
        "componenten": len(componenten),
        "grootste_component": len(componenten[0]) if componenten else 0,
        "losse_groepjes": sum(1 for c in componenten[1:] if len(c) > 1),
        "eilandjes": eilandjes,
        "articulatiepunten": sorted(nx.articulation_points(graaf)),
        "bruggen": sorted(tuple(sorted(b)) for b in nx.bridges(graaf)),
        "_componenten": componenten,
    }


def te_weinig(graaf: nx.Graph) -> bool:
    return graaf.number_of_nodes() < 2


def bereken(graaf: nx.Graph, *, seed: int = SEED) -> dict[str, Any]:
    """The whole suite: a summary, per-partner metrics and the edge list (for diffs and drawing)."""
    if te_weinig(graaf):
        return {
            "te_weinig_gegevens": True,
            "melding": TE_WEINIG_GEGEVENS,
            "samenvatting": {"knopen": graaf.number_of_nodes(), "banden": 0},
            "per_knoop": {},
            "banden": [],
        }
    cijfers = kerncijfers(graaf)
    componenten = cijfers.pop("_componenten")
    g, volgorde = naar_igraph(graaf)
    zwaar = zware_metrieken(g, seed=seed)
    constraint, omvang = structurele_gaten(g)
    rollen = makelaarsrollen(graaf)
    component_van = {k: i for i, comp in enumerate(componenten) for k in comp}
    articulatie = set(cijfers["articulatiepunten"])
    graden = dict(graaf.degree())
    sterktes = dict(graaf.degree(weight="gewicht"))
    per_knoop: dict[str, dict[str, Any]] = {}
    for i, knoop in enumerate(volgorde):
        per_knoop[str(knoop)] = {
            "graad": graden[knoop],
            "sterkte": float(sterktes[knoop]),
            "betweenness": zwaar["betweenness"][i],
            "closeness": zwaar["closeness"][i],
            "kern": zwaar["kern"][i],
            "gemeenschap": zwaar["gemeenschap"][i],
            "component": component_van[knoop],
            "articulatiepunt": knoop in articulatie,
            "eilandje": graden[knoop] == 0,
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
        **menging(graaf),
        **groepsmenging(graaf),
        "lokaal_bestuur": lokaal_bestuur(graaf),
    }
    # [a, b, intensity, weight, layers, confirmed, sources, distance]: the first six as before,
    # so runs stored earlier still read (consumers index, they do not unpack).
    banden = [
        [
            a,
            b,
            d["intensiteit"],
            d["gewicht"],
            sorted(d["lagen"]),
            d.get("bevestigd"),
            sorted(d["bronnen"]),
            d["afstand"],
        ]
        for a, b, d in graaf.edges(data=True)
    ]
    return {
        "te_weinig_gegevens": False,
        "melding": "",
        "samenvatting": samenvatting,
        "per_knoop": per_knoop,
        "banden": banden,
    }


def kerncijfers_kort(graaf: nx.Graph) -> dict[str, Any]:
    """The linear metrics only, as counts (for the table per layer and intensity threshold)."""
    if te_weinig(graaf):
        return {"knopen": graaf.number_of_nodes(), "banden": 0, "te_weinig_gegevens": True}
    cijfers = kerncijfers(graaf)
    cijfers.pop("_componenten")
    return {
        "knopen": cijfers["knopen"],
        "banden": cijfers["banden"],
        "dichtheid": cijfers["dichtheid"],
        "gemiddelde_graad": cijfers["gemiddelde_graad"],
        "componenten": cijfers["componenten"],
        "eilandjes": len(cijfers["eilandjes"]),
        "articulatiepunten": len(cijfers["articulatiepunten"]),
        "bruggen": len(cijfers["bruggen"]),
        "te_weinig_gegevens": False,
    }


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
