"""Report section 'uitkomsten en verhalen': finished actions, the outcomes harvested in the period
(Figuur 3 categories, for a doelgroep, never a person) and the stories the regisseur picked (with
consent for a report). When no story was picked for the period, the consented stories of finished
actions stand in (the top three, as before picking existed)."""

from pathlib import Path

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten.reflectie import selectors as reflectie
from zorgnet.lib.kleine_aantallen import klein_aantal
from zorgnet.rapport.sectie import RapportSectie, Scope
from zorgnet.rapport.secties._gemeen import actiecijfers


# --- 90 uitkomsten en verhalen ----------------------------------------------------------------------
def uitkomsten_gegevens(scope: Scope) -> dict | None:
    ids = list(scope.buurt_ids)
    c = actiecijfers(scope)
    geoogst = list(reflectie.uitkomsten_voor_rapport(ids, scope.van, scope.tot))
    gekozen = [_verhaal(v) for v in reflectie.verhalen_voor_rapport(ids, scope.van, scope.tot)]
    verhalen = gekozen or _actieverhalen(c.get("verhalen", []))
    if not c["afgerond"] and not geoogst and not gekozen:
        return None
    return {
        "afgerond": c["afgerond"],
        "geborgd": c["geborgd"],
        "terugkerend": c["terugkerend"],
        "deelnemers": c["deelnemers_afgerond"],
        "per_categorie": reflectie.uitkomsten_per_categorie(ids, scope.van, scope.tot),
        "geoogst": [
            {
                "categorie": u.categorie.framework.naam,
                "soort": u.categorie.naam,
                "voor_wie": u.get_voor_wie_display(),
                "wat": u.wat_veranderde,
                "bijdrage": u.bijdrage,
                "bewijs": u.bewijs,
                "betekenis": u.betekenis,
                "datum": u.datum,
            }
            for u in geoogst
        ],
        "verhalen": verhalen,
        "gekozen": bool(gekozen),
    }


def _verhaal(v) -> dict:
    return {
        "titel": v.titel,
        "datum": v.datum,
        "tekst": v.tekst,
        "foto_url": reverse("activiteiten:verhaal_foto", args=[v.buurt_id, v.id]) if v.foto else "",
        "foto_pad": _pad(v.foto),
        "toestemming": v.get_toestemming_display(),
    }


def _actieverhalen(verhalen: list) -> list[dict]:
    """The top three consented stories of finished actions (already chosen and ordered in SQL)."""
    return [
        {
            "titel": a.titel,
            "datum": a.startdatum,
            "tekst": a.verhaal,
            # the photo through its scoped, logged view (files have no public address)
            "foto_url": reverse("activiteiten:actie_foto", args=(a.buurt_id, a.pk))
            if a.verhaal_foto
            else "",
            "foto_pad": _pad(a.verhaal_foto),
            "toestemming": "",
        }
        for a in verhalen[:3]
    ]


def _pad(bestand) -> str:
    try:
        pad = Path(bestand.path) if bestand else None
    except (NotImplementedError, ValueError):
        return ""
    return pad.as_uri() if pad and pad.exists() else ""


def uitkomsten_bladen(g: dict) -> dict:
    return {
        _("Uitkomsten"): (
            [_("Cijfer"), _("Waarde")],
            [
                [_("Afgeronde of geborgde acties"), g["afgerond"]],
                [_("Waarvan geborgd"), g["geborgd"]],
                [_("Terugkerende acties"), g["terugkerend"]],
                [_("Deelnemers aan afgeronde acties"), klein_aantal(g["deelnemers"])],
                [_("Geoogste uitkomsten"), len(g["geoogst"])],
                *[[_("Uitkomsten: %(c)s") % {"c": c}, n] for c, n in g["per_categorie"]],
                [_("Verhalen met toestemming"), len(g["verhalen"])],
            ],
        ),
        _("Geoogste uitkomsten"): (
            [
                _("Datum"),
                _("Categorie"),
                _("Soort uitkomst"),
                _("Voor wie"),
                _("Wat is er veranderd?"),
                _("Bijdrage van het netwerk"),
                _("Waaruit blijkt het?"),
                _("Waarom is het belangrijk?"),
            ],
            [
                [
                    u["datum"],
                    u["categorie"],
                    u["soort"],
                    u["voor_wie"],
                    u["wat"],
                    u["bijdrage"],
                    u["bewijs"],
                    u["betekenis"],
                ]
                for u in g["geoogst"]
            ],  # fmt: skip
        ),
        _("Verhalen"): (
            [_("Datum"), _("Verhaal"), _("Toestemming")],
            [[v["datum"], v["titel"], v["toestemming"]] for v in g["verhalen"]],
        ),
    }


def uitkomsten_kerncijfers(g: dict) -> list:
    return [
        (_("Geborgde acties"), g["geborgd"]),
        (_("Geoogste uitkomsten"), len(g["geoogst"])),
        (_("Verhalen"), len(g["verhalen"])),
    ]


SECTIE = RapportSectie(
    "uitkomsten",
    gettext_lazy("Uitkomsten en verhalen"),
    90,
    uitkomsten_gegevens,
    "rapport/secties/uitkomsten.html",
    uitkomsten_bladen,
    uitkomsten_kerncijfers,
)
