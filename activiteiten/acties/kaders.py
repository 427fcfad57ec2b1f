"""The reference frameworks actions are tagged with (DOMAIN E9, E10 A/B, E11, E13), as data.

The data migration 0002 seeded a frozen copy; `zaai_kaders` (idempotent) puts this list back for the
demo and for tests that flush the database (browser tests).
"""

KADERS: list[dict] = [
    {
        "code": "pijlers-zorgzame-buurten",
        "naam": "De 3 pijlers van zorgzame buurten",
        "soort": "pijlers",
        "bron": "E9",
        "elementen": [
            "Participatie en inclusie",
            "Verbinden formele en informele zorg",
            "Intersectorale samenwerking",
        ],
    },
    {
        "code": "bouwstenen-zorgzame-buurten-a",
        "naam": "8 bouwstenen van zorgzame buurten (versie A)",
        "soort": "bouwstenen",
        "bron": "E10 A",
        "elementen": [
            "Sociale netwerken",
            "Krachten en talenten",
            "Sensibiliseren en informeren",
            "Detectie van zorgnoden",
            "Toeleiding naar zorg",
            "Intersectorale samenwerking",
            "Analyse, evaluatie en impact",
            "Beleidsadvisering",
        ],
    },
    {
        "code": "bouwstenen-zorgzame-buurten-b",
        "naam": "8 bouwstenen van zorgzame buurten (versie B, Bloemen et al. 2022)",
        "soort": "bouwstenen",
        "bron": "E10 B",
        "elementen": [
            "Detectie",
            "Toeleiding",
            "Sociale netwerken",
            "Inclusie",
            "Buurt: analyse & plan",
            "Visie en organisatie",
            "Communicatie",
            "Partnerschappen",
        ],
    },
    {
        "code": "functies-buurtgerichte-zorg",
        "naam": "8 functies van buurtgerichte zorg (VVSG)",
        "soort": "bouwstenen",
        "bron": "E11",
        "elementen": [
            "Buurtanalyse",
            "Partnerschappen",
            "Informeren",
            "Netwerken versterken",
            "Sociaal gewaardeerde rollen stimuleren",
            "Zorgnoden detecteren",
            "Toeleiden naar zorg en ondersteuning",
            "Beleidsadvisering",
        ],
    },
    {
        "code": "bouwstenen-buurtgerichte-netwerken",
        "naam": "8 bouwstenen van buurtgerichte netwerken",
        "soort": "bouwstenen",
        "bron": "E13",
        "elementen": [
            "Gedeelde visie",
            "Kwaliteitsvolle dienstverlening als basisvoorziening",
            "Transparante, laagdrempelige communicatie en informatiedeling",
            "Ondersteunen van professionals en vrijwilligers",
            "Sterk en gedeeld leiderschap",
            "Voldoende tijd voor samenwerkingsproces",
            "Voldoende en gerichte inzet van middelen",
            "Analyse, monitoring en evaluatie",
        ],
    },
]


def zaai_kaders() -> None:
    """Create the frameworks and their elements if missing."""
    from activiteiten.models import Framework, FrameworkElement

    for kader in KADERS:
        framework, _ = Framework.objects.get_or_create(
            code=kader["code"],
            defaults={"naam": kader["naam"], "soort": kader["soort"], "bron": kader["bron"]},
        )
        for nummer, naam in enumerate(kader["elementen"], start=1):
            FrameworkElement.objects.get_or_create(
                framework=framework, nummer=nummer, defaults={"naam": naam}
            )
