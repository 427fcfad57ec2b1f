"""The network section of the report for the lokaal bestuur (volgorde 60): the latest finished
snapshot within the period, the change since the snapshot before the period, and the picture."""

from datetime import datetime, time
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from zorgnet.lib.choices import Intensiteit
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.netwerkanalyse.models import NetwerkAnalyse, NetwerkScope
from zorgnet.netwerkanalyse.weergave import namen_voor, netwerkbeeld_svg
from zorgnet.rapport.sectie import RapportSectie, Scope


def _einde(dag) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time.max))


def _snapshots(scope: Scope) -> tuple[NetwerkAnalyse | None, NetwerkAnalyse | None]:
    """(latest finished run up to the end of the period, latest finished run before it began)."""
    if len(scope.buurt_ids) == 1:
        runs = NetwerkAnalyse.objects.filter(scope=NetwerkScope.BUURT, buurt_id=scope.buurt_ids[0])
    else:
        runs = NetwerkAnalyse.objects.filter(
            scope=NetwerkScope.GEMEENTE, gemeente_id=scope.gemeente_id
        )
    klaar = runs.filter(status=TaakStatus.KLAAR, laag="gecombineerd", min_intensiteit=1)
    nu = klaar.filter(klaar_op__lte=_einde(scope.tot)).order_by("-klaar_op", "-id").first()
    begin = timezone.make_aware(datetime.combine(scope.van, time.min))
    vorige = klaar.filter(klaar_op__lt=begin).order_by("-klaar_op", "-id").first()
    return nu, vorige


def gegevens(scope: Scope) -> dict[str, Any] | None:
    nu, vorige = _snapshots(scope)
    if nu is None or nu.metrieken.get("te_weinig_gegevens"):
        return None
    samenvatting = nu.samenvatting
    namen = namen_voor({int(k) for k in nu.metrieken.get("per_knoop", {})})
    if not scope.namen_opnemen:
        # Without "namen opnemen": how many, and the picture without names (DOMAIN §6).
        namen = {pid: ("", sector) for pid, (_naam, sector) in namen.items()}
    mix = samenvatting.get("intensiteit_mix", {})
    toen = vorige.samenvatting if vorige else {}
    lagen = samenvatting.get("lagen_mix", {})
    return {
        "klaar_op": nu.klaar_op,
        "partners": samenvatting.get("knopen", 0),
        "banden": samenvatting.get("banden", 0),
        "verklaarde_banden": lagen.get("verklaard", 0) + lagen.get("beide", 0),
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
        "svg": netwerkbeeld_svg(nu, namen=namen, klikbaar=False),
    }


def bladen(g: dict) -> dict:
    return {
        _("Netwerk"): (
            [_("Kerncijfer"), _("Waarde")],
            [
                [_("Partners in het netwerk"), g["partners"]],
                [_("Samenwerkingsbanden"), g["banden"]],
                [_("Waarvan verklaard"), g["verklaarde_banden"]],
                [_("Dichtheid"), round(g["dichtheid"], 3)],
                [_("Banden formeel-informeel"), g["formeel_informeel"]],
                [_("Aandeel banden over sectoren heen"), g["aandeel_intersectoraal"]],
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
