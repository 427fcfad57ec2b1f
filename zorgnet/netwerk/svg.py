"""The network picture as server-rendered SVG (pure code: the page and the PDF report both use it).

Nodes are coloured by sector and sized by a chosen metric; edges are drawn thicker for higher
intensity and dashed when a declared tie is not confirmed. Kwetsbare schakels (articulation
points) get a dark ring. A node can carry htmx attributes (`hx-get`) so clicking it loads the
partner panel; no inline JavaScript (strict CSP).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

SECTORKLEUREN: dict[str, str] = {
    "zorg": "#1f6f5c",
    "welzijn": "#c4622d",
    "gezondheid": "#3b6ea8",
    "lokaal_bestuur": "#8a1c3c",
    "onderwijs": "#8a5a9e",
    "kinderopvang": "#d08fb4",
    "huisvesting_wonen": "#6b8e23",
    "werk_arbeidsmarkt": "#b8860b",
    "cultuur": "#5d4a9c",
    "sport": "#2a9d8f",
    "vrije_tijd_jeugdwerk": "#e76f51",
    "socio_cultureel": "#9c6644",
    "veiligheid_politie": "#264653",
    "informeel_burgerinitiatief": "#e9a03b",
    "vrijwilligers": "#f4a261",
    "mantelzorg": "#a05195",
}


def sectorkleur(sector: str) -> str:
    if sector in SECTORKLEUREN:
        return SECTORKLEUREN[sector]
    return "#" + hashlib.sha1(sector.encode()).hexdigest()[:6]  # noqa: S324 - a colour, not security


@dataclass(frozen=True)
class Punt:
    """A node to draw: position in 0..1, size 0..1 (relative to the chosen metric)."""

    id: int
    naam: str
    sector: str
    x: float
    y: float
    grootte: float = 0.0
    kwetsbaar: bool = False
    eilandje: bool = False
    label: bool = False
    attributen: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Lijn:
    a: int
    b: int
    intensiteit: int = 1
    bevestigd: bool | None = None


def netwerkbeeld(
    punten: Sequence[Punt],
    lijnen: Sequence[Lijn],
    *,
    titel: str = "",
    breedte: int = 760,
    hoogte: int = 520,
    sectornamen: dict[str, str] | None = None,
) -> str:
    """The SVG markup (a string; the caller marks it safe)."""
    sectornamen = sectornamen or {}
    marge = 24
    legende_h = 22 * ((len({p.sector for p in punten}) + 2) // 3) + 8
    plot_h = hoogte - legende_h

    def px(p: Punt) -> tuple[float, float]:
        return (
            marge + p.x * (breedte - 2 * marge),
            marge + p.y * (plot_h - 2 * marge),
        )

    plek = {p.id: px(p) for p in punten}
    delen = [
        f'<svg class="netwerkbeeld" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} '
        f'{hoogte}" width="100%" role="img" aria-label="{escape(titel)}">',
        f"<title>{escape(titel)}</title>",
        '<g class="banden" stroke="#6b7278" stroke-linecap="round">',
    ]
    for lijn in lijnen:
        if lijn.a not in plek or lijn.b not in plek:
            continue
        (x1, y1), (x2, y2) = plek[lijn.a], plek[lijn.b]
        streep = ' stroke-dasharray="4 3"' if lijn.bevestigd is False else ""
        delen.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke-width="{0.6 + 0.9 * lijn.intensiteit:.1f}" stroke-opacity="0.55"{streep}/>'
        )
    delen.append("</g>")
    delen.append('<g class="knopen">')
    for p in punten:
        x, y = plek[p.id]
        r = 5 + 13 * max(0.0, min(1.0, p.grootte))
        attrs = "".join(f' {escape(k)}="{escape(v)}"' for k, v in p.attributen.items())
        rand = (
            ' stroke="#111" stroke-width="3"'
            if p.kwetsbaar
            else (
                ' stroke="#888" stroke-width="1.5" stroke-dasharray="2 2"'
                if p.eilandje
                else ' stroke="#fff" stroke-width="1.2"'
            )
        )
        klassen = (
            "knoop" + (" kwetsbaar" if p.kwetsbaar else "") + (" eilandje" if p.eilandje else "")
        )
        delen.append(
            f'<g class="{klassen}" id="knoop-{p.id}" data-partner="{p.id}"{attrs}>'
            f"<title>{escape(p.naam)} ({escape(sectornamen.get(p.sector, p.sector))})</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{sectorkleur(p.sector)}"{rand}/>'
        )
        if p.label:
            delen.append(
                f'<text x="{x:.1f}" y="{y - r - 4:.1f}" font-size="11" text-anchor="middle" '
                f'fill="#222">{escape(p.naam)}</text>'
            )
        delen.append("</g>")
    delen.append("</g>")
    y = plot_h + 6
    delen.append('<g class="legende" font-size="11">')
    for i, sector in enumerate(sorted({p.sector for p in punten})):
        lx, ly = 8 + (i % 3) * (breedte // 3), y + 22 * (i // 3)
        delen.append(
            f'<circle cx="{lx + 6}" cy="{ly + 6}" r="6" fill="{sectorkleur(sector)}"/>'
            f'<text x="{lx + 18}" y="{ly + 10}">{escape(sectornamen.get(sector, sector))}</text>'
        )
    delen.append("</g></svg>")
    return "".join(delen)
