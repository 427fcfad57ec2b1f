"""Report section 'reflectie' (step 4 of the cycle): the sessions of the period, the mean score per
werkende factor and the position on each spanningsveld, their trend across sessions and the
follow-ups they led to. Scores are about the network, not about residents: no suppression."""

from collections import defaultdict
from statistics import mean
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten.models import FrameworkSoort, OpvolgingSoort
from activiteiten.reflectie import selectors
from zorgnet.lib import svg
from zorgnet.rapport.sectie import Blad, RapportSectie, Scope


def _gemiddelden(momenten, soort: str) -> list[dict]:
    elementen = (
        selectors.factoren()
        if soort == FrameworkSoort.WERKENDE_FACTOREN
        else (selectors.spanningsvelden())
    )
    per: dict[int, list[int]] = defaultdict(list)
    for moment in momenten:
        for score in moment.scores.all():
            per[score.element_id].append(score.waarde)
    return [
        {
            "element": e,
            "naam": e.naam,
            "links": e.pool_links,
            "rechts": e.pool_rechts,
            "gemiddelde": round(mean(per[e.id]), 1) if per[e.id] else None,
            "n": len(per[e.id]),
        }
        for e in elementen
    ]


def gegevens(scope: Scope) -> dict | None:
    ids = list(scope.buurt_ids)
    momenten = selectors.reflecties_in_periode(ids, scope.van, scope.tot)
    if not momenten:
        return None
    factoren = _gemiddelden(momenten, FrameworkSoort.WERKENDE_FACTOREN)
    velden = _gemiddelden(momenten, FrameworkSoort.SPANNINGSVELDEN)
    trend = selectors.factortrend(ids, tot=scope.tot)
    gescoord = [(f"{f['element'].nummer}. {f['naam']}", f["gemiddelde"]) for f in factoren
                if f["gemiddelde"] is not None]  # fmt: skip
    opvolgingen = [o for m in momenten for o in m.opvolgingen.all()]
    return {
        "momenten": [
            {
                "datum": m.datum,
                "titel": m.titel,
                "buurt": m.buurt.naam,
                "partners": len(m.partners.all()),
                "met_regisseur": m.met_regisseur,
                "scores": len(m.scores.all()),
                "opvolgingen": len(m.opvolgingen.all()),
            }
            for m in momenten
        ],
        "factoren": factoren,
        "spanningsvelden": velden,
        "velden_gescoord": any(v["gemiddelde"] is not None for v in velden),
        "grafiek": svg.staafgrafiek(
            gescoord, titel=_("Gemiddelde score per werkende factor (1–5)"), breedte=560
        )
        if gescoord
        else None,  # fmt: skip
        "trend": trend,
        "acties": sum(1 for o in opvolgingen if o.soort == OpvolgingSoort.ACTIE),
        "doelen": sum(1 for o in opvolgingen if o.soort == OpvolgingSoort.DOEL),
    }


def bladen(g: dict) -> dict[str, Blad]:
    labels = g["trend"]["labels"]
    return {
        _("Reflectiemomenten"): (
            [_("Datum"), _("Reflectiemoment"), _("Buurt"), _("Partners"), _("Scores"),
             _("Opvolgingen")],
            [[m["datum"], m["titel"], m["buurt"], m["partners"], m["scores"], m["opvolgingen"]]
             for m in g["momenten"]],
        ),
        _("Werkende factoren"): (
            [_("Nummer"), _("Werkende factor"), _("Gemiddelde score"), _("Aantal scores")],
            [[f["element"].nummer, f["naam"], f["gemiddelde"], f["n"]] for f in g["factoren"]],
        ),
        _("Spanningsvelden"): (
            [_("Spanningsveld"), _("Pool 1"), _("Pool 5"), _("Gemiddelde positie"),
             _("Aantal scores")],
            [[v["naam"], v["links"], v["rechts"], v["gemiddelde"], v["n"]]
             for v in g["spanningsvelden"]],
        ),
        _("Trend werkende factoren"): (
            [_("Werkende factor"), *labels],
            [[f.naam, *waarden] for f, waarden in g["trend"]["rijen"]],
        ),
    }  # fmt: skip


def kerncijfers(g: dict) -> list[tuple[str, Any]]:
    rijen: list[tuple[str, Any]] = [(_("Reflectiemomenten"), len(g["momenten"]))]
    gescoord = [f["gemiddelde"] for f in g["factoren"] if f["gemiddelde"] is not None]
    if gescoord:
        rijen.append((_("Gemiddelde score werkende factoren"), round(mean(gescoord), 1)))
    rijen.append((_("Acties uit reflectie"), g["acties"]))
    return rijen


SECTIE = RapportSectie(
    slug="reflectie",
    titel=gettext_lazy("Reflectie"),
    volgorde=95,
    gegevens=gegevens,
    template="rapport/secties/reflectie.html",
    bladen=bladen,
    kerncijfers=kerncijfers,
)
