"""What several report sections share: the scope's buurten, short labels, bar charts, and the
system reader a job uses (the view already authorised the scope; the job has no request)."""

from activiteiten.acties import selectors as acties
from buurten.models import Buurt
from zorgnet.lib import svg
from zorgnet.rapport.sectie import Scope


class _Systeemlezer:
    """Reads for a report whose scope the view already authorised (the job has no request)."""

    is_authenticated = True
    is_superuser = True
    is_anonymous = False
    pk = None


SYSTEEM = _Systeemlezer()


def _buurten(scope: Scope) -> list[Buurt]:
    return list(Buurt.objects.filter(pk__in=scope.buurt_ids).select_related("gemeente"))


def _kort(label, lengte: int = 22) -> str:
    label = str(label)
    return label if len(label) <= lengte else label[: lengte - 1].rstrip() + "…"


def _grafiek(rijen, titel: str):
    rijen = [(_kort(label), n) for label, n in rijen if n]
    return svg.staafgrafiek(rijen, titel=titel, breedte=520) if rijen else None


def _acties(scope: Scope) -> list:
    lijst = []
    for buurt in _buurten(scope):
        qs = acties.filter_acties(acties.acties_van(buurt), van=scope.van, tot=scope.tot)
        lijst.extend(qs.prefetch_related("bouwstenen", "pijlers"))
    return lijst


def _notities(scope: Scope, veld: str) -> list[dict]:
    from zorgnet.rapport.models import Rapportnotitie

    return [
        {"buurt": n.buurt.naam, "tekst": getattr(n, veld), "van": n.van, "tot": n.tot}
        for n in Rapportnotitie.objects.filter(
            buurt_id__in=scope.buurt_ids, van__lte=scope.tot, tot__gte=scope.van
        ).select_related("buurt")
        if getattr(n, veld).strip()
    ]
