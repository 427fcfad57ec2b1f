"""Who may do what with meetings."""

from collections.abc import Iterable

from activiteiten.acties.permissions import leesbare_signaal_ids
from activiteiten.models import Bijeenkomst, Uitkomst, UitkomstSoort
from buurten.models import Buurt
from buurten.permissions import kan_beheren, partner_ids_van


def kan_organiseren(user, buurt: Buurt) -> bool:
    """The buurtregisseur (network coordinator) organises meetings and records their outcomes."""
    return kan_beheren(user, buurt)


def ziet_situatie(user, buurt: Buurt, bijeenkomst: Bijeenkomst) -> bool:
    """The situation discussed in a supportersmeeting: the regisseur and the partners on the
    meeting's attendance list (who are asked to support); other partners, coordinators and
    readers see only that there was one (need to know, docs/privacy.md)."""
    if kan_beheren(user, buurt):
        return True
    eigen = partner_ids_van(user, buurt)
    return bool(eigen) and bijeenkomst.aanwezigheden.filter(partner_id__in=eigen).exists()


def leesbare_uitkomsten(user, buurt: Buurt, uitkomsten: Iterable[Uitkomst]) -> set[int]:
    """Ids of the outcomes whose text the user may read (one query at most).

    An outcome of kind *signaal* carries the signal's text, so it follows the one signal rule
    (`activiteiten.acties.permissions`): readable only by who may read that signal. One whose
    signal is gone (deleted) stays with the regisseur. Every other kind is for everyone in scope.
    """
    uitkomsten = list(uitkomsten)
    signalen = [u for u in uitkomsten if u.soort == UitkomstSoort.SIGNAAL]
    leesbaar = leesbare_signaal_ids(user, buurt, [u.signaal_id for u in signalen])
    beheer = kan_beheren(user, buurt)
    return {
        u.id
        for u in uitkomsten
        if u.soort != UitkomstSoort.SIGNAAL
        or (u.signaal_id in leesbaar if u.signaal_id else beheer)
    }
