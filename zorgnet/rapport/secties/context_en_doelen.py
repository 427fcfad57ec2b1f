"""Report section 'context en doelen': the goals and their changes in the period."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten.models import Doel, DoelVersie
from zorgnet.rapport.sectie import RapportSectie, Scope


# --- report: context en doelen ---------------------------------------------------------------
def context_en_doelen(scope: Scope) -> dict | None:
    doelen = list(
        Doel.objects.filter(buurt_id__in=scope.buurt_ids)
        .select_related("buurt")
        .prefetch_related("uitdagingen")
        .order_by("buurt__naam", "termijn", "titel")
    )
    if not doelen:
        return None
    wijzigingen = list(
        DoelVersie.objects.filter(
            doel__buurt_id__in=scope.buurt_ids,
            versie__gt=1,
            gewijzigd_op__date__gte=scope.van,
            gewijzigd_op__date__lte=scope.tot,
        )
        .select_related("doel", "doel__buurt")
        .order_by("gewijzigd_op")
    )
    return {
        "doelen": [
            {
                "buurt": d.buurt.naam,
                "titel": d.titel,
                "termijn": d.get_termijn_display(),
                "versie": d.versie,
                "uitdagingen": [u.titel for u in d.uitdagingen.all()],
            }
            for d in doelen
        ],
        "wijzigingen": [
            {
                "doel": w.doel.titel,
                "buurt": w.doel.buurt.naam,
                "versie": w.versie,
                "titel": w.titel,
                "reden": w.reden,
                "datum": w.gewijzigd_op.date(),
            }
            for w in wijzigingen
        ],
    }


def _context_bladen(g: dict) -> dict:
    return {
        _("Doelen"): (
            [_("Buurt"), _("Doel"), _("Termijn"), _("Versie"), _("Uitdagingen")],
            [
                [d["buurt"], d["titel"], d["termijn"], d["versie"], ", ".join(d["uitdagingen"])]
                for d in g["doelen"]
            ],
        ),
        _("Doelwijzigingen"): (
            [_("Buurt"), _("Doel"), _("Versie"), _("Nieuwe titel"), _("Reden"), _("Datum")],
            [
                [w["buurt"], w["doel"], w["versie"], w["titel"], w["reden"], w["datum"]]
                for w in g["wijzigingen"]
            ],
        ),
    }


def _context_kerncijfers(g: dict) -> list:
    return [
        (_("Doelen"), len(g["doelen"])),
        (_("Bijgestuurde doelen in de periode"), len(g["wijzigingen"])),
    ]


# --- report: activiteitenpakketten ------------------------------------------------------------


SECTIE = RapportSectie(
    slug="context_en_doelen",
    titel=gettext_lazy("Context en doelen"),
    volgorde=10,
    gegevens=context_en_doelen,
    template="rapport/secties/context_en_doelen.html",
    bladen=_context_bladen,
    kerncijfers=_context_kerncijfers,
)
