"""Who may do what with meetings."""

from buurten.models import Buurt
from buurten.permissions import kan_beheren, partner_ids_van


def kan_organiseren(user, buurt: Buurt) -> bool:
    """The buurtregisseur (network coordinator) organises meetings and records their outcomes."""
    return kan_beheren(user, buurt)


def ziet_signaaluitkomsten(user, buurt: Buurt) -> bool:
    """A signal raised in a meeting is read like a signal: regisseur and the buurt's partners."""
    return kan_beheren(user, buurt) or bool(partner_ids_van(user, buurt))
