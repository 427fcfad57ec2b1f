"""Report section 'acties'."""

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten.models import AFGESLOTEN_ACTIESTATUSSEN
from zorgnet.lib.kleine_aantallen import klein_aantal
from zorgnet.rapport.sectie import RapportSectie, Scope
from zorgnet.rapport.secties._gemeen import _acties, _grafiek


# --- 40 acties ----------------------------------------------------------------------------------
def acties_gegevens(scope: Scope) -> dict | None:
    lijst = _acties(scope)
    if not lijst:
        return None
    from activiteiten.models import Actie

    statuslabels = dict(Actie._meta.get_field("status").choices)
    categorielabels = dict(Actie._meta.get_field("categorie").choices)
    status = Counter(a.status for a in lijst)
    per_status = [(str(label), status[code]) for code, label in statuslabels.items()]
    categorie = Counter(a.categorie for a in lijst)
    per_categorie = [(str(categorielabels.get(c, c)), n) for c, n in categorie.most_common()]
    bouwstenen = Counter(b.naam for a in lijst for b in a.bouwstenen.all())
    pijlers = Counter(p.naam for a in lijst for p in a.pijlers.all())
    hoogtepunten = sorted(
        (a for a in lijst if a.status in AFGESLOTEN_ACTIESTATUSSEN),
        key=lambda a: (-(a.deelnemers or 0), a.startdatum),
    )[:5]
    return {
        "aantal": len(lijst),
        "afgerond": sum(1 for a in lijst if a.status in AFGESLOTEN_ACTIESTATUSSEN),
        "per_status": per_status,
        "per_categorie": per_categorie,
        "per_bouwsteen": sorted(bouwstenen.items()),
        "per_pijler": sorted(pijlers.items()),
        "grafiek_status": _grafiek(per_status, _("Acties per status")),
        "grafiek_bouwsteen": _grafiek(sorted(bouwstenen.items()), _("Acties per bouwsteen")),
        "grafiek_pijler": _grafiek(sorted(pijlers.items()), _("Acties per pijler")),
        "hoogtepunten": [
            {
                "titel": a.titel,
                "datum": a.startdatum,
                "trekker": a.trekker.naam,
                "deelnemers": a.deelnemers,
                "status": a.get_status_display(),
            }
            for a in hoogtepunten
        ],
    }


def acties_bladen(g: dict) -> dict:
    rijen = [[_("Status"), label, n] for label, n in g["per_status"]]
    rijen += [[_("Categorie"), label, n] for label, n in g["per_categorie"]]
    rijen += [[_("Bouwsteen"), label, n] for label, n in g["per_bouwsteen"]]
    rijen += [[_("Pijler"), label, n] for label, n in g["per_pijler"]]
    return {
        _("Acties"): ([_("Indeling"), _("Waarde"), _("Aantal acties")], rijen),
        _("Hoogtepunten"): (
            [_("Actie"), _("Datum"), _("Trekker"), _("Status"), _("Deelnemers")],
            [
                [h["titel"], h["datum"], h["trekker"], h["status"], klein_aantal(h["deelnemers"])]
                for h in g["hoogtepunten"]
            ],
        ),
    }


def acties_kerncijfers(g: dict) -> list:
    return [(_("Acties in de periode"), g["aantal"]), (_("Afgerond of geborgd"), g["afgerond"])]


SECTIE = RapportSectie(
    "acties",
    gettext_lazy("Acties"),
    40,
    acties_gegevens,
    "rapport/secties/acties.html",
    acties_bladen,
    acties_kerncijfers,
)
