"""The report's sections of the reflection cycle (issue 22): 'Kleine acties en contactmomenten',
'Successen', 'Uitkomsten en verhalen' and 'Reflectie', in PDF and XLSX, with the numbers of the
database and counts under 5 suppressed."""

import io
from datetime import timedelta

import pytest
from django.db.models import Sum
from openpyxl import load_workbook
from pypdf import PdfReader

from activiteiten.models import (
    Contactmoment,
    GeoogsteUitkomst,
    Reflectiemoment,
    Succes,
    Toestemming,
    Verhaal,
)
from activiteiten.reflectie import selectors as reflectie
from activiteiten.reflectie import services
from tests.factories import ActieFactory
from tests.rapport.conftest import VAN, VANDAAG
from zorgnet.rapport import selectors
from zorgnet.rapport import services as rapport

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reflectiekaders")]


@pytest.fixture
def cyclus(wereld):
    w = wereld
    datum = VANDAAG - timedelta(days=10)
    for soort, aantal in [("koffieklets", 4), ("koffieklets", 5), ("huisbezoek", 2)]:
        services.contactmoment_tellen(buurt=w.buurt_a, soort=soort, datum=datum, aantal=aantal)
    services.contactmoment_tellen(buurt=w.buurt_a, soort="telefoontje", datum=VAN - timedelta(1))
    gekozen = services.succes_bewaren(
        succes=Succes(
            buurt=w.buurt_a, titel="Buurtsoep gelukt", wat_hielp="Samen koken", datum=datum
        )
    )
    services.succes_voor_rapport(succes=gekozen, in_rapport=True)
    services.succes_bewaren(succes=Succes(buurt=w.buurt_a, titel="Niet gekozen", datum=datum))
    categorie = reflectie.uitkomstcategorieen().first()
    services.uitkomst_bewaren(
        uitkomst=GeoogsteUitkomst(
            buurt=w.buurt_a,
            categorie=categorie,
            voor_wie="ouderen",
            wat_veranderde="Ouderen spreken nu zelf af.",
            bijdrage="De koffieklets.",
            datum=datum,
        )
    )
    for titel, toestemming, kies in [
        ("Gekozen verhaal", Toestemming.RAPPORT, True),
        ("Publiek maar niet gekozen", Toestemming.PUBLIEK, False),
        ("Alleen intern", Toestemming.INTERN, False),
    ]:
        v = services.verhaal_bewaren(
            verhaal=Verhaal(
                buurt=w.buurt_a, titel=titel, tekst=f"Tekst van {titel}.", toestemming=toestemming
            )
        )
        if kies:
            services.verhaal_voor_rapport(verhaal=v, in_rapport=True)
    ActieFactory(
        buurt=w.buurt_a,
        trekker=w.partner,
        status="afgerond",
        startdatum=datum,
        verhaal="Automatisch verhaal van een actie.",
        toestemming_verhaal=True,
    )
    moment = services.reflectie_aanmaken(
        moment=Reflectiemoment(
            buurt=w.buurt_a,
            titel="Reflectie lente",
            datum=datum,
            periode_van=VAN,
            periode_tot=datum,
        ),
        partners=[w.partner],
    )
    waarden = {f.id: (3 + (f.nummer % 2), "") for f in reflectie.factoren()}
    services.scores_bewaren(moment=moment, deelnemer="samen", waarden=waarden)
    return w


def _pdf_tekst(scope) -> str:
    return " ".join(
        " ".join(p.extract_text().split())
        for p in PdfReader(io.BytesIO(rapport.rapport_pdf(scope))).pages
    )


def _rijen(boek, naam) -> list[tuple]:
    return list(boek[naam].iter_rows(min_row=2, values_only=True))


def test_the_new_sections_hold_the_numbers_of_the_database(cyclus):
    w = cyclus
    scope = selectors.scope_voor_buurt(w.buurt_a, VAN, VANDAAG)
    contacten = Contactmoment.objects.filter(buurt=w.buurt_a, datum__gte=VAN, datum__lte=VANDAAG)
    totaal = contacten.aggregate(n=Sum("aantal"))["n"]
    koffie = contacten.filter(soort="koffieklets").aggregate(n=Sum("aantal"))["n"]
    assert (totaal, koffie) == (11, 9)
    n_successen = Succes.objects.filter(buurt=w.buurt_a, datum__gte=VAN).count()

    boek = load_workbook(io.BytesIO(rapport.rapport_xlsx(scope)))
    for blad in ("Contactmomenten", "Successen", "Geoogste uitkomsten", "Reflectiemomenten",
                 "Werkende factoren", "Spanningsvelden", "Verhalen"):  # fmt: skip
        assert blad in boek.sheetnames
    kop = [c.value for c in boek["Contactmomenten"][1]]
    assert kop == ["Maand", "Koffieklets", "Huisbezoek", "Totaal"]
    (maand,) = _rijen(boek, "Contactmomenten")
    assert maand[1:] == (koffie, "< 5", totaal)  # 2 home visits: suppressed
    assert [r[1] for r in _rijen(boek, "Successen")] == ["Buurtsoep gelukt"]
    samenvatting = {(r[0], r[1]): r[2] for r in _rijen(boek, "Samenvatting") if r and r[0]}
    assert samenvatting[("Successen", "Successen benoemd")] == n_successen == 2
    assert (
        samenvatting[("Kleine acties en contactmomenten", "Kleine acties en contactmomenten")] == 11
    )
    assert samenvatting[("Reflectie", "Reflectiemomenten")] == 1
    factoren = {r[1]: r[2] for r in _rijen(boek, "Werkende factoren")}
    assert factoren[reflectie.factoren()[0].naam] == 4  # factor 1: 3 + 1
    assert factoren[reflectie.factoren()[1].naam] == 3
    uitkomsten = _rijen(boek, "Geoogste uitkomsten")
    assert [(r[3], r[4]) for r in uitkomsten] == [("Ouderen", "Ouderen spreken nu zelf af.")]
    assert [r[1] for r in _rijen(boek, "Verhalen")] == ["Gekozen verhaal"]

    tekst = _pdf_tekst(scope)
    for titel in ("Kleine acties en contactmomenten", "Successen", "Uitkomsten en verhalen",
                  "Reflectie"):  # fmt: skip
        assert titel in tekst
    assert "11 kleine acties en contactmomenten geteld" in tekst
    assert "Buurtsoep gelukt" in tekst and "Niet gekozen" not in tekst
    assert "van Gekozen verhaal." in tekst  # (pypdf splits "T ekst")
    assert "Publiek maar niet gekozen" not in tekst and "Alleen intern" not in tekst
    assert "Automatisch verhaal" not in tekst  # a picked story replaces the automatic choice
    assert "Ouderen spreken nu zelf af." in tekst


def test_without_a_picked_story_the_consented_action_stories_stand_in(cyclus):
    Verhaal.objects.update(in_rapport=False)
    scope = selectors.scope_voor_buurt(cyclus.buurt_a, VAN, VANDAAG)
    g = next(o.gegevens for o in selectors.bouw_rapport(scope).onderdelen
             if o.sectie.slug == "uitkomsten")  # fmt: skip
    assert [v["tekst"] for v in g["verhalen"]] == ["Automatisch verhaal van een actie."]
    assert not g["gekozen"]


def test_small_contact_totals_are_suppressed_everywhere(wereld):
    services.contactmoment_tellen(buurt=wereld.buurt_a, soort="koffieklets", aantal=3)
    scope = selectors.scope_voor_buurt(wereld.buurt_a, VAN, VANDAAG)
    boek = load_workbook(io.BytesIO(rapport.rapport_xlsx(scope)))
    assert _rijen(boek, "Contactmomenten")[0][1:] == ("< 5", "< 5")
    tekst = _pdf_tekst(scope)
    assert "< 5 kleine acties en contactmomenten geteld" in tekst
    assert "3 kleine acties" not in tekst
