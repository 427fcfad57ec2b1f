"""Who may do what with actions and signals (DESIGN §5: who sees which signal).

The one rule for a signal's text lives here (`leesbare_signalen`): the buurt's regisseur, the
partner organisation that logged the signal and the partners it was referred to read it. Every
page, fragment, PDF, export and admin view that can show the text asks this module
(`mag_signaaltekst_lezen`, `leesbare_signaal_ids`) and logs the read
(`activiteiten.acties.services.signaaltekst_gelezen`); everyone else sees that a signal exists
(theme, date, status), never its text.
"""

from collections.abc import Iterable

from django.db.models import QuerySet

from activiteiten.models import Actie, Doorverwijzing, Signaal
from buurten.models import Buurt
from buurten.permissions import is_coordinator_van, kan_beheren, partner_ids_van


def leesbare_signalen(user, buurt: Buurt) -> QuerySet[Signaal]:
    """The signals of the buurt whose text this user may read: all for the regisseur (and a
    superuser); for a partner user those their organisation logged or received by referral;
    none for anyone else (coordinator, lezer, other buurten)."""
    basis = Signaal.objects.filter(buurt=buurt)
    if kan_beheren(user, buurt):
        return basis
    ids = partner_ids_van(user, buurt)
    if not ids:
        return basis.none()
    # Their own and their referred signals as one UNION of two index scans: with an OR the
    # planner read every signal of the buurt and filtered (7 ms on the largest buurt of the
    # Flanders-scale set, 0.3 ms like this).
    eigen = Signaal.objects.filter(partner_id__in=ids).order_by().values("id")
    doorverwezen = (
        Doorverwijzing.objects.filter(naar_partner_id__in=ids).order_by().values("signaal_id")
    )
    return basis.filter(id__in=eigen.union(doorverwezen))


def leesbare_signaal_ids(user, buurt: Buurt, signaal_ids: Iterable[int | None]) -> set[int]:
    """Which of these signals of the buurt the user may read (one query; none when empty)."""
    ids = {i for i in signaal_ids if i is not None}
    if not ids:
        return set()
    return set(leesbare_signalen(user, buurt).filter(id__in=ids).values_list("id", flat=True))


def mag_signaaltekst_lezen(user, signaal: Signaal) -> bool:
    """May this user read this signal's text?"""
    if not getattr(user, "is_authenticated", False) or signaal.pk is None:
        return False
    return signaal.pk in leesbare_signaal_ids(user, signaal.buurt, [signaal.pk])


def ziet_signaaldetails(user, buurt: Buurt) -> bool:
    """Regisseur and partner users see individual signals (theirs); coordinators see counts only."""
    return kan_beheren(user, buurt) or bool(partner_ids_van(user, buurt))


def ziet_signaaltellingen(user, buurt: Buurt) -> bool:
    return ziet_signaaldetails(user, buurt) or is_coordinator_van(user, buurt.gemeente)


def kan_loggen(user, buurt: Buurt) -> bool:
    """Regisseur and partner users log actions and signals."""
    return ziet_signaaldetails(user, buurt)


def kan_actie_bewerken(user, actie: Actie) -> bool:
    return kan_beheren(user, actie.buurt) or actie.trekker_id in partner_ids_van(user, actie.buurt)
