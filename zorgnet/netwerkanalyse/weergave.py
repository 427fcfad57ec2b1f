"""Presentation of a network analysis: the SVG picture, trend charts and the diff with names.

Used by the network page and reusable by the report (zorgnet/rapport): `netwerkbeeld_svg(analyse)`.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from partners.models import Partner
from partners.selectors import netwerkperiode
from zorgnet.lib.choices import Intensiteit, Sector, Sectorgroep, sectorgroep
from zorgnet.lib.svg import lijngrafiek
from zorgnet.netwerk.layout import BREEDTE, ego_layout, plaats_labels
from zorgnet.netwerk.svg import Bubbel, Lijn, Punt, gemeenschapsbeeld, groepkleur, netwerkbeeld
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


def ego_van(analyse: NetwerkAnalyse, partner_id: int, stappen: int = 1) -> set[int]:
    """The partners within `stappen` ties of this partner in the run (itself included)."""
    buren: dict[int, set[int]] = {}
    for band in analyse.metrieken.get("banden", []):
        buren.setdefault(band[0], set()).add(band[1])
        buren.setdefault(band[1], set()).add(band[0])
    gezien, rand = {partner_id}, {partner_id}
    for _stap in range(stappen):
        rand = {b for k in rand for b in buren.get(k, ())} - gezien
        gezien |= rand
    return gezien


def _attributen(analyse: NetwerkAnalyse, pid: int, naam: str) -> dict[str, str]:
    return {
        "hx-get": partner_url(analyse, pid),
        "hx-target": "#partnerpaneel",
        # No event filters: htmx's allowEval is off under the strict CSP. The keyboard chooses
        # with Enter or Space (static/js/netwerkbeeld.js turns them into this click); Tab only
        # moves the focus, so walking through the picture does not load every panel.
        "hx-trigger": "click",
        "hx-sync": "this:replace",
        "tabindex": "0",
        "role": "button",
        "aria-label": naam,
    }


def netwerkbeeld_svg(
    analyse: NetwerkAnalyse,
    *,
    namen: dict[int, tuple[str, str]],
    maat: str = "betweenness",
    sector: str = "",
    klikbaar: bool = True,
    geselecteerd: int | None = None,
    stappen: int = 1,
) -> SafeString:
    """The picture of a finished run. `namen`: partner id -> (naam, sector). With `geselecteerd`,
    that partner and its ego network (`stappen` ties away) are highlighted. A large network
    (zorgnet.netwerk.layout.is_groot) gets its community-level picture instead."""
    layout = analyse.layout
    if "overzicht" in layout:
        return gemeenschapsbeeld_svg(
            analyse, namen=namen, klikbaar=klikbaar, geselecteerd=geselecteerd
        )
    per_knoop = analyse.metrieken.get("per_knoop", {})
    posities = layout.get("posities", {})
    breedte = layout.get("breedte", BREEDTE)
    hoogte = layout.get("hoogte", 460)  # runs before the packed layout: a fixed drawing
    labels = layout.get("labels", {})
    groepen = layout.get("groepen", {})
    informeel = set(layout.get("informeel", []))
    hoogste = max((w.get(maat, 0) or 0 for w in per_knoop.values()), default=0) or 1
    sectornamen = dict(Sector.choices)
    punten = []
    for sleutel, waarden in per_knoop.items():
        pid = int(sleutel)
        naam, psector = namen.get(pid, (str(pid), ""))
        if sector and psector != sector:
            continue
        x, y = posities.get(sleutel, [0.5, 0.5])
        label = labels.get(sleutel)
        punten.append(
            Punt(
                id=pid,
                naam=naam,
                groep=groepen.get(sleutel) or sectorgroep(psector),
                x=x * breedte,
                y=y * hoogte,
                grootte=(waarden.get(maat, 0) or 0) / hoogste,
                formeel=pid not in informeel,
                kwetsbaar=bool(waarden.get("articulatiepunt")),
                eilandje=bool(waarden.get("eilandje")),
                label=(label[0], label[1], label[2]) if label else None,
                attributen=_attributen(analyse, pid, naam) if klikbaar else {},
                omschrijving=str(sectornamen.get(psector, psector)),
            )
        )
    lijnen = [
        Lijn(a=b[0], b=b[1], intensiteit=b[2], bevestigd=b[5])
        for b in analyse.metrieken.get("banden", [])
    ]
    titel = _("Netwerk: partners gekleurd per sectorgroep, grootte volgens %(maat)s") % {
        "maat": MATEN.get(maat, maat)
    }
    ego = ego_van(analyse, geselecteerd, stappen) if geselecteerd is not None else set()
    return mark_safe(  # noqa: S308 - every text in the SVG is escaped by netwerkbeeld
        netwerkbeeld(
            punten,
            lijnen,
            titel=titel,
            breedte=breedte,
            hoogte=hoogte,
            groepnamen=dict(Sectorgroep.choices),
            geselecteerd=geselecteerd,
            ego=ego,
        )
    )


def netwerk_url(analyse: NetwerkAnalyse) -> str:
    if analyse.scope == NetwerkScope.BUURT:
        return reverse("netwerk:buurt_netwerk", args=[analyse.buurt_id])
    return reverse("netwerk:gemeente_netwerk", args=[analyse.gemeente_id])


MAX_VERBINDINGEN = 80  # lines between communities the picture draws (the strongest)


def gemeenschapsbeeld_svg(
    analyse: NetwerkAnalyse,
    *,
    namen: dict[int, tuple[str, str]],
    klikbaar: bool = True,
    geselecteerd: int | None = None,
) -> SafeString:
    """The community-level picture the job stored for a large network (`layout["overzicht"]`):
    each bubble links to the table filtered on that community; every partner and tie is still in
    the exports."""
    o = analyse.layout["overzicht"]
    groepnamen = dict(Sectorgroep.choices)
    gekozen = None
    if geselecteerd is not None:
        gekozen = (
            analyse.metrieken.get("per_knoop", {}).get(str(geselecteerd), {}).get("gemeenschap")
        )
    query = urlencode({"laag": analyse.laag, "intensiteit": analyse.min_intensiteit})
    bubbels = []
    for b in o.get("gemeenschappen", []):
        nr = b["gemeenschap"] + 1
        top = ", ".join(namen.get(p, (f"#{p}", ""))[0] for p in b.get("top", []))
        titel = _(
            "Gemeenschap %(nr)s: %(n)s partners, %(m)s banden onderling, vooral %(groep)s. "
            "Onder meer: %(top)s"
        ) % {
            "nr": nr,
            "n": b["n"],
            "m": b.get("banden", 0),
            "groep": groepnamen.get(b["groep"], b["groep"]),
            "top": top,
        }
        bubbels.append(
            Bubbel(
                nr=nr,
                x=b["x"],
                y=b["y"],
                r=b["r"],
                n=b["n"],
                groep=b["groep"],
                titel=str(titel),
                href=f"{netwerk_url(analyse)}?{query}&gemeenschap={nr}#kop-tabel"
                if klikbaar
                else "",
                gekozen=gekozen == b["gemeenschap"],
            )
        )
    verbindingen = o.get("verbindingen", [])  # strongest first
    onderschrift = _(
        "%(g)s gemeenschappen en hun %(v)s sterkste verbindingen getekend; %(e)s eilandje(s) en "
        "%(r)s partners in kleinere groepjes niet. Alle partners en banden staan in de exports."
    ) % {
        "g": len(bubbels),
        "v": min(len(verbindingen), MAX_VERBINDINGEN),
        "e": o.get("eilandjes", 0),
        "r": o.get("niet_getekend", 0),
    }
    titel = _(
        "Netwerk per gemeenschap: een bol per gemeenschap, gekleurd per meest voorkomende sectorgroep"
    )
    return mark_safe(  # noqa: S308 - every text is escaped (by gemeenschapsbeeld, and here)
        gemeenschapsbeeld(
            bubbels,
            [tuple(v) for v in verbindingen[:MAX_VERBINDINGEN]],
            titel=str(titel),
            breedte=o.get("breedte", BREEDTE),
            hoogte=o.get("hoogte", 520),
            groepnamen=groepnamen,
        )
        + f'<p class="gedempt">{escape(str(onderschrift))}</p>'
    )


def egonetwerk_svg(
    analyse: NetwerkAnalyse, partner_id: int, namen: dict[int, tuple[str, str]], stappen: int = 1
) -> SafeString:
    """A partner's ego network on its own: the partner in the middle, its direct ties around it
    and (stappen=2) theirs on an outer ring; only the ties among these partners."""
    ids = ego_van(analyse, partner_id, stappen)
    graaf = nx.Graph()
    for pid in ids:
        graaf.add_node(pid, naam=namen.get(pid, (str(pid), ""))[0])
    banden = [b for b in analyse.metrieken.get("banden", []) if b[0] in ids and b[1] in ids]
    graaf.add_edges_from((b[0], b[1]) for b in banden)
    punten_xy, hoogte = ego_layout(graaf, partner_id, stappen)
    eerste = sorted(graaf.neighbors(partner_id), key=lambda k: -graaf.degree(k))
    labels = plaats_labels(
        punten_xy,
        {k: graaf.nodes[k]["naam"] for k in punten_xy},
        [partner_id, *eerste, *sorted(set(punten_xy) - {partner_id, *eerste})],
        breedte=420,
        hoogte=hoogte,
    )
    groepen = analyse.layout.get("groepen", {})
    informeel = set(analyse.layout.get("informeel", []))
    punten = [
        Punt(
            id=k,
            naam=graaf.nodes[k]["naam"],
            groep=groepen.get(str(k)) or sectorgroep(namen.get(k, ("", ""))[1]),
            x=x,
            y=y,
            grootte=1.0 if k == partner_id else 0.3,
            formeel=k not in informeel,
            label=tuple(labels[k][:3]) if k in labels else None,
        )
        for k, (x, y) in punten_xy.items()
    ]
    lijnen = [Lijn(a=b[0], b=b[1], intensiteit=b[2], bevestigd=b[5]) for b in banden]
    titel = _("Ego-netwerk van %(p)s (%(n)s stap)") % {
        "p": namen.get(partner_id, ("", ""))[0],
        "n": stappen,
    }
    return mark_safe(  # noqa: S308 - escaped by netwerkbeeld
        netwerkbeeld(
            punten,
            lijnen,
            titel=titel,
            breedte=420,
            hoogte=hoogte,
            groepnamen=dict(Sectorgroep.choices),
            geselecteerd=partner_id,
            ego=set(punten_xy),
        )
    )


def trendgrafieken(reeks: list[NetwerkAnalyse]) -> list[SafeString]:
    """One small line chart per metric over the snapshots, from their small summaries."""
    if len(reeks) < 2:
        return []
    labels = [f"{a.klaar_op:%d/%m/%Y}" if a.klaar_op else "" for a in reeks]
    grafieken = []
    for sleutel, titel in TRENDS:
        waarden: list[float | None] = []
        for a in reeks:
            waarden.append(a.kerncijfers.get(sleutel))
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

    def meer(sleutel: str, namen_: list[str]) -> list[str]:
        # The job keeps the first 200 of a long list and its full count.
        rest = diff.get(f"aantal_{sleutel}", len(namen_)) - len(namen_)
        return namen_ + ([_("… en %(n)s andere") % {"n": rest}] if rest > 0 else [])

    def paren(sleutel: str) -> list[str]:
        return meer(sleutel, [f"{naam(a)} – {naam(b)}" for a, b in diff.get(sleutel, [])])

    def partners(sleutel: str) -> list[str]:
        return meer(sleutel, [naam(p) for p in diff.get(sleutel, [])])

    return {
        "eerste": False,
        "nieuwe_partners": partners("nieuwe_partners"),
        "verdwenen_partners": partners("verdwenen_partners"),
        "nieuwe_banden": paren("nieuwe_banden"),
        "verdwenen_banden": paren("verdwenen_banden"),
        "nieuwe_makelaars": partners("nieuwe_makelaars"),
        "vroegere_makelaars": partners("vroegere_makelaars"),
    }


def sectorlegende(namen: dict[int, tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(group code, Dutch label, colour) of the sector groups present."""
    aanwezig = {sectorgroep(s) for _, s in namen.values()}
    return [(g, str(label), groepkleur(g)) for g, label in Sectorgroep.choices if g in aanwezig]


INTENSITEITEN = list(Intensiteit.choices)
INTENSITEITLABELS = {code: str(label) for code, label in Intensiteit.choices}
SECTORLABELS = {code: str(label) for code, label in Sector.choices}
LAAGLABELS = {
    "verklaard": _("Verklaarde relaties"),
    "waargenomen": _("Waargenomen samenwerking"),
    "gecombineerd": _("Verklaard en waargenomen"),
    "beide": _("Verklaard én waargenomen"),
}


ROLLABELS = {
    "coordinator": _("coördinator (binnen de eigen groep)"),
    "consulent": _("consulent (tussen twee partners van een andere groep)"),
    "poortwachter_vertegenwoordiger": _(
        "poortwachter of vertegenwoordiger (tussen de eigen en een andere groep)"
    ),
    "verbinder": _("verbinder (tussen twee andere groepen)"),
}


def makelaarsrollen_leesbaar(waarden: dict) -> list[tuple[str, int]]:
    """The Gould-Fernandez roles of one partner with their Dutch labels (roles it plays only)."""
    rollen = waarden.get("makelaarsrollen") or {}
    return [(str(label), rollen[code]) for code, label in ROLLABELS.items() if rollen.get(code)]


def groepentabel(analyse: NetwerkAnalyse) -> list[dict]:
    """E-I index per coarse sector group, with the Dutch group names, largest group first."""
    labels = dict(Sectorgroep.choices)
    rijen = [
        {"groep": str(labels.get(g, g)), **cijfers}
        for g, cijfers in analyse.samenvatting.get("ei_per_groep", {}).items()
    ]
    return sorted(rijen, key=lambda r: -(r["intern"] + r["extern"]))


def banden_tussen(analyse: NetwerkAnalyse, a: str, b: str) -> int:
    return analyse.samenvatting.get("banden_tussen_groepen", {}).get("|".join(sorted((a, b))), 0)


def naast_elkaar_ids(analyse: NetwerkAnalyse, aantal: int = 25) -> set[int]:
    """The partners of the pairs `naast_elkaar` shows."""
    gegevens = analyse.metrieken.get("lagen_naast_elkaar", {})
    return {
        p
        for sleutel in ("verklaard_niet_gezien", "gezien_niet_verklaard")
        for paar in gegevens.get(sleutel, [])[:aantal]
        for p in paar
    }


def naast_elkaar(analyse: NetwerkAnalyse, namen: dict[int, tuple[str, str]], aantal: int = 25):
    """The declared beside the observed network, as named pairs (the first `aantal` of each)."""
    gegevens = analyse.metrieken.get("lagen_naast_elkaar", {})

    def paren(sleutel: str) -> list[str]:
        return [
            f"{namen.get(a, ('?', ''))[0]} – {namen.get(b, ('?', ''))[0]}"
            for a, b in gegevens.get(sleutel, [])[:aantal]
        ]

    return {
        "verklaard_niet_gezien": paren("verklaard_niet_gezien"),
        "aantal_verklaard_niet_gezien": gegevens.get("aantal_verklaard_niet_gezien", 0),
        "gezien_niet_verklaard": paren("gezien_niet_verklaard"),
        "aantal_gezien_niet_verklaard": gegevens.get("aantal_gezien_niet_verklaard", 0),
    }
