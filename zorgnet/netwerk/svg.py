"""The network picture as server-rendered SVG (pure code: the page and the PDF report both use it).

Nodes are coloured by coarse sector group (eight colours of the Okabe-Ito palette, told apart with
the common forms of colour blindness) and sized by a chosen metric; informal actors have a dashed
outline, kwetsbare schakels (articulation points) a thick dark ring. Edges are thicker for higher
intensity and dashed when a declared tie is not (yet) confirmed; observed-only ties are dotted.
Labels sit where the layout (zorgnet.netwerk.layout) found room; every node has its full name as
a <title> (hover) and, when clickable, is keyboard-focusable. A selected partner and its ego
network stay bright while the rest is dimmed. No inline JavaScript (strict CSP): a node can carry
htmx attributes so clicking it loads the partner panel.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from .layout import labeltekst

# Okabe & Ito (2008), "Color Universal Design"; grey for "andere".
GROEPKLEUREN: dict[str, str] = {
    "zorg": "#0072B2",
    "welzijn": "#E69F00",
    "onderwijs_jeugd": "#56B4E9",
    "veiligheid": "#D55E00",
    "lokaal_bestuur": "#CC79A7",
    "cultuur_vrije_tijd": "#009E73",
    "bewoners_informeel": "#F0E442",
    "andere": "#999999",
}


def groepkleur(groep: str) -> str:
    return GROEPKLEUREN.get(groep, GROEPKLEUREN["andere"])


@dataclass(frozen=True)
class Punt:
    """A node to draw: position in drawing units, size 0..1 (relative to the chosen metric)."""

    id: int
    naam: str
    groep: str
    x: float
    y: float
    grootte: float = 0.0
    formeel: bool = True
    kwetsbaar: bool = False
    eilandje: bool = False
    label: tuple[float, float, str] | None = None  # x, y, text-anchor
    attributen: dict[str, str] = field(default_factory=dict)
    omschrijving: str = ""  # after the name in the hover title, e.g. the sector


@dataclass(frozen=True)
class Lijn:
    a: int
    b: int
    intensiteit: int = 1
    bevestigd: bool | None = None


def straal(p: Punt) -> float:
    return 4 + 8 * max(0.0, min(1.0, p.grootte))


def _lijn(lijn: Lijn, plek: dict, gedimd: bool) -> str:
    (x1, y1), (x2, y2) = plek[lijn.a], plek[lijn.b]
    if lijn.bevestigd is False:
        streep = ' stroke-dasharray="5 3"'
    elif lijn.bevestigd is None:
        streep = ' stroke-dasharray="1 3"'
    else:
        streep = ""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke-width="{0.5 + 0.7 * lijn.intensiteit:.1f}" '
        f'stroke-opacity="{0.12 if gedimd else 0.6}"{streep}/>'
    )


def _knoop(p: Punt, *, gedimd: bool, gekozen: bool) -> str:
    r = straal(p)
    if p.kwetsbaar:
        rand = ' stroke="#111" stroke-width="3"'
    elif not p.formeel:
        rand = ' stroke="#333" stroke-width="1.6" stroke-dasharray="2 1.5"'
    else:
        rand = ' stroke="#fff" stroke-width="1.2"'
    klassen = "knoop" + "".join(
        f" {naam}"
        for naam, aan in (
            ("kwetsbaar", p.kwetsbaar),
            ("eilandje", p.eilandje),
            ("informeel", not p.formeel),
            ("gedimd", gedimd),
            ("gekozen", gekozen),
        )
        if aan
    )
    attrs = "".join(f' {escape(k)}="{escape(v)}"' for k, v in p.attributen.items())
    if gedimd:
        attrs += ' opacity="0.25"'
    titel = escape(p.naam) + (f" ({escape(p.omschrijving)})" if p.omschrijving else "")
    delen = [
        f'<g class="{klassen}" id="knoop-{p.id}" data-partner="{p.id}"{attrs}>',
        f"<title>{titel}</title>",
    ]
    if gekozen:
        delen.append(
            f'<circle cx="{p.x:.1f}" cy="{p.y:.1f}" r="{r + 5:.1f}" fill="none" '
            f'stroke="#000" stroke-width="2.5"/>'
        )
    delen.append(
        f'<circle cx="{p.x:.1f}" cy="{p.y:.1f}" r="{r:.1f}" fill="{groepkleur(p.groep)}"{rand}/>'
    )
    if p.label is not None:
        lx, ly, anker = p.label
        gewicht = ' font-weight="bold"' if gekozen else ""
        delen.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="11" text-anchor="{anker}" '
            f'fill="#222"{gewicht}>{escape(labeltekst(p.naam))}</text>'
        )
    delen.append("</g>")
    return "".join(delen)


def _legende(punten: Sequence[Punt], groepnamen: dict[str, str], y: float, breedte: int) -> str:
    groepen = [g for g in GROEPKLEUREN if any(p.groep == g for p in punten)]
    kolommen = _kolommen(breedte)
    stap = breedte // kolommen
    delen = ['<g class="legende" font-size="12">']
    for i, groep in enumerate(groepen):
        lx, ly = 8 + (i % kolommen) * stap, y + 20 * (i // kolommen)
        delen.append(
            f'<circle cx="{lx + 6}" cy="{ly + 6}" r="6" fill="{groepkleur(groep)}"/>'
            f'<text x="{lx + 17}" y="{ly + 10}">{escape(groepnamen.get(groep, groep))}</text>'
        )
    delen.append("</g>")
    return "".join(delen)


def _kolommen(breedte: int) -> int:
    return 4 if breedte >= 600 else 2


def legende_hoogte(aantal_groepen: int, breedte: int = 760) -> int:
    kolommen = _kolommen(breedte)
    return 20 * ((aantal_groepen + kolommen - 1) // kolommen) + 10


def netwerkbeeld(
    punten: Sequence[Punt],
    lijnen: Sequence[Lijn],
    *,
    titel: str = "",
    breedte: int = 760,
    hoogte: float = 520,
    groepnamen: dict[str, str] | None = None,
    geselecteerd: int | None = None,
    ego: frozenset[int] | set[int] = frozenset(),
) -> str:
    """The SVG markup (a string; the caller marks it safe). `geselecteerd` and `ego`: the chosen
    partner and the partners of its ego network stay bright, the rest is dimmed."""
    groepnamen = groepnamen or {}
    aantal_groepen = len({p.groep for p in punten})
    totaal = hoogte + legende_hoogte(aantal_groepen, breedte)
    plek = {p.id: (p.x, p.y) for p in punten}
    helder = set(ego) | ({geselecteerd} if geselecteerd is not None else set())
    # An image may not contain buttons: with clickable partners the picture is a labelled group.
    rol = "group" if any(p.attributen.get("role") == "button" for p in punten) else "img"
    delen = [
        f'<svg class="netwerkbeeld" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} '
        f'{totaal:.0f}" width="100%" role="{rol}" aria-label="{escape(titel)}">',
        f"<title>{escape(titel)}</title>",
        '<g class="banden" stroke="#4d5358" stroke-linecap="round">',
    ]
    for lijn in lijnen:
        if lijn.a in plek and lijn.b in plek:
            gedimd = geselecteerd is not None and geselecteerd not in (lijn.a, lijn.b)
            delen.append(_lijn(lijn, plek, gedimd))
    delen.append('</g><g class="knopen">')
    for p in punten:
        delen.append(
            _knoop(
                p,
                gedimd=geselecteerd is not None and p.id not in helder,
                gekozen=p.id == geselecteerd,
            )
        )
    delen.append("</g>")
    delen.append(_legende(punten, groepnamen, hoogte + 4, breedte))
    delen.append("</svg>")
    return "".join(delen)


@dataclass(frozen=True)
class Bubbel:
    """A community of a large network in its community-level picture."""

    nr: int  # as the page numbers it (1-based)
    x: float
    y: float
    r: float
    n: int
    groep: str
    titel: str  # hover text: size, group, first partners
    href: str = ""
    gekozen: bool = False


def gemeenschapsbeeld(
    bubbels: Sequence[Bubbel],
    verbindingen: Sequence[tuple[int, int, int]],
    *,
    titel: str = "",
    breedte: int = 760,
    hoogte: float = 520,
    groepnamen: dict[str, str] | None = None,
    onderschrift: str = "",
) -> str:
    """The community-level picture of a large network: a bubble per community (area ~ partners,
    colour = its most common sector group, a link to its partners in the table), a line per pair
    of communities, thicker for more ties between them. A few hundred elements whatever the
    network's size."""
    groepnamen = groepnamen or {}
    meeste = max((w for _a, _b, w in verbindingen), default=1)
    groepen = [g for g in GROEPKLEUREN if any(b.groep == g for b in bubbels)]
    totaal = hoogte + legende_hoogte(len(groepen), breedte) + (18 if onderschrift else 0)
    delen = [
        f'<svg class="netwerkbeeld gemeenschapsbeeld" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {breedte} {totaal:.0f}" width="100%" role="img" aria-label="{escape(titel)}">',
        f"<title>{escape(titel)}</title>",
        '<g class="banden" stroke="#4d5358" stroke-linecap="round">',
    ]
    for a, b, w in verbindingen:
        if a >= len(bubbels) or b >= len(bubbels):
            continue
        p, q = bubbels[a], bubbels[b]
        delen.append(
            f'<line x1="{p.x:.1f}" y1="{p.y:.1f}" x2="{q.x:.1f}" y2="{q.y:.1f}" '
            f'stroke-width="{0.6 + 7 * (w / meeste) ** 0.5:.1f}" stroke-opacity="0.35">'
            f"<title>{w}</title></line>"
        )
    delen.append('</g><g class="knopen">')
    for b in bubbels:
        rand = (
            ' stroke="#000" stroke-width="3"' if b.gekozen else ' stroke="#fff" stroke-width="1.5"'
        )
        cirkel = (
            f'<circle cx="{b.x:.1f}" cy="{b.y:.1f}" r="{b.r:.1f}" fill="{groepkleur(b.groep)}"'
            f'{rand} fill-opacity="0.85"/>'
        )
        tekst = (
            f'<text x="{b.x:.1f}" y="{b.y + 5:.1f}" font-size="14" text-anchor="middle" '
            f'fill="#111" font-weight="bold">{b.n}</text>'
            if b.r >= 14
            else ""
        )
        inhoud = f"<title>{escape(b.titel)}</title>{cirkel}{tekst}"
        if b.href:
            delen.append(
                f'<a class="gemeenschap" href="{escape(b.href)}" aria-label="{escape(b.titel)}">'
                f"{inhoud}</a>"
            )
        else:
            delen.append(f'<g class="gemeenschap">{inhoud}</g>')
    delen.append("</g>")
    punten = [Punt(id=0, naam="", groep=g, x=0, y=0) for g in groepen]
    delen.append(_legende(punten, groepnamen, hoogte + 4, breedte))
    if onderschrift:
        delen.append(
            f'<text x="8" y="{totaal - 6:.0f}" font-size="12" fill="#444">{escape(onderschrift)}</text>'
        )
    delen.append("</svg>")
    return "".join(delen)
