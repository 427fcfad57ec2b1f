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
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from buurten.models import Buurt, Gemeente, Toegangsactie
from buurten.permissions import (
    get_buurt_or_404,
    get_gemeente_or_404,
    is_coordinator_van,
    kan_rapporteren,
)
from buurten.services import exportlimiet, registreer_toegang
from zorgnet.lib import paginering
from zorgnet.lib.exports import csv_response, download, xlsx_response
from zorgnet.netwerkanalyse import services
from zorgnet.netwerkanalyse.forms import NetwerkForm
from zorgnet.netwerkanalyse.models import NetwerkAnalyse
from zorgnet.netwerkanalyse.selectors import (
    laatste_analyse,
    partnermetrieken,
    sleutel_van,
    snapshots,
)
from zorgnet.netwerkanalyse.weergave import (
    diff_met_namen,
    ids_in,
    namen_voor,
    netwerkbeeld_svg,
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


@login_required
@require_GET
def netwerk_detail(request, buurt_id: int | None = None, gemeente_id: int | None = None):
    scope = _scope(request, buurt_id, gemeente_id)
    form = NetwerkForm(request.GET or None)
    params = form.waarden()
    alle = [
        a
        for a in snapshots(scope.sleutel)
        if a.laag == params["laag"] and a.min_intensiteit == params["min_intensiteit"]
    ]
    snapshot = alle[-1] if alle else None
    laatste = laatste_analyse(scope.sleutel)
    namen = namen_voor(ids_in(snapshot)) if snapshot else {}
    metrieken = list(partnermetrieken(snapshot)) if snapshot and scope.details else []
    if params["sector"]:
        metrieken = [m for m in metrieken if m.partner.sector == params["sector"]]
    pagina = paginering.pagina(request, metrieken, PER_PAGINA)
    for m in pagina:
        m.url = scope.url("netwerk_partner", m.partner_id)
    context = {
        "scope": scope,
        "form": form,
        "params": params,
        "snapshot": snapshot,
        "laatste": laatste,
        "reeks": alle,
        "pagina": pagina,
        "namen": namen,
        "legende": sectorlegende(namen),
        "trends": trendgrafieken(alle),
        "diff": diff_met_namen(snapshot, namen) if snapshot else None,
        "beeld": netwerkbeeld_svg(
            snapshot, namen=namen, maat=params["maat"], sector=params["sector"]
        )
        if snapshot and not snapshot.te_weinig_gegevens
        else "",
        "makelaars": [
            namen.get(p, ("?", ""))[0] for p in snapshot.samenvatting.get("makelaars", [])
        ]
        if snapshot
        else [],
        "kwetsbaar": [
            namen.get(p, ("?", ""))[0] for p in snapshot.samenvatting.get("articulatiepunten", [])
        ]
        if snapshot
        else [],
        "eilandjes": [
            namen.get(p, ("?", ""))[0] for p in snapshot.samenvatting.get("eilandjes", [])
        ]
        if snapshot
        else [],
        "partnerlinks": sorted(
            (namen[int(k)][0], scope.url("netwerk_partner", int(k)))
            for k in (snapshot.metrieken.get("per_knoop", {}) if snapshot else {})
            if int(k) in namen
        ),
    }
    return render(request, "netwerkanalyse/netwerkanalyse_detail.html", context)


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
    reeks = snapshots(scope.sleutel, aantal=1)
    snapshot = reeks[-1] if reeks else None
    if snapshot is None or str(partner_id) not in snapshot.metrieken.get("per_knoop", {}):
        raise Http404(_("Deze partner zit niet in het netwerk."))
    buren = []
    for a, b, intensiteit, _gewicht, lagen, bevestigd in snapshot.metrieken.get("banden", []):
        if partner_id in (a, b):
            buren.append((b if a == partner_id else a, intensiteit, lagen, bevestigd))
    namen = namen_voor({partner_id, *(b[0] for b in buren)})
    context = {
        "scope": scope,
        "snapshot": snapshot,
        "partner_id": partner_id,
        "partner_naam": namen[partner_id][0],
        "partner_sector": namen[partner_id][1],
        "waarden": snapshot.metrieken["per_knoop"][str(partner_id)] if scope.details else None,
        "is_makelaar": partner_id in snapshot.samenvatting.get("makelaars", []),
        "buren": sorted(
            [(namen.get(b, ("?", ""))[0], i, lagen, bev) for b, i, lagen, bev in buren]
        ),
    }
    template = "netwerkanalyse/netwerkanalyse_detail.html#partnerpaneel"
    if not request.htmx:
        template = "netwerkanalyse/netwerkanalyse_partner.html"
    return render(request, template, context)


def _export_snapshot(request, scope: Scope, wat: str) -> NetwerkAnalyse:
    if not scope.details:
        raise PermissionDenied(
            _("Alleen de buurtregisseur of coördinator exporteert netwerkcijfers.")
        )
    reeks = snapshots(scope.sleutel, aantal=1)
    if not reeks:
        raise Http404(_("Er is nog geen netwerkanalyse."))
    registreer_toegang(
        gebruiker=request.user,
        actie=Toegangsactie.EXPORT,
        object_type="netwerkanalyse",
        object_id=reeks[-1].pk,
        omschrijving=f"{wat} {scope.sleutel}",
        buurt=scope.buurt,
        gemeente=scope.gemeente,
    )
    return reeks[-1]


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
]


@login_required
@require_GET
@exportlimiet
def netwerk_export(request, buurt_id: int | None = None, gemeente_id: int | None = None):
    """Per-partner metrics of the newest snapshot, CSV (streamed) or XLSX."""
    scope = _scope(request, buurt_id, gemeente_id)
    formaat = request.GET.get("formaat", "csv")
    snapshot = _export_snapshot(request, scope, f"partnermetrieken {formaat}")
    rijen = (
        [
            m.partner_id,
            m.partner.naam,
            m.partner.sector,
            m.graad,
            round(m.sterkte, 4),
            round(m.betweenness, 6),
            round(m.closeness, 6),
            m.kern,
            m.gemeenschap,
            m.component,
            m.articulatiepunt,
            m.eilandje,
        ]
        for m in partnermetrieken(snapshot).iterator()
    )
    naam = f"netwerk-{scope.sleutel.replace(':', '-')}-{snapshot.pk}"
    if formaat == "xlsx":
        return xlsx_response(f"{naam}.xlsx", {"Partners": (KOP, rijen)})
    return csv_response(f"{naam}.csv", KOP, rijen)


@login_required
@require_GET
@exportlimiet
def netwerk_graaf(request, buurt_id: int | None = None, gemeente_id: int | None = None):
    """The graph of the newest snapshot for researchers: GraphML or a CSV edge list."""
    scope = _scope(request, buurt_id, gemeente_id)
    formaat = request.GET.get("formaat", "graphml")
    snapshot = _export_snapshot(request, scope, f"graaf {formaat}")
    naam = f"netwerk-{scope.sleutel.replace(':', '-')}-{snapshot.pk}"
    banden = snapshot.metrieken.get("banden", [])
    if formaat == "csv":
        kop = ["van", "naar", "intensiteit", "gewicht", "lagen", "bevestigd"]
        rijen = ([a, b, i, g, "+".join(lagen), bev] for a, b, i, g, lagen, bev in banden)
        return csv_response(f"{naam}-banden.csv", kop, rijen)
    namen = namen_voor({int(k) for k in snapshot.metrieken.get("per_knoop", {})})
    graaf = nx.Graph()
    for sleutel, waarden in snapshot.metrieken.get("per_knoop", {}).items():
        pid = int(sleutel)
        naam_p, sector = namen.get(pid, ("", ""))
        graaf.add_node(
            pid,
            naam=naam_p,
            sector=sector,
            **{k: v for k, v in waarden.items() if isinstance(v, int | float | bool)},
        )
    for a, b, i, g, lagen, bev in banden:
        graaf.add_edge(a, b, intensiteit=i, gewicht=g, lagen="+".join(lagen), bevestigd=bool(bev))
    graphml = "\n".join(nx.generate_graphml(graaf))
    return download(graphml, f"{naam}.graphml", "application/graphml+xml")
