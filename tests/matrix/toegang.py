"""Toegang en privacy: history, access log, GDPR export and erasure (regisseur only)."""

from . import Regel

B = {"buurt_id": "buurt_a"}
P = {**B, "contactpersoon_id": "toegang_persoon"}
ALLEEN_REGISSEUR = Regel(get="200 404 403 403 302", post="405 405 405 405 302", kwargs=B)

REGELS = {
    "toegang:geschiedenis_list": ALLEEN_REGISSEUR,
    "toegang:toegangsgebeurtenis_list": ALLEEN_REGISSEUR,
    "toegang:contactpersoon_gegevens": Regel(
        get="200 404 403 403 302", post="405 405 405 405 302", kwargs=P
    ),
    # an empty POST lacks the confirmation: the form comes back, nothing is erased
    "toegang:contactpersoon_wissen": Regel(
        get="200 404 403 403 302", post="200 404 403 403 302", kwargs=P
    ),
}


def maak(w) -> None:
    from tests.factories import ContactpersoonFactory

    w.toegang_persoon = ContactpersoonFactory(partner=w.partner)
