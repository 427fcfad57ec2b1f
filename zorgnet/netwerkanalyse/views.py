"""Network analysis pages for a buurt and (for coordinators) a gemeente.

Privacy: the network is a picture of collaboration, not a ranking of who does well. Everyone who
sees the buurt sees the picture and the key figures; partner-level metrics (the table, the
partner panel's numbers, the exports) are for the buurtregisseur and the coordinator only.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from buurten.models import Buurt, Gemeente, Toegangsactie
from buurten.permissions import (
    get_buurt_or_404,
    get_gemeente_or_404,
    is_coordinator_van,
    kan_rapporteren,
    partner_ids_van,
)
from buurten.services import exportlimiet, registreer_toegang
from zorgnet.lib import fragmentcache, paginering
from zorgnet.lib.choices import sectorgroep
from zorgnet.lib.exports import csv_response, download, xlsx_response
from zorgnet.netwerk.graaf import bevestigingsstaat
from zorgnet.netwerkanalyse import services
from zorgnet.netwerkanalyse.forms import NetwerkForm
from zorgnet.netwerkanalyse.models import NetwerkAnalyse, PartnerMetriek
from zorgnet.netwerkanalyse.selectors import (
    BEELD_LAYOUT,
    BEELD_METRIEKEN,
    PAGINA_LAYOUT,
    PAGINA_METRIEKEN,
    getoonde_analyse,
    is_groot,
    laatste_analyse,
    lees_sleutels,
    namen_in_run,
    partnermetrieken,
    sleutel_van,
    snapshots,
)
from zorgnet.netwerkanalyse.weergave import (
    INTENSITEITLABELS,
    LAAGLABELS,
    SECTORLABELS,
    banden_tussen,
    bestandsinfo,
    diff_met_namen,
    ego_van,
    egonetwerk_svg,
    groepentabel,
    ids_in,
    infowaarden,
    makelaarsrollen_leesbaar,
    naast_elkaar,
    naast_elkaar_ids,
    namen_voor,
    netwerkbeeld_svg,
    partner_url,
    sectorlegende,
    trendgrafieken,
)

PER_PAGINA = 50


@dataclass
class Scope:
    """The network a page is about, and what this user may see of it."""

    buurt: Buurt | None
    gemeente: Gemeente
    details: bool  # partner-level metrics (regisseur / coordinator)
    starten: bool

    @property
    def sleutel(self) -> str:
        return sleutel_van(buurt=self.buurt, gemeente=self.gemeente)

    @property
    def naam(self) -> str:
        return self.buurt.naam if self.buurt else self.gemeente.naam

    @property
    def urls(self) -> dict[str, str]:
        return {
            naam: self.url(naam)
            for naam in (
                "netwerk",
                "netwerk_start",
                "netwerk_status",
                "netwerk_export",
                "netwerk_graaf",
            )
        }

    def url(self, naam: str, *args) -> str:
        if self.buurt:
            return reverse(f"netwerk:buurt_{naam}", args=[self.buurt.pk, *args])
        return reverse(f"netwerk:gemeente_{naam}", args=[self.gemeente.pk, *args])


def _scope(request, buurt_id: int | None, gemeente_id: int | None) -> Scope:
    if buurt_id is not None:
        buurt = get_buurt_or_404(request.user, buurt_id)
        mag = kan_rapporteren(request.user, buurt)
        return Scope(buurt=buurt, gemeente=buurt.gemeente, details=mag, starten=mag)
    gemeente = get_gemeente_or_404(request.user, gemeente_id)
    if not is_coordinator_van(request.user, gemeente):
        raise PermissionDenied(_("Het netwerk van de hele gemeente is er voor de coördinator."))
    return Scope(buurt=None, gemeente=gemeente, details=True, starten=True)


def _namen(snapshot: NetwerkAnalyse, groot: bool) -> dict[int, tuple[str, str]]:
    """Names the page shows: of every partner of a small run (the picture labels them all), of
    those named in its summary, diff and declared-beside-observed pairs for a large one."""
    if not groot:
        return namen_voor(ids_in(snapshot))
    s = snapshot.metrieken.get("samenvatting", {})
    ids = ids_in(snapshot) | set(s.get("makelaars", []))
    ids |= set(s.get("articulatiepunten", [])[:MAX_GENOEMD]) | set(
        s.get("eilandjes", [])[:MAX_GENOEMD]
    )
    for gemeenschap in snapshot.layout.get("overzicht", {}).get("gemeenschappen", []):
        ids.update(gemeenschap.get("top", []))
    # The pairs "verklaard maar nooit samen gezien" too: one query, as for a small run.
    return namen_voor(ids | naast_elkaar_ids(snapshot))


MAX_GENOEMD = 100  # partners named in a list of the key figures (the rest: the table, exports)


@login_required
@require_GET
def netwerk_detail(request, buurt_id: int | None = None, gemeente_id: int | None = None):
    """The network page. It reads the shown run's JSON by key (never whole), the evolution from
    the runs' small summaries and the table one page at a time in SQL: the cost does not grow
    with the number of snapshots, and a large network gets its community-level picture.

    What the page shows of a run (filters, figures, picture, table, evolution) depends only on
    the run, the query, whether the user sees partner figures and the scope's data: it comes
    from the fragment cache, keyed by those and the scope's versions (a write in the buurt or
    gemeente, a partner renamed, a new run: another key)."""
    scope = _scope(request, buurt_id, gemeente_id)
    form = NetwerkForm(request.GET or None)
    params = form.waarden()
    alle = snapshots(scope.sleutel, laag=params["laag"], min_intensiteit=params["min_intensiteit"])
    snapshot = getoonde_analyse(
        scope.sleutel, laag=params["laag"], min_intensiteit=params["min_intensiteit"], licht=True
    )
    laatste = laatste_analyse(scope.sleutel)
    eigen = partner_ids_van(request.user, scope.buurt) if scope.buurt and snapshot else set()
    in_run = set(
        PartnerMetriek.objects.filter(analyse=snapshot, partner_id__in=eigen).values_list(
            "partner_id", flat=True
        )
        if eigen
        else ()
    )
    deel = (
        scope.sleutel,
        snapshot.pk if snapshot else None,
        [a.pk for a in alle],
        scope.details,
        sorted(request.GET.lists()),
        fragmentcache.versies(
            buurten=[scope.buurt.pk] if scope.buurt else [], gemeenten=[scope.gemeente.pk]
        ),
    )
    filters_html, analyse_html = fragmentcache.fragmenten(
        [
            (
                fragmentcache.sleutel("netwerkfilters", *deel),
                lambda: render_to_string(
                    "netwerkanalyse/netwerkanalyse_detail.html#filters",
                    {"scope": scope, "form": form},
                    request,
                ),
            ),
            (
                fragmentcache.sleutel("netwerkanalyse", *deel),
                lambda: render_to_string(
                    "netwerkanalyse/netwerkanalyse_detail.html#analyse",
                    _analyse_context(request, scope, params, snapshot, alle),
                    request,
                ),
            ),
        ]
    )
    context = {
        "scope": scope,
        "params": params,
        "laatste": laatste,
        "filters_html": mark_safe(filters_html),  # noqa: S308 - our own rendered template
        "analyse_html": mark_safe(analyse_html),  # noqa: S308 - our own rendered template
        # A partner user's own organisation(s): a link to its position (the partner page).
        "eigen_posities": [
            (naam, partner_url(snapshot, pid))
            for pid, (naam, _s) in sorted(namen_voor(in_run).items())
        ],
    }
    return render(request, "netwerkanalyse/netwerkanalyse_detail.html", context)


def _analyse_context(request, scope: Scope, params: dict, snapshot, alle: list) -> dict:
    """The context of what the page shows of its run (the part the fragment cache keeps)."""
    groot = snapshot is not None and is_groot(snapshot)
    if snapshot is not None:
        lees_sleutels(
            snapshot,
            metrieken=PAGINA_METRIEKEN + (() if groot else BEELD_METRIEKEN),
            layout=PAGINA_LAYOUT + (() if groot else BEELD_LAYOUT),
        )
    namen = _namen(snapshot, groot) if snapshot else {}
    s = snapshot.metrieken.get("samenvatting", {}) if snapshot else {}
    gemeenschap = request.GET.get("gemeenschap", "")
    metrieken = (
        partnermetrieken(snapshot, sector=params["sector"])
        if snapshot and scope.details
        else PartnerMetriek.objects.none()
    )
    if gemeenschap.isdigit():
        metrieken = metrieken.filter(gemeenschap=int(gemeenschap) - 1)
    pagina = paginering.pagina(request, metrieken, PER_PAGINA)
    for m in pagina:
        m.url = partner_url(snapshot, m.partner_id)
    if snapshot and not scope.details:
        # Everyone who sees the buurt gets a link per partner (no figures): the names of the run.
        partnerlinks = sorted(
            (naam, partner_url(snapshot, pid)) for pid, (naam, _s) in namen_in_run(snapshot).items()
        )
    else:
        partnerlinks = []

    def genoemd(sleutel: str) -> list[str]:
        ids = s.get(sleutel, [])
        namen_ = [namen.get(p, ("?", ""))[0] for p in ids[:MAX_GENOEMD]]
        if len(ids) > MAX_GENOEMD:
            namen_.append(_("… en %(n)s andere") % {"n": len(ids) - MAX_GENOEMD})
        return namen_

    context = {
        "scope": scope,
        "params": params,
        "snapshot": snapshot,
        "s": s,
        "melding": snapshot.metrieken.get("melding", "") if snapshot else "",
        "reeks": alle,
        "pagina": pagina,
        "gemeenschap": gemeenschap if gemeenschap.isdigit() else "",
        "groot": groot,
        "namen": namen,
        "legende": sectorlegende(namen),
        "trends": trendgrafieken(alle),
        "diff": diff_met_namen(snapshot, namen) if snapshot else None,
        "beeld": netwerkbeeld_svg(
            snapshot, namen=namen, maat=params["maat"], sector=params["sector"]
        )
        if snapshot and not snapshot.te_weinig_gegevens
        else "",
        "makelaars": genoemd("makelaars"),
        "kwetsbaar": genoemd("articulatiepunten"),
        "eilandjes": genoemd("eilandjes"),
        "exportquery": f"analyse={snapshot.pk}" if snapshot else "",
        "groepen": groepentabel(snapshot) if snapshot else [],
        "intensiteit_mix": [
            (INTENSITEITLABELS.get(int(i), i), n) for i, n in s.get("intensiteit_mix", {}).items()
        ],
        "zorg_welzijn": banden_tussen(snapshot, "zorg", "welzijn") if snapshot else 0,
        "naast_elkaar": naast_elkaar(
            snapshot, {**namen, **namen_voor(naast_elkaar_ids(snapshot) - set(namen))}
        )
        if snapshot
        else None,
        "per_laag": [
            (LAAGLABELS.get(laag, laag), rijen)
            for laag, rijen in (snapshot.metrieken.get("per_laag", {}) if snapshot else {}).items()
        ],
        "partnerlinks": partnerlinks,
    }
    return context


@login_required
@require_POST
def netwerk_start(request, buurt_id: int | None = None, gemeente_id: int | None = None):
    scope = _scope(request, buurt_id, gemeente_id)
    if not scope.starten:
        raise PermissionDenied(
            _("Alleen de buurtregisseur of coördinator start een netwerkanalyse.")
        )
    params = NetwerkForm(request.POST).waarden()
    try:
        analyse = services.start_analyse(
            aangevraagd_door=request.user,
            buurt=scope.buurt,
            gemeente=None if scope.buurt else scope.gemeente,
            laag=params["laag"],
            min_intensiteit=params["min_intensiteit"],
        )
    except ValidationError as exc:
        return HttpResponse(" ".join(exc.messages), status=400)
    if request.htmx:
        analyse.refresh_from_db()  # without a broker the job already ran in-process
        response = render(
            request,
            "netwerkanalyse/netwerkanalyse_detail.html#status",
            {"scope": scope, "laatste": analyse, "params": params},
        )
        if not analyse.is_lopend:
            response["HX-Refresh"] = "true"
        return response
    query = urlencode({"laag": params["laag"], "intensiteit": params["min_intensiteit"]})
    return redirect(f"{scope.url('netwerk')}?{query}")


@login_required
@require_GET
def netwerk_status(request, buurt_id: int | None = None, gemeente_id: int | None = None):
    """The polling fragment: while a run is queued or busy; once it is done the page reloads."""
    scope = _scope(request, buurt_id, gemeente_id)
    laatste = laatste_analyse(scope.sleutel)
    response = render(
        request,
        "netwerkanalyse/netwerkanalyse_detail.html#status",
        {"scope": scope, "laatste": laatste, "params": NetwerkForm(request.GET).waarden()},
    )
    if request.htmx and request.GET.get("wacht") and laatste and not laatste.is_lopend:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_GET
def netwerk_partner(
    request, partner_id: int, buurt_id: int | None = None, gemeente_id: int | None = None
):
    """The partner panel (htmx fragment, or a page without JavaScript)."""
    scope = _scope(request, buurt_id, gemeente_id)
    snapshot = _getoond(request, scope)
    if snapshot is None or str(partner_id) not in snapshot.metrieken.get("per_knoop", {}):
        raise Http404(_("Deze partner zit niet in het netwerk."))
    buren = []
    for band in snapshot.metrieken.get("banden", []):
        a, b, intensiteit, _gewicht, lagen, bevestigd = band[:6]
        if partner_id in (a, b):
            buren.append((b if a == partner_id else a, intensiteit, lagen, bevestigd))
    stappen = 2 if request.GET.get("stappen") == "2" else 1
    namen = namen_voor({int(k) for k in snapshot.metrieken["per_knoop"]})
    eigen = partner_id in (partner_ids_van(request.user, scope.buurt) if scope.buurt else set())
    context = {
        "scope": scope,
        "snapshot": snapshot,
        "partner_id": partner_id,
        "partner_naam": namen[partner_id][0],
        "partner_sector": SECTORLABELS.get(namen[partner_id][1], namen[partner_id][1]),
        # Partner-level figures: the regisseur and coordinator for every partner, a partner user
        # for its own organisation only (its position, to explore; never a ranking of others).
        "waarden": snapshot.metrieken["per_knoop"][str(partner_id)]
        if scope.details or eigen
        else None,
        "eigen": eigen,
        "is_makelaar": partner_id in snapshot.samenvatting.get("makelaars", []),
        "rollen": makelaarsrollen_leesbaar(snapshot.metrieken["per_knoop"][str(partner_id)])
        if scope.details or eigen
        else [],
        "buren": sorted(
            [
                (namen.get(b, ("?", ""))[0], INTENSITEITLABELS.get(i, i), lagen, bev)
                for b, i, lagen, bev in buren
            ]
        ),
        "stappen": stappen,
        "paneel_url": partner_url(snapshot, partner_id),
        "ego": egonetwerk_svg(snapshot, partner_id, namen, stappen),
        "ego_aantal": len(ego_van(snapshot, partner_id, stappen)) - 1,
        "beeld": netwerkbeeld_svg(snapshot, namen=namen, geselecteerd=partner_id, stappen=stappen)
        if not snapshot.te_weinig_gegevens
        else "",
    }
    template = "netwerkanalyse/netwerkanalyse_detail.html#partnerpaneel"
    if not request.htmx:
        template = "netwerkanalyse/netwerkanalyse_partner.html"
    return render(request, template, context)


def _getoond(request, scope: Scope) -> NetwerkAnalyse | None:
    """The run the page showed: `?analyse=<id>` (its links carry it), else the newest finished
    run with the page's layer and minimum intensity. A run of another network is not found."""
    params = NetwerkForm(request.GET).waarden()
    analyse_id = request.GET.get("analyse", "")
    if analyse_id and not analyse_id.isdigit():
        raise Http404(_("Deze netwerkanalyse bestaat niet."))
    return getoonde_analyse(
        scope.sleutel,
        analyse_id=int(analyse_id) if analyse_id else None,
        laag=params["laag"],
        min_intensiteit=params["min_intensiteit"],
    )


def _export_snapshot(request, scope: Scope, wat: str) -> NetwerkAnalyse:
    if not scope.details:
        raise PermissionDenied(
            _("Alleen de buurtregisseur of coördinator exporteert netwerkcijfers.")
        )
    snapshot = _getoond(request, scope)
    if snapshot is None:
        raise Http404(_("Er is nog geen netwerkanalyse."))
    registreer_toegang(
        gebruiker=request.user,
        actie=Toegangsactie.EXPORT,
        object_type="netwerkanalyse",
        object_id=snapshot.pk,
        omschrijving=f"{wat} {scope.sleutel}",
        buurt=scope.buurt,
        gemeente=scope.gemeente,
    )
    return snapshot


KOP = [
    "partner_id",
    "partner",
    "sector",
    "aantal_banden",
    "sterkte",
    "betweenness",
    "closeness",
    "k_kern",
    "gemeenschap",
    "component",
    "kwetsbare_schakel",
    "eilandje",
    "effectieve_omvang",
    "constraint",
]


@login_required
@require_GET
@exportlimiet
def netwerk_export(request, buurt_id: int | None = None, gemeente_id: int | None = None):
    """Per-partner metrics of the run the page shows, CSV (streamed) or XLSX; every CSV row and
    the sheet "Over dit bestand" say which run and filter the figures belong to."""
    scope = _scope(request, buurt_id, gemeente_id)
    formaat = request.GET.get("formaat", "csv")
    snapshot = _export_snapshot(request, scope, f"partnermetrieken {formaat}")
    info = bestandsinfo(snapshot)
    per_knoop = snapshot.metrieken.get("per_knoop", {})

    def _leeg(w):
        return "" if w is None else w

    rijen = (
        [
            m.partner_id,
            m.partner.naam,
            m.partner.sector,
            m.graad,
            round(m.sterkte, 4),
            m.betweenness,
            m.closeness,
            m.kern,
            m.gemeenschap,
            m.component,
            m.articulatiepunt,
            m.eilandje,
            _leeg(per_knoop.get(str(m.partner_id), {}).get("effectieve_omvang")),
            _leeg(per_knoop.get(str(m.partner_id), {}).get("constraint")),
        ]
        + ([] if formaat == "xlsx" else list(info.values()))
        for m in partnermetrieken(snapshot).iterator()
    )
    naam = f"netwerk-{scope.sleutel.replace(':', '-')}-{snapshot.pk}"
    if formaat == "xlsx":
        return xlsx_response(
            f"{naam}.xlsx",
            {
                "Partners": (KOP, rijen),
                _("Over dit bestand"): ([_("Gegeven"), _("Waarde")], infowaarden(snapshot)),
            },
        )
    return csv_response(f"{naam}.csv", KOP + list(info), rijen)


BANDKOP = [
    "van",
    "naar",
    "van_naam",
    "naar_naam",
    "intensiteit",
    "gewicht",
    "afstand",
    "lagen",
    "bronnen",
    "bevestiging",
]


def _band(band: list) -> tuple:
    """A stored edge with the fields runs before suite 2 lacked filled in."""
    a, b, intensiteit, gewicht, lagen, bevestigd = band[:6]
    bronnen = band[6] if len(band) > 6 else []
    afstand = band[7] if len(band) > 7 else None
    return a, b, intensiteit, gewicht, lagen, bevestigd, bronnen, afstand


@login_required
@require_GET
@exportlimiet
def netwerk_graaf(request, buurt_id: int | None = None, gemeente_id: int | None = None):
    """The graph of the run the page shows, for researchers: GraphML or a CSV edge list, both
    carrying the run and its filter (graph attributes, or columns on every row)."""
    scope = _scope(request, buurt_id, gemeente_id)
    formaat = request.GET.get("formaat", "graphml")
    snapshot = _export_snapshot(request, scope, f"graaf {formaat}")
    naam = f"netwerk-{scope.sleutel.replace(':', '-')}-{snapshot.pk}"
    info = bestandsinfo(snapshot)
    banden = [_band(b) for b in snapshot.metrieken.get("banden", [])]
    namen = namen_voor({int(k) for k in snapshot.metrieken.get("per_knoop", {})})
    if formaat == "csv":
        rijen = (
            [
                a,
                b,
                namen.get(a, ("", ""))[0],
                namen.get(b, ("", ""))[0],
                i,
                g,
                "" if afstand is None else afstand,
                "+".join(lagen),
                "+".join(bronnen),
                bevestigingsstaat(bev),
            ]
            + list(info.values())
            for a, b, i, g, lagen, bev, bronnen, afstand in banden
        )
        return csv_response(f"{naam}-banden.csv", BANDKOP + list(info), rijen)
    graaf = nx.Graph(**info)
    for sleutel, waarden in snapshot.metrieken.get("per_knoop", {}).items():
        pid = int(sleutel)
        naam_p, sector = namen.get(pid, ("", ""))
        graaf.add_node(
            pid,
            label=naam_p,
            naam=naam_p,
            sector=sector,
            sectorgroep=sectorgroep(sector),
            **{k: v for k, v in waarden.items() if isinstance(v, int | float | bool)},
        )
    for a, b, i, g, lagen, bev, bronnen, afstand in banden:
        graaf.add_edge(
            a,
            b,
            intensiteit=i,
            weight=float(g),
            distance=float(afstand if afstand is not None else 1.0),
            lagen="+".join(lagen),
            bron="+".join(bronnen),
            bevestiging=bevestigingsstaat(bev),
        )
    graphml = "\n".join(nx.generate_graphml(graaf))
    return download(graphml, f"{naam}.graphml", "application/graphml+xml")
