"""Report section 'partners'."""

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partners import selectors as partners
from zorgnet.lib.choices import Intensiteit, Sector
from zorgnet.rapport.sectie import RapportSectie, Scope
from zorgnet.rapport.secties._gemeen import SYSTEEM, _buurten, _grafiek


# --- 55 partners ---------------------------------------------------------------------------------
def _actief_in(partner, scope: Scope) -> bool:
    """Part of the network during the period: joined before its end, not stopped before it."""
    begin = partner.actief_sinds or partner.aangemaakt_op.date()
    return begin <= scope.tot and not (partner.gestopt_op and partner.gestopt_op < scope.van)


def partners_gegevens(scope: Scope) -> dict | None:
    gezien: dict[int, object] = {}
    for buurt in _buurten(scope):
        for partner in partners.partners_in_buurt(SYSTEEM, buurt):
            if _actief_in(partner, scope):
                gezien.setdefault(partner.pk, partner)
    if not gezien:
        return None
    lijst = sorted(gezien.values(), key=lambda p: p.naam)
    nieuw = [p for p in lijst if p.actief_sinds and scope.van <= p.actief_sinds <= scope.tot]
    sectorlabels = dict(Sector.choices)
    per_sector = Counter(str(sectorlabels.get(p.sector, p.sector)) for p in lijst)
    # The network on the last day of the period, as the network job counts it (one selector).
    relaties = list(partners.relaties_voor_netwerk(scope.buurt_ids, tot=scope.tot))
    intensiteit = Counter(r.intensiteit for r in relaties)
    per_intensiteit = [(str(label), intensiteit[code]) for code, label in Intensiteit.choices]
    over_sectoren = sum(1 for r in relaties if r.van_partner.sector != r.naar_partner.sector)
    return {
        "aantal": len(lijst),
        "formeel": sum(1 for p in lijst if p.formeel),
        "informeel": sum(1 for p in lijst if not p.formeel),
        "nieuw": [{"naam": p.naam, "sinds": p.actief_sinds} for p in nieuw],
        "per_sector": per_sector.most_common(),
        "relaties": len(relaties),
        "verklaarde_banden": len(partners.verklaarde_paren(relaties)),
        "per_intensiteit": per_intensiteit,
        "over_sectoren": over_sectoren,
        "grafiek_sector": _grafiek(per_sector.most_common(), _("Partners per sector")),
        "grafiek_intensiteit": _grafiek(per_intensiteit, _("Relaties per intensiteit")),
    }


def partners_bladen(g: dict) -> dict:
    return {
        _("Partners"): (
            [_("Cijfer"), _("Waarde")],
            [
                [_("Partners"), g["aantal"]],
                [_("Formeel"), g["formeel"]],
                [_("Informeel"), g["informeel"]],
                [_("Nieuwe partners in de periode"), len(g["nieuw"])],
                [_("Relaties"), g["relaties"]],
                [_("Verklaarde banden"), g["verklaarde_banden"]],
                [_("Relaties over sectoren heen"), g["over_sectoren"]],
            ]
            + [[_("Sector: %(s)s") % {"s": s}, n] for s, n in g["per_sector"]]
            + [[_("Intensiteit: %(i)s") % {"i": i}, n] for i, n in g["per_intensiteit"]],
        ),
    }


def partners_kerncijfers(g: dict) -> list:
    return [
        (_("Partners"), g["aantal"]),
        (_("Nieuwe partners"), len(g["nieuw"])),
        (_("Relaties over sectoren heen"), g["over_sectoren"]),
    ]


SECTIE = RapportSectie(
    "partners",
    gettext_lazy("Partners en netwerk"),
    55,
    partners_gegevens,
    "rapport/secties/partners.html",
    partners_bladen,
    partners_kerncijfers,
)
