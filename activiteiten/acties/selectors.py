"""Reads for actions and signals, already scoped to the user (DESIGN §5: who sees which signal)."""

from datetime import date

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from activiteiten.acties.filters import ActieFilter, SignaalFilter
from activiteiten.acties.permissions import leesbare_signalen
from activiteiten.models import (
    OPEN_SIGNAALSTATUSSEN,
    URGENTIE_RANG,
    Actie,
    Beleidssignaal,
    Doorverwijzing,
    FrameworkElement,
    FrameworkSoort,
    Signaal,
)
from buurten.models import Buurt, Rol
from partners import selectors as partner_selectors
from partners.models import Partner
from zorgnet.lib.choices import NIET_INGESCHAT
from zorgnet.lib.kleine_aantallen import afgeschermd_totaal, afschermen
from zorgnet.netwerk.banden import WaargenomenBand


# --- signals --------------------------------------------------------------------------------------
def signalen_voor(user, buurt: Buurt) -> QuerySet[Signaal]:
    """Signals of the buurt this user may read one by one: the one rule of
    `activiteiten.acties.permissions.leesbare_signalen`."""
    # The partner is fetched for the page's rows only (prefetch): joining it before the sort made
    # PostgreSQL hash all partners of Flanders for every queue page (bench: 78 -> ~6 ms).
    return leesbare_signalen(user, buurt).prefetch_related("partner")


def get_signaal_or_404(user, buurt: Buurt, signaal_id: int) -> Signaal:
    try:
        return (
            signalen_voor(user, buurt)
            .select_related("partner", "beleidssignaal")
            .get(pk=signaal_id)
        )
    except Signaal.DoesNotExist as exc:
        raise Http404(_("Dit signaal bestaat niet of je hebt er geen toegang toe.")) from exc


def open_signalen(user, buurt: Buurt) -> QuerySet[Signaal]:
    """The regisseur's triage queue: new and in-progress signals, urgent and oldest first."""
    return (
        signalen_voor(user, buurt)
        .filter(status__in=OPEN_SIGNAALSTATUSSEN)
        .annotate(urgentie_rang=URGENTIE_RANG)
        .order_by("urgentie_rang", "datum", "id")
    )


def signaaltellingen_tellen(tellingen: dict[str, dict[str, int]]) -> dict:
    """Counts per status, theme and channel as a reader outside the regie sees them.

    `tellingen` maps "status", "thema" (and optionally "kanaal") to {code: count}. Every
    breakdown adds up to the same total, and the open statuses to the "Open signalen" figure of
    the buurt page: all of them are protected together (complementary suppression), so no hidden
    count follows from the figures beside it. Returns display rows per breakdown, the total and
    the open count as shown."""
    waarden = {(veld, code): n for veld, rijen in tellingen.items() for code, n in rijen.items()}
    totaal = sum(tellingen["status"].values())
    open_n = sum(tellingen["status"].get(s, 0) for s in OPEN_SIGNAALSTATUSSEN)
    groepen = [(totaal, [k for k in waarden if k[0] == veld]) for veld in tellingen]
    groepen.append(
        (open_n, [("status", s) for s in OPEN_SIGNAALSTATUSSEN if ("status", s) in waarden])
    )
    weergave, totalen_weg = afschermen(waarden, groepen)
    uit: dict = {"rijen": {}}
    for veld, rijen in tellingen.items():
        labels = dict(Signaal._meta.get_field(veld).choices)
        uit["rijen"][veld] = [
            (str(labels.get(code, code)), weergave[(veld, code)])
            for code, _n in sorted(rijen.items(), key=lambda r: -r[1])
        ]
    uit["totaal"] = afgeschermd_totaal(totaal, bool(totalen_weg & set(range(len(tellingen)))))
    uit["open"] = afgeschermd_totaal(open_n, len(tellingen) in totalen_weg)
    return uit


def inschatting_tellingen(signalen: QuerySet[Signaal], veld: str) -> list[tuple[str, int]]:
    """Signals per value of an optional estimate (`zorgniveau` or `responsniveau`), in choice order,
    with the empty value as its own last row "niet ingeschat": never counted as a chosen value."""
    if veld not in ("zorgniveau", "responsniveau"):
        raise ValueError(veld)
    per_code = dict(signalen.order_by().values_list(veld).annotate(n=Count("id")))
    keuzes = Signaal._meta.get_field(veld).choices
    rijen = [(str(label), per_code.get(code, 0)) for code, label in keuzes]
    rijen.append((str(NIET_INGESCHAT), per_code.get("", 0)))
    return rijen


def signaal_codes(
    buurten: list[Buurt], *, van: date | None = None, tot: date | None = None
) -> dict[str, dict[str, int]]:
    """{veld: {code: count}} per status, theme and channel over these buurten (no content).

    One scan grouped by the three fields together (at most a few hundred rows), summed here:
    it was one grouped scan per field."""
    qs = Signaal.objects.filter(buurt__in=buurten)
    qs = SignaalFilter.toepassen(qs, {"van": van, "tot": tot})
    velden = ("status", "thema", "kanaal")
    uit: dict[str, dict[str, int]] = {veld: {} for veld in velden}
    for rij in qs.values(*velden).annotate(n=Count("*")).order_by():
        for veld in velden:
            uit[veld][rij[veld]] = uit[veld].get(rij[veld], 0) + rij["n"]
    return {
        veld: dict(sorted(rijen.items(), key=lambda r: r[0] or "")) for veld, rijen in uit.items()
    }


def afgeschermde_signaaltellingen(
    buurt: Buurt, *, van: date | None = None, tot: date | None = None
) -> dict:
    """The buurt's signal counts for coordinators and other readers outside the regie."""
    return signaaltellingen_tellen(signaal_codes([buurt], van=van, tot=tot))


def aantal_open_signalen(buurt_ids: list[int]) -> dict[int, int]:
    rijen = (
        Signaal.objects.filter(buurt_id__in=buurt_ids, status__in=OPEN_SIGNAALSTATUSSEN)
        .values("buurt_id")
        .annotate(n=Count("id"))
    )
    return {r["buurt_id"]: r["n"] for r in rijen}


def open_signalen_per_beheerde_buurt(user) -> list[tuple[Buurt, int]]:
    """(buurt, open count) for every buurt the user manages; always one query."""
    qs = Signaal.objects.filter(status__in=OPEN_SIGNAALSTATUSSEN)
    if not user.is_superuser:
        qs = qs.filter(
            buurt__lidmaatschappen__gebruiker=user, buurt__lidmaatschappen__rol=Rol.REGISSEUR
        )
    rijen = (
        qs.values("buurt_id", "buurt__naam")
        .annotate(n=Count("id", distinct=True))
        .order_by("buurt__naam")
    )
    return [(Buurt(id=r["buurt_id"], naam=r["buurt__naam"]), r["n"]) for r in rijen]


def doorverwijzingen_van(signaal: Signaal) -> QuerySet[Doorverwijzing]:
    return signaal.doorverwijzingen.select_related("van_partner", "naar_partner")


def get_doorverwijzing_or_404(user, buurt: Buurt, doorverwijzing_id: int) -> Doorverwijzing:
    """A referral of a signal the user may read."""
    try:
        return Doorverwijzing.objects.select_related("signaal", "naar_partner", "van_partner").get(
            pk=doorverwijzing_id, signaal__in=signalen_voor(user, buurt)
        )
    except Doorverwijzing.DoesNotExist as exc:
        raise Http404(
            _("Deze doorverwijzing bestaat niet of je hebt er geen toegang toe.")
        ) from exc


def bundelbare_signalen(buurt: Buurt) -> QuerySet[Signaal]:
    from activiteiten.models import BUNDELBARE_SIGNAALSTATUSSEN

    return Signaal.objects.filter(
        buurt=buurt, status__in=BUNDELBARE_SIGNAALSTATUSSEN, beleidssignaal__isnull=True
    ).select_related("partner")


# --- beleidssignalen ------------------------------------------------------------------------------
def beleidssignalen_van(buurt: Buurt) -> QuerySet[Beleidssignaal]:
    return (
        Beleidssignaal.objects.filter(buurt=buurt)
        .annotate(aantal_signalen=Count("signalen"))
        .order_by("-aangemaakt_op", "-id")
    )


def get_beleidssignaal_or_404(buurt: Buurt, beleidssignaal_id: int) -> Beleidssignaal:
    try:
        return beleidssignalen_van(buurt).get(pk=beleidssignaal_id)
    except Beleidssignaal.DoesNotExist as exc:
        raise Http404(_("Dit beleidssignaal bestaat niet.")) from exc


def bundel_tellingen(beleidssignaal: Beleidssignaal) -> list[tuple[str, int]]:
    """Bundled signals per theme: counts only, so every member of the buurt may see them."""
    labels = dict(Signaal._meta.get_field("thema").choices)
    rijen = beleidssignaal.signalen.values("thema").annotate(n=Count("id")).order_by("thema")
    return [(str(labels.get(r["thema"], r["thema"])), r["n"]) for r in rijen]


# --- actions --------------------------------------------------------------------------------------
def acties_van(buurt: Buurt) -> QuerySet[Actie]:
    """Actions are not sensitive: everyone who may see the buurt sees them."""
    return (
        Actie.objects.filter(buurt=buurt)
        .select_related("trekker", "pakket")
        .prefetch_related("co_partners")
    )


# What a row of the action list shows (templates/activiteiten/acties/actie_list.html): loading
# only these columns (no story, draaiboek, target groups or package plan) and only the co-organisers'
# names takes a quarter off reading a page of 25 rows.
LIJSTKOLOMMEN = (
    "id",
    "buurt_id",
    "titel",
    "categorie",
    "status",
    "startdatum",
    "deelnemers",
    "trekker__id",
    "trekker__naam",
    "pakket__id",
    "pakket__naam",
)


def voor_lijst(qs: QuerySet[Actie]) -> QuerySet[Actie]:
    """`acties_van` (filtered) narrowed to what the list shows."""
    namen = Prefetch("co_partners", queryset=Partner.objects.only("id", "naam").order_by("naam"))
    return qs.only(*LIJSTKOLOMMEN).prefetch_related(None).prefetch_related(namen)


def filter_acties(qs: QuerySet[Actie], **waarden) -> QuerySet[Actie]:
    """The action list's filters (status, categorie, pakket, van, tot) on cleaned values, for the
    report and the export job; the rule for each lives once, in ActieFilter."""
    return ActieFilter.toepassen(qs, waarden)


def get_actie_or_404(buurt: Buurt, actie_id: int) -> Actie:
    try:
        return (
            acties_van(buurt)
            .prefetch_related("bouwstenen__framework", "pijlers__framework")
            .get(pk=actie_id)
        )
    except Actie.DoesNotExist as exc:
        raise Http404(_("Deze actie bestaat niet.")) from exc


def actie_tellingen(buurt: Buurt) -> list[tuple[str, int]]:
    labels = dict(Actie._meta.get_field("status").choices)
    rijen = Actie.objects.filter(buurt=buurt).values("status").annotate(n=Count("*"))
    per = {r["status"]: r["n"] for r in rijen}
    return [(str(labels[s]), per.get(s, 0)) for s in labels]


def partners_in_buurt(buurt: Buurt) -> QuerySet[Partner]:
    return partner_selectors.partners_van_buurt(buurt)


def kaderelementen(soort: str) -> QuerySet[FrameworkElement]:
    return FrameworkElement.objects.filter(framework__soort=soort).select_related("framework")


def bouwsteenelementen() -> QuerySet[FrameworkElement]:
    return kaderelementen(FrameworkSoort.BOUWSTENEN)


def pijlerelementen() -> QuerySet[FrameworkElement]:
    return kaderelementen(FrameworkSoort.PIJLERS)


# --- observed collaboration for the network analysis (zorgnet/netwerkanalyse/bronnen.py) -------
def co_partner_banden(
    buurt_ids: list[int], van: date | None = None, tot: date | None = None
) -> list[WaargenomenBand]:
    """Trekker and co-partners of an action worked together: one tie per pair per action.

    One query over the co-partner rows (tuples, no model objects): an action without co-partners
    gives no tie, so it is not read at all."""
    acties = Actie.objects.filter(buurt_id__in=buurt_ids)
    if van:
        acties = acties.filter(startdatum__gte=van)
    if tot:
        acties = acties.filter(startdatum__lte=tot)
    rijen = (
        Actie.co_partners.through.objects.filter(actie__in=acties)
        .order_by("actie_id")
        .values_list("actie_id", "actie__trekker_id", "actie__startdatum", "partner_id")
    )
    banden: list[WaargenomenBand] = []

    def paren(trekker, datum, partners: set) -> None:
        ids = sorted(partners | {trekker} - {None})
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                banden.append(WaargenomenBand(a, b, "co_partner_actie", 1.0, datum))

    huidig, trekker, datum, partners = None, None, None, set()
    for actie_id, t, d, partner_id in rijen.iterator(chunk_size=5000):
        if actie_id != huidig:
            if huidig is not None:
                paren(trekker, datum, partners)
            huidig, trekker, datum, partners = actie_id, t, d, set()
        partners.add(partner_id)
    if huidig is not None:
        paren(trekker, datum, partners)
    return banden


def doorverwijzing_banden(
    buurt_ids: list[int], van: date | None = None, tot: date | None = None
) -> list[WaargenomenBand]:
    """A referral between two partners is an observed tie; a warm one weighs more."""
    qs = Doorverwijzing.objects.filter(signaal__buurt_id__in=buurt_ids, van_partner__isnull=False)
    if van:
        qs = qs.filter(datum__gte=van)
    if tot:
        qs = qs.filter(datum__lte=tot)
    return [
        WaargenomenBand(a, b, "doorverwijzing", 2.0 if warm else 1.0, datum)
        for a, b, warm, datum in qs.values_list(
            "van_partner_id", "naar_partner_id", "warm", "datum"
        )
    ]
