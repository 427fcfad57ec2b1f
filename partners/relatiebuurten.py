"""Keeps `RelatieBuurt` (a buurt's ties, denormalised) equal to what it derives from.

A tie belongs to every buurt where its `van` or `naar` partner works. Model saves of a tie and
changes of `Partner.buurten` (either side of the m2m, any of add/remove/set/clear) reach
`bijwerken` through the signals below; loaders that write without `save()` (the relation import's
bulk create, `schaaldata`'s COPY, the data migration) call `bijwerken` or `alles_vullen` themselves.
A deleted tie, partner or buurt takes its rows with it (foreign keys with CASCADE).
"""

from collections.abc import Iterable

from django.db import connection
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_save

from .models import Partner, Relatie, RelatieBuurt


def bijwerken(
    *, relatie_ids: Iterable[int] | None = None, partner_ids: Iterable[int] | None = None
) -> None:
    """Recompute the rows of these ties, or of every tie of these partners (small sets)."""
    filter_ = Q(pk__in=list(relatie_ids or []))
    if partner_ids is not None:
        ids = list(partner_ids)
        filter_ |= Q(van_partner_id__in=ids) | Q(naar_partner_id__in=ids)
    relaties = list(
        Relatie.objects.filter(filter_).values_list(
            "pk", "van_partner_id", "naar_partner_id", "bevestiging"
        )
    )
    if not relaties:
        return
    antwoord = {r: bevestiging for r, _v, _n, bevestiging in relaties}
    relaties = [(r, van, naar) for r, van, naar, _b in relaties]
    kanten = {p for _r, van, naar in relaties for p in (van, naar)}
    buurten_van: dict[int, set[int]] = {}
    for partner_id, buurt_id in Partner.buurten.through.objects.filter(
        partner_id__in=kanten
    ).values_list("partner_id", "buurt_id"):
        buurten_van.setdefault(partner_id, set()).add(buurt_id)
    gewenst = {
        (b, r)
        for r, van, naar in relaties
        for b in buurten_van.get(van, set()) | buurten_van.get(naar, set())
    }
    rids = [r for r, _v, _n in relaties]
    rijen = RelatieBuurt.objects.filter(relatie_id__in=rids).values_list(
        "buurt_id", "relatie_id", "bevestiging"
    )
    bestaand = {(b, r) for b, r, _a in rijen}
    verouderd = {r for _b, r, a in rijen if antwoord[r] != a}
    for bevestiging in {antwoord[r] for r in verouderd}:
        RelatieBuurt.objects.filter(
            relatie_id__in=[r for r in verouderd if antwoord[r] == bevestiging]
        ).update(bevestiging=bevestiging)
    weg = bestaand - gewenst
    if weg:
        q = Q()
        for b, r in weg:
            q |= Q(buurt_id=b, relatie_id=r)
        RelatieBuurt.objects.filter(q).delete()
    RelatieBuurt.objects.bulk_create(
        [
            RelatieBuurt(buurt_id=b, relatie_id=r, bevestiging=antwoord[r])
            for b, r in gewenst - bestaand
        ],
        ignore_conflicts=True,
    )


def alles_vullen(tabellen: dict[str, str] | None = None) -> None:
    """Rebuild the whole table in one statement (data migration, bulk loaders)."""
    t = tabellen or {
        "rb": RelatieBuurt._meta.db_table,
        "r": Relatie._meta.db_table,
        "pb": Partner.buurten.through._meta.db_table,
    }
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {t['rb']}")  # noqa: S608 - table names from the models
        cursor.execute(
            f"INSERT INTO {t['rb']} (buurt_id, relatie_id, bevestiging) "  # noqa: S608
            f"SELECT pb.buurt_id, r.id, r.bevestiging FROM {t['r']} r "
            f"JOIN {t['pb']} pb ON pb.partner_id = r.van_partner_id "
            "UNION "
            f"SELECT pb.buurt_id, r.id, r.bevestiging FROM {t['r']} r "
            f"JOIN {t['pb']} pb ON pb.partner_id = r.naar_partner_id"
        )


def _relatie_bewaard(sender, instance: Relatie, raw: bool = False, **kwargs) -> None:
    if not raw:
        bijwerken(relatie_ids=[instance.pk])


def _buurten_gewijzigd(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    # Partner.buurten changes through the partner (add/remove/set/clear); the reverse side
    # (buurt.partners) is not written anywhere (django-simple-history's m2m history refuses it).
    partner_ids = list(pk_set or []) if reverse else [instance.pk]
    if action == "pre_clear" and reverse:
        # pk_set is None on clear: remember who is affected before the rows are gone.
        instance._zorgnet_voor_clear = list(
            Partner.buurten.through.objects.filter(buurt_id=instance.pk).values_list(
                "partner_id", flat=True
            )
        )
    elif action == "post_clear":
        partner_ids = getattr(instance, "_zorgnet_voor_clear", []) if reverse else [instance.pk]
    if action in ("post_add", "post_remove", "post_clear") and partner_ids:
        bijwerken(partner_ids=partner_ids)


def verbinden() -> None:
    """Connect the signals (PartnersConfig.ready)."""
    post_save.connect(_relatie_bewaard, sender=Relatie, dispatch_uid="relatiebuurt_relatie")
    m2m_changed.connect(
        _buurten_gewijzigd, sender=Partner.buurten.through, dispatch_uid="relatiebuurt_buurten"
    )
