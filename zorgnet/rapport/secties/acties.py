"""Report section 'acties'."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zorgnet.lib.kleine_aantallen import klein_aantal
from zorgnet.rapport.sectie import RapportSectie, Scope
from zorgnet.rapport.secties._gemeen import _grafiek, actiecijfers


# --- 40 acties ----------------------------------------------------------------------------------
def acties_gegevens(scope: Scope) -> dict | None:
    c = actiecijfers(scope)
    if c["leeg"]:
        return None
    from activiteiten.models import Actie

    statuslabels = dict(Actie._meta.get_field("status").choices)
    categorielabels = dict(Actie._meta.get_field("categorie").choices)
    per_status = [(str(label), c["per_status"][code]) for code, label in statuslabels.items()]
    per_categorie = [
        (str(categorielabels.get(code, code)), n) for code, n in c["per_categorie"].most_common()
    ]
    return {
        "aantal": c["aantal"],
        "afgerond": c["afgerond"],
        "per_status": per_status,
        "per_categorie": per_categorie,
        "per_bouwsteen": c["per_bouwsteen"],
        "per_pijler": c["per_pijler"],
        "grafiek_status": _grafiek(per_status, _("Acties per status")),
        "grafiek_bouwsteen": _grafiek(c["per_bouwsteen"], _("Acties per bouwsteen")),
        "grafiek_pijler": _grafiek(c["per_pijler"], _("Acties per pijler")),
        "hoogtepunten": [
            {
                "titel": a.titel,
                "datum": a.startdatum,
                "trekker": a.trekker.naam,
                "deelnemers": a.deelnemers,
                "status": a.get_status_display(),
            }
            for a in c["hoogtepunten"]
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
