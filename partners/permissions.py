"""Who may see and change partners. Scope comes from buurten.permissions.

- regisseur: manages every partner, contact, scan and mandate in the buurt, and every tie whose
  two sides both work in the buurt (a tie with a partner outside the buurt is read-only for them);
- partner user: maintains only their own organisation (profile, contacts, its own declared ties,
  its answers to ties about it);
- coordinator (and lezer): read.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from buurten.models import Buurt
from buurten.permissions import kan_beheren, partner_ids_van

from .models import Partner, Relatie


def get_partner_or_404(user, buurt: Buurt, partner_id: int) -> Partner:
    """A partner working in a buurt the user may see (the caller resolved the buurt already)."""
    try:
        return buurt.partners.select_related("gemeente").get(pk=partner_id)
    except Partner.DoesNotExist as exc:
        raise Http404(_("Deze partner bestaat niet of je hebt er geen toegang toe.")) from exc


def get_relatie_or_404(user, buurt: Buurt, relatie_id: int) -> Relatie:
    """A tie where at least one side works in the buurt."""
    relatie = (
        Relatie.objects.select_related("van_partner", "naar_partner")
        .filter(pk=relatie_id, van_partner__gemeente_id=buurt.gemeente_id)
        .first()
    )
    if (
        relatie is None
        or not buurt.partners.filter(
            pk__in=[relatie.van_partner_id, relatie.naar_partner_id]
        ).exists()
    ):
        raise Http404(_("Deze relatie bestaat niet of je hebt er geen toegang toe."))
    return relatie


def kan_partner_bewerken(user, buurt: Buurt, partner: Partner) -> bool:
    """The regisseur, or a partner user acting for this very organisation."""
    return kan_beheren(user, buurt) or partner.id in partner_ids_van(user, buurt)


def vereis_partner_bewerken(user, buurt: Buurt, partner: Partner) -> None:
    if not kan_partner_bewerken(user, buurt, partner):
        raise PermissionDenied(
            _(
                "Je kan alleen het profiel, de contactpersonen en relaties van je eigen organisatie bewerken."
            )
        )


def partner_ids_in_buurt(buurt: Buurt) -> set[int]:
    """Ids of the partners working in the buurt, read once per request (cached on the buurt)."""
    ids = getattr(buurt, "_zorgnet_partner_ids", None)
    if ids is None:
        # The m2m table alone: no join to (and no name sort of) the partners of all of Flanders.
        ids = set(
            Partner.buurten.through.objects.filter(buurt_id=buurt.pk).values_list(
                "partner_id", flat=True
            )
        )
        buurt._zorgnet_partner_ids = ids
    return ids


def relatie_binnen_buurt(buurt: Buurt, relatie: Relatie) -> bool:
    """Both sides of the tie work in the buurt."""
    ids = partner_ids_in_buurt(buurt)
    return relatie.van_partner_id in ids and relatie.naar_partner_id in ids


def kan_relatie_beantwoorden(user, buurt: Buurt, relatie: Relatie) -> bool:
    """The other side (the partner the tie is about) answers; the regisseur may too, but only
    when both sides work in the buurt (never on behalf of a partner outside it)."""
    if relatie.naar_partner_id in partner_ids_van(user, buurt):
        return True
    return kan_beheren(user, buurt) and relatie_binnen_buurt(buurt, relatie)


def kan_relatie_bewerken(user, buurt: Buurt, relatie: Relatie) -> bool:
    """The declaring side maintains its own ties; the regisseur manages the ties whose two sides
    both work in the buurt."""
    if relatie.van_partner_id in partner_ids_van(user, buurt):
        return True
    return kan_beheren(user, buurt) and relatie_binnen_buurt(buurt, relatie)
