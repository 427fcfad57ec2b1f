"""Reads for partners, scoped to the user. Other apps read partners only through this module."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from buurten.models import Buurt
from buurten.permissions import kan_bekijken, partner_ids_van

from .models import (
    Betrokkenheid,
    Bevestiging,
    Contactpersoon,
    Importtaak,
    Mandaat,
    Netwerkrol,
    Partner,
    PartnerStatus,
    Relatie,
    RelatieBuurt,
)


def partners_van_buurt(buurt: Buurt) -> QuerySet[Partner]:
    """The partners working in a buurt: the one queryset behind every partner picker of every
    form (the view resolved the buurt with get_buurt_or_404 first). A partner of another buurt of
    the gemeente is not offered, and a forged id of one is an invalid choice."""
    return Partner.objects.filter(buurten=buurt).select_related("gemeente").order_by("naam")


def contactpersonen_van_buurt(buurt: Buurt) -> QuerySet[Contactpersoon]:
    """Contact persons of the buurt's partners: the one queryset behind every person picker."""
    return Contactpersoon.objects.filter(partner__buurten=buurt).select_related("partner")


def get_gemeentepartner_buiten_buurt_or_404(buurt: Buurt, partner_id: int) -> Partner:
    """A partner of the buurt's gemeente that does not work in the buurt yet: what a regisseur may
    add to the buurt (the caller checked that the user manages the buurt). Anything else is 404."""
    try:
        return (
            Partner.objects.filter(gemeente_id=buurt.gemeente_id)
            .exclude(buurten=buurt)
            .get(pk=partner_id)
        )
    except Partner.DoesNotExist as exc:
        raise Http404(_("Deze partner bestaat niet of je hebt er geen toegang toe.")) from exc


def partners_in_buurt(user, buurt: Buurt) -> QuerySet[Partner]:
    """The partners working in a buurt, if the user may see the buurt (empty otherwise)."""
    if not kan_bekijken(user, buurt):  # the request's memberships, no query
        return Partner.objects.none()
    return partners_van_buurt(buurt)


def met_laatste_scan(partners, buurt: Buurt) -> list[Partner]:
    """The partners (a page of them) with the latest vonk and vuur each scored in this buurt, as
    `laatste_vonk` / `laatste_vuur` (None without a scan): one query for the page's own rows.

    Annotated on the list query instead, PostgreSQL ran both subqueries for every partner of the
    buurt before sorting and cutting the page (836 runs for the largest buurt's 25 rows)."""
    partners = list(partners)
    laatste: dict[int, tuple[int, int]] = {}
    # Newest first per partner; an empty page runs no query (an empty `__in` matches nothing).
    for partner_id, vonk, vuur in (
        Betrokkenheid.objects.filter(buurt=buurt, partner_id__in=[p.pk for p in partners])
        .order_by("partner_id", "-gescoord_op", "-id")
        .values_list("partner_id", "vonk", "vuur")
    ):
        laatste.setdefault(partner_id, (vonk, vuur))
    for p in partners:
        p.laatste_vonk, p.laatste_vuur = laatste.get(p.pk, (None, None))
    return partners


def partner_detail(partner: Partner, buurt: Buurt) -> dict:
    """Everything shown on the partner page, in a fixed number of queries."""
    return {
        "contactpersonen": list(partner.contactpersonen.all()),
        "scans": list(
            Betrokkenheid.objects.filter(partner=partner, buurt=buurt).select_related(
                "gescoord_door"
            )
        ),
        "relaties_van": list(
            partner.relaties_van.select_related("naar_partner").order_by("naar_partner__naam")
        ),
        "relaties_naar": list(
            partner.relaties_naar.select_related("van_partner").order_by("van_partner__naam")
        ),
        "mandaten": list(
            Mandaat.objects.filter(buurt=buurt)
            .filter(Q(partner=partner) | Q(contactpersoon__partner=partner))
            .select_related("contactpersoon", "partner")
        ),
    }


def scanverloop(scans: Iterable[Betrokkenheid]) -> list[tuple[date, int, int]]:
    """(date, vonk, vuur), oldest first, for the change-over-time chart."""
    return sorted(((s.gescoord_op, s.vonk, s.vuur) for s in scans), key=lambda r: r[0])


def smoelenboek(user, buurt: Buurt) -> QuerySet[Contactpersoon]:
    """Contact persons of the partners in the buurt, grouped by partner."""
    return (
        Contactpersoon.objects.filter(partner__in=partners_in_buurt(user, buurt))
        .exclude(partner__status=PartnerStatus.GESTOPT)
        .select_related("partner")
        .prefetch_related(
            Prefetch(
                "netwerkrollen",
                queryset=Netwerkrol.objects.filter(buurt=buurt),
                to_attr="rollen_hier",
            )
        )
        .order_by("partner__naam", "voornaam", "achternaam")
    )


def relaties_in_buurt(user, buurt: Buurt, volgorde: str = "nieuw") -> QuerySet[Relatie]:
    """Ties where at least one side works in the buurt, newest first (or by partner name).

    Read through `RelatieBuurt` (one row per buurt of either side, partners.relatiebuurten): the
    count is an index scan on (buurt, relatie) and newest first (highest id) a backward scan of
    the same index that stops after the page. Before, an OR over both foreign keys with the
    buurt's partner ids cost 23-27 ms on the largest buurt of the Flanders-scale set.
    """
    if not kan_bekijken(user, buurt):
        return Relatie.objects.none()
    qs = Relatie.objects.filter(buurtrijen__buurt=buurt)
    if volgorde == "naam":  # the sort needs the names: join
        qs = qs.select_related("van_partner", "naar_partner")
        return qs.order_by("van_partner__naam", "naar_partner__naam", "id")
    # The page's partners are fetched for its rows only (prefetch), not joined before the sort.
    return qs.prefetch_related("van_partner", "naar_partner").order_by("-buurtrijen__relatie_id")


def met_beide_partners(relaties: Iterable[Relatie]) -> list[Relatie]:
    """The ties with both sides' id and name attached, read in one query (a prefetch per side
    read two, with every column of each partner)."""
    lijst = list(relaties)
    ids = {i for r in lijst for i in (r.van_partner_id, r.naar_partner_id)}
    partners = Partner.objects.only("id", "naam").in_bulk(ids)
    for r in lijst:
        r.van_partner, r.naar_partner = partners[r.van_partner_id], partners[r.naar_partner_id]
    return lijst


def aantal_relaties_in_buurt(
    user, buurt: Buurt, bevestiging: str | None = None, partner_ids: Iterable[int] | None = None
) -> int:
    """How many ties `relaties_in_buurt` lists (optionally only open/confirmed/disputed, or only
    those about these partners), counted on RelatieBuurt's index alone (< 1 ms on the largest buurt
    of the Flanders-scale set, where counting through the tie table cost 19-45 ms)."""
    if not kan_bekijken(user, buurt):
        return 0
    qs = RelatieBuurt.objects.filter(buurt=buurt)
    if bevestiging:
        qs = qs.filter(bevestiging=bevestiging)
    if partner_ids is not None:
        qs = qs.filter(relatie__naar_partner_id__in=list(partner_ids))
    return qs.count()


def relaties_binnen_buurt(user, buurt: Buurt) -> QuerySet[Relatie]:
    """Ties with both sides in the buurt (what the relation import accepts), by partner name."""
    ids = list(partners_in_buurt(user, buurt).order_by().values_list("pk", flat=True))
    return (
        Relatie.objects.filter(van_partner_id__in=ids, naar_partner_id__in=ids)
        .select_related("van_partner", "naar_partner")
        .order_by("van_partner__naam", "naar_partner__naam", "sinds", "id")
    )


def te_beantwoorden_relaties(user, buurt: Buurt) -> QuerySet[Relatie]:
    """Ties others declared about the user's own organisation(s), still open."""
    eigen = partner_ids_van(user, buurt)
    if not eigen:  # a regisseur or coordinator answers from the list itself: no query
        return Relatie.objects.none()
    return relaties_in_buurt(user, buurt).filter(
        naar_partner_id__in=eigen, bevestiging=Bevestiging.OPEN
    )


def netwerkperiode(van: date | None = None, tot: date | None = None) -> tuple[date, date]:
    """The days a network is about: the period, or (without one) today.

    Only an end: the network on that day. Only a start: from then until today.
    """
    vandaag = date.today()
    einde = tot or max(van or vandaag, vandaag)
    return (van or einde), einde


def netwerkrelaties(
    partner_ids: Iterable[int], *, van: date | None = None, tot: date | None = None
) -> QuerySet[Relatie]:
    """THE declared ties of a network: every consumer (the network job, pages, exports, the report)
    reads ties through here, so they all count the same network.

    A tie counts when both sides are nodes of the network (`partner_ids`), it is not disputed
    (open ties count, marked unconfirmed), and it is valid during the period (`netwerkperiode`):
    begun by its end and not ended before its start. Disputed, ended and future ties never count.
    Not user-scoped: callers pass partner ids they already checked.
    """
    begin, einde = netwerkperiode(van, tot)
    ids = list(partner_ids)
    return (
        Relatie.objects.filter(van_partner_id__in=ids, naar_partner_id__in=ids)
        .exclude(bevestiging=Bevestiging.BETWIST)
        .filter(Q(sinds__isnull=True) | Q(sinds__lte=einde))
        .filter(Q(tot__isnull=True) | Q(tot__gte=begin))
    )


def relaties_voor_netwerk(
    buurt_ids: Iterable[int], *, van: date | None = None, tot: date | None = None
) -> QuerySet[Relatie]:
    """The declared ties of the network of these buurten (`netwerkrelaties` over its partners)."""
    ids = partners_voor_netwerk(buurt_ids).order_by().values_list("pk", flat=True)
    return netwerkrelaties(list(ids), van=van, tot=tot).select_related(
        "van_partner", "naar_partner"
    )


def verklaarde_paren(relaties: Iterable[Relatie]) -> set[tuple[int, int]]:
    """Distinct partner pairs of these ties: A->B and B->A are one tie in the network."""
    return {
        (min(r.van_partner_id, r.naar_partner_id), max(r.van_partner_id, r.naar_partner_id))
        for r in relaties
    }


def partners_voor_netwerk(buurt_ids: Iterable[int]) -> QuerySet[Partner]:
    """Non-stopped partners of these buurten (network nodes)."""
    return (
        Partner.objects.filter(buurten__in=list(buurt_ids))
        .exclude(status=PartnerStatus.GESTOPT)
        .distinct()
        .order_by("naam")
    )


def bruggenbouwers(buurt: Buurt) -> QuerySet[Netwerkrol]:
    """Informal bridge-builders in a buurt (for the network page and report)."""
    return Netwerkrol.objects.filter(buurt=buurt, bruggenbouwer=True).select_related(
        "contactpersoon__partner"
    )


def mandaten_in_buurt(buurt: Buurt) -> QuerySet[Mandaat]:
    return Mandaat.objects.filter(buurt=buurt).select_related("contactpersoon__partner", "partner")


def netwerkrollen_in_buurt(buurt: Buurt) -> QuerySet[Netwerkrol]:
    return Netwerkrol.objects.filter(buurt=buurt).select_related(
        "contactpersoon__partner", "backup"
    )


@dataclass(frozen=True)
class Waarschuwing:
    """One mandate warning: what is wrong and about whom."""

    soort: str  # "verlopen" | "kwetsbare_rol"
    tekst: str


def mandaat_waarschuwingen(buurt: Buurt, op: date | None = None) -> list[Waarschuwing]:
    """Expired mandates, and roles resting on one person without a mandate or a back-up."""
    op = op or date.today()
    mandaten = list(mandaten_in_buurt(buurt))
    rollen = list(netwerkrollen_in_buurt(buurt))
    waarschuwingen = [
        Waarschuwing(
            "verlopen",
            _("Het mandaat van %(houder)s ('%(wat)s') is verlopen op %(datum)s.")
            % {
                "houder": m.houder,
                "wat": m.omschrijving,
                "datum": m.geldig_tot.strftime("%d/%m/%Y"),
            },
        )
        for m in mandaten
        if m.is_verlopen(op)
    ]
    geldig = {
        m.contactpersoon_id
        for m in mandaten
        if m.contactpersoon_id and not m.is_verlopen(op) and m.geldig_van <= op
    } | {
        # a partner-level mandate covers its people
        ("p", m.partner_id)
        for m in mandaten
        if m.partner_id and not m.is_verlopen(op) and m.geldig_van <= op
    }
    per_rol: dict[str, list[Netwerkrol]] = {}
    for rol in rollen:
        per_rol.setdefault(rol.rol, []).append(rol)
    for houders in per_rol.values():
        if len(houders) != 1:
            continue
        rol = houders[0]
        persoon = rol.contactpersoon
        heeft_mandaat = persoon.id in geldig or ("p", persoon.partner_id) in geldig
        ontbreekt = []
        if not heeft_mandaat:
            ontbreekt.append(_("mandaat"))
        if not rol.backup_id:
            ontbreekt.append(_("back-up"))
        if ontbreekt:
            waarschuwingen.append(
                Waarschuwing(
                    "kwetsbare_rol",
                    _("De rol '%(rol)s' rust op één persoon (%(persoon)s) zonder %(wat)s.")
                    % {
                        "rol": rol.get_rol_display(),
                        "persoon": persoon,
                        "wat": _(" en zonder ").join(str(o) for o in ontbreekt),
                    },
                )
            )
    return waarschuwingen


# --- one definition per figure (docs/features.md, "Cijfers") -----------------------------------
def partners_in_de_buurt(buurt: Buurt) -> QuerySet[Partner]:
    """THE "partners in de buurt": active partners (status actief) linked to the buurt. Potential
    and stopped partners are shown apart; "in het netwerk" (the latest analysis' nodes) also
    counts potential partners. Every screen that says "partners in de buurt" counts this."""
    return Partner.objects.filter(buurten=buurt, status=PartnerStatus.ACTIEF)


def partners_in_de_buurt_per_buurt(buurt_ids: Iterable[int]) -> dict[int, int]:
    """`partners_in_de_buurt` counted for many buurten (the dashboard's cards) in one grouped
    query on the link table (index-only on (buurt, partner), migration 0010), not a DISTINCT count
    over every link joined to the buurt rows."""
    rijen = (
        Partner.buurten.through.objects.filter(
            buurt_id__in=list(buurt_ids), partner__status=PartnerStatus.ACTIEF
        )
        .values("buurt_id")
        .annotate(n=Count("*"))
        .order_by()
    )
    return {r["buurt_id"]: r["n"] for r in rijen}


def kerncijfers(user, buurt: Buurt) -> dict:
    """Key figures for the buurt overview section (one aggregate query)."""
    cijfers = partners_in_buurt(user, buurt).aggregate(
        totaal=Count("pk"),
        actief=Count("pk", filter=Q(status=PartnerStatus.ACTIEF)),
        potentieel=Count("pk", filter=Q(status=PartnerStatus.POTENTIEEL)),
        informeel=Count("pk", filter=Q(formeel=False)),
    )
    cijfers["open_relaties"] = aantal_relaties_in_buurt(user, buurt, Bevestiging.OPEN)
    return cijfers


def laatste_scans(buurt: Buurt) -> dict[int, Betrokkenheid]:
    """The most recent partnerscan per partner in a buurt: {partner_id: Betrokkenheid}."""
    laatste: dict[int, Betrokkenheid] = {}
    for scan in Betrokkenheid.objects.filter(buurt=buurt).order_by(
        "partner_id", "-gescoord_op", "-id"
    ):
        laatste.setdefault(scan.partner_id, scan)
    return laatste


def partnergroei(buurt: Buurt) -> list[tuple[str, int]]:
    """Cumulative number of partners that became active, per month ('aanzuigeffect' chart)."""
    datums = sorted(
        Partner.objects.filter(buurten=buurt, actief_sinds__isnull=False).values_list(
            "actief_sinds", flat=True
        )
    )
    reeks: list[tuple[str, int]] = []
    for i, datum in enumerate(datums, start=1):
        maand = datum.strftime("%Y-%m")
        if reeks and reeks[-1][0] == maand:
            reeks[-1] = (maand, i)
        else:
            reeks.append((maand, i))
    return reeks


def contactpersonen_in_buurt(user, buurt: Buurt) -> QuerySet[Contactpersoon]:
    """Contact persons of the buurt's partners (for choosers in other apps, e.g. package teams)."""
    return Contactpersoon.objects.filter(partner__in=partners_in_buurt(user, buurt)).select_related(
        "partner"
    )


def get_importtaak_or_404(buurt: Buurt, importtaak_id: int) -> Importtaak:
    """An import job of this buurt; 404 for another buurt's. The caller checks the role (403)."""
    try:
        return Importtaak.objects.select_related("buurt").get(pk=importtaak_id, buurt=buurt)
    except Importtaak.DoesNotExist as exc:
        raise Http404(_("Deze import bestaat niet (meer).")) from exc
