"""Registers the 'pakketten' buurt section, the 'pakketteam' network source and two report sections."""

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurten.permissions import kan_beheren
from zorgnet.lib.choices import Intensiteit, Schaal
from zorgnet.lib.netwerkbronnen import registreer_bron
from zorgnet.lib.secties import Sectie, registreer_buurtsectie
from zorgnet.lib.svg import staafgrafiek
from zorgnet.rapport.registry import RapportSectie, Scope, registreer_rapportsectie

from . import pakketten_selectors as selectors
from .models import Activiteitenpakket, Doel, DoelVersie


def _sectie_context(request, buurt) -> dict:
    ctx = selectors.overzicht(request.user, buurt)
    return {
        "buurt_id": buurt.id,
        "pakketten": ctx["pakketten"][:6],
        "aantal": len(ctx["pakketten"]),
        "waarschuwingen": sum(len(w) for w in ctx["waarschuwingen"].values()),
        "mag_beheren": kan_beheren(request.user, buurt),
    }


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


def registreer() -> None:
    registreer_buurtsectie(
        Sectie(
            slug="pakketten",
            template="activiteiten/_pakketten_sectie.html",
            context=_sectie_context,
            url_name="activiteiten:pakket_list",
        )
    )
    registreer_bron("pakketteam", selectors.pakketteam_banden)
    registreer_rapportsectie(
        RapportSectie(
            slug="context_en_doelen",
            titel=gettext_lazy("Context en doelen"),
            volgorde=10,
            gegevens=context_en_doelen,
            template="rapport/secties/context_en_doelen.html",
            bladen=_context_bladen,
            kerncijfers=_context_kerncijfers,
        )
    )
    registreer_rapportsectie(
        RapportSectie(
            slug="activiteitenpakketten",
            titel=gettext_lazy("Activiteitenpakketten"),
            volgorde=30,
            gegevens=activiteitenpakketten,
            template="rapport/secties/activiteitenpakketten.html",
            bladen=_pakket_bladen,
            kerncijfers=_pakket_kerncijfers,
        )
    )
