"""Small server-rendered SVG charts (no JavaScript library): the same markup on screen and in PDF."""

import math
from collections.abc import Sequence
from html import escape

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

KLEUREN = ["#1f6f5c", "#c4622d", "#3b6ea8", "#8a5a9e", "#6b8e23", "#b8860b", "#5f6b6d"]


def _getal(waarde: float) -> str:
    return f"{waarde:.1f}".rstrip("0").rstrip(".") if waarde % 1 else f"{int(waarde)}"


def decimalen_voor(stap: float) -> int:
    """Enough decimals to show axis ticks `stap` apart truthfully (0.5 -> 1, 0.015 -> 3, 20 -> 0)."""
    if stap <= 0 or stap >= 1:
        return 0
    decimalen = -math.floor(math.log10(stap))
    if abs(round(stap, decimalen) - stap) > stap / 10:
        decimalen += 1
    return min(decimalen, 6)


def as_getal(waarde: float, decimalen: int) -> str:
    """A tick label in the nl-BE number format (decimal comma)."""
    return number_format(round(waarde, decimalen), decimal_pos=decimalen)


def staafgrafiek(
    rijen: Sequence[tuple[str, float]],
    *,
    titel: str = "",
    breedte: int = 480,
    eenheid: str = "",
    kleur: str = KLEUREN[0],
) -> SafeString:
    """Horizontal bars, one per (label, value)."""
    rijhoogte, labelbreedte, marge = 24, 170, 8
    hoogte = marge * 2 + rijhoogte * max(len(rijen), 1) + (20 if titel else 0)
    maximum = max((w for _, w in rijen), default=0) or 1
    ruimte = breedte - labelbreedte - 60
    delen = [
        f'<svg class="grafiek" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}"'
        f' width="{breedte}" height="{hoogte}" role="img" aria-label="{escape(titel)}">'
    ]
    y = marge
    if titel:
        delen.append(f'<text x="0" y="14" font-size="13" font-weight="600">{escape(titel)}</text>')
        y += 20
    for label, waarde in rijen:
        lengte = max(ruimte * (waarde / maximum), 1 if waarde else 0)
        delen.append(
            f'<text x="{labelbreedte - 6}" y="{y + 16}" font-size="12" text-anchor="end">'
            f"{escape(str(label))}</text>"
            f'<rect x="{labelbreedte}" y="{y + 4}" width="{lengte:.1f}" height="{rijhoogte - 8}"'
            f' fill="{kleur}" rx="2"/>'
            f'<text x="{labelbreedte + lengte + 4:.1f}" y="{y + 16}" font-size="12">'
            f"{escape(_getal(waarde))}{escape(eenheid)}</text>"
        )
        y += rijhoogte
    delen.append("</svg>")
    return mark_safe("".join(delen))


def lijngrafiek(
    labels: Sequence[str],
    reeksen: dict[str, Sequence[float | None]],
    *,
    titel: str = "",
    breedte: int = 480,
    hoogte: int = 220,
) -> SafeString:
    """One line per series over shared x labels; None leaves a gap. A legend below the axes."""
    links, rechts, boven, onder = 44, 16, 24 if titel else 10, 46
    plotb, ploth = breedte - links - rechts, hoogte - boven - onder
    waarden = [w for reeks in reeksen.values() for w in reeks if w is not None]
    laag, hoog = (min(waarden), max(waarden)) if waarden else (0.0, 1.0)
    laag = min(laag, 0.0)
    if hoog == laag:
        hoog = laag + 1
    stap = plotb / max(len(labels) - 1, 1)

    def px(i: int) -> float:
        return links + (i * stap if len(labels) > 1 else plotb / 2)

    def py(w: float) -> float:
        return boven + ploth - (w - laag) / (hoog - laag) * ploth

    delen = [
        f'<svg class="grafiek" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}"'
        f' width="{breedte}" height="{hoogte}" role="img" aria-label="{escape(titel)}">'
    ]
    if titel:
        delen.append(f'<text x="0" y="14" font-size="13" font-weight="600">{escape(titel)}</text>')
    decimalen = decimalen_voor((hoog - laag) / 2)
    for w in (laag, (laag + hoog) / 2, hoog):
        y = py(w)
        delen.append(
            f'<line x1="{links}" x2="{breedte - rechts}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d6dedb"/>'
            f'<text x="{links - 4}" y="{y + 4:.1f}" font-size="10" text-anchor="end">'
            f"{escape(as_getal(w, decimalen))}</text>"
        )
    elke = max(1, math.ceil(len(labels) / 5))  # at most five dates under the axis
    for i, label in enumerate(labels):
        if i % elke and i != len(labels) - 1:
            continue
        delen.append(
            f'<text x="{px(i):.1f}" y="{boven + ploth + 14}" font-size="10" text-anchor="middle">'
            f"{escape(str(label))}</text>"
        )
    for n, (naam, reeks) in enumerate(reeksen.items()):
        kleur = KLEUREN[n % len(KLEUREN)]
        punten = [(px(i), py(w)) for i, w in enumerate(reeks) if w is not None]
        if len(punten) > 1:
            pad = " ".join(f"{x:.1f},{y:.1f}" for x, y in punten)
            delen.append(
                f'<polyline points="{pad}" fill="none" stroke="{kleur}" stroke-width="2"/>'
            )
        for x, y in punten:
            delen.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{kleur}"/>')
        lx = links + n * 130
        delen.append(
            f'<rect x="{lx}" y="{hoogte - 14}" width="10" height="10" fill="{kleur}"/>'
            f'<text x="{lx + 14}" y="{hoogte - 5}" font-size="11">{escape(str(naam))}</text>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))
