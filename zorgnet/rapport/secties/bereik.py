"""Report section 'bereik'."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zorgnet.lib.choices import Doelgroep
from zorgnet.lib.kleine_aantallen import klein_aantal
from zorgnet.rapport.sectie import RapportSectie, Scope
from zorgnet.rapport.secties._gemeen import _grafiek, actiecijfers


# --- 50 bereik ----------------------------------------------------------------------------------
def bereik_gegevens(scope: Scope) -> dict | None:
    c = actiecijfers(scope)
    if c["leeg"]:
        return None
    labels = dict(Doelgroep.choices)
    per_doelgroep = c["per_doelgroep"]
    bereikt = [(str(labels.get(d, d)), n) for d, n in per_doelgroep.most_common()]
    niet_bereikt = [str(label) for code, label in Doelgroep.choices if code not in per_doelgroep]
    return {
        "deelnemers": c["deelnemers"],
        "acties_met_deelnemers": c["met_deelnemers"],
        "acties": c["aantal"],
        "bereikt": bereikt,
        "niet_bereikt": niet_bereikt,
        "grafiek": _grafiek(bereikt, _("Acties per bereikte doelgroep")),
    }


def bereik_bladen(g: dict) -> dict:
    rijen = [[label, _("bereikt"), n] for label, n in g["bereikt"]]
    rijen += [[label, _("niet bereikt"), 0] for label in g["niet_bereikt"]]
    return {
        _("Bereik"): (
            [_("Cijfer"), _("Waarde")],
            [
                [_("Deelnemers (bewoners)"), klein_aantal(g["deelnemers"])],
                [_("Acties met deelnemers"), g["acties_met_deelnemers"]],
                [_("Acties"), g["acties"]],
            ],
        ),
        _("Doelgroepen"): ([_("Doelgroep"), _("Bereikt"), _("Aantal acties")], rijen),
    }


def bereik_kerncijfers(g: dict) -> list:
    return [
        (_("Deelnemers (bewoners)"), klein_aantal(g["deelnemers"])),
        (_("Doelgroepen bereikt"), len(g["bereikt"])),
    ]


SECTIE = RapportSectie(
    "bereik",
    gettext_lazy("Bereik"),
    50,
    bereik_gegevens,
    "rapport/secties/bereik.html",
    bereik_bladen,
    bereik_kerncijfers,
)
