"""Who may do what with actions and signals (DESIGN §5: who sees which signal)."""

from activiteiten.models import Actie
from buurten.models import Buurt
from buurten.permissions import is_coordinator_van, kan_beheren, partner_ids_van


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
