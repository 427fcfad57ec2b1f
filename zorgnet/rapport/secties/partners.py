"""Report section 'partners'."""

from collections import Counter

from django.db.models import BooleanField, Case, Count, F, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partners import selectors as partners
from zorgnet.lib.choices import Intensiteit, Sector
from zorgnet.rapport.sectie import RapportSectie, Scope
from zorgnet.rapport.secties._gemeen import _grafiek


# --- 55 partners ---------------------------------------------------------------------------------
def _actief_in_periode(scope: Scope):
    """Partners of the scope's buurten that were part of the network during the period: joined
    before its end (actief sinds, or else the day they were registered), not stopped before it."""
    from partners.models import Partner

    ids = Partner.buurten.through.objects.filter(buurt_id__in=scope.buurt_ids).values("partner_id")
    return (
        Partner.objects.filter(pk__in=ids)
        .annotate(begin=Coalesce("actief_sinds", TruncDate("aangemaakt_op")))
        .filter(begin__lte=scope.tot)
        .exclude(gestopt_op__lt=scope.van)
        .order_by()
    )


def partners_gegevens(scope: Scope) -> dict | None:
    actief = _actief_in_periode(scope)
    sectorlabels = dict(Sector.choices)
    per_sector: Counter = Counter()
    formeel = informeel = 0
    for rij in actief.values("sector", "formeel").annotate(n=Count("pk")):
        per_sector[str(sectorlabels.get(rij["sector"], rij["sector"]))] += rij["n"]
        if rij["formeel"]:
            formeel += rij["n"]
        else:
            informeel += rij["n"]
    if not formeel + informeel:
        return None
    nieuw = list(
        actief.filter(actief_sinds__gte=scope.van, actief_sinds__lte=scope.tot)
        .order_by("naam")
        .values("naam", "actief_sinds")
    )
    # The declared ties on the last day of the period, as the network job counts them (one
    # selector, partners.selectors.netwerkrelaties): counted in SQL, never loaded as objects.
    relaties = partners.relaties_voor_netwerk(scope.buurt_ids, tot=scope.tot).select_related(None)
    rijen = list(
        relaties.annotate(
            zelfde_sector=Case(
                When(van_partner__sector=F("naar_partner__sector"), then=True),
                default=False,
                output_field=BooleanField(),
            )
        ).values_list("van_partner_id", "naar_partner_id", "intensiteit", "zelfde_sector")
    )
    # One relatie per pair of partners (A->B and B->A declared apart are one tie), with the
    # higher of the two intensities: the same count as the network's declared banden.
    paren: dict[tuple[int, int], tuple[int, bool]] = {}
    for a, b, niveau, zelfde in rijen:
        paar = (min(a, b), max(a, b))
        vorig = paren.get(paar, (0, zelfde))[0]
        paren[paar] = (max(vorig, niveau), zelfde)
    intensiteit = Counter(niveau for niveau, _z in paren.values())
    per_intensiteit = [(str(label), intensiteit[code]) for code, label in Intensiteit.choices]
    return {
        "aantal": formeel + informeel,
        "formeel": formeel,
        "informeel": informeel,
        "nieuw": [{"naam": p["naam"], "sinds": p["actief_sinds"]} for p in nieuw],
        "per_sector": per_sector.most_common(),
        "relaties": len(paren),
        "verklaringen": len(rijen),
        "per_intensiteit": per_intensiteit,
        "over_sectoren": sum(1 for _n, zelfde in paren.values() if not zelfde),
        "grafiek_sector": _grafiek(per_sector.most_common(), _("Partners per sector")),
        "grafiek_intensiteit": _grafiek(per_intensiteit, _("Relaties per intensiteit")),
    }


def partners_bladen(g: dict) -> dict:
    return {
        _("Partners"): (
            [_("Cijfer"), _("Waarde")],
            [
                [_("Partners"), g["aantal"]],
                [_("Formeel"), g["formeel"]],
                [_("Informeel"), g["informeel"]],
                [_("Nieuwe partners in de periode"), len(g["nieuw"])],
                [_("Samenwerkingsrelaties (verklaard)"), g["relaties"]],
                [_("Verklaringen (A→B en B→A apart)"), g["verklaringen"]],
                [_("Relaties over sectoren heen"), g["over_sectoren"]],
            ]
            + [[_("Sector: %(s)s") % {"s": s}, n] for s, n in g["per_sector"]]
            + [[_("Intensiteit: %(i)s") % {"i": i}, n] for i, n in g["per_intensiteit"]],
        ),
    }


def partners_kerncijfers(g: dict) -> list:
    return [
        (_("Partners"), g["aantal"]),
        (_("Nieuwe partners"), len(g["nieuw"])),
        (_("Samenwerkingsrelaties (verklaard)"), g["relaties"]),
        (_("Relaties over sectoren heen"), g["over_sectoren"]),
    ]


SECTIE = RapportSectie(
    "partners",
    gettext_lazy("Partners en netwerk"),
    55,
    partners_gegevens,
    "rapport/secties/partners.html",
    partners_bladen,
    partners_kerncijfers,
)
