"""The network of a large scope drawn per sector group: one circle per group (area by its number
of partners), one line per pair of groups (thickness by the ties between them), the ties within a
group under its name; the number of ties between two groups is the line's title (hover). A few kilobytes of SVG whatever the size of the network, read from the run's
summary; the full drawing is for networks a reader can follow (zorgnet.rapport.selectors)."""

import math
from html import escape

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from zorgnet.lib.choices import Sectorgroep
from zorgnet.netwerk.svg import groepkleur

BREEDTE, HOOGTE = 760, 520
MAX_STRAAL = 36


def _n(waarde: int) -> str:
    return number_format(waarde, force_grouping=True)


def groepenbeeld(per_groep: dict[str, int], tussen: dict[str, int], *, titel: str) -> SafeString:
    """`per_groep`: group code -> partners; `tussen`: "a|b" (sorted codes) -> ties."""
    groepen = [g for g, n in sorted(per_groep.items(), key=lambda i: (-i[1], i[0])) if n]
    namen = dict(Sectorgroep.choices)
    if not groepen:
        return mark_safe("")
    # An ellipse, flatter than wide, so the labels left and right of it stay inside the picture.
    cx, cy, rx, ry = BREEDTE / 2, HOOGTE / 2, 150, HOOGTE / 2 - 95
    plek, hoeken = {}, {}
    for i, g in enumerate(groepen):
        hoek = -math.pi / 2 + 2 * math.pi * i / len(groepen)
        hoeken[g] = hoek
        plek[g] = (
            (cx + rx * math.cos(hoek), cy + ry * math.sin(hoek)) if len(groepen) > 1 else (cx, cy)
        )
    grootste = max(per_groep[g] for g in groepen)
    meeste = max((n for k, n in tussen.items() if len(set(k.split("|"))) == 2), default=1) or 1
    delen = [
        f'<svg class="netwerkbeeld groepenbeeld" xmlns="http://www.w3.org/2000/svg"'
        f' viewBox="0 0 {BREEDTE} {HOOGTE}" width="{BREEDTE}" height="{HOOGTE}" role="img"'
        f' aria-label="{escape(titel)}"><title>{escape(titel)}</title>'
    ]
    for sleutel, n in sorted(tussen.items()):
        a, _sep, b = sleutel.partition("|")
        if a == b or a not in plek or b not in plek or not n:
            continue
        (x1, y1), (x2, y2) = plek[a], plek[b]
        dikte = 1 + 9 * n / meeste
        delen.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#5f6b6d"'
            f' stroke-opacity="0.45" stroke-width="{dikte:.1f}">'
            f"<title>{escape(str(namen.get(a, a)))} – {escape(str(namen.get(b, b)))}: "
            f"{_n(n)} {escape(_('banden'))}</title></line>"
        )
    for g in groepen:
        x, y = plek[g]
        straal = 10 + (MAX_STRAAL - 10) * math.sqrt(per_groep[g] / grootste)
        binnen = tussen.get(f"{g}|{g}", 0)
        naam = escape(str(namen.get(g, g)))
        # The label outside the ring, on the far side of the circle from the centre.
        cos, sin = math.cos(hoeken[g]), math.sin(hoeken[g])
        lx, ly = x + (straal + 8) * cos, y + (straal + 8) * sin
        anker = "middle" if abs(cos) < 0.35 else ("start" if cos > 0 else "end")
        ly += 12 if sin > 0.35 else (-16 if sin < -0.35 else -4)
        onder = escape(
            _("%(p)s partners, %(b)s banden binnen") % {"p": _n(per_groep[g]), "b": _n(binnen)}
        )
        delen.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{straal:.1f}" fill="{groepkleur(g)}"'
            f' stroke="#222" stroke-width="1"><title>{naam}: {onder}</title></circle>'
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="12" font-weight="600"'
            f' text-anchor="{anker}">{naam}</text>'
            f'<text x="{lx:.1f}" y="{ly + 13:.1f}" font-size="10.5" text-anchor="{anker}">'
            f"{onder}</text>"
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every text above is escaped
