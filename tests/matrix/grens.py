"""The buurt boundary on write URLs (issue 16): partners, contacts and ties that span two buurten.

No URL of its own (REGELS is empty); `maak(w)` adds to the matrix world:
- `gedeeld`: a partner working in buurt A *and* in Stationswijk (buurt A2, same gemeente), with a
  contact person `gedeelde_persoon`: in scope for A;
- `vreemd`: a partner working only in Stationswijk, with `vreemde_persoon`: outside A's scope;
- `grensrelatie`: a tie declared by A's `partner` about `vreemd`, and `inkomende_grensrelatie`,
  declared by `vreemd` about `partner`.

`GRENSGEVALLEN` are checked by `tests/test_autorisatiematrix.py::test_the_buurt_boundary`:
- a forged POST names the outside object: a Dutch form error, nothing written; the same POST with
  the shared partner instead must succeed (so the form is otherwise valid and the refusal is
  about scope only);
- a tie whose other side is outside the buurt is refused (403) to A's regisseur, while the
  partner user of the tie's own side keeps its own declaration and answer.
"""

from dataclasses import dataclass, field

from tests.factories import (
    ActiviteitFactory,
    BijeenkomstFactory,
    ContactpersoonFactory,
    PartnerFactory,
    RelatieFactory,
    SignaalFactory,
)

REGELS: dict = {}

A = {"buurt_id": "buurt_a"}
VANDAAG = "2026-01-15"


@dataclass(frozen=True)
class Grensgeval:
    """One write URL that names another object: `data(w, obj)` builds the POST body around the
    object under test (`buiten` outside the buurt, `binnen` the in-scope counterpart)."""

    url: str
    kwargs: dict[str, str]
    data: object  # callable (world, object) -> dict
    buiten: str = "vreemd"
    binnen: str = "gedeeld"
    persona: str = "regisseur_a"
    melding: str = "deze buurt"
    geslaagd: int = 302


@dataclass(frozen=True)
class Relatiegeval:
    """A tie URL and the expected status per persona (POST)."""

    url: str
    relatie: str
    verwacht: dict[str, int]
    data: dict = field(default_factory=dict)


def _relatie(w, p):
    return {"naar_partner": p.pk, "intensiteit": 2}


def _mandaat_partner(w, p):
    return {
        "partner": p.pk,
        "omschrijving": "zaken aankaarten",
        "toegekend_door": "netwerk",
        "formeel": "on",
        "geldig_van": VANDAAG,
    }


def _mandaat_persoon(w, c):
    return {**_mandaat_partner(w, w.gedeeld), "contactpersoon": c.pk}


def _netwerkrol(w, c):
    return {"contactpersoon": c.pk, "rol": "leider", "formeel": "on"}


def _actie(w, p):
    return {
        "titel": "Buurtsoep",
        "startdatum": VANDAAG,
        "status": "gepland",
        "categorie": "ontmoeting",
        "trekker": w.partner.pk,
        "co_partners": [p.pk],
    }


def _signaal(w, p):
    return {
        "thema": "eenzaamheid",
        "kanaal": "huisbezoek",
        "collectief": "0",
        "urgentie": "normaal",
        "zorgniveau": "ongerust",
        "responsniveau": "gerichte_vragen_acties",
        "datum": VANDAAG,
        "omschrijving": "Een situatie in de straat.",
        "partner": p.pk,
    }


def _doorverwijzing(w, p):
    return {"naar_partner": p.pk, "van_partner": w.partner.pk, "warm": "on"}


def _beheer(**velden):
    return {
        "nieuw-TOTAL_FORMS": "1",
        "nieuw-INITIAL_FORMS": "0",
        "nieuw-MIN_NUM_FORMS": "0",
        "nieuw-MAX_NUM_FORMS": "1000",
        "aantal_bewoners": "0",
        "aantal_anderen": "0",
        **velden,
    }


def _aanwezig(w, c):
    return _beheer(aanwezig=[c.pk])


def _nieuwe_aanwezige(w, p):
    return _beheer(**{"nieuw-0-naam": "Sam", "nieuw-0-partner": p.pk, "nieuw-0-nieuw": "on"})


def _uitkomst(w, p):
    return {"soort": "zaadje", "omschrijving": "Samen een buurtfeest", "eigenaar": p.pk}


def _capaciteit(w, p):
    return {"cap-activiteit": w.grens_activiteit.pk, "cap-partner": p.pk}


def _pakket(w, p):
    return {
        "naam": "Ontmoeting",
        "activiteiten": [w.grens_activiteit.pk],
        "team": [p.pk],
        "ideale_schaal": "geleefde_buurt",
        "intensiteit": 2,
        "coordinatie": "centraal",
    }


def _voorziening(w, p):
    return {"naam": "Buurthuis", "soort": "ontmoetingsplaats", "partner": p.pk}


PERSOON = {"buiten": "vreemde_persoon", "binnen": "gedeelde_persoon"}
BIJEENKOMST = {**A, "bijeenkomst_id": "grens_bijeenkomst"}

GRENSGEVALLEN = {
    "relatie verklaren": Grensgeval(
        "partners:relatie_create", {**A, "partner_id": "partner"}, _relatie
    ),
    "mandaat aan een partner": Grensgeval("partners:mandaat_create", A, _mandaat_partner),
    "mandaat aan een contactpersoon": Grensgeval(
        "partners:mandaat_create", A, _mandaat_persoon, **PERSOON
    ),
    "netwerkrol": Grensgeval("partners:netwerkrol_create", A, _netwerkrol, **PERSOON),
    "actie: mee-organiserende partner": Grensgeval("activiteiten:actie_create", A, _actie),
    "signaal: meldende partner": Grensgeval("activiteiten:signaal_create", A, _signaal),
    "doorverwijzing": Grensgeval(
        "activiteiten:doorverwijzing_create", {**A, "signaal_id": "grens_signaal"}, _doorverwijzing
    ),
    "aanwezigheid: aangevinkte persoon": Grensgeval(
        "activiteiten:aanwezigheid_update", BIJEENKOMST, _aanwezig, **PERSOON
    ),
    "aanwezigheid: nieuwe persoon van een partner": Grensgeval(
        "activiteiten:aanwezigheid_update", BIJEENKOMST, _nieuwe_aanwezige
    ),
    "uitkomst: eigenaar": Grensgeval("activiteiten:uitkomst_create", BIJEENKOMST, _uitkomst),
    "capaciteit (Ontwar het bos stap 2)": Grensgeval(
        "activiteiten:capaciteit_create", A, _capaciteit
    ),
    "pakketteam": Grensgeval("activiteiten:pakket_create", A, _pakket),
    "voorziening": Grensgeval(
        "buurten:voorziening_create", {**A, "analyse_id": "buurtanalyse"}, _voorziening
    ),
}

# Ties with one side outside buurt A. Answers: 302 done, 403 refused.
RELATIEGEVALLEN = {
    # declared by A's partner about `vreemd`: the declaring partner user keeps it, A's
    # regisseur may not change it (its other side is outside the buurt)
    "relatie naar buiten aanpassen": Relatiegeval(
        "partners:relatie_update",
        "grensrelatie",
        {"regisseur_a": 403, "partner_a": 302, "coordinator": 403},
        data={"intensiteit": 3},
    ),
    "relatie naar buiten beantwoorden": Relatiegeval(
        "partners:relatie_beantwoorden",
        "grensrelatie",
        {"regisseur_a": 403, "partner_a": 403, "coordinator": 403},
        data={"antwoord": "bevestigd"},
    ),
    # declared by `vreemd` about A's partner: only that partner answers, not A's regisseur
    "relatie van buiten beantwoorden": Relatiegeval(
        "partners:relatie_beantwoorden",
        "inkomende_grensrelatie",
        {"regisseur_a": 403, "partner_a": 302, "coordinator": 403},
        data={"antwoord": "bevestigd"},
    ),
    "relatie van buiten aanpassen": Relatiegeval(
        "partners:relatie_update",
        "inkomende_grensrelatie",
        {"regisseur_a": 403, "partner_a": 403, "coordinator": 403},
        data={"intensiteit": 3},
    ),
    # both sides in A (a shared partner counts as in A): the regisseur manages it
    "relatie binnen de buurt aanpassen": Relatiegeval(
        "partners:relatie_update",
        "gedeelde_relatie",
        {"regisseur_a": 302, "partner_a": 403, "coordinator": 403},
        data={"intensiteit": 3},
    ),
}


def maak(w) -> None:
    w.gedeeld = PartnerFactory(
        gemeente=w.gemeente_1, naam="Thuiszorg Samen", buurten=[w.buurt_a, w.buurt_a2]
    )
    w.vreemd = PartnerFactory(
        gemeente=w.gemeente_1, naam="Wijkteam Stationswijk", buurten=[w.buurt_a2]
    )
    w.gedeelde_persoon = ContactpersoonFactory(partner=w.gedeeld, voornaam="Gerda")
    w.vreemde_persoon = ContactpersoonFactory(partner=w.vreemd, voornaam="Victor")
    w.grensrelatie = RelatieFactory(van_partner=w.partner, naar_partner=w.vreemd)
    w.inkomende_grensrelatie = RelatieFactory(van_partner=w.vreemd, naar_partner=w.partner)
    w.gedeelde_relatie = RelatieFactory(van_partner=w.gedeeld, naar_partner=w.partner)
    w.grens_signaal = SignaalFactory(buurt=w.buurt_a, partner=w.partner)
    w.grens_bijeenkomst = BijeenkomstFactory(buurt=w.buurt_a)
    w.grens_activiteit = ActiviteitFactory(buurt=w.buurt_a)
