"""Small server-rendered SVG charts (no JavaScript library): the same markup on screen and in PDF."""

import math
from collections.abc import Sequence
from html import escape

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

KLEUREN = ["#1f6f5c", "#c4622d", "#3b6ea8", "#8a5a9e", "#6b8e23", "#b8860b", "#5f6b6d"]


def _getal(waarde: float) -> str:
    """A value label in the nl-BE number format: 1.234 and 3,5 (one decimal at most)."""
    decimalen = 1 if waarde % 1 else 0
    return number_format(round(waarde, decimalen), decimal_pos=decimalen, force_grouping=True)


LABELTEKENS = 26  # characters of a bar label per line at font-size 12 in 170 px


def _labelregels(label: str, tekens: int = LABELTEKENS) -> list[str]:
    """A bar label over at most two lines, broken between words (a word longer than a line is
    split); only a label too long for two lines is shortened, with its full text in <title>."""
    stukken = [w[i : i + tekens] for w in label.split() for i in range(0, len(w), tekens)]
    regels: list[str] = []
    for stuk in stukken:
        if regels and len(regels[-1]) + 1 + len(stuk) <= tekens:
            regels[-1] += " " + stuk
        else:
            regels.append(stuk)
    if len(regels) > 2:
        rest = " ".join(regels[1:])
        regels = [regels[0], rest[: tekens - 1].rstrip() + "…"]
    return regels or [""]


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
    """Horizontal bars, one per (label, value); a long label wraps onto a second line."""
    enkel, labelbreedte, marge = 24, 170, 8
    regels = [_labelregels(str(label)) for label, _w in rijen]
    hoogtes = [enkel + 14 * (len(r) - 1) for r in regels]
    hoogte = marge * 2 + (sum(hoogtes) or enkel) + (20 if titel else 0)
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
    for (label, waarde), lijnen, rijhoogte in zip(rijen, regels, hoogtes, strict=True):
        lengte = max(ruimte * (waarde / maximum), 1 if waarde else 0)
        midden = y + rijhoogte / 2
        eerste = midden + 4 - 7 * (len(lijnen) - 1)
        tekst = "".join(
            f'<tspan x="{labelbreedte - 6}" y="{eerste + 14 * i:.0f}">{escape(regel)}</tspan>'
            for i, regel in enumerate(lijnen)
        )
        delen.append(
            f"<g><title>{escape(str(label))}: {escape(_getal(waarde))}{escape(eenheid)}</title>"
            f'<text font-size="12" text-anchor="end">{tekst}</text>'
            f'<rect x="{labelbreedte}" y="{midden - 8:.0f}" width="{lengte:.1f}" height="16"'
            f' fill="{kleur}" rx="2"/>'
            f'<text x="{labelbreedte + lengte + 4:.1f}" y="{midden + 4:.0f}" font-size="12">'
            f"{escape(_getal(waarde))}{escape(eenheid)}</text></g>"
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
