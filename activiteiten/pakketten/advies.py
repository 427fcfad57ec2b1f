"""Advice on samenhang: a suggested split of activities into packages (pure graph code).

Rule of 'Ontwar het bos' step 3: as coherent as possible inside a package, as little coherence as
possible between packages. That is what modularity measures, so the suggestion is the partition with
the highest weighted modularity that networkx finds (greedy modularity and Louvain; the graphs here
are small, a few dozen activities).
"""

from collections.abc import Iterable, Sequence

import networkx as nx
from networkx.algorithms import community


def graaf(ids: Iterable[int], paren: Iterable[tuple[int, int, float]]) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(ids)
    for a, b, gewicht in paren:
        g.add_edge(a, b, weight=float(gewicht))
    return g


def modulariteit(g: nx.Graph, groepen: Sequence[Iterable[int]]) -> float | None:
    """Weighted modularity of a split; None without any samenhang (it is undefined then)."""
    if g.number_of_edges() == 0:
        return None
    groepen = [set(x) for x in groepen if x]
    gedekt = set().union(*groepen) if groepen else set()
    groepen += [{n} for n in g.nodes if n not in gedekt]  # unassigned: each on its own
    return community.modularity(g, groepen, weight="weight")


def voorgestelde_opsplitsing(
    ids: Sequence[int], paren: Iterable[tuple[int, int, float]]
) -> list[list[int]]:
    """Groups of activity ids, largest first; isolated activities form their own group."""
    g = graaf(ids, paren)
    if g.number_of_nodes() == 0:
        return []
    if g.number_of_edges() == 0:
        return [[n] for n in sorted(g.nodes)]
    kandidaten = [list(community.greedy_modularity_communities(g, weight="weight"))]
    for seed in (1, 2, 3):
        kandidaten.append(list(community.louvain_communities(g, weight="weight", seed=seed)))
    beste = max(kandidaten, key=lambda c: community.modularity(g, c, weight="weight"))
    groepen = [sorted(c) for c in beste]
    return sorted(groepen, key=lambda c: (-len(c), c[0]))
