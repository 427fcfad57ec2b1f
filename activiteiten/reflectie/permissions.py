"""Who may do what in the reflection cycle: partners contribute within their organisation's scope
(scores, successes, outcomes, stories, contact moments); the regisseur curates."""

from activiteiten.models import Reflectiemoment
from buurten.models import Buurt
from buurten.permissions import kan_beheren, partner_ids_van


def kan_bijdragen(user, buurt: Buurt) -> bool:
    """Regisseur and partner users add successes, outcomes, stories and contact moments."""
    return kan_beheren(user, buurt) or bool(partner_ids_van(user, buurt))


def kan_cureren(user, buurt: Buurt) -> bool:
    """The regisseur organises reflections, marks successes and picks stories for the report."""
    return kan_beheren(user, buurt)


def eigen_partner_ids(user, buurt: Buurt) -> set[int]:
    """The partner organisations a partner user contributes for (empty for the regisseur)."""
    return partner_ids_van(user, buurt)


def kan_scoren(user, moment: Reflectiemoment) -> bool:
    """The regisseur scores for anyone; a partner user for its own organisation, if it takes part."""
    if kan_beheren(user, moment.buurt):
        return True
    ids = partner_ids_van(user, moment.buurt)
    return bool(ids & {p.id for p in moment.partners.all()}) and not moment.samen_scoren
