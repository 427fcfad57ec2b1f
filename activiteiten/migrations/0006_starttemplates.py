# Data: the start templates of the activity-package wizard, frozen as they were when this migration
# was written; activiteiten/pakketten/sjablonen.py keeps the current list for the demo and tests.

from django.db import migrations

ALGEMENE_DREMPELS = [
    "Nood aan personeel (nu & in de toekomst)",
    "Tijd: onvoldoende tijd om taken naar behoren uit te voeren",
    "Verschil in snelheden",
    "Financiële regelingen",
    "Communicatie (taal)",
    "Digitalisering",
    "Initiatief moet van de trekker komen",
    "Link met de politiek",
    "Van onderuit werken is nog niet goed gekend",
    "Zichtbare resultaten verwacht",
]

STARTTEMPLATES: list[tuple[str, str, list[str], list[str]]] = [
    (
        "Er is dienstverlening, maar de burgers en de professionals kennen ze niet",
        "Dienstverlening bekend maken (= dat wat er is versterken)",
        ["Netwerken uitbouwen", "Nieuwe bewoners onthalen", "Nieuwsbrief/krantje", "Signaleren"],
        ["Digitalisering"],
    ),
    (
        "Dienstverlening verdwijnt uit de buurt",
        "Dienstverleners mekaar laten ontmoeten",
        [],
        ["Dienstverleners zijn al overbevraagd", "Concurrentiegevoel"],
    ),
    (
        "Dienstverlening verdwijnt uit de buurt",
        "Dienstverlening terug in de buurt krijgen",
        [
            "Dorpsinfopunt",
            "Maatschappelijk werker op evenementen in de buurt",
            "Oude werking nieuw leven inblazen",
        ],
        ["Geen of te weinig personeelsinzet in de buurt", "Dienstverleners zijn al overbevraagd"],
    ),
    (
        "Dienstverlening verdwijnt uit de buurt",
        "Ontmoeting",
        [
            "Buurtbabbels",
            "Buurthuis, -restaurant, antennewerking",
            "LDC oprichten",
            "Nieuwe bewoners onthalen",
            "Inhaken op bestaande initiatieven",
            "Openbare gebouwen groeperen op eenzelfde site",
            "Soep- of koffie-rondes",
        ],
        [
            "Onverdraagzaamheid",
            "Fysieke ontmoetingsplek nodig",
            "Geen of weinig diversiteit onder de vrijwilligers",
            "Gesloten houding buurtbewoners",
            "Individualisering",
            "Kans op conflict",
        ],
    ),
    (
        "Diversiteit",
        "Mensen met een beperking verbinden met de buurt",
        ["Buiten eten", "In de buurt gaan (wandelen)", "Winkel/café openhouden"],
        ["Kans op conflict"],
    ),
    (
        "Onveiligheidsgevoel",
        "Ontmoeting",
        ["Bankjes plaatsen"],
        ["Onverdraagzaamheid", "Ruimtelijke aspect maakt ontmoeting moeilijk"],
    ),
    (
        "Veel alleenstaanden & eenzaamheidsgevoelens",
        "Eenzaamheid en sociale isolatie detecteren en tegengaan",
        [
            "Buurtbabbels",
            "Inhaken op bestaande initiatieven",
            "Soep- of koffie-rondes",
            "Wandelingen",
        ],
        ["Gesloten houding buurtbewoners", "Zichtbare resultaten nodig"],
    ),
    (
        "Verouderende populatie + instroom van jonge gezinnen",
        "Handvaten aanbieden hoe om te gaan met verlies en rouw",
        ["Troostplek creëren", "Begeleiding door getrainde vrijwilligers"],
        ["Kans op conflict"],
    ),
    (
        "Mensen geraken niet meer bij de dienstverlening",
        "Jong en oud verbinden",
        ["Kleuterschool op dezelfde site als het wzc"],
        ["Digitalisering", "Zware hulpvragen"],
    ),
    (
        "Mensen geraken niet meer bij de dienstverlening",
        "Burenhulp (het kleine helpen) stimuleren en faciliteren",
        [
            "Evenementen organiseren",
            "Hoppler invoeren & gebruik ervan ondersteunen",
            "Vraag & aanbod matches",
            "Inhaken op bestaande initiatieven",
        ],
        ["Problemen zijn al lang gekend"],
    ),
    (
        "Mensen geraken niet meer bij de dienstverlening",
        "Mobiliteit aanpakken",
        ["Signaleren"],
        [],
    ),
]


def zaai(apps, schema_editor):
    Starttemplate = apps.get_model("activiteiten", "Starttemplate")
    for volgorde, (situatie, doel, acties, drempels) in enumerate(STARTTEMPLATES, start=1):
        Starttemplate.objects.update_or_create(
            beginsituatie=situatie,
            doel=doel,
            defaults={"acties": acties, "drempels": drempels, "volgorde": volgorde},
        )


class Migration(migrations.Migration):
    dependencies = [("activiteiten", "0005_pakketten")]

    operations = [migrations.RunPython(zaai, migrations.RunPython.noop)]
