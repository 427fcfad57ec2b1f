"""A stable layout: seeded, and starting from the previous snapshot's positions.

Partners that were already drawn keep roughly their place, so two snapshots can be compared by eye;
new partners start at a position derived from their id (reproducible), then the force layout
settles them. Coordinates are normalised to 0..1.
"""

from __future__ import annotations

import random

import igraph as ig
import networkx as nx

# igraph's Fruchterman-Reingold (networkx's spring layout needs numpy and is quadratic).


def _start(knoop: int, seed: int) -> tuple[float, float]:
    rng = random.Random(seed * 1_000_003 + knoop)
    return rng.random(), rng.random()


def _normaliseer(pos: dict[int, tuple[float, float]]) -> dict[int, list[float]]:
    if not pos:
        return {}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    bx, by = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {
        k: [round(0.05 + 0.9 * (x - min(xs)) / bx, 4), round(0.05 + 0.9 * (y - min(ys)) / by, 4)]
        for k, (x, y) in pos.items()
    }


def bereken_layout(
    graaf: nx.Graph,
    vorige: dict[int, list[float]] | None = None,
    *,
    seed: int = 42,
) -> dict[int, list[float]]:
    """Positions per node in 0..1, reusing `vorige` where a node was already placed."""
    vorige = vorige or {}
    n = graaf.number_of_nodes()
    if n == 0:
        return {}
    if n == 1:
        return {next(iter(graaf.nodes)): [0.5, 0.5]}
    start = {k: tuple(vorige[k]) if k in vorige else _start(k, seed) for k in graaf.nodes}
    bekend = sum(1 for k in graaf.nodes if k in vorige) / n
    # Mostly known positions: a few iterations only, so the picture does not jump.
    iteraties = 30 if bekend > 0.8 else 300
    knopen = list(graaf.nodes)
    index = {k: i for i, k in enumerate(knopen)}
    g = ig.Graph(n=n, edges=[(index[a], index[b]) for a, b in graaf.edges])
    g.es["gewicht"] = [d.get("gewicht", 1.0) for _, _, d in graaf.edges(data=True)]
    ig.set_random_number_generator(random.Random(seed))
    try:
        lay = g.layout_fruchterman_reingold(
            seed=[list(start[k]) for k in knopen],
            niter=iteraties,
            weights="gewicht",
            grid="auto",
        )
    finally:
        ig.set_random_number_generator(random)
    return _normaliseer({k: (lay[i][0], lay[i][1]) for i, k in enumerate(knopen)})
