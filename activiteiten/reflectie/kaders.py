"""The reflection frameworks, as data (DOMAIN E36, E37, W3 'Stilstaan bij samenwerken', E23 Figuur 3).

Stored as `Framework`/`FrameworkElement` rows like the action frameworks (activiteiten/acties/
kaders.py): the data migration 0012 seeded a frozen copy; `zaai_reflectiekaders` (idempotent) puts
this list back for the demo and for tests that flush the database (browser tests).

An element is (short label, full text from the source[, left pole, right pole]).
"""

WERKENDE_FACTOREN = "werkende-factoren"
SPANNINGSVELDEN = "spanningsvelden"
STILSTAAN = "stilstaan-bij-samenwerken"

REFLECTIEKADERS: list[dict] = [
    {
        "code": WERKENDE_FACTOREN,
        "naam": "De 9 werkende factoren (Roos Steens, 2021)",
        "soort": "werkende_factoren",
        "bron": "S0, E36",
        "elementen": [
            (
                "Sterke, persoonlijke lokale netwerken",
                "Sterke en persoonlijke lokale netwerken van professionals worden ontwikkeld en "
                "onderhouden. Deze hebben immers impact op het gevoel van empowerment bij de "
                "professionals in een wijk en maakt dat ze gemakkelijker (samen) tot actie komen.",
            ),
            (
                "Frontliniewerkers uit verschillende domeinen",
                "Deze netwerken bestaan uit frontliniewerkers uit de buurt en verenigen "
                "verschillende domeinen.",
            ),
            (
                "Sterke netwerkcoördinatie vanuit verschillende rollen",
                "Er wordt geïnvesteerd in een sterke netwerkcoördinatie vanuit verschillende "
                "rollen: (i) de inhoudelijk expert, (ii) de leider, (iii) de netwerker of spin in "
                "het web en (iv) de warmmaker.",
            ),
            (
                "Bruggen bouwen op kennis- en menselijk domein",
                "Er worden bruggen gebouwd zowel op kennisdomein als op menselijk domein de "
                "onderscheiden strategieën.",
            ),
            (
                "Gedeelde coördinatie, formeel en informeel",
                "De netwerkcoördinatie en het bruggen bouwen wordt gedeeld tussen formele "
                "netwerkcoördinatoren en informele bruggenbouwers die intuïtief ook mee het "
                "leiderschap opnemen.",
            ),
            (
                "Blijvende aandacht voor vertrouwen",
                "Er is voortdurende aandacht voor de golf of dans van vertrouwen tussen de "
                "verschillende stakeholders. Dit is niet iets waar enkel bij de start van een "
                "project, maar blijvend in moet geïnvesteerd worden.",
            ),
            (
                "Een gedeeld theoretisch raamwerk",
                "Er is een theoretisch raamwerk dat zorgt voor een gedeelde mindset, "
                "gemeenschappelijke taal en een soort 'derde punt' in intervisievergaderingen.",
            ),
            (
                "Formele en informele fora, acties vasthouden",
                "Er is aandacht voor de formele en informele fora waarlangs cocreatie gebeurt en "
                "cocreatieve acties worden hierbij zoveel mogelijk vastgehouden zodanig dat ze "
                "niet verloren gaan alvorens ze worden geïmplementeerd.",
            ),
            (
                "Ruimte en discretie om snel te handelen",
                "Er is de nodige ruimte en discretie om te doen wat nodig is en snel tot actie "
                "te komen.",
            ),
        ],
    },
    {
        "code": SPANNINGSVELDEN,
        "naam": "Spanningsvelden",
        "soort": "spanningsvelden",
        "bron": "S0, E37",
        "elementen": [
            (
                "Belang & risico's van netwerkgrootte.",
                "Balans tussen grootte en diversiteit van netwerk vs coördinatie en borging",
                "grootte en diversiteit van netwerk",
                "coördinatie en borging",
            ),
            (
                "Belang versus broosheid van 'bruggenbouwers'.",
                "Balans informele rollen leiderschap vs officiële mandaten of wegvallen mensen",
                "informele rollen leiderschap",
                "officiële mandaten of wegvallen mensen",
            ),
            (
                "Belang 'street wise bureaucracy' versus formele mandaten.",
                "Balans flexibiliteit, doen wat moet vs mandaat en formele opdracht",
                "flexibiliteit, doen wat moet",
                "mandaat en formele opdracht",
            ),
            (
                "Aandacht voor formele én informele fora & vasthouden acties.",
                "Balans N.A.-structuren/andere wijkstructuren/informele circuit vs juiste "
                "werkflows",
                "N.A.-structuren/andere wijkstructuren/informele circuit",
                "juiste werkflows",
            ),
            (
                "Vertrouwen tussen partners als blijvend aandachtspunt.",
                "Balans tussen het gezamenlijke vs cultureel en persoonlijk relationele",
                "het gezamenlijke",
                "cultureel en persoonlijk relationele",
            ),
            (
                "Kleinheid acties versus legitimeringsdruk.",
                "Balans zichtbaarheid/vieren acties vs beleidsmatig overtuigen.",
                "zichtbaarheid/vieren acties",
                "beleidsmatig overtuigen",
            ),
        ],
    },
    {
        "code": STILSTAAN,
        "naam": "Stilstaan bij samenwerken",
        "soort": "reflectievragen",
        "bron": "S1, W3",
        "elementen": [
            (
                "Welke activiteiten zijn nodig om een uitdaging aan te pakken?",
                "Welke bestaan al, beantwoorden ze aan de noden, welke nog niet, en waarom?",
            ),
            (
                "Welke potentiële partners beschikken over de capaciteiten om deze activiteiten "
                "uit te voeren?",
                "Werk je al samen met de potentiële partners? Wat stimuleert, wat remt?",
            ),
            (
                "Wat is het ideale werkingsgebied?",
                "De buurt, gemeente/stad+rand of een grotere regio?",
            ),
            (
                "Welke samenwerkingsintensiteit is nodig?",
                "Is doorverwijzen voldoende, of moeten ze info delen, activiteiten op elkaar "
                "afstemmen of activiteiten samen uitvoeren?",
            ),
            (
                "Wat verhindert het ideale plan?",
                "Welke afwijkingen zijn nodig? Welke implicaties hebben die afwijkingen? Hoe "
                "kunnen de implicaties opgevangen worden?",
            ),
        ],
    },
    {
        "code": "uitkomsten-bewoners",
        "naam": "Buurtbewoners",
        "soort": "uitkomsten",
        "bron": "S3 Figuur 3",
        "elementen": [
            (
                "Buurtbewoners bereiken en betrekken",
                "Bewoners bereikt die anders niet bereikt werden. Buurtbewoners hebben een "
                "(ontmoetings)plaats gevonden. Buurtbewoners nemen een actieve rol op in de "
                "werking van zorgzame buurten.",
            ),
            (
                "Sociale relaties onder buurtbewoners",
                "Buurtbewoners komen met elkaar in contact. Buurtbewoners helpen elkaar.",
            ),
            (
                "Houding ten opzichte van de zorgzame buurt werking",
                "Het vertrouwen t.a.v. de werking en de medewerker is gegroeid.",
            ),
            (
                "Buurtbewoners verbinden met professionele zorg- en dienstverlening",
                "Buurtbewoners vinden sneller en beter hun weg naar de zorgverlening.",
            ),
        ],
    },
    {
        "code": "uitkomsten-partners",
        "naam": "Partners",
        "soort": "uitkomsten",
        "bron": "S3 Figuur 3",
        "elementen": [
            (
                "Effecten op de relatie tussen de medewerker en de partner",
                "De partners kennen het concept zorgzame buurten. De partners willen aansluiten "
                "bij het netwerk/activiteiten. Evolutie in de (machts)verhoudingen tussen de "
                "medewerker en de partner(s): meer wederkerigheid.",
            ),
            (
                "Effecten op de relatie tussen de partners onderling",
                "Partners leren elkaar kennen. Partners vinden mekaar (en werken samen).",
            ),
        ],
    },
    {
        "code": "uitkomsten-externe-partners",
        "naam": "Externe partners",
        "soort": "uitkomsten",
        "bron": "S3 Figuur 3",
        "elementen": [
            (
                "Effecten op de connectie tussen de externe partners",
                "De externe partners leren elkaar kennen. De externe partners vinden elkaar. De "
                "externe partners vinden hun weg naar het ontmoetingslokaal.",
            ),
            (
                "Mentaliteitsshift",
                "De externe partners gaan meer buurtgericht werken. De externe partners stellen "
                "voor om te helpen.",
            ),
        ],
    },
    {
        "code": "uitkomsten-eigen-organisatie",
        "naam": "Eigen organisatie",
        "soort": "uitkomsten",
        "bron": "S3 Figuur 3",
        "elementen": [
            (
                "Inzichten rond de eigen werking",
                "De eigen organisatie gaat rond andere doelen werken. Inzichten in de eigen rol: "
                "wat is de taak van mijn eigen organisatie en wat doen de partners?",
            ),
            (
                "Personeel overtuigen",
                "Het personeel van de eigen organisatie is mee met het concept van de zorgzame "
                "buurten.",
            ),
        ],
    },
]


def zaai_reflectiekaders() -> None:
    """Create the reflection frameworks and their elements if missing."""
    from activiteiten.models import Framework, FrameworkElement

    for kader in REFLECTIEKADERS:
        framework, _ = Framework.objects.get_or_create(
            code=kader["code"],
            defaults={"naam": kader["naam"], "soort": kader["soort"], "bron": kader["bron"]},
        )
        for nummer, element in enumerate(kader["elementen"], start=1):
            naam, omschrijving, *polen = element
            links, rechts = polen or ("", "")
            FrameworkElement.objects.get_or_create(
                framework=framework,
                nummer=nummer,
                defaults={
                    "naam": naam,
                    "omschrijving": omschrijving,
                    "pool_links": links,
                    "pool_rechts": rechts,
                },
            )
