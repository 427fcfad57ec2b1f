"""Presentation of a network analysis: the SVG picture, trend charts and the diff with names.

Used by the network page and reusable by the report (zorgnet/rapport): `netwerkbeeld_svg(analyse)`.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from partners.models import Partner
from partners.selectors import netwerkperiode
from zorgnet.lib.choices import Intensiteit, Sector
from zorgnet.lib.svg import lijngrafiek
from zorgnet.netwerk.svg import Lijn, Punt, netwerkbeeld, sectorkleur
from zorgnet.netwerkanalyse.models import NetwerkAnalyse, NetwerkScope

MATEN = {
    "betweenness": _("makelaarsrol (betweenness)"),
    "graad": _("aantal banden"),
    "closeness": _("nabijheid"),
    "kern": _("k-kern"),
}
TRENDS = [
    ("dichtheid", _("Dichtheid")),
    ("gemiddelde_graad", _("Gemiddeld aantal banden")),
    ("componenten", _("Componenten")),
    ("eilandjes", _("Eilandjes")),
    ("aandeel_intersectoraal", _("Aandeel intersectorale banden")),
]


def partner_url(analyse: NetwerkAnalyse, partner_id: int) -> str:
    """The partner panel of this very run (not of whichever run is newest)."""
    if analyse.scope == NetwerkScope.BUURT:
        url = reverse("netwerk:buurt_netwerk_partner", args=[analyse.buurt_id, partner_id])
    else:
        url = reverse("netwerk:gemeente_netwerk_partner", args=[analyse.gemeente_id, partner_id])
    return f"{url}?analyse={analyse.pk}"


def bestandsinfo(analyse: NetwerkAnalyse) -> dict[str, str]:
    """What an export holds: the run and its filter (layer, minimum intensity, period).

    Keys are plain column names (the CSV columns and GraphML graph attributes); `infolabels`
    gives the Dutch label of each for the sheet "Over dit bestand".
    """
    begin, einde = netwerkperiode(analyse.periode_van, analyse.periode_tot)
    return {
        "analyse": str(analyse.pk),
        "netwerk": analyse.sleutel,
        "laag": analyse.laag,
        "min_intensiteit": str(analyse.min_intensiteit),
        "periode_van": begin.isoformat(),
        "periode_tot": einde.isoformat(),
        "berekend_op": analyse.klaar_op.isoformat(timespec="seconds") if analyse.klaar_op else "",
    }


def infolabels() -> dict[str, str]:
    return {
        "analyse": _("Netwerkanalyse (nummer)"),
        "netwerk": _("Netwerk"),
        "laag": _("Laag"),
        "min_intensiteit": _("Minimale intensiteit"),
        "periode_van": _("Banden lopend van"),
        "periode_tot": _("Banden lopend tot"),
        "berekend_op": _("Berekend op"),
    }


def infowaarden(analyse: NetwerkAnalyse) -> list[list[str]]:
    """The sheet "Over dit bestand": Dutch label, value (layer and intensity as their labels)."""
    info = bestandsinfo(analyse)
    leesbaar = {
        **info,
        "laag": str(analyse.get_laag_display()),
        "min_intensiteit": f"{analyse.min_intensiteit} ({Intensiteit(analyse.min_intensiteit).label})",
    }
    return [[str(label), leesbaar[k]] for k, label in infolabels().items()]


def netwerkbeeld_svg(
    analyse: NetwerkAnalyse,
    *,
    namen: dict[int, tuple[str, str]],
    maat: str = "betweenness",
    sector: str = "",
    klikbaar: bool = True,
) -> SafeString:
    """The picture of a finished run. `namen`: partner id -> (naam, sector)."""
    per_knoop = analyse.metrieken.get("per_knoop", {})
    posities = analyse.layout.get("posities", {})
    samenvatting = analyse.samenvatting
    hoogste = max((w.get(maat, 0) or 0 for w in per_knoop.values()), default=0) or 1
    makelaars = set(samenvatting.get("makelaars", []))
    punten = []
    for sleutel, waarden in per_knoop.items():
        pid = int(sleutel)
        naam, psector = namen.get(pid, (str(pid), ""))
        if sector and psector != sector:
            continue
        x, y = posities.get(sleutel, [0.5, 0.5])
        attributen = {}
        if klikbaar:
            url = partner_url(analyse, pid)
            attributen = {
                "hx-get": url,
                "hx-target": "#partnerpaneel",
                # No event filters: htmx's allowEval is off under the strict CSP. Focus (keyboard)
                # loads the panel too; hx-sync drops the duplicate of a click that also focuses.
                "hx-trigger": "click, focus",
                "hx-sync": "this:replace",
                "tabindex": "0",
                "role": "button",
                "aria-label": naam,
            }
        punten.append(
            Punt(
                id=pid,
                naam=naam,
                sector=psector,
                x=x,
                y=y,
                grootte=(waarden.get(maat, 0) or 0) / hoogste,
                kwetsbaar=bool(waarden.get("articulatiepunt")),
                eilandje=bool(waarden.get("eilandje")),
                label=pid in makelaars or len(per_knoop) <= 25,
                attributen=attributen,
            )
        )
    lijnen = [
        Lijn(a=b[0], b=b[1], intensiteit=b[2], bevestigd=b[5])
        for b in analyse.metrieken.get("banden", [])
    ]
    titel = _("Netwerk: partners gekleurd per sector, grootte volgens %(maat)s") % {
        "maat": MATEN.get(maat, maat)
    }
    return mark_safe(  # noqa: S308 - every text in the SVG is escaped by netwerkbeeld
        netwerkbeeld(punten, lijnen, titel=titel, sectornamen=dict(Sector.choices))
    )


def trendgrafieken(reeks: list[NetwerkAnalyse]) -> list[SafeString]:
    """One small line chart per metric over the snapshots."""
    if len(reeks) < 2:
        return []
    labels = [f"{a.klaar_op:%d/%m}" if a.klaar_op else "" for a in reeks]
    grafieken = []
    for sleutel, titel in TRENDS:
        waarden: list[float | None] = []
        for a in reeks:
            w = a.samenvatting.get(sleutel)
            waarden.append(len(w) if isinstance(w, list) else w)
        grafieken.append(
            lijngrafiek(labels, {titel: waarden}, titel=titel, breedte=320, hoogte=180)
        )
    return grafieken


def namen_voor(ids: set[int]) -> dict[int, tuple[str, str]]:
    return {
        pid: (naam, sector)
        for pid, naam, sector in Partner.objects.filter(id__in=ids).values_list(
            "id", "naam", "sector"
        )
    }


def ids_in(analyse: NetwerkAnalyse) -> set[int]:
    ids = {int(k) for k in analyse.metrieken.get("per_knoop", {})}
    diff = analyse.metrieken.get("vergelijking", {})
    for veld in ("verdwenen_partners", "vroegere_makelaars"):
        ids.update(diff.get(veld, []))
    for veld in ("nieuwe_banden", "verdwenen_banden"):
        for a, b in diff.get(veld, []):
            ids.update((a, b))
    return ids


def diff_met_namen(analyse: NetwerkAnalyse, namen: dict[int, tuple[str, str]]) -> dict[str, Any]:
    diff = analyse.metrieken.get("vergelijking", {})
    if not diff or diff.get("eerste"):
        return {"eerste": True}

    def naam(pid: int) -> str:
        return namen.get(pid, (f"#{pid}", ""))[0]

    return {
        "eerste": False,
        "nieuwe_partners": [naam(p) for p in diff.get("nieuwe_partners", [])],
        "verdwenen_partners": [naam(p) for p in diff.get("verdwenen_partners", [])],
        "nieuwe_banden": [f"{naam(a)} – {naam(b)}" for a, b in diff.get("nieuwe_banden", [])],
        "verdwenen_banden": [f"{naam(a)} – {naam(b)}" for a, b in diff.get("verdwenen_banden", [])],
        "nieuwe_makelaars": [naam(p) for p in diff.get("nieuwe_makelaars", [])],
        "vroegere_makelaars": [naam(p) for p in diff.get("vroegere_makelaars", [])],
    }


def sectorlegende(namen: dict[int, tuple[str, str]]) -> list[tuple[str, str, str]]:
    labels = dict(Sector.choices)
    return [(s, labels.get(s, s), sectorkleur(s)) for s in sorted({s for _, s in namen.values()})]


INTENSITEITEN = list(Intensiteit.choices)
