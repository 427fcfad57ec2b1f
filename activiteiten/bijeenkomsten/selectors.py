"""Reads for meetings: lists, attendance, open meeting actions, training and intervisie figures,
and who met whom (an observed-collaboration source for the network analysis)."""

from collections import Counter
from datetime import date, timedelta
from itertools import combinations

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from activiteiten.models import (
    AFGESLOTEN_ACTIESTATUSSEN,
    Aanwezigheid,
    Agendatoken,
    Bijeenkomst,
    Reeks,
    Uitkomst,
    UitkomstSoort,
)
from buurten.models import Buurt
from buurten.permissions import buurten_voor
from partners import selectors as partner_selectors
from partners.models import Contactpersoon, Partner
from zorgnet.lib.choices import BijeenkomstType
from zorgnet.netwerk.banden import WaargenomenBand

INTERVISIES = (BijeenkomstType.INTERVISIE, BijeenkomstType.THEMA_INTERVISIE)


# --- meetings -------------------------------------------------------------------------------------
def _aantal_personen():
    return Coalesce(
        Subquery(
            Aanwezigheid.objects.filter(bijeenkomst=OuterRef("pk"))
            .order_by()
            .values("bijeenkomst")
            .annotate(n=Count("id"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def met_aantallen(qs: QuerySet[Bijeenkomst]) -> QuerySet[Bijeenkomst]:
    """Annotate named attendees, total attendance (named + anonymous) and outcomes."""
    uitkomsten = (
        Uitkomst.objects.filter(bijeenkomst=OuterRef("pk"))
        .order_by()
        .values("bijeenkomst")
        .annotate(n=Count("id"))
        .values("n")
    )
    return qs.annotate(
        aantal_personen=_aantal_personen(),
        aantal_uitkomsten=Coalesce(Subquery(uitkomsten, output_field=IntegerField()), Value(0)),
    ).annotate(
        aantal_aanwezig=F("aantal_personen") + F("aantal_bewoners") + F("aantal_anderen"),
    )


def bijeenkomsten_van(buurt: Buurt) -> QuerySet[Bijeenkomst]:
    """Meetings are not sensitive: everyone who may see the buurt sees them."""
    return met_aantallen(Bijeenkomst.objects.filter(buurt=buurt).select_related("reeks"))


def get_bijeenkomst_or_404(buurt: Buurt, bijeenkomst_id: int) -> Bijeenkomst:
    try:
        return bijeenkomsten_van(buurt).get(pk=bijeenkomst_id)
    except Bijeenkomst.DoesNotExist as exc:
        raise Http404(_("Deze bijeenkomst bestaat niet.")) from exc


def aanwezigheden_van(bijeenkomst: Bijeenkomst) -> QuerySet[Aanwezigheid]:
    return bijeenkomst.aanwezigheden.select_related("contactpersoon", "partner").order_by(
        "partner__naam", "contactpersoon__voornaam", "naam", "id"
    )


def uitkomsten_van(bijeenkomst: Bijeenkomst) -> QuerySet[Uitkomst]:
    return bijeenkomst.uitkomsten.select_related("eigenaar", "actie", "signaal").order_by("id")


def aanwezigheidskeuzes(user, buurt: Buurt) -> QuerySet[Contactpersoon]:
    """The quick tick list: contact persons of the buurt's partners, grouped by partner."""
    return partner_selectors.contactpersonen_in_buurt(user, buurt).order_by(
        "partner__naam", "voornaam", "achternaam"
    )


def partners_in_buurt(user, buurt: Buurt) -> QuerySet[Partner]:
    return partner_selectors.partners_in_buurt(user, buurt)


def reeksen_van(buurt: Buurt) -> QuerySet[Reeks]:
    return Reeks.objects.filter(buurt=buurt).annotate(aantal=Count("bijeenkomsten"))


def get_reeks_or_404(buurt: Buurt, reeks_id: int) -> Reeks:
    try:
        return reeksen_van(buurt).get(pk=reeks_id)
    except Reeks.DoesNotExist as exc:
        raise Http404(_("Deze reeks bestaat niet.")) from exc


# --- opvolging: actions agreed in meetings --------------------------------------------------------
def open_bijeenkomstacties(buurt_ids: list[int]) -> QuerySet[Uitkomst]:
    """Actions agreed in meetings that are not yet done (W7 step 4, werkende factor 8):
    the action's own status decides, so closing the action closes the follow-up."""
    return (
        Uitkomst.objects.filter(
            soort=UitkomstSoort.ACTIE,
            bijeenkomst__buurt_id__in=buurt_ids,
            actie__isnull=False,
        )
        .exclude(actie__status__in=AFGESLOTEN_ACTIESTATUSSEN)
        .select_related("bijeenkomst", "eigenaar", "actie")
        .order_by(F("deadline").asc(nulls_last=True), "bijeenkomst__datum", "id")
    )


def herinneringen(buurt_ids: list[int], *, binnen_dagen: int = 14, limiet: int = 10) -> list:
    """Open meeting actions that are overdue or due soon, for the dashboard (one query)."""
    grens = timezone.localdate() + timedelta(days=binnen_dagen)
    return list(
        open_bijeenkomstacties(buurt_ids)
        .filter(deadline__lte=grens)
        .select_related("bijeenkomst__buurt")[:limiet]
    )


# --- figures: trainings, intervisie attendance, counts --------------------------------------------
def _periode(qs, van: date | None, tot: date | None):
    if van:
        qs = qs.filter(datum__gte=van)
    if tot:
        qs = qs.filter(datum__lte=tot)
    return qs


def trainingen(buurt_ids: list[int], van: date | None = None, tot: date | None = None) -> list:
    """Every training with the number of people trained (named + anonymous attendees)."""
    qs = Bijeenkomst.objects.filter(buurt_id__in=buurt_ids, type=BijeenkomstType.TRAINING)
    return list(met_aantallen(_periode(qs, van, tot)).order_by("datum", "id"))


def getraind_per_jaar(buurt_ids: list[int], tot: date | None = None) -> list[tuple[int, int, int]]:
    """(year, people trained that year, cumulative since the first training): '330 mensen getraind'."""
    qs = Bijeenkomst.objects.filter(buurt_id__in=buurt_ids, type=BijeenkomstType.TRAINING)
    if tot:
        qs = qs.filter(datum__lte=tot)
    per_jaar: Counter[int] = Counter()
    for b in (
        met_aantallen(qs).annotate(jaar=ExtractYear("datum")).values("jaar", "aantal_aanwezig")
    ):
        per_jaar[b["jaar"]] += b["aantal_aanwezig"]
    uit, totaal = [], 0
    for jaar in sorted(per_jaar):
        totaal += per_jaar[jaar]
        uit.append((jaar, per_jaar[jaar], totaal))
    return uit


def intervisie_gemiddelde(
    buurt_ids: list[int], van: date | None = None, tot: date | None = None
) -> tuple[int, float | None]:
    """(number of intervisies held, average attendance): '± 10 aanwezigen'. Meetings without any
    registered attendance (planned, or not yet filled in) are left out of the average."""
    vandaag = timezone.localdate()
    qs = _periode(
        Bijeenkomst.objects.filter(
            buurt_id__in=buurt_ids, type__in=INTERVISIES, datum__lte=vandaag
        ),
        van,
        tot,
    )
    aantallen = [n for n in met_aantallen(qs).values_list("aantal_aanwezig", flat=True) if n]
    if not aantallen:
        return 0, None
    return len(aantallen), sum(aantallen) / len(aantallen)


def per_type(buurt_ids: list[int], van: date | None = None, tot: date | None = None) -> list:
    """(type label, number of meetings, total attendance, residents) per meeting type."""
    labels = dict(BijeenkomstType.choices)
    qs = _periode(Bijeenkomst.objects.filter(buurt_id__in=buurt_ids), van, tot)
    per: dict[str, list[int]] = {}
    for rij in met_aantallen(qs).values("type", "aantal_aanwezig", "aantal_bewoners"):
        t = per.setdefault(rij["type"], [0, 0, 0])
        t[0] += 1
        t[1] += rij["aantal_aanwezig"]
        t[2] += rij["aantal_bewoners"]
    return [(str(labels.get(k, k)), *per[k]) for k in labels if k in per]


def uitkomsten_per_soort(
    buurt_ids: list[int], van: date | None = None, tot: date | None = None
) -> list[tuple[str, int]]:
    qs = Uitkomst.objects.filter(bijeenkomst__buurt_id__in=buurt_ids)
    if van:
        qs = qs.filter(bijeenkomst__datum__gte=van)
    if tot:
        qs = qs.filter(bijeenkomst__datum__lte=tot)
    per = dict(qs.values_list("soort").annotate(n=Count("id")).order_by())
    return [(str(label), per.get(k, 0)) for k, label in UitkomstSoort.choices]


def acties_opvolging(buurt_ids: list[int], van: date | None = None, tot: date | None = None):
    """(agreed actions, done, overdue) for actions agreed in meetings of the period."""
    qs = Uitkomst.objects.filter(
        bijeenkomst__buurt_id__in=buurt_ids, soort=UitkomstSoort.ACTIE, actie__isnull=False
    )
    if van:
        qs = qs.filter(bijeenkomst__datum__gte=van)
    if tot:
        qs = qs.filter(bijeenkomst__datum__lte=tot)
    open_ = ~Q(actie__status__in=AFGESLOTEN_ACTIESTATUSSEN)
    return qs.aggregate(
        totaal=Count("id"),
        klaar=Count("id", filter=Q(actie__status__in=AFGESLOTEN_ACTIESTATUSSEN)),
        te_laat=Count("id", filter=open_ & Q(deadline__lt=timezone.localdate())),
    )


def buurtcijfers(buurt: Buurt) -> dict:
    """Figures for the bijeenkomsten section on the buurt page."""
    ids = [buurt.id]
    vandaag = timezone.localdate()
    jaar_start = date(vandaag.year, 1, 1)
    per_jaar = getraind_per_jaar(ids)
    intervisies, gemiddeld = intervisie_gemiddelde(
        ids, van=date(vandaag.year - 1, vandaag.month, 1)
    )
    opvolging = acties_opvolging(ids)
    return {
        "dit_jaar": Bijeenkomst.objects.filter(
            buurt=buurt, datum__gte=jaar_start, datum__lte=vandaag
        ).count(),
        "volgende": Bijeenkomst.objects.filter(buurt=buurt, datum__gte=vandaag)
        .order_by("datum", "begintijd")
        .first(),
        "getraind_dit_jaar": next((n for j, n, _c in per_jaar if j == vandaag.year), 0),
        "getraind_totaal": per_jaar[-1][2] if per_jaar else 0,
        "getraind_sinds": per_jaar[0][0] if per_jaar else None,
        "intervisies": intervisies,
        "intervisie_gemiddeld": gemiddeld,
        "open_acties": opvolging["totaal"] - opvolging["klaar"],
        "te_laat": opvolging["te_laat"],
    }


# --- who met whom (network analysis) --------------------------------------------------------------
def _aanwezigen_per_bijeenkomst(
    buurt_ids: list[int], van: date | None, tot: date | None
) -> list[tuple[date, list[int]]]:
    """(date, sorted partner ids present) per meeting in these buurten and period."""
    qs = Aanwezigheid.objects.filter(bijeenkomst__buurt_id__in=buurt_ids, partner__isnull=False)
    if van:
        qs = qs.filter(bijeenkomst__datum__gte=van)
    if tot:
        qs = qs.filter(bijeenkomst__datum__lte=tot)
    per_bijeenkomst: dict[int, tuple[date, set[int]]] = {}
    for bijeenkomst_id, datum, partner_id in qs.values_list(
        "bijeenkomst_id", "bijeenkomst__datum", "partner_id"
    ).order_by():
        per_bijeenkomst.setdefault(bijeenkomst_id, (datum, set()))[1].add(partner_id)
    return [(datum, sorted(ids)) for _id, (datum, ids) in sorted(per_bijeenkomst.items())]


def wie_ontmoette_wie(
    buurt_ids: list[int], van: date | None = None, tot: date | None = None
) -> dict[tuple[int, int], list[date]]:
    """{(partner a, partner b) with a < b: dates of the meetings both attended}."""
    paren: dict[tuple[int, int], list[date]] = {}
    for datum, partner_ids in _aanwezigen_per_bijeenkomst(buurt_ids, van, tot):
        for a, b in combinations(partner_ids, 2):
            paren.setdefault((a, b), []).append(datum)
    return paren


def co_aanwezigheid_banden(
    buurt_ids: list[int], van: date | None = None, tot: date | None = None
) -> list[WaargenomenBand]:
    """Two partners present at the same meeting met: one tie per pair per meeting, weighted by the
    meeting's size as in Newman's collaboration networks: 1/(n-1) for a meeting of n partners.

    A partner at a meeting of n spreads one unit of "time together" over the n-1 others, so a
    meeting of two gives the pair 1, a training of 21 gives each pair 0.05: large meetings no
    longer outweigh real collaboration, and a partner's strength from one meeting is at most 1.
    """
    banden = []
    for datum, partner_ids in _aanwezigen_per_bijeenkomst(buurt_ids, van, tot):
        gewicht = 1.0 / (len(partner_ids) - 1) if len(partner_ids) > 1 else 0.0
        banden.extend(
            WaargenomenBand(a, b, "co_aanwezigheid", gewicht, datum)
            for a, b in combinations(partner_ids, 2)
        )
    return sorted(banden, key=lambda band: (band.partner_a, band.partner_b, band.datum))


# --- agenda (iCal) ----------------------------------------------------------------------------------
AGENDA_TERUG_DAGEN = 90


def agenda_bijeenkomsten(qs: QuerySet[Bijeenkomst]) -> QuerySet[Bijeenkomst]:
    """The meetings a feed holds: from three months ago on, cancelled ones included (marked)."""
    van = timezone.localdate() - timedelta(days=AGENDA_TERUG_DAGEN)
    return qs.filter(datum__gte=van).order_by("datum", "begintijd", "id")


def gebruiker_van_agendatoken(sleutel: str):
    """The active user whose current feed key this is; None for an unknown or renewed key."""
    token = (
        Agendatoken.objects.select_related("gebruiker")
        .filter(sleutel=sleutel, gebruiker__is_active=True)
        .first()
    )
    return token.gebruiker if token else None


def get_reeks_voor_gebruiker_or_404(user, reeks_id: int) -> Reeks:
    try:
        return Reeks.objects.select_related("buurt").get(pk=reeks_id, buurt__in=buurten_voor(user))
    except Reeks.DoesNotExist as exc:
        raise Http404(_("Deze reeks bestaat niet.")) from exc


def reeksen_voor(user) -> QuerySet[Reeks]:
    return (
        Reeks.objects.filter(buurt__in=buurten_voor(user))
        .select_related("buurt")
        .order_by("buurt__naam", "titel")
    )


def genodigden_van(bijeenkomst: Bijeenkomst):
    return bijeenkomst.genodigden.select_related("contactpersoon__partner").order_by(
        "contactpersoon__partner__naam", "contactpersoon__voornaam"
    )
