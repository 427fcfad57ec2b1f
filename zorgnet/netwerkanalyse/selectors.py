"""Read side of the network analysis: the input of a run (partners, declared and observed ties)
and the runs a user may see."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import QuerySet

from buurten.models import Buurt, Gemeente
from partners.models import Bevestiging, Partner, PartnerStatus
from partners.selectors import netwerkrelaties
from zorgnet.lib.choices import sectorgroep
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.netwerk import layout
from zorgnet.netwerk.graaf import BRON_INTENSITEIT, VERKLAARD, WAARGENOMEN, Band, Knoop
from zorgnet.netwerkanalyse.bronnen import waargenomen_banden
from zorgnet.netwerkanalyse.models import NetwerkAnalyse, PartnerMetriek

# Bump when the metric suite changes, so a finished run is not reused for a different computation.
SUITE_VERSIE = 3


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
    bevestigd = Bevestiging.BEVESTIGD
    banden: list[Band] = [
        Band(a, b, VERKLAARD, i, float(i), bev == bevestigd, "relatie")
        for a, b, i, bev in relaties.order_by("id").values_list(
            "van_partner_id", "naar_partner_id", "intensiteit", "bevestiging"
        )
    ]
    if buurt is not None:
        buurt_ids = [buurt.pk]
    else:
        buurt_ids = list(Buurt.objects.filter(gemeente=gemeente).values_list("id", flat=True))
    intensiteit = BRON_INTENSITEIT
    banden.extend(
        Band(a, b, WAARGENOMEN, intensiteit.get(bron, 1), float(gewicht), None, bron)
        for a, b, bron, gewicht, _datum in waargenomen_banden(buurt_ids, van, tot)
    )
    # Tuples sort as they are (a declared and an observed tie differ in their layer before
    # `bevestigd`, where bool meets None); the digest is fed in one pass, without a JSON document.
    digest = hashlib.sha256()
    kop = [SUITE_VERSIE, str(van), str(tot), laag, min_intensiteit, knopen]
    digest.update(json.dumps(kop, default=str).encode())
    for band in sorted(banden):
        digest.update(repr(band).encode())
    return Invoer(knopen=knopen, banden=banden, hash=digest.hexdigest())


def analyses_van(sleutel: str) -> QuerySet[NetwerkAnalyse]:
    return NetwerkAnalyse.objects.filter(sleutel=sleutel).select_related("aangevraagd_door")


def laatste_analyse(sleutel: str) -> NetwerkAnalyse | None:
    """The newest run, whatever its status (for the status fragment: without its JSON)."""
    return (
        analyses_van(sleutel)
        .defer("metrieken", "layout", "paginacijfers")
        .order_by("-aangemaakt_op", "-id")
        .first()
    )


def snapshots(
    sleutel: str, *, aantal: int = 12, laag: str | None = None, min_intensiteit: int | None = None
) -> list[NetwerkAnalyse]:
    """The last finished runs (of this layer and minimum, when given), oldest first, for the
    evolution: only their small summary (`kerncijfers`) is read, never their metrics or layout, so
    the page costs the same with 1 or 12 snapshots."""
    qs = NetwerkAnalyse.objects.filter(sleutel=sleutel, status=TaakStatus.KLAAR)
    if laag is not None:
        qs = qs.filter(laag=laag, min_intensiteit=min_intensiteit)
    rijen = list(
        qs.order_by("-klaar_op", "-id").only(
            "id", "sleutel", "klaar_op", "laag", "min_intensiteit", "kerncijfers"
        )[:aantal]
    )
    return rijen[::-1]


def is_groot(analyse: NetwerkAnalyse) -> bool:
    """A run too large to draw partner by partner (zorgnet.netwerk.layout.is_groot): its page
    reads no per-partner data from the stored JSON and shows the community-level picture."""
    cijfers = analyse.kerncijfers
    return layout.is_groot(cijfers.get("knopen", 0), cijfers.get("banden", 0))


# The keys of a stored run each reader needs; anything else stays in the database.
PAGINA_METRIEKEN = ("samenvatting", "vergelijking", "per_laag", "lagen_naast_elkaar", "melding")
PAGINA_LAYOUT = ("breedte", "hoogte", "groepen", "informeel", "overzicht")
BEELD_METRIEKEN = ("per_knoop", "banden")
BEELD_LAYOUT = ("posities", "labels")


def lees_sleutels(
    analyse: NetwerkAnalyse, *, metrieken: tuple[str, ...], layout: tuple[str, ...] = ()
) -> NetwerkAnalyse:
    """Fill `analyse.metrieken` and `analyse.layout` with only these keys, read in SQL (JSON key
    lookups, one query), so a page never decodes a run's whole JSON (MBs for a gemeente). The
    page's keys come from the small `paginacijfers` copy: asking for those alone never touches
    the stored metrics."""
    kolommen = [(_bron(k), k) for k in metrieken] + [("layout", k) for k in layout]
    if connection.vendor == "postgresql":
        waarden = _sleutels_postgresql(analyse.pk, kolommen)
    else:
        velden = [f"{bron}__{k}" for bron, k in kolommen]
        rij = NetwerkAnalyse.objects.filter(pk=analyse.pk).order_by().values_list(*velden).first()
        waarden = dict(zip(kolommen, rij or (), strict=False))
    analyse.metrieken = {
        k: waarden[(_bron(k), k)] for k in metrieken if waarden.get((_bron(k), k)) is not None
    }
    analyse.layout = {
        k: waarden[("layout", k)] for k in layout if waarden.get(("layout", k)) is not None
    }
    return analyse


def _bron(sleutel: str) -> str:
    return "paginacijfers" if sleutel in PAGINA_METRIEKEN else "metrieken"


def _sleutels_postgresql(pk: int, kolommen: list[tuple[str, str]]) -> dict:
    """The keys in one query that decompresses each JSON value it needs once.

    `metrieken -> 'a', metrieken -> 'b'` decompresses the stored value (2 MB compressed for the
    largest gemeente) once per key: 72 ms for the network page's five keys, against 14 ms when
    the value is first made a plain in-memory value (`|| '{}'` in a subquery that the planner
    keeps, `OFFSET 0`) and the keys are read from that. A column no key asks for is not read.
    """
    if not kolommen:
        return {}
    tabel = connection.ops.quote_name(NetwerkAnalyse._meta.db_table)
    bronnen = sorted({bron for bron, _k in kolommen})
    binnen = ", ".join(f"{bron} || '{{}}'::jsonb AS {bron}" for bron in bronnen)
    selectie = ", ".join(f"{bron} -> %s" for bron, _k in kolommen)
    sql = f"SELECT {selectie} FROM (SELECT {binnen} FROM {tabel} WHERE id = %s OFFSET 0) AS s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [k for _b, k in kolommen] + [pk])
        rij = cursor.fetchone() or ()
    return {
        kolom: json.loads(w) if isinstance(w, str) else w
        for kolom, w in zip(kolommen, rij, strict=False)
    }


def laatste_snapshot(sleutel: str, *, zonder: tuple[str, ...] = ()) -> NetwerkAnalyse | None:
    """The newest finished run; `zonder` names JSON columns to leave unread (deferred)."""
    qs = analyses_van(sleutel).filter(status=TaakStatus.KLAAR).order_by("-klaar_op", "-id")
    return qs.defer(*zonder).first()


def getoonde_analyse(
    sleutel: str,
    *,
    analyse_id: int | None = None,
    laag: str = "gecombineerd",
    min_intensiteit: int = 1,
    licht: bool = False,
) -> NetwerkAnalyse | None:
    """The finished run a page shows, and so the one its exports and partner panel read: the one
    named (`analyse_id`, from the page's links), else the newest with this layer and minimum.
    `licht`: without its metrics and layout JSON (read the keys needed with `lees_sleutels`)."""
    klaar = analyses_van(sleutel).filter(status=TaakStatus.KLAAR)
    if licht:
        klaar = klaar.defer("metrieken", "layout", "paginacijfers")
    if analyse_id is not None:
        return klaar.filter(pk=analyse_id).first()
    return (
        klaar.filter(laag=laag, min_intensiteit=min_intensiteit)
        .order_by("-klaar_op", "-id")
        .first()
    )


def partnermetrieken(analyse: NetwerkAnalyse, *, sector: str = "") -> QuerySet[PartnerMetriek]:
    """The per-partner rows of a run (a queryset: pages paginate it in SQL)."""
    qs = PartnerMetriek.objects.filter(analyse=analyse).select_related("partner")
    if sector:
        qs = qs.filter(partner__sector=sector)
    return qs


def namen_in_run(analyse: NetwerkAnalyse) -> dict[int, tuple[str, str]]:
    """Name and sector of every partner of a run, from its rows (not from its JSON)."""
    return {
        pid: (naam, sector)
        for pid, naam, sector in PartnerMetriek.objects.filter(analyse=analyse).values_list(
            "partner_id", "partner__naam", "partner__sector"
        )
    }
