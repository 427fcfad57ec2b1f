"""Replaying the erasure log after a restore: the handler of every object type that is erased.

A handler re-applies one logged erasure, is idempotent and ignores ids that no longer exist.
"""

from activiteiten.acties.services import signaal_opnieuw_anonimiseren
from partners.privacy import contactpersoon_opnieuw_wissen
from zorgnet.lib import wislog

WISHANDLERS: dict[str, wislog.Handler] = {
    "contactpersoon": contactpersoon_opnieuw_wissen,
    "signaal": signaal_opnieuw_anonimiseren,
}


def herhaal_wissingen() -> tuple[int, int]:
    """Re-apply every logged erasure; returns (logged, re-erased now)."""
    return wislog.herhaal_alle(WISHANDLERS)
