"""What several report sections share: values computed once per report build (the action
aggregates), bar charts and the regisseur's notes. The view authorised the scope;
sections query all of its buurten at once, never one buurt at a time."""

from collections import Counter
from collections.abc import Callable
from typing import Any

from django.db.models import Case, Count, F, Q, Sum, When
from django.db.models.functions import Coalesce

from activiteiten.acties import selectors as acties
from zorgnet.lib import svg
from zorgnet.rapport.sectie import Scope


def _grafiek(rijen, titel: str):
    rijen = [(str(label), n) for label, n in rijen if n]  # long labels wrap (svg.staafgrafiek)
    return svg.staafgrafiek(rijen, titel=titel, breedte=520) if rijen else None


def gedeeld(scope: Scope, sleutel: str, maak: Callable[[], Any]) -> Any:
    """What several sections of one report build need, computed once per build (Scope.gedeeld)."""
    if sleutel not in scope.gedeeld:
        scope.gedeeld[sleutel] = maak()
    return scope.gedeeld[sleutel]


def _acties_qs(scope: Scope):
    from activiteiten.models import Actie

    # The action list's own period rule (startdatum in the period), over every buurt at once.
    return acties.filter_acties(
        Actie.objects.filter(buurt_id__in=scope.buurt_ids), van=scope.van, tot=scope.tot
    ).order_by()


def actiecijfers(scope: Scope) -> dict:
    """The actions of the period as counts, for the sections acties, bereik and uitkomsten: SQL
    aggregates (conditional counts, GROUP BY, LIMIT for highlights), never the actions as objects.
    A fixed number of queries whatever the number of buurten or actions; once per report build."""
    return gedeeld(scope, "acties", lambda: _actiecijfers(scope))


def _actiecijfers(scope: Scope) -> dict:
    from activiteiten.models import AFGESLOTEN_ACTIESTATUSSEN, Actie, ActieStatus

    qs = _acties_qs(scope)
    afgesloten = Q(status__in=AFGESLOTEN_ACTIESTATUSSEN)
    totaal = qs.aggregate(
        aantal=Count("pk"),
        afgerond=Count("pk", filter=afgesloten),
        geborgd=Count("pk", filter=Q(status=ActieStatus.GEBORGD)),
        terugkerend=Count("pk", filter=afgesloten & Q(terugkerend=True)),
        som_deelnemers=Coalesce(Sum("deelnemers"), 0),
        met_deelnemers=Count("pk", filter=Q(deelnemers__gt=0)),
        deelnemers_afgerond=Coalesce(Sum("deelnemers", filter=afgesloten), 0),
    )
    totaal["deelnemers"] = totaal.pop("som_deelnemers")
    if not totaal["aantal"]:
        return {**totaal, "leeg": True}
    per_status: Counter = Counter()
    per_categorie: Counter = Counter()
    for rij in qs.values("status", "categorie").annotate(n=Count("pk")):
        per_status[rij["status"]] += rij["n"]
        per_categorie[rij["categorie"]] += rij["n"]
    per_doelgroep: Counter = Counter()
    # Few distinct lists of target groups: group by the list, then count each group in it.
    for rij in qs.values("doelgroepen").annotate(n=Count("pk")):
        for code in rij["doelgroepen"] or []:
            per_doelgroep[code] += rij["n"]

    def per_element(veld: str) -> list[tuple[str, int]]:
        door = Actie._meta.get_field(veld).remote_field.through
        rijen = (
            door.objects.filter(actie__in=qs.values("pk"))
            .values("frameworkelement__naam")
            .annotate(n=Count("pk"))
            .order_by("frameworkelement__naam")
        )
        return [(r["frameworkelement__naam"], r["n"]) for r in rijen]

    hoogtepunten = list(
        qs.filter(afgesloten)
        .select_related("trekker")
        .order_by(F("deelnemers").desc(nulls_last=True), "startdatum", "pk")[:5]
    )
    # Stories of finished actions (consent given), photo first, then the most participants.
    verhalen = list(
        qs.filter(afgesloten, toestemming_verhaal=True)
        .exclude(verhaal="")
        .annotate(zonder_foto=Case(When(verhaal_foto="", then=1), default=0))
        .order_by("zonder_foto", F("deelnemers").desc(nulls_last=True), "pk")
        .only("pk", "buurt_id", "titel", "startdatum", "verhaal", "verhaal_foto", "deelnemers")[:10]
    )
    return {
        **totaal,
        "leeg": False,
        "per_status": per_status,
        "per_categorie": per_categorie,
        "per_doelgroep": per_doelgroep,
        "per_bouwsteen": per_element("bouwstenen"),
        "per_pijler": per_element("pijlers"),
        "hoogtepunten": hoogtepunten,
        "verhalen": [a for a in verhalen if a.verhaal.strip()][:3],
    }


def _notities(scope: Scope, veld: str) -> list[dict]:
    from zorgnet.rapport.models import Rapportnotitie

    return [
        {"buurt": n.buurt.naam, "tekst": getattr(n, veld), "van": n.van, "tot": n.tot}
        for n in Rapportnotitie.objects.filter(
            buurt_id__in=scope.buurt_ids, van__lte=scope.tot, tot__gte=scope.van
        ).select_related("buurt")
        if getattr(n, veld).strip()
    ]
