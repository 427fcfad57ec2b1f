"""The network section of the report for the lokaal bestuur (volgorde 60): the latest finished
snapshot within the period, the change since the snapshot before the period, and the picture."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from zorgnet.lib.choices import Intensiteit
from zorgnet.netwerkanalyse.weergave import namen_voor, netwerkbeeld_svg
from zorgnet.rapport.groepenbeeld import groepenbeeld
from zorgnet.rapport.sectie import RapportSectie, Scope
from zorgnet.rapport.xlsx import Aandeel


def gegevens(scope: Scope) -> dict[str, Any] | None:
    from zorgnet.rapport.selectors import netwerkmetingen

    nu, vorige = netwerkmetingen(scope)
    if nu is None or nu.te_weinig_gegevens:
        return None
    samenvatting = nu.samenvatting
    genoemd = {
        p
        for sleutel in ("eilandjes", "articulatiepunten", "makelaars")
        for p in samenvatting.get(sleutel, [])
    }
    if nu.groot:
        svg = groepenbeeld(
            nu.partners_per_groep(),
            samenvatting.get("banden_tussen_groepen", {}),
            titel=_("Netwerk per sectorgroep: partners per groep en banden tussen de groepen"),
        )
        namen = namen_voor(genoemd) if scope.namen_opnemen else {}
    else:
        tekening = nu.tekening()
        namen = namen_voor({int(k) for k in tekening.metrieken["per_knoop"]} | genoemd)
        if not scope.namen_opnemen:
            # Without "namen opnemen": how many, and the picture without names (DOMAIN §6).
            namen = {pid: ("", sector) for pid, (_naam, sector) in namen.items()}
        svg = netwerkbeeld_svg(tekening, namen=namen, klikbaar=False)
    mix = samenvatting.get("intensiteit_mix", {})
    toen = vorige.samenvatting if vorige else {}
    lagen = samenvatting.get("lagen_mix", {})
    return {
        "klaar_op": nu.klaar_op,
        "partners": samenvatting.get("knopen", 0),
        "banden": samenvatting.get("banden", 0),
        "verklaarde_banden": lagen.get("verklaard", 0) + lagen.get("beide", 0),
        "waargenomen_banden": lagen.get("waargenomen", 0),
        "dichtheid": samenvatting.get("dichtheid", 0.0),
        "eilandjes": [namen.get(p, (str(p), ""))[0] for p in samenvatting.get("eilandjes", [])],
        "kwetsbaar": [
            namen.get(p, (str(p), ""))[0] for p in samenvatting.get("articulatiepunten", [])
        ],
        "makelaars": [namen.get(p, (str(p), ""))[0] for p in samenvatting.get("makelaars", [])],
        "namen_opnemen": scope.namen_opnemen,
        "aandeel_intersectoraal": samenvatting.get("aandeel_intersectoraal"),
        "formeel_informeel": samenvatting.get("formeel_informeel", 0),
        "lokaal_bestuur": samenvatting.get("lokaal_bestuur", {}),
        "intensiteit_mix": [
            (label, mix.get(str(waarde), 0)) for waarde, label in Intensiteit.choices
        ],
        "vorige": {
            "klaar_op": vorige.klaar_op,
            "partners": toen.get("knopen", 0),
            "banden": toen.get("banden", 0),
        }
        if vorige
        else None,
        "per_groep": nu.groot,
        "svg": svg,
    }


def bladen(g: dict) -> dict:
    return {
        _("Netwerk"): (
            [_("Kerncijfer"), _("Waarde")],
            [
                [_("Partners in het netwerk"), g["partners"]],
                [_("Samenwerkingsbanden"), g["banden"]],
                [_("Waarvan verklaard"), g["verklaarde_banden"]],
                [_("Dichtheid"), Aandeel(g["dichtheid"] or 0)],
                [_("Banden formeel-informeel"), g["formeel_informeel"]],
                [
                    _("Aandeel banden over sectoren heen"),
                    Aandeel(g["aandeel_intersectoraal"])
                    if g["aandeel_intersectoraal"] is not None
                    else None,
                ],
                [_("Eilandjes"), len(g["eilandjes"])],
                [_("Kwetsbare schakels"), len(g["kwetsbaar"])],
            ]
            + ([[_("Partners vorige meting"), g["vorige"]["partners"]]] if g["vorige"] else []),
        ),
        _("Netwerk intensiteit"): (
            [_("Intensiteit"), _("Banden")],
            [list(r) for r in g["intensiteit_mix"]],
        ),
    }


def kerncijfers(g: dict) -> list[tuple[str, Any]]:
    rijen = [
        (_("Partners in het netwerk"), g["partners"]),
        (_("Samenwerkingsbanden"), g["banden"]),
    ]
    if g["vorige"]:
        rijen.append((_("Nieuwe banden sinds vorige meting"), g["banden"] - g["vorige"]["banden"]))
    return rijen


SECTIE = RapportSectie(
    slug="netwerk",
    titel=_lazy("Netwerk"),
    volgorde=60,
    gegevens=gegevens,
    template="rapport/secties/netwerk.html",
    bladen=bladen,
    kerncijfers=kerncijfers,
)
