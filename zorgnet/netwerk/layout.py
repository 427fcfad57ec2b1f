"""The layout of the network picture, computed in the job (igraph's C code) and stored with the run.

- Every connected component is laid out on its own (Fruchterman-Reingold on tie strength, ties
  within a community pulled harder so communities stay together) in a square whose area grows with
  its size, and the components are packed side by side, largest first, in rows.
- Isolates (eilandjes) get a row of their own under the rest, so they no longer squeeze it.
- Labels are placed where they overlap no other label and no other node (right, left, above or
  below the node), most important partners first; the rest show on hover and keyboard focus.
- Stable: seeded, and a partner already drawn in the previous snapshot starts from its place there.

Coordinates are in drawing units of a drawing `BREEDTE` wide (the SVG's viewBox); the height
follows from the packing. `posities` are stored normalised (x / breedte, y / hoogte).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence

import igraph as ig
import networkx as nx

BREEDTE = 760
MARGE = 16
EENHEID = 90.0  # side of a component's square per sqrt(partner)
TUSSENRUIMTE = 22.0  # between packed components
EILAND_STAP = 38.0  # between isolates in their row
R_KNOOP_MAX = 12.0  # the largest node the picture draws (label offset)
R_KNOOP_ANDER = 6.0  # the room another node takes for the label placement
TEKEN_BREEDTE = 6.2  # width of one character at font-size 11
LABEL_HOOGTE = 13.0
LABEL_MAX_TEKENS = 22


def labeltekst(naam: str) -> str:
    """The text a label shows (long names are shortened; the full name is on hover)."""
    return naam if len(naam) <= LABEL_MAX_TEKENS else naam[: LABEL_MAX_TEKENS - 1] + "…"


def _start(knoop: int, seed: int) -> tuple[float, float]:
    rng = random.Random(seed * 1_000_003 + knoop)
    return rng.random(), rng.random()


def _in_vierkant(pos: dict[int, tuple[float, float]], zijde: float) -> dict[int, list[float]]:
    """Scale positions into a square of this side (aspect kept), origin at 0,0."""
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    bereik = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {
        k: [(x - min(xs)) / bereik * zijde, (y - min(ys)) / bereik * zijde]
        for k, (x, y) in pos.items()
    }


def _component(
    graaf: nx.Graph, knopen: list[int], vorige: dict[int, list[float]], seed: int
) -> dict[int, tuple[float, float]]:
    """Force layout of one component; ties within a (Louvain) community count three times."""
    if len(knopen) == 2:
        return {knopen[0]: (0.0, 0.5), knopen[1]: (1.0, 0.5)}
    index = {k: i for i, k in enumerate(knopen)}
    randen = [(index[a], index[b]) for a, b in graaf.subgraph(knopen).edges]
    g = ig.Graph(n=len(knopen), edges=randen)
    gewichten = [graaf.edges[knopen[i], knopen[j]].get("gewicht", 1.0) for i, j in randen]
    g.es["gewicht"] = gewichten
    ig.set_random_number_generator(random.Random(seed))
    try:
        lid = g.community_multilevel(weights="gewicht").membership
        g.es["trek"] = [
            w * (3.0 if lid[i] == lid[j] else 1.0)
            for (i, j), w in zip(randen, gewichten, strict=True)
        ]
        start = [list(vorige[k]) if k in vorige else list(_start(k, seed)) for k in knopen]
        bekend = sum(1 for k in knopen if k in vorige) / len(knopen)
        lay = g.layout_fruchterman_reingold(
            seed=start, niter=40 if bekend > 0.8 else 300, weights="trek", grid="auto"
        )
    finally:
        ig.set_random_number_generator(random)
    return {k: (lay[i][0], lay[i][1]) for i, k in enumerate(knopen)}


def _pak(maten: list[tuple[float, float]], breedte: float) -> tuple[dict, float]:
    """Shelf packing: (width, height) boxes left to right in rows; returns offsets and height."""
    plaats: dict[int, tuple[float, float]] = {}
    x, y, rij_h = MARGE, MARGE, 0.0
    for i, (b, h) in enumerate(maten):
        if x > MARGE and x + b > breedte - MARGE:
            x, y, rij_h = MARGE, y + rij_h + TUSSENRUIMTE, 0.0
        plaats[i] = (x, y)
        x += b + TUSSENRUIMTE
        rij_h = max(rij_h, h)
    return plaats, y + rij_h


def _vak(x: float, y: float, breedte: float, anker: str) -> list[float]:
    x0 = {"start": x, "end": x - breedte, "middle": x - breedte / 2}[anker]
    return [x0, y - LABEL_HOOGTE + 3, x0 + breedte, y + 3]


def overlappen(a: Sequence[float], b: Sequence[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class _Raster:
    """A spatial hash of boxes, so placing n labels is not n² comparisons."""

    def __init__(self, cel: float = 48.0):
        self.cel = cel
        self.vakken: dict[tuple[int, int], list[Sequence[float]]] = {}

    def _cellen(self, vak: Sequence[float]) -> Iterable[tuple[int, int]]:
        for i in range(int(vak[0] // self.cel), int(vak[2] // self.cel) + 1):
            for j in range(int(vak[1] // self.cel), int(vak[3] // self.cel) + 1):
                yield i, j

    def botst(self, vak: Sequence[float]) -> bool:
        return any(
            overlappen(vak, ander) for c in self._cellen(vak) for ander in self.vakken.get(c, ())
        )

    def voeg_toe(self, vak: Sequence[float]) -> None:
        for c in self._cellen(vak):
            self.vakken.setdefault(c, []).append(vak)


def plaats_labels(
    punten: dict[int, tuple[float, float]],
    namen: dict[int, str],
    prioriteit: Sequence[int],
    *,
    breedte: float,
    hoogte: float,
) -> dict[int, list]:
    """{node: [x, y, anchor, box]} for the labels that fit: inside the drawing, overlapping no
    label placed before and no other node. Nodes earlier in `prioriteit` are placed first."""
    knopen = _Raster()
    for x, y in punten.values():
        knopen.voeg_toe(
            (x - R_KNOOP_ANDER, y - R_KNOOP_ANDER, x + R_KNOOP_ANDER, y + R_KNOOP_ANDER)
        )
    labels = _Raster()
    geplaatst: dict[int, list] = {}
    for k in prioriteit:
        if k not in punten or not namen.get(k):
            continue
        x, y = punten[k]
        tekstbreedte = len(labeltekst(namen[k])) * TEKEN_BREEDTE
        kandidaten = [
            (x + R_KNOOP_MAX + 2, y + 4, "start"),
            (x - R_KNOOP_MAX - 2, y + 4, "end"),
            (x, y - R_KNOOP_MAX - 3, "middle"),
            (x, y + R_KNOOP_MAX + LABEL_HOOGTE, "middle"),
        ]
        for lx, ly, anker in kandidaten:
            vak = _vak(lx, ly, tekstbreedte, anker)
            binnen = vak[0] >= 0 and vak[1] >= 0 and vak[2] <= breedte and vak[3] <= hoogte
            if not binnen or labels.botst(vak):
                continue
            # Its own node is not in the way: it sits outside the box by construction.
            eigen = (x - R_KNOOP_ANDER, y - R_KNOOP_ANDER, x + R_KNOOP_ANDER, y + R_KNOOP_ANDER)
            if any(
                overlappen(vak, ander) and tuple(ander) != eigen
                for c in knopen._cellen(vak)
                for ander in knopen.vakken.get(c, ())
            ):
                continue
            labels.voeg_toe(vak)
            geplaatst[k] = [round(lx, 1), round(ly, 1), anker, [round(v, 1) for v in vak]]
            break
    return geplaatst


def bereken_layout(
    graaf: nx.Graph,
    vorige: dict[int, list[float]] | None = None,
    *,
    seed: int = 42,
    prioriteit: Sequence[int] = (),
    breedte: int = BREEDTE,
) -> dict:
    """The picture's layout: `posities` (normalised), `breedte`, `hoogte` and `labels`.

    `vorige`: normalised positions of the previous snapshot. `prioriteit`: who gets a label first
    (the job passes brokers first); a node missing from it comes after, by degree.
    """
    vorige = vorige or {}
    if graaf.number_of_nodes() == 0:
        return {"posities": {}, "breedte": breedte, "hoogte": 2 * MARGE, "labels": {}}
    componenten = sorted(
        (sorted(c) for c in nx.connected_components(graaf) if len(c) > 1),
        key=lambda c: (-len(c), c[0]),
    )
    eilandjes = sorted(k for k in graaf.nodes if graaf.degree(k) == 0)
    grootste = len(componenten[0]) if componenten else 1
    eenheid = min(EENHEID, (breedte - 2 * MARGE) / math.sqrt(grootste))
    vakken = [(c, max(eenheid * math.sqrt(len(c)), 60.0)) for c in componenten]
    vakken = [(c, min(zijde, breedte - 2 * MARGE)) for c, zijde in vakken]
    getekend = [_in_vierkant(_component(graaf, c, vorige, seed), zijde) for c, zijde in vakken]
    maten = [(max(p[0] for p in pos.values()), max(p[1] for p in pos.values())) for pos in getekend]
    plaats, onderkant = _pak(maten, breedte)
    punten: dict[int, tuple[float, float]] = {}
    for i, pos in enumerate(getekend):
        ox, oy = plaats[i]
        for k, (x, y) in pos.items():
            punten[k] = (ox + x, oy + y)
    y = onderkant + (2 * TUSSENRUIMTE if componenten else MARGE)
    per_rij = max(1, int((breedte - 2 * MARGE) // EILAND_STAP) + 1)
    for i, k in enumerate(eilandjes):
        if i and i % per_rij == 0:
            y += EILAND_STAP
        punten[k] = (MARGE + (i % per_rij) * EILAND_STAP, y)
    hoogte = y + MARGE + LABEL_HOOGTE + R_KNOOP_MAX
    volgorde = list(dict.fromkeys([k for k in prioriteit if k in punten]))
    rest = sorted(set(punten) - set(volgorde), key=lambda k: (-graaf.degree(k), k))
    namen = {k: str(graaf.nodes[k].get("naam", k)) for k in punten}
    labels = plaats_labels(punten, namen, volgorde + rest, breedte=breedte, hoogte=hoogte)
    return {
        "posities": {
            k: [round(x / breedte, 5), round(y / hoogte, 5)] for k, (x, y) in punten.items()
        },
        "breedte": breedte,
        "hoogte": round(hoogte, 1),
        "labels": labels,
    }


def ego_layout(
    graaf: nx.Graph, ego: int, stappen: int = 1, *, breedte: int = 420
) -> tuple[dict[int, tuple[float, float]], float]:
    """A radial drawing of a partner's ego network: the partner in the middle, its direct ties on
    the first ring, (with stappen=2) their ties on the second. Positions in drawing units."""
    afstand = nx.single_source_shortest_path_length(graaf, ego, cutoff=stappen)
    ringen: dict[int, list[int]] = {}
    for k, d in afstand.items():
        ringen.setdefault(d, []).append(k)
    hoogte = float(breedte)
    midden = (breedte / 2, hoogte / 2)
    straal = (breedte / 2 - 70) / max(1, stappen)
    punten = {ego: midden}
    for d in range(1, stappen + 1):
        ring = sorted(ringen.get(d, []), key=lambda k: str(graaf.nodes[k].get("naam", k)))
        for i, k in enumerate(ring):
            hoek = 2 * math.pi * i / max(1, len(ring)) - math.pi / 2 + (0.3 if d == 2 else 0)
            punten[k] = (
                midden[0] + d * straal * math.cos(hoek),
                midden[1] + d * straal * math.sin(hoek),
            )
    return punten, hoogte
