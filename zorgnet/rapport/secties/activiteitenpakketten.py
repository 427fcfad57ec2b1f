"""Report section 'activiteitenpakketten': the packages by scale and intensity."""

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten.models import Activiteitenpakket
from zorgnet.lib.choices import Intensiteit, Schaal
from zorgnet.lib.svg import staafgrafiek
from zorgnet.rapport.sectie import RapportSectie, Scope


def activiteitenpakketten(scope: Scope) -> dict | None:
    pakketten = list(
        Activiteitenpakket.objects.filter(buurt_id__in=scope.buurt_ids)
        .select_related("buurt")
        .annotate(n_team=Count("team", distinct=True), n_act=Count("activiteiten", distinct=True))
        .prefetch_related(Prefetch("afwijkingen"))
        .order_by("buurt__naam", "naam")
    )
    if not pakketten:
        return None
    schalen = {s: 0 for s in Schaal.values}
    intensiteiten = {i: 0 for i in Intensiteit.values}
    for p in pakketten:
        schalen[p.werkelijke_schaal or p.ideale_schaal] += 1
        intensiteiten[p.intensiteit] += 1
    per_schaal = [(str(label), schalen[s]) for s, label in Schaal.choices]
    per_intensiteit = [(str(label), intensiteiten[i]) for i, label in Intensiteit.choices]
    return {
        "grafiek_schaal": staafgrafiek(per_schaal, titel=_("Pakketten per schaal")),
        "grafiek_intensiteit": staafgrafiek(per_intensiteit, titel=_("Pakketten per intensiteit")),
        "pakketten": [
            {
                "buurt": p.buurt.naam,
                "naam": p.naam,
                "schaal": p.get_ideale_schaal_display(),
                "werkelijke_schaal": p.get_werkelijke_schaal_display() or "",
                "intensiteit": p.get_intensiteit_display(),
                "coordinatie": p.get_coordinatie_display(),
                "team": p.n_team,
                "activiteiten": p.n_act,
                "afwijkingen": len(p.afwijkingen.all()),
            }
            for p in pakketten
        ],
        "per_schaal": per_schaal,
        "per_intensiteit": per_intensiteit,
    }


def _pakket_bladen(g: dict) -> dict:
    kop = [
        _("Buurt"),
        _("Pakket"),
        _("Ideale schaal"),
        _("Werkelijke schaal"),
        _("Intensiteit"),
        _("Coördinatie"),
        _("Team"),
        _("Activiteiten"),
        _("Afwijkingen"),
    ]
    return {
        _("Pakketten"): (kop, [list(p.values()) for p in g["pakketten"]]),
        _("Pakketten per schaal"): ([_("Schaal"), _("Aantal")], [list(r) for r in g["per_schaal"]]),
        _("Pakketten per intensiteit"): (
            [_("Intensiteit"), _("Aantal")],
            [list(r) for r in g["per_intensiteit"]],
        ),
    }


def _pakket_kerncijfers(g: dict) -> list:
    return [
        (_("Activiteitenpakketten"), len(g["pakketten"])),
        (_("Pakketten met 'samen uitvoeren'"), g["per_intensiteit"][-1][1]),
    ]


SECTIE = RapportSectie(
    slug="activiteitenpakketten",
    titel=gettext_lazy("Activiteitenpakketten"),
    volgorde=30,
    gegevens=activiteitenpakketten,
    template="rapport/secties/activiteitenpakketten.html",
    bladen=_pakket_bladen,
    kerncijfers=_pakket_kerncijfers,
)
