"""Who manages people: the regisseur in the buurt, the coordinator in the gemeente."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from buurten.models import Gemeente
from buurten.permissions import is_coordinator_van


def vereis_coordinator(user, gemeente: Gemeente) -> None:
    if not is_coordinator_van(user, gemeente):
        raise PermissionDenied(_("Alleen de coördinator van de gemeente kan dit doen."))
