"""Network metric suite: zorgnet's mix (networkx model + igraph for the heavy metrics) against the
same suite computed entirely with python-igraph, on power-law cluster graphs (average degree ~10).

Targets (issue 8): under 0.5 s at 300 nodes; at most 2x the all-igraph time at 3,000 / 15,000 and
30,000 / 150,000. Each size runs once per suite (the 30k run takes a few minutes: exact
betweenness and closeness are O(n*m) in both suites).
"""

from __future__ import annotations

import random
import time

import networkx as nx

from bench.figuur import Figuur
from bench.referentie import bereken_igraph, bouw_igraph
from zorgnet.netwerk.graaf import Knoop, bouw_graaf, verklaarde_band, waargenomen_band
from zorgnet.netwerk.metrieken import bereken

SECTOREN = ["zorg", "welzijn", "gezondheid", "onderwijs", "cultuur", "sport", "vrijwilligers"]
# (nodes, time limit, weighted ties). At 30,000 nodes the ties are all alike (one intensity, one
# layer): exact *weighted* betweenness (Dijkstra from every node) would take ~5 minutes per suite
# there, so the big run measures the unweighted path (breadth-first search); the ratio is what counts.
GROOTTES = [(300, 0.5, True), (3_000, None, True), (30_000, None, False)]


def netwerk(n: int, *, seed: int = 1, gewogen: bool = True) -> tuple[list[Knoop], list]:
    """A power-law cluster graph with m=5 (about n*5 edges), with sectors, informal actors,
    lokaal bestuur (1%) and a mix of declared and observed ties."""
    graaf = nx.powerlaw_cluster_graph(n, 5, 0.1, seed=seed)
    rng = random.Random(seed)
    knopen = [
        Knoop(
            id=i,
            naam=f"Partner {i}",
            sector="lokaal_bestuur" if i % 100 == 0 else rng.choice(SECTOREN),
            formeel=rng.random() < 0.75,
            is_lokaal_bestuur=i % 100 == 0,
        )
        for i in range(n)
    ]
    banden = []
    for a, b in graaf.edges:
        if not gewogen:
            banden.append(verklaarde_band(a, b, intensiteit=2, bevestigd=rng.random() < 0.6))
        elif rng.random() < 0.7:
            banden.append(
                verklaarde_band(a, b, intensiteit=rng.randint(1, 4), bevestigd=rng.random() < 0.6)
            )
        else:
            banden.append(waargenomen_band(a, b, bron="pakketteam", gewicht=rng.randint(1, 3)))
    return knopen, banden


def _tijd(fn) -> float:
    """CPU seconds of this process: both suites are single-threaded, and on a shared machine
    wall-clock time would measure the neighbours' load rather than the code."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def run() -> list[Figuur]:
    figuren: list[Figuur] = []
    for n, grens, gewogen in GROOTTES:
        knopen, banden = netwerk(n, gewogen=gewogen)
        zorgnet = _tijd(lambda: bereken(bouw_graaf(knopen, banden)))  # noqa: B023
        alleen_igraph = _tijd(lambda: bereken_igraph(bouw_igraph(knopen, banden)[0]))  # noqa: B023
        ratio = zorgnet / alleen_igraph
        label = f"{n:,} knopen / {len(banden):,} banden{'' if gewogen else ' (ongewogen)'}"
        print(
            f"{label}: zorgnet {zorgnet:.3f} s, alleen igraph {alleen_igraph:.3f} s, "
            f"ratio {ratio:.2f}x",
            flush=True,
        )
        if grens is not None:
            figuren.append(
                Figuur(f"netwerk suite {label}", zorgnet, "s", f"< {grens} s", zorgnet < grens)
            )
        else:
            figuren.append(Figuur(f"netwerk suite {label}", zorgnet, "s"))
        figuren.append(Figuur(f"netwerk alleen-igraph {label}", alleen_igraph, "s"))
        figuren.append(
            Figuur(
                f"netwerk ratio {label}",
                ratio,
                "x",
                "<= 2x" if grens is None else "",
                ratio <= 2 if grens is None else None,
            )
        )
    return figuren
