"""Read side of the network analysis: the input of a run (partners, declared and observed ties)
and the runs a user may see."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from buurten.models import Buurt, Gemeente
from partners.models import Bevestiging, Partner, PartnerStatus
from partners.selectors import netwerkrelaties
from zorgnet.lib.choices import sectorgroep
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.netwerk.graaf import Band, Knoop, verklaarde_band, waargenomen_band
from zorgnet.netwerkanalyse.bronnen import waargenomen_banden
from zorgnet.netwerkanalyse.models import NetwerkAnalyse, PartnerMetriek

# Bump when the metric suite changes, so a finished run is not reused for a different computation.
SUITE_VERSIE = 2


@dataclass(frozen=True)
class Invoer:
    """Everything a run reads, and its hash (same hash: same result)."""

    knopen: list[Knoop]
    banden: list[Band]
    hash: str


def sleutel_van(*, buurt: Buurt | None = None, gemeente: Gemeente | None = None) -> str:
    return f"buurt:{buurt.pk}" if buurt is not None else f"gemeente:{gemeente.pk}"


def netwerkpartners(*, buurt: Buurt | None = None, gemeente: Gemeente | None = None) -> QuerySet:
    """The partners of a buurt (or of every buurt of a gemeente) that have not stopped."""
    qs = Partner.objects.exclude(status=PartnerStatus.GESTOPT)
    if buurt is not None:
        return qs.filter(buurten=buurt).distinct()
    return qs.filter(gemeente=gemeente)


def netwerk_invoer(
    *,
    buurt: Buurt | None = None,
    gemeente: Gemeente | None = None,
    van: date | None = None,
    tot: date | None = None,
    laag: str = "gecombineerd",
    min_intensiteit: int = 1,
) -> Invoer:
    """Nodes and ties of the network in this period (two queries plus the observed sources)."""
    partners = list(
        netwerkpartners(buurt=buurt, gemeente=gemeente).values_list(
            "id", "naam", "sector", "formeel", "werkingsgebied"
        )
    )
    ids = [p[0] for p in partners]
    knopen = [
        Knoop(
            id=i,
            naam=n,
            sector=s,
            formeel=f,
            schaal=w,
            is_lokaal_bestuur=s == "lokaal_bestuur",
            groep=sectorgroep(s),
        )
        for i, n, s, f, w in sorted(partners)
    ]
    relaties = netwerkrelaties(ids, van=van, tot=tot)
    banden: list[Band] = [
        verklaarde_band(a, b, intensiteit=i, bevestigd=bev == Bevestiging.BEVESTIGD)
        for a, b, i, bev in relaties.order_by("id").values_list(
            "van_partner_id", "naar_partner_id", "intensiteit", "bevestiging"
        )
    ]
    if buurt is not None:
        buurt_ids = [buurt.pk]
    else:
        buurt_ids = list(Buurt.objects.filter(gemeente=gemeente).values_list("id", flat=True))
    for band in waargenomen_banden(buurt_ids, van, tot):
        banden.append(
            waargenomen_band(band.partner_a, band.partner_b, bron=band.bron, gewicht=band.gewicht)
        )
    inhoud = {
        "versie": SUITE_VERSIE,
        "knopen": [list(k.__dict__.values()) for k in knopen],
        "banden": sorted([list(b.__dict__.values()) for b in banden], key=repr),
        "van": str(van),
        "tot": str(tot),
        "laag": laag,
        "min": min_intensiteit,
    }
    digest = hashlib.sha256(json.dumps(inhoud, sort_keys=True, default=str).encode()).hexdigest()
    return Invoer(knopen=knopen, banden=banden, hash=digest)


def analyses_van(sleutel: str) -> QuerySet[NetwerkAnalyse]:
    return NetwerkAnalyse.objects.filter(sleutel=sleutel).select_related("aangevraagd_door")


def laatste_analyse(sleutel: str) -> NetwerkAnalyse | None:
    """The newest run, whatever its status (for the status fragment)."""
    return analyses_van(sleutel).order_by("-aangemaakt_op", "-id").first()


def snapshots(sleutel: str, *, aantal: int = 12) -> list[NetwerkAnalyse]:
    """The last finished runs, oldest first (for the evolution)."""
    rijen = list(
        analyses_van(sleutel).filter(status=TaakStatus.KLAAR).order_by("-klaar_op", "-id")[:aantal]
    )
    return rijen[::-1]


def laatste_snapshot(sleutel: str) -> NetwerkAnalyse | None:
    return (
        analyses_van(sleutel).filter(status=TaakStatus.KLAAR).order_by("-klaar_op", "-id").first()
    )


def getoonde_analyse(
    sleutel: str,
    *,
    analyse_id: int | None = None,
    laag: str = "gecombineerd",
    min_intensiteit: int = 1,
) -> NetwerkAnalyse | None:
    """The finished run a page shows, and so the one its exports and partner panel read: the one
    named (`analyse_id`, from the page's links), else the newest with this layer and minimum."""
    klaar = analyses_van(sleutel).filter(status=TaakStatus.KLAAR)
    if analyse_id is not None:
        return klaar.filter(pk=analyse_id).first()
    return (
        klaar.filter(laag=laag, min_intensiteit=min_intensiteit)
        .order_by("-klaar_op", "-id")
        .first()
    )


def partnermetrieken(analyse: NetwerkAnalyse) -> QuerySet[PartnerMetriek]:
    return PartnerMetriek.objects.filter(analyse=analyse).select_related("partner")
