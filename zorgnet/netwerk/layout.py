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
    g: ig.Graph, leden: list[int], vorige: dict[int, list[float]], seed: int
) -> dict[int, tuple[float, float]]:
    """Force layout of one component (vertex indices `leden` of `g`, keyed by partner id); ties
    within a (Louvain) community count three times."""
    ids = g.vs["id"]
    leden = sorted(leden)  # the vertex order of the induced subgraph
    knopen = [ids[i] for i in leden]
    if len(leden) == 2:
        return {knopen[0]: (0.0, 0.5), knopen[1]: (1.0, 0.5)}
    sub = g.induced_subgraph(leden, implementation="create_from_scratch")
    randen = sub.get_edgelist()
    gewichten = sub.es["gewicht"] if "gewicht" in sub.es.attributes() else [1.0] * len(randen)
    sub.es["gewicht"] = gewichten
    ig.set_random_number_generator(random.Random(seed))
    try:
        lid = sub.community_multilevel(weights="gewicht").membership
        sub.es["trek"] = [
            w * (3.0 if lid[i] == lid[j] else 1.0)
            for (i, j), w in zip(randen, gewichten, strict=True)
        ]
        start = [list(vorige[k]) if k in vorige else list(_start(k, seed)) for k in knopen]
        bekend = sum(1 for k in knopen if k in vorige) / len(knopen)
        lay = sub.layout_fruchterman_reingold(
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
    graaf: nx.Graph | ig.Graph,
    vorige: dict[int, list[float]] | None = None,
    *,
    seed: int = 42,
    prioriteit: Sequence[int] = (),
    breedte: int = BREEDTE,
) -> dict:
    """The picture's layout: `posities` (normalised), `breedte`, `hoogte` and `labels`.

    `graaf`: the igraph graph of `bouw_igraaf` (the job) or a networkx graph of `bouw_graaf`.
    `vorige`: normalised positions of the previous snapshot. `prioriteit`: who gets a label first
    (the job passes brokers first); a node missing from it comes after, by degree.
    """
    from .graaf import naar_igraaf

    g = graaf if isinstance(graaf, ig.Graph) else naar_igraaf(graaf)
    vorige = vorige or {}
    if g.vcount() == 0:
        return {"posities": {}, "breedte": breedte, "hoogte": 2 * MARGE, "labels": {}}
    ids = g.vs["id"]
    graden = g.degree()
    componenten = sorted(
        (sorted(c, key=ids.__getitem__) for c in g.connected_components() if len(c) > 1),
        key=lambda c: (-len(c), ids[c[0]]),
    )
    eilandjes = sorted(ids[i] for i, d in enumerate(graden) if d == 0)
    grootste = len(componenten[0]) if componenten else 1
    eenheid = min(EENHEID, (breedte - 2 * MARGE) / math.sqrt(grootste))
    vakken = [(c, max(eenheid * math.sqrt(len(c)), 60.0)) for c in componenten]
    vakken = [(c, min(zijde, breedte - 2 * MARGE)) for c, zijde in vakken]
    getekend = [_in_vierkant(_component(g, c, vorige, seed), zijde) for c, zijde in vakken]
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
    graad = dict(zip(ids, graden, strict=True))
    volgorde = list(dict.fromkeys([k for k in prioriteit if k in punten]))
    rest = sorted(set(punten) - set(volgorde), key=lambda k: (-graad[k], k))
    namen = dict(zip(ids, (str(n) for n in g.vs["naam"]), strict=True))
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


# A network above this many partners or ties is drawn at community level: thousands of dots and
# hundreds of thousands of lines are no picture a reader can see (and an SVG of many MBs).
GROOT_KNOPEN = 400
GROOT_BANDEN = 6_000
MAX_GEMEENSCHAPPEN = 40
TOP_PER_GEMEENSCHAP = 3
OVERZICHT_HOOGTE = 520


def is_groot(knopen: int, banden: int) -> bool:
    return knopen > GROOT_KNOPEN or banden > GROOT_BANDEN


def overzicht(
    gemeenschap: dict[int, int],
    groep: dict[int, str],
    randen: Iterable[tuple[int, int]],
    prioriteit: Sequence[int],
    *,
    seed: int = 42,
    breedte: int = BREEDTE,
) -> dict:
    """The community-level picture of a large network: one bubble per community (its size, its
    most common sector group, its first partners in `prioriteit`), lines between communities
    weighted by the number of ties between them. Partners without ties (eilandjes) and the
    communities beyond the largest MAX_GEMEENSCHAPPEN are counted, not drawn. Positions in drawing
    units (force layout of the community graph, igraph)."""
    leden: dict[int, list[int]] = {}
    graad: dict[int, int] = {}
    randen_lijst = list(randen)
    for a, b in randen_lijst:
        graad[a] = graad.get(a, 0) + 1
        graad[b] = graad.get(b, 0) + 1
    for k, c in gemeenschap.items():
        if graad.get(k):
            leden.setdefault(c, []).append(k)
    gekozen = sorted(leden, key=lambda c: (-len(leden[c]), c))[:MAX_GEMEENSCHAPPEN]
    index = {c: i for i, c in enumerate(gekozen)}
    tussen: dict[tuple[int, int], int] = {}
    binnen = [0] * len(gekozen)
    for a, b in randen_lijst:
        ia, ib = index.get(gemeenschap.get(a, -1)), index.get(gemeenschap.get(b, -1))
        if ia is None or ib is None:
            continue
        if ia == ib:
            binnen[ia] += 1
        else:
            paar = (min(ia, ib), max(ia, ib))
            tussen[paar] = tussen.get(paar, 0) + 1
    rang = {k: i for i, k in enumerate(prioriteit)}
    bubbels = []
    for c in gekozen:
        tel: dict[str, int] = {}
        for k in leden[c]:
            tel[groep.get(k, "")] = tel.get(groep.get(k, ""), 0) + 1
        bubbels.append(
            {
                "gemeenschap": c,
                "n": len(leden[c]),
                "banden": binnen[index[c]],
                "groep": max(sorted(tel), key=lambda g: tel[g]),
                "top": sorted(leden[c], key=lambda k: (rang.get(k, len(rang)), k))[
                    :TOP_PER_GEMEENSCHAP
                ],
            }
        )
    hoogte = OVERZICHT_HOOGTE
    if len(gekozen) > 1:
        g = ig.Graph(n=len(gekozen), edges=list(tussen))
        g.es["w"] = [math.log1p(w) for w in tussen.values()]
        ig.set_random_number_generator(random.Random(seed))
        try:
            lay = g.layout_fruchterman_reingold(
                weights="w" if tussen else None, seed=[_start(i, seed) for i in range(len(gekozen))]
            )
        finally:
            ig.set_random_number_generator(random)
        rmax = _bubbelstraal(bubbels[0]["n"], bubbels[0]["n"])
        zijde_x, zijde_y = breedte - 2 * (MARGE + rmax), hoogte - 2 * (MARGE + rmax) - 14
        pos = _in_vierkant({i: tuple(p) for i, p in enumerate(lay.coords)}, 1.0)
        for i, b in enumerate(bubbels):
            b["x"] = round(MARGE + rmax + pos[i][0] * zijde_x, 1)
            b["y"] = round(MARGE + rmax + pos[i][1] * zijde_y, 1)
    else:
        for b in bubbels:
            b["x"], b["y"] = breedte / 2, hoogte / 2
    nmax = bubbels[0]["n"] if bubbels else 1
    for b in bubbels:
        b["r"] = round(_bubbelstraal(b["n"], nmax), 1)
    getekend = {k for c in gekozen for k in leden[c]}
    return {
        "gemeenschappen": bubbels,
        "verbindingen": sorted(([i, j, w] for (i, j), w in tussen.items()), key=lambda v: -v[2]),
        "eilandjes": sum(1 for k in gemeenschap if not graad.get(k)),
        "niet_getekend": sum(1 for k in gemeenschap if graad.get(k) and k not in getekend),
        "breedte": breedte,
        "hoogte": hoogte,
    }


def _bubbelstraal(n: int, nmax: int) -> float:
    return 8 + 44 * math.sqrt(n / max(nmax, 1))
