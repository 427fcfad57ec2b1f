"""'Mijn taken' and the weekly summary: what is open for a user, and what is new in the buurt.

Top layer: reads the apps' models and selectors, scoped to the user's own memberships. Lines name
organisations, meetings and dates; never a signal's text.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activiteiten.bijeenkomsten import selectors as bijeenkomsten
from activiteiten.models import AFGESLOTEN_ACTIESTATUSSEN, Actie, Bijeenkomst, Doorverwijzing
from buurten.models import Buurt
from buurten.permissions import kan_beheren, partner_ids_van
from partners import selectors as partners
from partners.models import Bevestiging, Partner, Relatie

ACTIES_BINNEN_DAGEN = 7


@dataclass
class Taken:
    """A partner user's to-dos in one buurt."""

    buurt: Buurt
    relaties: list = field(default_factory=list)
    doorverwijzingen: list = field(default_factory=list)
    acties: list = field(default_factory=list)

    @property
    def aantal(self) -> int:
        return len(self.relaties) + len(self.doorverwijzingen) + len(self.acties)


def mijn_taken(user, buurt: Buurt, *, vandaag: date | None = None) -> Taken:
    """Ties waiting for the user's answer, referrals received (outcome not known yet) and open
    meeting actions of the user's organisation due within 7 days or overdue."""
    vandaag = vandaag or timezone.localdate()
    ids = partner_ids_van(user, buurt)
    if not ids:
        return Taken(buurt=buurt)
    return Taken(
        buurt=buurt,
        # Joined, not prefetched: one query whether or not ties are waiting.
        relaties=list(
            partners.te_beantwoorden_relaties(user, buurt)
            .prefetch_related(None)
            .select_related("van_partner", "naar_partner")[:20]
        ),
        doorverwijzingen=list(
            Doorverwijzing.objects.filter(
                naar_partner_id__in=ids, signaal__buurt=buurt, aangekomen__isnull=True
            )
            .select_related("van_partner", "naar_partner")
            .order_by("-datum", "-id")[:20]
        ),
        acties=list(
            bijeenkomsten.open_bijeenkomstacties([buurt.id]).filter(
                eigenaar_id__in=ids, deadline__lte=vandaag + timedelta(days=ACTIES_BINNEN_DAGEN)
            )[:20]
        ),
    )


# --- the weekly summary -----------------------------------------------------------------------
@dataclass
class Blok:
    titel: str
    regels: list[tuple[str, str]]  # (line, path)


def _pad(naam: str, *args) -> str:
    return reverse(naam, args=args)


def open_voor(user, buurt: Buurt, vandaag: date) -> list[tuple[str, str]]:
    """What is open for this user in the buurt (partner user: their tasks; regisseur: ties
    waiting in the buurt and overdue meeting actions)."""
    regels = []
    taken = mijn_taken(user, buurt, vandaag=vandaag)
    for r in taken.relaties:
        regels.append(
            (
                _("%(van)s wacht op je antwoord over een relatie") % {"van": r.van_partner.naam},
                _pad("partners:relatie_list", buurt.id) + "#te-beantwoorden",
            )
        )
    for d in taken.doorverwijzingen:
        regels.append(
            (
                _("Doorverwijzing van %(datum)s naar %(partner)s")
                % {"datum": d.datum.strftime("%d/%m/%Y"), "partner": d.naar_partner.naam},
                _pad("activiteiten:signaal_detail", buurt.id, d.signaal_id),
            )
        )
    for u in taken.acties:
        regels.append(
            (
                _("Actie van %(partner)s tegen %(datum)s")
                % {"partner": u.eigenaar.naam, "datum": u.deadline.strftime("%d/%m/%Y")},
                _pad("activiteiten:actie_detail", buurt.id, u.actie_id),
            )
        )
    if kan_beheren(user, buurt):
        wachtend = Relatie.objects.filter(
            van_partner__buurten=buurt, bevestiging=Bevestiging.OPEN, tot__isnull=True
        ).count()
        if wachtend:
            regels.append(
                (
                    _("%(n)d relaties wachten op een antwoord van de andere partner")
                    % {"n": wachtend},
                    _pad("partners:relatie_list", buurt.id),
                )
            )
        te_laat = (
            bijeenkomsten.open_bijeenkomstacties([buurt.id]).filter(deadline__lt=vandaag).count()
        )
        if te_laat:
            regels.append(
                (
                    _("%(n)d acties uit bijeenkomsten zijn te laat") % {"n": te_laat},
                    _pad("activiteiten:bijeenkomst_opvolging", buurt.id),
                )
            )
    return regels


def nieuw_in(buurt: Buurt, vandaag: date) -> list[tuple[str, str]]:
    """New partners and finished actions of the past week, meetings of the coming week."""
    begin = timezone.make_aware(datetime.combine(vandaag - timedelta(days=7), time.min))
    regels = []
    for p in Partner.objects.filter(buurten=buurt, aangemaakt_op__gte=begin).order_by("naam")[:10]:
        regels.append(
            (
                _("Nieuwe partner: %(naam)s") % {"naam": p.naam},
                _pad("partners:partner_detail", buurt.id, p.id),
            )
        )
    afgerond = Actie.objects.filter(
        buurt=buurt, status__in=AFGESLOTEN_ACTIESTATUSSEN, gewijzigd_op__gte=begin
    ).count()
    if afgerond:
        regels.append(
            (
                _("%(n)d acties afgerond deze week") % {"n": afgerond},
                _pad("activiteiten:actie_list", buurt.id),
            )
        )
    for b in Bijeenkomst.objects.filter(
        Q(geannuleerd_op__isnull=True),
        buurt=buurt,
        datum__gte=vandaag,
        datum__lte=vandaag + timedelta(days=7),
    ).order_by("datum", "begintijd")[:10]:
        regels.append(
            (
                _("Bijeenkomst op %(datum)s: %(titel)s")
                % {"datum": b.datum.strftime("%d/%m/%Y"), "titel": b.titel or b.get_type_display()},
                _pad("activiteiten:bijeenkomst_detail", buurt.id, b.id),
            )
        )
    return regels


def samenvatting_voor(user, buurten: list[Buurt], vandaag: date) -> list[Blok]:
    """The blocks of one user's weekly summary; empty when there is nothing open for them and
    nothing new in their buurten."""
    blokken = []
    for buurt in buurten:
        open_ = open_voor(user, buurt, vandaag)
        nieuw = nieuw_in(buurt, vandaag)
        if open_:
            blokken.append(Blok(_("Open voor jou in %(buurt)s") % {"buurt": buurt.naam}, open_))
        if nieuw:
            blokken.append(Blok(_("Nieuw in %(buurt)s") % {"buurt": buurt.naam}, nieuw))
    return blokken
