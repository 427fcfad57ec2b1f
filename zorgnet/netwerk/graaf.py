"""The partner network as a networkx graph: nodes are partners, edges merge declared and observed ties.

Each tie keeps its layer ("verklaard" or "waargenomen"), its intensity (1-4) and a weight (strength).
Path metrics need a distance, not a strength: networkx and igraph both read an edge attribute as a
*distance* in shortest paths, so `bouw_graaf` stores `afstand = max(gewicht) / gewicht` explicitly and path
metrics use that attribute, never `gewicht`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Knoop:
    """A partner in the network."""

    id: int
    naam: str
    sector: str
    formeel: bool = True
    schaal: str = ""
    is_lokaal_bestuur: bool = False
    groep: str = ""  # coarse sector group (zorgnet.lib.choices.Sectorgroep); "" = the sector


@dataclass(frozen=True)
class Band:
    """One tie from one source between partners `a` and `b` (undirected)."""

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
