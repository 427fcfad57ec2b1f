"""Demo buurtanalyse for Buurtegem and De Leefhoek: indicators, a frozen baseline and a later version.

Runs after partners.demo (a voorziening links to OCMW Stederen). Idempotent: a buurt that already
has an analysis is left alone; indicators and values use get_or_create.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from buurten.analyse import services
from buurten.analyse.models import Buurtanalyse, Indicator, IndicatorWaarde
from zorgnet.lib.choices import (
    BevindingSoort,
    Bevragingsmethode,
    Complexiteit,
    Doelgroep,
    Fase,
    IndicatorSoort,
    Kant,
    VoorzieningSoort,
)

INDICATOREN = [
    # code, naam, eenheid, bron, soort, kant
    (
        "aandeel_65plus",
        "Aandeel 65-plussers",
        "%",
        "Statistiek Vlaanderen",
        "objectief",
        "collectief",
    ),
    (
        "alleenwonend_80plus",
        "Alleenwonende 80-plussers",
        "%",
        "Statistiek Vlaanderen",
        "objectief",
        "individueel",
    ),
    (
        "kansarmoede_kinderen",
        "Kinderen geboren in kansarmoede",
        "%",
        "Kind en Gezin",
        "objectief",
        "individueel",
    ),
    ("sociale_huur", "Sociale huurwoningen", "%", "Woonsurvey", "objectief", "collectief"),
    (
        "eenzaamheid",
        "Voelt zich soms of vaak eenzaam",
        "%",
        "Gemeente-Stadsmonitor",
        "subjectief",
        "individueel",
    ),
    (
        "tevreden_buurt",
        "Tevreden over de buurt",
        "%",
        "Gemeente-Stadsmonitor",
        "subjectief",
        "collectief",
    ),
]

# code: (buurt, gemeente, Vlaanderen) per year offset (-2, -1, 0 = this year)
WAARDEN = {
    "Buurtegem": {
        "aandeel_65plus": [(24.1, 20.2, 21.0), (24.9, 20.5, 21.2), (25.6, 20.9, 21.4)],
        "alleenwonend_80plus": [(41.0, 38.2, 39.5), (42.3, 38.4, 39.6), (43.0, 38.9, 39.8)],
        "kansarmoede_kinderen": [(9.8, 12.1, 15.5), (10.6, 12.4, 15.9), (10.2, 12.3, 16.0)],
        "eenzaamheid": [(31.0, 27.0, 28.0), (29.5, 26.5, 27.8), (26.0, 26.0, 27.5)],
        "tevreden_buurt": [(78.0, 81.0, 80.0), (79.5, 81.2, 80.1), (83.0, 81.5, 80.3)],
    },
    "De Leefhoek": {
        "kansarmoede_kinderen": [(27.4, 18.3, 15.5), (28.9, 18.6, 15.9), (27.1, 18.5, 16.0)],
        "sociale_huur": [(62.0, 14.0, 13.0), (62.0, 14.2, 13.1), (61.5, 14.3, 13.2)],
        "eenzaamheid": [(38.0, 30.0, 28.0), (37.0, 29.5, 27.8), (33.5, 29.0, 27.5)],
        "tevreden_buurt": [(61.0, 74.0, 80.0), (63.0, 74.5, 80.1), (68.0, 75.0, 80.3)],
    },
}


def _indicatoren() -> dict[str, Indicator]:
    uit = {}
    for code, naam, eenheid, bron, soort, kant in INDICATOREN:
        uit[code], _ = Indicator.objects.get_or_create(
            code=code,
            defaults={
                "naam": naam,
                "eenheid": eenheid,
                "bron": bron,
                "soort": IndicatorSoort(soort),
                "kant": Kant(kant),
            },
        )
    return uit


def _waarden(buurt, indicatoren, jaar: int) -> None:
    for code, reeks in WAARDEN[buurt.naam].items():
        for offset, (waarde, gemeente, vlaanderen) in zip((-2, -1, 0), reeks, strict=True):
            IndicatorWaarde.objects.get_or_create(
                buurt=buurt,
                indicator=indicatoren[code],
                peildatum=dt.date(jaar + offset, 1, 1),
                defaults={
                    "waarde": Decimal(str(waarde)),
                    "gemeente_waarde": Decimal(str(gemeente)),
                    "vlaanderen_waarde": Decimal(str(vlaanderen)),
                    "bron": indicatoren[code].bron,
                },
            )


def _buurtegem(buurt, regisseur, ocmw, jaar: int, vandaag: dt.date) -> None:
    v1 = services.analyse_aanmaken(
        buurt=buurt,
        gebruiker=regisseur,
        titel="Buurtanalyse Buurtegem: de start",
        peildatum=dt.date(jaar - 1, 3, 31),
        samenvatting="Een vergrijzende dorpskern met een sterke straat-WhatsAppgroep. Veel "
        "alleenwonende ouderen; jonge gezinnen vinden de weg naar het aanbod nog niet.",
    )
    babbel = services.bevraging_toevoegen(
        analyse=v1,
        methode=Bevragingsmethode.BUURTBABBEL,
        datum=dt.date(jaar - 1, 2, 14),
        aantal_deelnemers=23,
        doelgroepen=[Doelgroep.OUDEREN, Doelgroep.ALLEENSTAANDEN],
        omschrijving="Koffie op het kerkplein na de markt.",
    )
    huisbezoek = services.bevraging_toevoegen(
        analyse=v1,
        methode=Bevragingsmethode.HUISBEZOEK,
        datum=dt.date(jaar - 1, 3, 5),
        aantal_deelnemers=11,
        doelgroepen=[Doelgroep.GEZINNEN_0_12, Doelgroep.NIEUWE_BEWONERS],
    )
    eenzaam = services.bevinding_toevoegen(
        analyse=v1,
        bevraging=babbel,
        thema="D",
        soort=BevindingSoort.NOOD,
        tekst="Oudere bewoners komen sinds de sluiting van het café nauwelijks nog buiten.",
        citaat="Vroeger zag ik iedereen op zondag, nu niemand meer.",
    )
    plek = services.bevinding_toevoegen(
        analyse=v1,
        bevraging=babbel,
        thema="D",
        soort=BevindingSoort.NOOD,
        tekst="Er is geen laagdrempelige ontmoetingsplek in de dorpskern.",
    )
    services.bevinding_toevoegen(
        analyse=v1,
        bevraging=babbel,
        thema="J",
        soort=BevindingSoort.KRACHT,
        tekst="De straat-WhatsAppgroep regelt spontaan boodschappen voor zieke buren.",
        citaat="Als er iets is, staat er binnen het uur iemand aan de deur.",
    )
    gezinnen = services.bevinding_toevoegen(
        analyse=v1,
        bevraging=huisbezoek,
        thema="C",
        soort=BevindingSoort.NOOD,
        tekst="Nieuwe jonge gezinnen kennen het aanbod van OCMW en Huis van het Kind niet.",
    )
    services.bevinding_toevoegen(
        analyse=v1,
        bevraging=huisbezoek,
        thema="K",
        soort=BevindingSoort.KRACHT,
        tekst="Gepensioneerden willen graag iets doen voor kinderen in de buurt.",
    )
    isolement = services.uitdaging_toevoegen(
        analyse=v1,
        titel="Eenzaamheid bij alleenwonende ouderen",
        beschrijving="Detecteren en doorbreken van sociaal isolement.",
        kant=Kant.INDIVIDUEEL,
        complexiteit=Complexiteit.HOOG,
        bevindingen=[eenzaam],
    )
    services.uitdaging_toevoegen(
        analyse=v1,
        titel="Een ontmoetingsplek in de dorpskern",
        kant=Kant.COLLECTIEF,
        complexiteit=Complexiteit.LAAG,
        bevindingen=[plek, eenzaam],
        verwante=[isolement],
    )
    services.uitdaging_toevoegen(
        analyse=v1,
        titel="Jonge gezinnen bereiken",
        kant=Kant.COLLECTIEF,
        complexiteit=Complexiteit.LAAG,
        bevindingen=[gezinnen],
    )
    services.voorziening_toevoegen(
        analyse=v1,
        naam="Sociale dienst OCMW",
        soort=VoorzieningSoort.DIENST,
        partner=ocmw,
        beschrijving="Zitdag op dinsdagvoormiddag in het gemeentehuis.",
    )
    services.voorziening_toevoegen(
        analyse=v1, naam="Parochiezaal", soort=VoorzieningSoort.ONTMOETINGSPLAATS
    )
    services.voorziening_toevoegen(
        analyse=v1, naam="Dorpspark met speeltuin", soort=VoorzieningSoort.PUBLIEKE_RUIMTE
    )
    services.baseline_vastleggen(analyse=v1, gebruiker=regisseur)

    v2 = services.analyse_aanmaken(
        buurt=buurt,
        gebruiker=regisseur,
        titel="Buurtanalyse Buurtegem: na het eerste werkingsjaar",
        peildatum=vandaag,
        samenvatting="Het buurtpunt in de parochiezaal draait; eenzaamheid daalt volgens de "
        "stadsmonitor. Mobiliteit van ouderen komt nu sterker naar boven.",
    )
    wandeling = services.bevraging_toevoegen(
        analyse=v2,
        methode=Bevragingsmethode.BUURTWANDELING,
        datum=vandaag - dt.timedelta(days=60),
        aantal_deelnemers=14,
        doelgroepen=[Doelgroep.OUDEREN],
    )
    mobiliteit = services.bevinding_toevoegen(
        analyse=v2,
        bevraging=wandeling,
        thema="B",
        soort=BevindingSoort.NOOD,
        tekst="Sinds de busroute verlegd is, geraken ouderen moeilijk tot bij de huisarts.",
    )
    services.bevinding_toevoegen(
        analyse=v2,
        bevraging=wandeling,
        thema="D",
        soort=BevindingSoort.KRACHT,
        tekst="Het wekelijkse buurtpunt in de parochiezaal trekt vaste bezoekers.",
        citaat="Het is hier mijn tweede huiskamer geworden.",
    )
    services.uitdaging_toevoegen(
        analyse=v2,
        titel="Mobiliteit van ouderen",
        kant=Kant.COLLECTIEF,
        complexiteit=Complexiteit.HOOG,
        bevindingen=[mobiliteit],
        verwante=list(v2.uitdagingen.filter(titel="Eenzaamheid bij alleenwonende ouderen")),
    )


def _leefhoek(buurt, regisseur, jaar: int, vandaag: dt.date) -> None:
    v1 = services.analyse_aanmaken(
        buurt=buurt,
        gebruiker=regisseur,
        titel="Buurtanalyse De Leefhoek",
        peildatum=dt.date(jaar - 1, 6, 30),
        samenvatting="Sociale woonwijk met veel gezinnen in armoede en een sterke "
        "bewonersvereniging.",
    )
    gesprek = services.bevraging_toevoegen(
        analyse=v1,
        methode=Bevragingsmethode.GROEPSGESPREK,
        datum=dt.date(jaar - 1, 5, 20),
        aantal_deelnemers=9,
        doelgroepen=[Doelgroep.ARMOEDE, Doelgroep.KWETSBARE_GEZINNEN],
        omschrijving="Gesprek met het bewonerscomité.",
    )
    schimmel = services.bevinding_toevoegen(
        analyse=v1,
        bevraging=gesprek,
        thema="M",
        soort=BevindingSoort.NOOD,
        tekst="Meerdere gezinnen kampen met vocht en schimmel in hun woning.",
    )
    services.bevinding_toevoegen(
        analyse=v1,
        bevraging=gesprek,
        thema="B",
        soort=BevindingSoort.KRACHT,
        tekst="De bewonersvereniging organiseert elk jaar een buurtfeest.",
    )
    armoede = services.bevinding_toevoegen(
        analyse=v1,
        bevraging=gesprek,
        thema="C",
        soort=BevindingSoort.NOOD,
        tekst="Gezinnen in armoede schamen zich om hulp te vragen.",
        citaat="Je wil niet dat de buren het weten.",
    )
    woon = services.uitdaging_toevoegen(
        analyse=v1,
        titel="Woonkwaliteit (vocht en schimmel)",
        kant=Kant.INDIVIDUEEL,
        complexiteit=Complexiteit.HOOG,
        bevindingen=[schimmel],
    )
    services.uitdaging_toevoegen(
        analyse=v1,
        titel="Drempels naar hulp verlagen",
        kant=Kant.COLLECTIEF,
        complexiteit=Complexiteit.HOOG,
        bevindingen=[armoede],
        verwante=[woon],
    )
    services.voorziening_toevoegen(
        analyse=v1, naam="Buurthuis De Leefhoek", soort=VoorzieningSoort.ONTMOETINGSPLAATS
    )
    services.baseline_vastleggen(analyse=v1, gebruiker=regisseur)
    v2 = services.analyse_aanmaken(
        buurt=buurt,
        gebruiker=regisseur,
        titel="Buurtanalyse De Leefhoek: update",
        peildatum=vandaag,
    )
    services.bevinding_toevoegen(
        analyse=v2,
        thema="J",
        soort=BevindingSoort.KRACHT,
        tekst="Buren helpen elkaar met formulieren in het buurthuis.",
    )


def laad(ctx: dict) -> None:
    vandaag = timezone.localdate()
    jaar = vandaag.year
    indicatoren = _indicatoren()
    buurtegem = ctx["buurten"]["buurtegem"]
    leefhoek = ctx["buurten"]["leefhoek"]
    for buurt in (buurtegem, leefhoek):
        _waarden(buurt, indicatoren, jaar)
    if not Buurtanalyse.objects.filter(buurt=buurtegem).exists():
        _buurtegem(
            buurtegem, ctx["gebruikers"]["regisseur"], ctx["partners"]["ocmw"], jaar, vandaag
        )
        services.fasen_instellen(buurt=buurtegem, fasen=[Fase.SAMENWERKING, Fase.UITROL])
    if not Buurtanalyse.objects.filter(buurt=leefhoek).exists():
        _leefhoek(leefhoek, ctx["gebruikers"]["regisseur_leefhoek"], jaar, vandaag)
        services.fasen_instellen(buurt=leefhoek, fasen=[Fase.BUURTANALYSE, Fase.SAMENWERKING])
