"""Reads for reports: the scope of a report, the assembled sections, the files a user may see."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.fields.json import KeyTransform
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext as _

from buurten.models import Buurt, Gemeente
from buurten.permissions import (
    buurten_voor,
    gecoordineerde_gemeenten,
    get_buurt_or_404,
    get_gemeente_or_404,
    is_coordinator_van,
    kan_rapporteren,
)
from zorgnet.lib.kleine_aantallen import kolom_afschermen
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.rapport.sectie import RapportSectie, Scope
from zorgnet.rapport.secties import rapportsecties

from .models import RapportBestand, RapportVoorbeeld


def scope_voor_buurt(buurt: Buurt, van: date, tot: date, *, namen_opnemen: bool = False) -> Scope:
    return Scope(
        buurt_ids=(buurt.id,),
        gemeente_id=buurt.gemeente_id,
        van=van,
        tot=tot,
        titel=buurt.naam,
        namen_opnemen=namen_opnemen,
    )


def scope_voor_gemeente(gemeente: Gemeente, van: date, tot: date) -> Scope:
    ids = tuple(
        Buurt.objects.filter(gemeente=gemeente).order_by("naam").values_list("id", flat=True)
    )
    return Scope(
        buurt_ids=ids,
        gemeente_id=gemeente.id,
        van=van,
        tot=tot,
        titel=_("Gemeente %(naam)s") % {"naam": gemeente.naam},
    )


def scope_van_bestand(bestand: RapportBestand | RapportVoorbeeld) -> Scope:
    if bestand.buurt_id:
        namen = getattr(bestand, "namen_opnemen", False)  # a preview never names partners
        return scope_voor_buurt(bestand.buurt, bestand.van, bestand.tot, namen_opnemen=namen)
    return scope_voor_gemeente(bestand.gemeente, bestand.van, bestand.tot)


@dataclass
class Onderdeel:
    """One section of an assembled report, with its data."""

    sectie: RapportSectie
    gegevens: dict
    nummer: int

    @property
    def anker(self) -> str:
        return f"sectie-{self.sectie.slug}"

    @property
    def kerncijfers(self) -> list[tuple[str, Any]]:
        return self.sectie.kerncijfers(self.gegevens)


@dataclass
class Rapport:
    """A report: its scope and the sections that have data, in order."""

    scope: Scope
    onderdelen: list[Onderdeel] = field(default_factory=list)
    buurtnamen: list[str] = field(default_factory=list)

    @property
    def is_leeg(self) -> bool:
        return not self.onderdelen

    def samenvatting(self) -> list[tuple[Onderdeel, list]]:
        return [(o, o.kerncijfers) for o in self.onderdelen if o.kerncijfers]


def bouw_rapport(scope: Scope) -> Rapport:
    """Ask every registered section for its data; keep those with something to say."""
    rapport = Rapport(
        scope=scope,
        buurtnamen=list(
            Buurt.objects.filter(pk__in=scope.buurt_ids)
            .order_by("naam")
            .values_list("naam", flat=True)
        ),
    )
    for sectie in rapportsecties():
        gegevens = sectie.gegevens(scope)
        if gegevens:
            rapport.onderdelen.append(Onderdeel(sectie, gegevens, len(rapport.onderdelen) + 1))
    return rapport


# --- files -------------------------------------------------------------------------------------------
def bestanden_van_buurt(buurt: Buurt) -> QuerySet[RapportBestand]:
    return RapportBestand.objects.filter(buurt=buurt).select_related(
        "buurt", "gemeente", "aangevraagd_door"
    )


def bestanden_van_gemeente(gemeente: Gemeente) -> QuerySet[RapportBestand]:
    """Every report of the gemeente: the gemeente reports and those of its buurten."""
    return RapportBestand.objects.filter(gemeente=gemeente).select_related(
        "buurt", "gemeente", "aangevraagd_door"
    )


def get_bestand_or_404(user, bestand_id: int) -> RapportBestand:
    """A report file the user may see; 404 outside scope. The caller checks the role (403)."""
    try:
        bestand = RapportBestand.objects.select_related("buurt__gemeente", "gemeente").get(
            pk=bestand_id
        )
    except RapportBestand.DoesNotExist as exc:
        raise Http404(_("Dit rapport bestaat niet of je hebt er geen toegang toe.")) from exc
    if bestand.buurt_id:
        get_buurt_or_404(user, bestand.buurt_id)
    else:
        get_gemeente_or_404(user, bestand.gemeente_id)
    return bestand


def mag_bestand_zien(user, bestand: RapportBestand) -> bool:
    if bestand.buurt_id:
        return kan_rapporteren(user, bestand.buurt)
    return is_coordinator_van(user, bestand.gemeente)


def laatste_klare_bestanden(qs: QuerySet[RapportBestand]) -> list[RapportBestand]:
    """The newest finished file per (buurt or gemeente, format)."""
    gezien: dict[tuple, RapportBestand] = {}
    for bestand in qs.filter(status=TaakStatus.KLAAR).exclude(bestand=""):
        gezien.setdefault((bestand.buurt_id, bestand.formaat), bestand)
    return list(gezien.values())


# --- the on-screen preview -------------------------------------------------------------------------
def voorbeelden_van(
    *, gemeente: Gemeente, buurt: Buurt | None, van: date, tot: date
) -> QuerySet[RapportVoorbeeld]:
    """The previews of one scope and period, newest first (the scope is authorised by the caller)."""
    qs = RapportVoorbeeld.objects.filter(gemeente=gemeente, van=van, tot=tot)
    return qs.filter(buurt=buurt) if buurt is not None else qs.filter(buurt__isnull=True)


@dataclass
class Voorbeeldtoestand:
    """What the preview page shows: the newest request, and the newest finished preview (with its
    HTML), which may be an older one while a new one is made or after one failed."""

    laatste: RapportVoorbeeld | None
    klaar: RapportVoorbeeld | None

    @property
    def bezig(self) -> bool:
        return bool(self.laatste and self.laatste.is_lopend and not self.laatste.is_vastgelopen)

    @property
    def mislukt(self) -> bool:
        return bool(
            self.laatste
            and (self.laatste.status == TaakStatus.MISLUKT or self.laatste.is_vastgelopen)
        )


def voorbeeldtoestand(
    *, gemeente: Gemeente, buurt: Buurt | None, van: date, tot: date, met_html: bool = True
) -> Voorbeeldtoestand:
    """One query when the newest preview is finished, two otherwise; never the report itself.
    Without `met_html` (the polling status fragment) the stored HTML is not read."""
    qs = voorbeelden_van(gemeente=gemeente, buurt=buurt, van=van, tot=tot)
    if not met_html:
        qs = qs.defer("html")
    laatste = qs.first()
    if laatste is None or laatste.status == TaakStatus.KLAAR:
        return Voorbeeldtoestand(laatste, laatste)
    return Voorbeeldtoestand(laatste, qs.filter(status=TaakStatus.KLAAR).first())


# --- the coordinator's overview ---------------------------------------------------------------------
def gemeente_overzicht(gemeente: Gemeente, van: date, tot: date) -> list[Buurt]:
    """One row per buurt with key figures over the period, in a single query (subqueries)."""
    from activiteiten.models import Actie, Beleidssignaal, Signaal
    from partners.models import Partner

    def teller(qs, veld="pk", functie=Count):
        return Coalesce(
            Subquery(
                qs.order_by()
                .values("buurt_id" if qs.model is not Partner else "buurten")
                .annotate(n=functie(veld))
                .values("n")[:1],
                output_field=IntegerField(),
            ),
            0,
        )

    acties = Actie.objects.filter(buurt=OuterRef("pk"), startdatum__gte=van, startdatum__lte=tot)
    rijen = list(
        Buurt.objects.filter(gemeente=gemeente)
        .annotate(
            n_partners=teller(Partner.objects.filter(buurten=OuterRef("pk"))),
            n_acties=teller(acties),
            n_deelnemers=teller(acties, "deelnemers", Sum),
            n_signalen=teller(
                Signaal.objects.filter(buurt=OuterRef("pk"), datum__gte=van, datum__lte=tot)
            ),
            n_beleidssignalen=teller(Beleidssignaal.objects.filter(buurt=OuterRef("pk"))),
        )
        .order_by("naam")
    )
    # Resident and signal counts per buurt add up to the gemeente's figures in its report: one
    # group each, so no small count follows by subtraction (zorgnet.lib.kleine_aantallen).
    for veld in ("n_deelnemers", "n_signalen"):
        getoond = kolom_afschermen([getattr(b, veld) or 0 for b in rijen])
        for buurt, waarde in zip(rijen, getoond, strict=True):
            setattr(buurt, f"{veld}_getoond", waarde)
    return rijen


def rapporteerbare_buurten(user) -> QuerySet[Buurt]:
    return buurten_voor(user).select_related("gemeente")


def gecoordineerd(user) -> QuerySet[Gemeente]:
    return gecoordineerde_gemeenten(user)


# --- the network snapshot the report shows ----------------------------------------------------------
# Above this many partners (or ties) the report draws the sector groups and the ties between them
# instead of every partner: a full drawing of a gemeente (tens of thousands of ties) made a 9 MB
# HTML that cost WeasyPrint 46 s and 700 MB, and nobody can read it on paper anyway.
NETWERKBEELD_MAX_KNOPEN = 250
NETWERKBEELD_MAX_BANDEN = 1500


@dataclass
class Netwerkmeting:
    """What the report reads of a finished network run: its summary, read by key from the stored
    metrics (never the whole JSON, which is megabytes for a gemeente)."""

    pk: int
    scope: str
    buurt_id: int | None
    gemeente_id: int
    klaar_op: Any
    te_weinig_gegevens: bool
    samenvatting: dict

    @property
    def groot(self) -> bool:
        return (
            self.samenvatting.get("knopen", 0) > NETWERKBEELD_MAX_KNOPEN
            or self.samenvatting.get("banden", 0) > NETWERKBEELD_MAX_BANDEN
        )

    def tekening(self):
        """The run with only what the full drawing needs (per-partner metrics, ties, layout), for
        small networks: an object netwerkbeeld_svg can draw."""
        from zorgnet.netwerkanalyse.models import NetwerkAnalyse

        rij = (
            NetwerkAnalyse.objects.filter(pk=self.pk)
            .values(
                "layout",
                per_knoop=KeyTransform("per_knoop", "metrieken"),
                banden=KeyTransform("banden", "metrieken"),
            )
            .get()
        )
        run = NetwerkAnalyse(
            pk=self.pk, scope=self.scope, buurt_id=self.buurt_id, gemeente_id=self.gemeente_id
        )
        run.metrieken = {"per_knoop": rij["per_knoop"] or {}, "banden": rij["banden"] or []}
        run.layout = rij["layout"] or {}
        return run

    def partners_per_groep(self) -> dict[str, int]:
        """Partners of the run per coarse sector group (one GROUP BY over its partner rows)."""
        from zorgnet.lib.choices import sectorgroep
        from zorgnet.netwerkanalyse.models import PartnerMetriek

        per: dict[str, int] = {}
        for sector, n in (
            PartnerMetriek.objects.filter(analyse_id=self.pk)
            .values_list("partner__sector")
            .annotate(n=Count("pk"))
            .order_by()
        ):
            groep = sectorgroep(sector)
            per[groep] = per.get(groep, 0) + n
        return per


def netwerkmetingen(scope: Scope) -> tuple[Netwerkmeting | None, Netwerkmeting | None]:
    """(latest finished combined run up to the end of the period, latest one before it began),
    each read by key: the one place the report reads stored network metrics."""
    from datetime import datetime, time

    from django.utils import timezone

    from zorgnet.netwerkanalyse.models import NetwerkAnalyse, NetwerkScope

    if len(scope.buurt_ids) == 1:
        runs = NetwerkAnalyse.objects.filter(scope=NetwerkScope.BUURT, buurt_id=scope.buurt_ids[0])
    else:
        runs = NetwerkAnalyse.objects.filter(
            scope=NetwerkScope.GEMEENTE, gemeente_id=scope.gemeente_id
        )
    klaar = runs.filter(status=TaakStatus.KLAAR, laag="gecombineerd", min_intensiteit=1)
    einde = timezone.make_aware(datetime.combine(scope.tot, time.max))
    begin = timezone.make_aware(datetime.combine(scope.van, time.min))
    velden = {
        "samenvatting_": KeyTransform("samenvatting", "metrieken"),
        "te_weinig_": KeyTransform("te_weinig_gegevens", "metrieken"),
    }

    def lees(qs) -> Netwerkmeting | None:
        rij = (
            qs.order_by("-klaar_op", "-id")
            .values("pk", "scope", "buurt_id", "gemeente_id", "klaar_op", **velden)
            .first()
        )
        if rij is None:
            return None
        return Netwerkmeting(
            pk=rij["pk"],
            scope=rij["scope"],
            buurt_id=rij["buurt_id"],
            gemeente_id=rij["gemeente_id"],
            klaar_op=rij["klaar_op"],
            te_weinig_gegevens=bool(rij["te_weinig_"]),
            samenvatting=rij["samenvatting_"] or {},
        )

    return lees(klaar.filter(klaar_op__lte=einde)), lees(klaar.filter(klaar_op__lt=begin))
