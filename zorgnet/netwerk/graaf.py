"""The partner network as a networkx graph: nodes are partners, edges merge declared and observed ties.

Each tie keeps its layer ("verklaard" or "waargenomen"), its intensity (1-4) and a weight (strength).
Path metrics need a distance, not a strength: networkx and igraph both read an edge attribute as a
*distance* in shortest paths, so `bouw_graaf` stores `afstand = max(gewicht) / gewicht` explicitly and path
metrics use that attribute, never `gewicht`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import igraph as ig
import networkx as nx

VERKLAARD = "verklaard"
WAARGENOMEN = "waargenomen"
GECOMBINEERD = "gecombineerd"
LAGEN = (VERKLAARD, WAARGENOMEN, GECOMBINEERD)

# Observed collaboration has no declared intensity; each source implies one (DOMAIN E2), so the
# cumulative filter "minstens afstemmen" works on both layers.
BRON_INTENSITEIT: dict[str, int] = {
    "doorverwijzing": 1,
    "co_aanwezigheid": 2,
    "pakketteam": 3,
    "co_partner_actie": 4,
}


# The confirmation state of an edge in the network, three ways (exports, picture, panel). Disputed
# ties are not part of the network (partners.selectors.netwerkrelaties), so "open" means declared
# by one side and not (yet) answered by the other.
BEVESTIGD = "bevestigd"
OPEN = "open"
ALLEEN_WAARGENOMEN = "alleen_waargenomen"


def bevestigingsstaat(bevestigd: bool | None) -> str:
    """`bevestigd` of a merged edge: True (a confirmed declared tie), False (declared, open), None
    (observed only)."""
    if bevestigd is None:
        return ALLEEN_WAARGENOMEN
    return BEVESTIGD if bevestigd else OPEN


class Knoop(NamedTuple):
    """A partner in the network (a tuple: the job reads thousands straight from values_list)."""

    id: int
    naam: str
    sector: str
    formeel: bool = True
    schaal: str = ""
    is_lokaal_bestuur: bool = False
    groep: str = ""  # coarse sector group (zorgnet.lib.choices.Sectorgroep); "" = the sector


class Band(NamedTuple):
    """One tie from one source between partners `a` and `b` (undirected); a tuple."""

    a: int
    b: int
    laag: str
    intensiteit: int
    gewicht: float = 1.0
    bevestigd: bool | None = None  # declared ties: confirmed by the other side or not
    bron: str = ""


def verklaarde_band(
    a: int, b: int, *, intensiteit: int, bevestigd: bool, gewicht: float | None = None
) -> Band:
    """A declared tie (Relatie); its weight is its intensity unless given."""
    return Band(
        a=a,
        b=b,
        laag=VERKLAARD,
        intensiteit=int(intensiteit),
        gewicht=float(gewicht if gewicht is not None else intensiteit),
        bevestigd=bevestigd,
        bron="relatie",
    )


def waargenomen_band(a: int, b: int, *, bron: str, gewicht: float = 1.0) -> Band:
    """An observed tie (shared package team, co-partners on an action, referral, co-attendance)."""
    return Band(
        a=a,
        b=b,
        laag=WAARGENOMEN,
        intensiteit=BRON_INTENSITEIT.get(bron, 1),
        gewicht=float(gewicht),
        bron=bron,
    )


def bouw_graaf(
    knopen: Iterable[Knoop],
    banden: Iterable[Band],
    *,
    laag: str = GECOMBINEERD,
    min_intensiteit: int = 1,
) -> nx.Graph:
    """An undirected graph of the partners with the ties of one layer, at least this intensity.

    Several ties between the same pair merge into one edge: weights add up, the intensity is the
    highest, and the edge remembers its layers, sources and whether any declared tie was confirmed.
    Ties to unknown partners or to oneself are ignored. Every partner is a node, even without ties
    (an isolate is an "eilandje").
    """
    if laag not in LAGEN:
        raise ValueError(f"onbekende laag {laag!r}")
    graaf = nx.Graph()
    for knoop in knopen:
        graaf.add_node(
            knoop.id,
            naam=knoop.naam,
            sector=knoop.sector,
            formeel=knoop.formeel,
            schaal=knoop.schaal,
            is_lokaal_bestuur=knoop.is_lokaal_bestuur,
            groep=knoop.groep or knoop.sector,
        )
    adj = graaf._adj
    for band in banden:
        if laag != GECOMBINEERD and band.laag != laag:
            continue
        if band.intensiteit < min_intensiteit or band.a == band.b:
            continue
        if band.a not in adj or band.b not in adj or band.gewicht <= 0:
            continue
        data = adj[band.a].get(band.b)
        if data is None:
            graaf.add_edge(
                band.a,
                band.b,
                gewicht=band.gewicht,
                intensiteit=band.intensiteit,
                lagen={band.laag},
                bronnen={band.bron},
                bevestigd=band.bevestigd,
            )
            continue
        data["gewicht"] += band.gewicht
        data["intensiteit"] = max(data["intensiteit"], band.intensiteit)
        data["lagen"].add(band.laag)
        data["bronnen"].add(band.bron)
        if band.bevestigd is not None:
            data["bevestigd"] = bool(data["bevestigd"]) or band.bevestigd
    # Scaled so the strongest tie has distance 1: shortest paths (and betweenness) do not change,
    # and normalised closeness stays within 0..1.
    sterkste = max((d["gewicht"] for _, _, d in graaf.edges(data=True)), default=1.0)
    for _, _, data in graaf.edges(data=True):
        data["afstand"] = sterkste / data["gewicht"]
    return graaf


# Layers and sources of a merged edge as bits, so merging 100,000s of ties keeps no set per edge;
# a mask maps back to one shared sorted tuple of names.
_LAAG_BIT = {VERKLAARD: 1, WAARGENOMEN: 2}


class _Namen:
    """Bit per name, and the sorted tuple of names of a mask (cached: a few distinct masks)."""

    def __init__(self, vast: dict[str, int] | None = None):
        self.bit: dict[str, int] = dict(vast or {})
        self._tuples: dict[int, tuple[str, ...]] = {}

    def van(self, naam: str) -> int:
        bit = self.bit.get(naam)
        if bit is None:
            bit = self.bit[naam] = 1 << len(self.bit)
        return bit

    def tuple(self, masker: int) -> tuple[str, ...]:
        t = self._tuples.get(masker)
        if t is None:
            t = self._tuples[masker] = tuple(sorted(n for n, b in self.bit.items() if masker & b))
        return t


def _samenvoegen(index: dict[int, int], banden: Iterable[Band], laag: str, min_intensiteit: int):
    """Ties merged per pair of vertex indices (lower first): weight summed, highest intensity,
    layer and source masks, confirmed; plus per pair the highest intensity per layer."""
    bronbits = _Namen()
    paren: dict[tuple[int, int], list] = {}
    for a, b, blaag, intensiteit, gewicht, bevestigd, bron in banden:
        if (laag != GECOMBINEERD and blaag != laag) or intensiteit < min_intensiteit:
            continue
        if a == b or gewicht <= 0:
            continue
        ia, ib = index.get(a), index.get(b)
        if ia is None or ib is None:
            continue
        sleutel = (ia, ib) if ia < ib else (ib, ia)
        d = paren.get(sleutel)
        lbit = _LAAG_BIT.get(blaag, 0)
        if d is None:
            paren[sleutel] = d = [0.0, 0, 0, 0, None, 0, 0]
        d[0] += gewicht
        if intensiteit > d[1]:
            d[1] = intensiteit
        d[2] |= lbit
        d[3] |= bronbits.van(bron)
        if bevestigd is not None:
            d[4] = bool(d[4]) or bevestigd
        if lbit == 1 and intensiteit > d[5]:
            d[5] = intensiteit
        elif lbit == 2 and intensiteit > d[6]:
            d[6] = intensiteit
    return paren, bronbits


def bouw_igraaf(
    knopen: Iterable[Knoop],
    banden: Iterable[Band],
    *,
    laag: str = GECOMBINEERD,
    min_intensiteit: int = 1,
) -> ig.Graph:
    """The graph of `bouw_graaf`, built straight into igraph (C), as the job uses it.

    Vertex i is `knopen[i]` (attributes id, naam, sector, formeel, schaal, is_lokaal_bestuur,
    groep); edge attributes gewicht, intensiteit, lagen and bronnen (sorted tuples), bevestigd,
    afstand, and the highest intensity per layer (int_verklaard, int_waargenomen: 0 when none), so
    the per-layer figures are edge selections of this one graph. Same merging rules as
    `bouw_graaf`; edges are (lower, higher) vertex index."""
    if laag not in LAGEN:
        raise ValueError(f"onbekende laag {laag!r}")
    knopen = list(knopen)
    index = {k.id: i for i, k in enumerate(knopen)}
    paren, bronbits = _samenvoegen(index, banden, laag, min_intensiteit)
    g = ig.Graph(n=len(knopen), edges=list(paren))
    g.vs["id"] = [k.id for k in knopen]
    g.vs["naam"] = [k.naam for k in knopen]
    g.vs["sector"] = [k.sector for k in knopen]
    g.vs["formeel"] = [k.formeel for k in knopen]
    g.vs["schaal"] = [k.schaal for k in knopen]
    g.vs["is_lokaal_bestuur"] = [k.is_lokaal_bestuur for k in knopen]
    g.vs["groep"] = [k.groep or k.sector for k in knopen]
    waarden = list(paren.values())
    laagnamen = _Namen(_LAAG_BIT)
    gewicht = [d[0] for d in waarden]
    g.es["gewicht"] = gewicht
    g.es["intensiteit"] = [d[1] for d in waarden]
    g.es["lagen"] = [laagnamen.tuple(d[2]) for d in waarden]
    g.es["bronnen"] = [bronbits.tuple(d[3]) for d in waarden]
    g.es["bevestigd"] = [d[4] for d in waarden]
    g.es["int_verklaard"] = [d[5] for d in waarden]
    g.es["int_waargenomen"] = [d[6] for d in waarden]
    sterkste = max(gewicht, default=1.0)
    g.es["afstand"] = [sterkste / w for w in gewicht]
    return g


def naar_igraaf(graaf: nx.Graph) -> ig.Graph:
    """A networkx graph of `bouw_graaf` (or any graph with those attributes, defaults otherwise)
    as the igraph graph of `bouw_igraaf` (vertex order: `graaf.nodes`)."""
    knopen = list(graaf.nodes)
    index = {k: i for i, k in enumerate(knopen)}
    randen, attrs = [], []
    for a, b, d in graaf.edges(data=True):
        ia, ib = index[a], index[b]
        randen.append((ia, ib) if ia < ib else (ib, ia))
        attrs.append(d)
    g = ig.Graph(n=len(knopen), edges=randen)
    data = [graaf.nodes[k] for k in knopen]
    g.vs["id"] = knopen
    g.vs["naam"] = [d.get("naam", str(k)) for k, d in zip(knopen, data, strict=True)]
    g.vs["sector"] = [d.get("sector", "") for d in data]
    g.vs["formeel"] = [d.get("formeel", True) for d in data]
    g.vs["schaal"] = [d.get("schaal", "") for d in data]
    g.vs["is_lokaal_bestuur"] = [bool(d.get("is_lokaal_bestuur")) for d in data]
    g.vs["groep"] = [d.get("groep") or d.get("sector", "") for d in data]
    g.es["gewicht"] = [float(d.get("gewicht", 1.0)) for d in attrs]
    g.es["intensiteit"] = [d.get("intensiteit", 1) for d in attrs]
    g.es["lagen"] = [tuple(sorted(d.get("lagen", {VERKLAARD}))) for d in attrs]
    g.es["bronnen"] = [tuple(sorted(d.get("bronnen", ()))) for d in attrs]
    g.es["bevestigd"] = [d.get("bevestigd") for d in attrs]
    g.es["afstand"] = [float(d.get("afstand", 1.0)) for d in attrs]
    return g
