"""Report section 'signalen'."""

from django.db.models import Count, F, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten.acties import selectors as acties
from activiteiten.models import Beleidssignaal
from zorgnet.lib.kleine_aantallen import klein_aantal
from zorgnet.rapport.sectie import RapportSectie, Scope


# --- 80 signalen aan beleid ------------------------------------------------------------------------
def signalen_gegevens(scope: Scope) -> dict | None:
    codes = acties.signaal_codes(list(scope.buurt_ids), van=scope.van, tot=scope.tot)
    codes.pop("kanaal")
    # Status and theme add up to the same total: protected together (complementary suppression).
    getoond = acties.signaaltellingen_tellen(codes)
    # Every beleidssignaal of the scope sent, made or answered in the period: one query.
    van, tot = scope.van, scope.tot
    in_periode = (
        Q(verstuurd_op__gte=van, verstuurd_op__lte=tot)
        | Q(verstuurd_op__isnull=True, aangemaakt_op__date__gte=van, aangemaakt_op__date__lte=tot)
        | Q(reactie_op__gte=van, reactie_op__lte=tot)
    )
    beleid = []
    for b in (
        Beleidssignaal.objects.filter(in_periode, buurt_id__in=scope.buurt_ids)
        .annotate(aantal_signalen=Count("signalen"), buurtnaam=F("buurt__naam"))
        .order_by("buurt__naam", "-aangemaakt_op", "-id")
    ):
        if b.reactie:
            stand = _("Reactie ontvangen")
        elif b.verstuurd_op:
            stand = _("Verstuurd, wacht op reactie")
        else:
            stand = _("In voorbereiding")
        beleid.append(
            {
                "buurt": b.buurtnaam,
                "titel": b.titel,
                "boodschap": b.boodschap,
                "verstuurd_op": b.verstuurd_op,
                "aantal_signalen": b.aantal_signalen,
                "stand": stand,
                "reactie": b.reactie,
                "reactie_op": b.reactie_op,
            }
        )
    totaal = sum(codes["status"].values())
    if not totaal and not beleid:
        return None
    return {
        "totaal": getoond["totaal"],
        "per_status": getoond["rijen"]["status"],
        "per_thema": getoond["rijen"]["thema"],
        "beleidssignalen": beleid,
        "met_reactie": sum(1 for b in beleid if b["reactie"]),
    }


def signalen_bladen(g: dict) -> dict:
    rijen = [[_("Status"), s, klein_aantal(n)] for s, n in g["per_status"]]
    rijen += [[_("Thema"), t, klein_aantal(n)] for t, n in g["per_thema"]]
    return {
        _("Signalen"): ([_("Indeling"), _("Waarde"), _("Aantal signalen")], rijen),
        _("Beleidssignalen"): (
            [_("Buurt"), _("Titel"), _("Verstuurd op"), _("Signalen"), _("Stand"), _("Reactie")],
            [
                [
                    b["buurt"],
                    b["titel"],
                    b["verstuurd_op"],
                    klein_aantal(b["aantal_signalen"]),
                    b["stand"],
                    b["reactie"],
                ]
                for b in g["beleidssignalen"]
            ],
        ),
    }


def signalen_kerncijfers(g: dict) -> list:
    return [
        (_("Signalen in de periode"), klein_aantal(g["totaal"])),
        (_("Beleidssignalen"), len(g["beleidssignalen"])),
        (_("Met reactie van het beleid"), g["met_reactie"]),
    ]


SECTIE = RapportSectie(
    "signalen",
    gettext_lazy("Signalen aan beleid"),
    80,
    signalen_gegevens,
    "rapport/secties/signalen.html",
    signalen_bladen,
    signalen_kerncijfers,
)
