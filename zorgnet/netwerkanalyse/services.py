"""Write side of the network analysis: start a run (or reuse one), compute it, plan periodic
snapshots. Claiming, finishing, failing and resetting stuck runs is the one life cycle of
zorgnet.lib.taakrecords; the job (zorgnet.netwerkanalyse.tasks) only calls these."""

from __future__ import annotations

import gc
import logging
import time
from contextlib import contextmanager
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import JSONField
from django.utils.translation import gettext as _

from buurten.models import Buurt, Gemeente
from zorgnet.lib import taakrecords
from zorgnet.lib.choices import sectorgroep
from zorgnet.lib.taakrecords import LOPEND, TaakStatus
from zorgnet.netwerk.graaf import GECOMBINEERD, LAGEN, VERKLAARD, WAARGENOMEN, bouw_igraaf
from zorgnet.netwerk.layout import BREEDTE, bereken_layout, is_groot, overzicht
from zorgnet.netwerk.metrieken import bereken, kerncijfers_van, per_laag, vergelijk
from zorgnet.netwerkanalyse.models import NetwerkAnalyse, NetwerkScope, PartnerMetriek
from zorgnet.netwerkanalyse.selectors import (
    PAGINA_METRIEKEN,
    laatste_snapshot,
    netwerk_invoer,
    netwerkpartners,
    sleutel_van,
)

log = logging.getLogger(__name__)


def _scope(analyse: NetwerkAnalyse) -> dict:
    if analyse.scope == NetwerkScope.BUURT:
        return {"buurt": analyse.buurt}
    return {"gemeente": analyse.gemeente}


def _wachtrij(analyse_id: int) -> None:
    from zorgnet.netwerkanalyse.tasks import lang_bereken_netwerk

    lang_bereken_netwerk.delay_on_commit(analyse_id)


@transaction.atomic
def start_analyse(
    *,
    aangevraagd_door=None,
    buurt: Buurt | None = None,
    gemeente: Gemeente | None = None,
    laag: str = "gecombineerd",
    min_intensiteit: int = 1,
    van: date | None = None,
    tot: date | None = None,
) -> NetwerkAnalyse:
    """Queue a run, unless one is running (reuse it) or a finished one has the same input hash."""
    if (buurt is None) == (gemeente is None):
        raise ValidationError(_("Kies een buurt of een gemeente."))
    if laag not in LAGEN:
        raise ValidationError(_("Onbekende laag."))
    if not 1 <= int(min_intensiteit) <= 4:
        raise ValidationError(_("De intensiteit ligt tussen 1 en 4."))
    if van and tot and van > tot:
        raise ValidationError(_("Het begin van de periode ligt na het einde."))
    sleutel = sleutel_van(buurt=buurt, gemeente=gemeente)
    params = {"laag": laag, "min_intensiteit": int(min_intensiteit)}
    lopend = NetwerkAnalyse.objects.filter(sleutel=sleutel, status__in=LOPEND, **params).first()
    if lopend is not None:
        return lopend
    invoer = netwerk_invoer(
        buurt=buurt, gemeente=gemeente, van=van, tot=tot, laag=laag, min_intensiteit=min_intensiteit
    )
    hergebruik = (
        NetwerkAnalyse.objects.filter(
            sleutel=sleutel, status=TaakStatus.KLAAR, invoer_hash=invoer.hash, **params
        )
        .order_by("-klaar_op")
        .first()
    )
    if hergebruik is not None:
        return hergebruik
    analyse = NetwerkAnalyse(
        scope=NetwerkScope.BUURT if buurt is not None else NetwerkScope.GEMEENTE,
        sleutel=sleutel,
        buurt=buurt,
        gemeente=buurt.gemeente if buurt is not None else gemeente,
        periode_van=van,
        periode_tot=tot,
        invoer_hash=invoer.hash,
        aangevraagd_door=aangevraagd_door
        if getattr(aangevraagd_door, "is_authenticated", False)
        else None,
        **params,
    )
    analyse.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            analyse.save()
    except IntegrityError:
        # Someone else queued the same run a moment ago: reuse theirs.
        return NetwerkAnalyse.objects.get(sleutel=sleutel, status__in=LOPEND, **params)
    _wachtrij(analyse.pk)
    return analyse


MAX_PAREN = 200


def lagen_naast_elkaar(alle) -> dict:
    """The declared network beside the observed one (over every tie, whatever the run's filter):
    pairs that declared a tie but were never seen working together, and the reverse."""
    ids = alle.vs["id"]
    verklaard, gezien = [], []
    if alle.ecount():
        for (a, b), lagen in zip(alle.get_edgelist(), alle.es["lagen"], strict=True):
            if lagen == (VERKLAARD,):
                verklaard.append(sorted((ids[a], ids[b])))
            elif lagen == (WAARGENOMEN,):
                gezien.append(sorted((ids[a], ids[b])))
    return {
        "verklaard_niet_gezien": sorted(verklaard)[:MAX_PAREN],
        "aantal_verklaard_niet_gezien": len(verklaard),
        "gezien_niet_verklaard": sorted(gezien)[:MAX_PAREN],
        "aantal_gezien_niet_verklaard": len(gezien),
    }


def _ingekort(vergelijking: dict) -> dict:
    """The diff as the page shows it: every list cut at MAX_PAREN, with its full count."""
    uit = {}
    for k, v in vergelijking.items():
        if isinstance(v, list):
            uit[k] = v[:MAX_PAREN]
            uit[f"aantal_{k}"] = len(v)
        else:
            uit[k] = v
    return uit


@contextmanager
def _zonder_cyclische_gc():
    """The job makes millions of small objects that hold no cycles (tie tuples, per-partner dicts,
    the edge list): the cyclic collector walks the growing heap again and again for nothing
    (2.0 of 15.3 s CPU on the largest gemeente of the Flanders-scale set). Reference counting
    frees them; the collector is off during the job and on again after it."""
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()


@_zonder_cyclische_gc()
def voer_analyse_uit(*, analyse_id: int) -> NetwerkAnalyse | None:
    """Compute a queued run and store it; None when another worker has it or it is done.

    The graphs go straight from the input tuples into igraph (C); every figure is computed there
    (zorgnet.netwerk.metrieken). What is stored is what a page or export reads."""
    if not taakrecords.claim(NetwerkAnalyse, analyse_id):
        return None
    analyse = NetwerkAnalyse.objects.select_related("buurt", "gemeente").get(pk=analyse_id)
    begin = time.perf_counter()
    invoer = netwerk_invoer(
        **_scope(analyse),
        van=analyse.periode_van,
        tot=analyse.periode_tot,
        laag=analyse.laag,
        min_intensiteit=analyse.min_intensiteit,
    )
    # The layout and the per-layer table use every tie, so filtering layers on the page does not
    # move the partners; the run's own graph is that one unless the run filters.
    alle = bouw_igraaf(invoer.knopen, invoer.banden)
    if analyse.laag == GECOMBINEERD and analyse.min_intensiteit == 1:
        graaf = alle
    else:
        graaf = bouw_igraaf(
            invoer.knopen, invoer.banden, laag=analyse.laag, min_intensiteit=analyse.min_intensiteit
        )
    t_invoer = time.perf_counter()
    resultaat = bereken(graaf)
    t_metrieken = time.perf_counter()
    vorige = laatste_snapshot(analyse.sleutel, zonder=("layout", "kerncijfers", "paginacijfers"))
    per_knoop = resultaat.get("per_knoop", {})
    prioriteit = resultaat.get("samenvatting", {}).get("makelaars", []) + sorted(
        (int(k) for k in per_knoop),
        key=lambda k: (-per_knoop[str(k)]["betweenness"], -per_knoop[str(k)]["graad"], k),
    )
    groepen = {k.id: sectorgroep(k.sector) for k in invoer.knopen}
    if is_groot(graaf.vcount(), graaf.ecount()):
        # Drawn per community only: a position and label per partner would be stored for no page
        # (the picture, the panel's picture and the report all draw the community picture).
        ids = graaf.vs["id"]
        layout = {"posities": {}, "labels": {}, "breedte": BREEDTE}
        layout["overzicht"] = overzicht(
            {int(k): w["gemeenschap"] for k, w in per_knoop.items()},
            groepen,
            ((ids[a], ids[b]) for a, b in graaf.get_edgelist()),
            prioriteit,
        )
        layout["hoogte"] = layout["overzicht"]["hoogte"]
    else:
        # The previous picture's positions keep partners in place (read only here: a large
        # network stores none, and its layout is MBs).
        vorige_pos = {
            int(k): v for k, v in (vorige.layout.get("posities", {}) if vorige else {}).items()
        }
        layout = bereken_layout(alle, vorige_pos, prioriteit=prioriteit)
    layout["groepen"] = {str(k): g for k, g in groepen.items()}
    layout["informeel"] = sorted(k.id for k in invoer.knopen if not k.formeel)
    t_layout = time.perf_counter()
    resultaat["vergelijking"] = _ingekort(
        vergelijk(resultaat, vorige.metrieken if vorige else None)
    )
    resultaat["vorige_id"] = vorige.pk if vorige else None
    resultaat["per_laag"] = per_laag(alle, LAGEN)
    resultaat["lagen_naast_elkaar"] = lagen_naast_elkaar(alle)
    resultaat["tijden_ms"] = {
        "invoer": round((t_invoer - begin) * 1000),
        "metrieken": round((t_metrieken - t_invoer) * 1000),
        "layout": round((t_layout - t_metrieken) * 1000),
        "lagen": round((time.perf_counter() - t_layout) * 1000),
    }
    t_lagen = time.perf_counter()
    with transaction.atomic():
        # Finish first: a run declared stuck meanwhile belongs to another job now, and its
        # metrics must not be replaced by this late one.
        if not taakrecords.rond_af(
            NetwerkAnalyse,
            analyse_id,
            rekentijd_ms=int((time.perf_counter() - begin) * 1000),
            invoer_hash=invoer.hash,
            metrieken=resultaat,
            kerncijfers=kerncijfers_van(resultaat),
            paginacijfers={k: resultaat[k] for k in PAGINA_METRIEKEN if k in resultaat},
            layout={**layout, "posities": {str(k): v for k, v in layout["posities"].items()}},
        ):
            return None
        PartnerMetriek.objects.filter(analyse_id=analyse_id).delete()
        velden = [f.name for f in PartnerMetriek._meta.concrete_fields if f.name in METRIEKVELDEN]
        PartnerMetriek.objects.bulk_create(
            (
                PartnerMetriek(
                    analyse_id=analyse_id,
                    partner_id=int(k),
                    **{veld: waarden[veld] for veld in velden},
                )
                for k, waarden in resultaat["per_knoop"].items()
            ),
            batch_size=2000,
        )
    log.info(
        "netwerkanalyse %s: %s, opslaan %d ms",
        analyse_id,
        resultaat["tijden_ms"],
        round((time.perf_counter() - t_lagen) * 1000),
    )
    # The record's own columns again; the JSON it just wrote (MBs for a gemeente: 0.4 s CPU to
    # decode) is read only if the caller asks for it.
    json = {f.attname for f in NetwerkAnalyse._meta.concrete_fields if isinstance(f, JSONField)}
    analyse.refresh_from_db(
        fields=[f.attname for f in NetwerkAnalyse._meta.concrete_fields if f.attname not in json]
    )
    for veld in json:
        analyse.__dict__.pop(veld, None)  # deferred: loaded on first access
    return analyse


METRIEKVELDEN = {
    "graad",
    "sterkte",
    "betweenness",
    "closeness",
    "kern",
    "gemeenschap",
    "component",
    "articulatiepunt",
    "eilandje",
}


def plan_snapshots() -> int:
    """The periodic snapshot of every buurt and gemeente with partners (unchanged input: reused)."""
    aantal = 0
    for buurt in Buurt.objects.select_related("gemeente"):
        if netwerkpartners(buurt=buurt).exists():
            start_analyse(buurt=buurt)
            aantal += 1
    for gemeente in Gemeente.objects.all():
        if netwerkpartners(gemeente=gemeente).exists():
            start_analyse(gemeente=gemeente)
            aantal += 1
    return aantal
