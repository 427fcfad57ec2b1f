"""The same metric suite computed entirely with python-igraph: the yardstick of the benchmark
(bench/bench_netwerk.py) and an independent second computation in the tests."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import igraph as ig

from zorgnet.netwerk.graaf import GECOMBINEERD, Band, Knoop
from zorgnet.netwerk.metrieken import zware_metrieken


def bouw_igraph(
    knopen: Iterable[Knoop],
    banden: Iterable[Band],
    *,
    laag: str = GECOMBINEERD,
    min_intensiteit: int = 1,
) -> tuple[ig.Graph, list[Knoop]]:
    knopen = list(knopen)
    index = {k.id: i for i, k in enumerate(knopen)}
    randen, gewicht, intensiteit = [], [], []
    for b in banden:
        if (laag != GECOMBINEERD and b.laag != laag) or b.intensiteit < min_intensiteit:
            continue
        if b.a == b.b or b.a not in index or b.b not in index:
            continue
        randen.append((index[b.a], index[b.b]))
        gewicht.append(b.gewicht)
        intensiteit.append(b.intensiteit)
    g = ig.Graph(n=len(knopen), edges=randen)
    g.es["gewicht"] = gewicht
    g.es["intensiteit"] = intensiteit
    g.simplify(combine_edges={"gewicht": "sum", "intensiteit": "max"})
    sterkste = max(g.es["gewicht"], default=1.0)
    g.es["afstand"] = [sterkste / w for w in g.es["gewicht"]]
    g.vs["sector"] = [k.sector for k in knopen]
    g.vs["formeel"] = [k.formeel for k in knopen]
    g.vs["lb"] = [k.is_lokaal_bestuur for k in knopen]
    return g, knopen


def bereken_igraph(g: ig.Graph) -> dict[str, Any]:
    """Size, density, degree, components, isolates, articulation points, bridges, betweenness,
    closeness, coreness, communities, E-I index, formal-informal ties, lokaal bestuur reach."""
    n, m = g.vcount(), g.ecount()
    graad = g.degree()
    componenten = g.connected_components()
    sector, formeel = g.vs["sector"], g.vs["formeel"]
    extern = fi = 0
    for a, b in g.get_edgelist():
        extern += sector[a] != sector[b]
        fi += formeel[a] != formeel[b]
    bestuur = [i for i, lb in enumerate(g.vs["lb"]) if lb]
    bereik = None
    if bestuur:
        # One breadth-first search from a virtual source tied to every lokaal bestuur vertex.
        h = g.copy()
        h.add_vertices(1)
        h.add_edges([(n, i) for i in bestuur])
        afst = h.distances(source=[n])[0][:n]
        bereik = [d - 1 for d in afst if 1 < d < float("inf")]
    return {
        "knopen": n,
        "banden": m,
        "dichtheid": g.density(),
        "gemiddelde_graad": 2 * m / n if n else 0.0,
        "componenten": len(componenten),
        "eilandjes": [i for i, d in enumerate(graad) if d == 0],
        "articulatiepunten": sorted(g.articulation_points()),
        "bruggen": sorted(tuple(sorted(g.es[e].tuple)) for e in g.bridges()),
        "ei_index": (2 * extern - m) / m if m else None,
        "formeel_informeel": fi,
        "lokaal_bestuur_bereikt": len(bereik) if bereik is not None else 0,
        **zware_metrieken(g),
        "graad": graad,
    }
