"""The 'bijeenkomsten' section of the report for the lokaal bestuur: meetings per type, trainings
(people trained, cumulative per year), intervisie attendance and the follow-up of agreed actions.
Resident counts per kind of meeting are protected together with their total (zorgnet.lib.kleine_aantallen)."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten.bijeenkomsten import selectors
from zorgnet.lib.kleine_aantallen import afgeschermd_totaal, afschermen
from zorgnet.rapport.sectie import Blad, RapportSectie, Scope

TRAININGEN_OP_PAPIER = 20


def gegevens(scope: Scope) -> dict | None:
    ids = list(scope.buurt_ids)
    per_type = selectors.per_type(ids, scope.van, scope.tot)
    if not per_type:
        return None
    trainingen = selectors.trainingen(ids, scope.van, scope.tot)
    intervisies, gemiddeld = selectors.intervisie_gemiddelde(ids, scope.van, scope.tot)
    per_jaar = selectors.getraind_per_jaar(ids, tot=scope.tot)
    # Residents per kind of meeting add up to the total beside them: protected together.
    bewoners = sum(r[3] for r in per_type)
    getoond, weg = afschermen(
        dict(enumerate(r[3] for r in per_type)), [(bewoners, range(len(per_type)))]
    )
    return {
        "titel": scope.titel,
        "aantal": sum(r[1] for r in per_type),
        "per_type": per_type,
        "per_type_getoond": [(t, n, a, getoond[i]) for i, (t, n, a, _b) in enumerate(per_type)],
        "bewoners": bewoners,
        "bewoners_getoond": afgeschermd_totaal(bewoners, bool(weg)),
        "trainingen": [
            (t.datum, t.titel or t.thema or t.get_type_display(), t.aantal_aanwezig)
            for t in trainingen
        ],
        # On paper the latest trainings only (a gemeente has hundreds); the sheet has them all.
        "laatste_trainingen": sorted(
            (
                (t.datum, t.titel or t.thema or t.get_type_display(), t.aantal_aanwezig)
                for t in trainingen
            ),
            key=lambda r: r[0],
            reverse=True,
        )[:TRAININGEN_OP_PAPIER],
        "trainingen_getoond": TRAININGEN_OP_PAPIER,
        "getraind": sum(t.aantal_aanwezig for t in trainingen),
        "getraind_per_jaar": per_jaar,
        "getraind_totaal": per_jaar[-1][2] if per_jaar else 0,
        "intervisies": intervisies,
        "intervisie_gemiddeld": round(gemiddeld, 1) if gemiddeld is not None else None,
        "uitkomsten": selectors.uitkomsten_per_soort(ids, scope.van, scope.tot),
        "opvolging": selectors.acties_opvolging(ids, scope.van, scope.tot),
    }


def bladen(g: dict) -> dict[str, Blad]:
    return {
        _("Bijeenkomsten"): (
            [_("Soort"), _("Aantal"), _("Aanwezigen"), _("Bewoners")],
            [[t, n, a, b] for t, n, a, b in g["per_type_getoond"]],
        ),
        _("Trainingen"): (
            [_("Datum"), _("Training"), _("Getraind")],
            [[d, t, n] for d, t, n in g["trainingen"]],
        ),
        _("Getraind per jaar"): (
            [_("Jaar"), _("Getraind"), _("Cumulatief")],
            [list(r) for r in g["getraind_per_jaar"]],
        ),
        _("Uitkomsten bijeenkomsten"): (
            [_("Soort"), _("Aantal")],
            [list(r) for r in g["uitkomsten"]],
        ),
    }


def kerncijfers(g: dict) -> list[tuple[str, Any]]:
    rijen: list[tuple[str, Any]] = [
        (_("Bijeenkomsten"), g["aantal"]),
        (_("Mensen getraind (periode)"), g["getraind"]),
        (_("Mensen getraind (cumulatief)"), g["getraind_totaal"]),
    ]
    if g["intervisie_gemiddeld"] is not None:
        rijen.append((_("Gemiddeld aanwezig op intervisie"), f"± {g['intervisie_gemiddeld']:.0f}"))
    rijen.append((_("Bewoners bereikt op bijeenkomsten"), g["bewoners_getoond"]))
    opv = g["opvolging"]
    if opv["totaal"]:
        rijen.append((_("Afgesproken acties uitgevoerd"), f"{opv['klaar']}/{opv['totaal']}"))
    return rijen


SECTIE = RapportSectie(
    slug="bijeenkomsten",
    titel=gettext_lazy("Bijeenkomsten"),
    volgorde=70,
    gegevens=gegevens,
    template="rapport/secties/bijeenkomsten.html",
    bladen=bladen,
    kerncijfers=kerncijfers,
)
