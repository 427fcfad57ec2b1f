"""Demo partners for Buurtegem (about 40, with ties, scans, mandates and roles) and the partner user.

Fictional organisations and persons only. Idempotent: get_or_create everywhere, m2m only when missing.
"""

import random
from datetime import date, timedelta

from buurten.demo import DEMO_WACHTWOORD, _gebruiker
from buurten.models import Rol
from buurten.services import lidmaatschap_toevoegen
from zorgnet.lib.choices import Niveau, Participatieniveau, Schaal, Sector, StakeholderSoort

from .models import (
    Betrokkenheid,
    Bevestiging,
    Contactpersoon,
    Mandaat,
    MandaatBron,
    Netwerkrol,
    Partner,
    PartnerSoort,
    PartnerStatus,
    Relatie,
)

S, K = Sector, Schaal
# (naam, sector, soort, formeel, werkingsgebied, status, wat wij doen)
PARTNERS = [
    (
        "OCMW Stederen",
        S.LOKAAL_BESTUUR,
        "organisatie",
        True,
        K.GEMEENTE_STAD_RAND,
        "actief",
        "Sociale dienstverlening, leefloon, schuldbemiddeling, thuiszorg.",
    ),
    (
        "Gemeente Stederen – dienst Welzijn",
        S.LOKAAL_BESTUUR,
        "dienst",
        True,
        K.GEMEENTE_STAD_RAND,
        "actief",
        "Welzijnsbeleid, seniorenraad, subsidies voor buurtinitiatieven.",
    ),
    (
        "Lokaal Dienstencentrum De Linde",
        S.WELZIJN,
        "organisatie",
        True,
        K.GEOGRAFISCHE_BUURT,
        "actief",
        "Ontmoeting, maaltijden, vorming en hulp voor ouderen.",
    ),
    (
        "Huis van het Kind Stederen",
        S.KINDEROPVANG,
        "organisatie",
        True,
        K.GEMEENTE_STAD_RAND,
        "actief",
        "Ondersteuning van gezinnen met kinderen van 0 tot 12 jaar.",
    ),
    (
        "Wijkgezondheidscentrum Buurtegem",
        S.GEZONDHEID,
        "organisatie",
        True,
        K.GEOGRAFISCHE_BUURT,
        "actief",
        "Huisartsen, verpleging en kinesitherapie in de wijk.",
    ),
    (
        "Thuisverpleging Zorgzaam",
        S.ZORG,
        "organisatie",
        True,
        K.LOKALE_REGIO,
        "actief",
        "Thuisverpleging en wondzorg.",
    ),
    (
        "Gezinszorg Helpende Hand",
        S.ZORG,
        "organisatie",
        True,
        K.LOKALE_REGIO,
        "actief",
        "Gezinszorg en poetshulp aan huis.",
    ),
    (
        "CAW Fictief-Brabant",
        S.WELZIJN,
        "organisatie",
        True,
        K.BOVENLOKALE_REGIO,
        "actief",
        "Algemeen welzijnswerk, onthaal en begeleiding.",
    ),
    (
        "Samenlevingsopbouw Stederen",
        S.WELZIJN,
        "organisatie",
        True,
        K.GEMEENTE_STAD_RAND,
        "actief",
        "Opbouwwerk met bewoners in kwetsbare buurten.",
    ),
    (
        "Eerstelijnszone Stederen-Rand",
        S.GEZONDHEID,
        "organisatie",
        True,
        K.LOKALE_REGIO,
        "actief",
        "Afstemming van de eerste lijn in de zorgraad.",
    ),
    (
        "Basisschool De Regenboog",
        S.ONDERWIJS,
        "organisatie",
        True,
        K.GEOGRAFISCHE_BUURT,
        "actief",
        "Basisschool in de dorpskern.",
    ),
    (
        "Kinderdagverblijf Het Nestje",
        S.KINDEROPVANG,
        "organisatie",
        True,
        K.GEOGRAFISCHE_BUURT,
        "actief",
        "Kinderopvang voor baby's en peuters.",
    ),
    (
        "Sociaal Verhuurkantoor Stederen",
        S.HUISVESTING_WONEN,
        "organisatie",
        True,
        K.GEMEENTE_STAD_RAND,
        "actief",
        "Betaalbare huurwoningen en woonbegeleiding.",
    ),
    (
        "Woonmaatschappij Thuis",
        S.HUISVESTING_WONEN,
        "organisatie",
        True,
        K.LOKALE_REGIO,
        "actief",
        "Sociale huisvesting.",
    ),
    (
        "Werkwinkel Stederen",
        S.WERK_ARBEIDSMARKT,
        "dienst",
        True,
        K.GEMEENTE_STAD_RAND,
        "actief",
        "Begeleiding naar werk.",
    ),
    (
        "Bibliotheek Stederen",
        S.CULTUUR,
        "dienst",
        True,
        K.GEMEENTE_STAD_RAND,
        "actief",
        "Boeken, digitaal oefenen en ontmoeting.",
    ),
    (
        "Cultuurcentrum De Spil",
        S.CULTUUR,
        "organisatie",
        True,
        K.GEMEENTE_STAD_RAND,
        "potentieel",
        "Voorstellingen en participatieprojecten.",
    ),
    (
        "Sportdienst Stederen",
        S.SPORT,
        "dienst",
        True,
        K.GEMEENTE_STAD_RAND,
        "actief",
        "Buurtsport en bewegen op verwijzing.",
    ),
    (
        "Jeugdhuis De Kelder",
        S.VRIJE_TIJD_JEUGDWERK,
        "vereniging",
        False,
        K.GEOGRAFISCHE_BUURT,
        "actief",
        "Ontmoeting voor jongeren.",
    ),
    (
        "Chiro Buurtegem",
        S.VRIJE_TIJD_JEUGDWERK,
        "vereniging",
        False,
        K.GEOGRAFISCHE_BUURT,
        "actief",
        "Jeugdbeweging op zondag.",
    ),
    (
        "Wijkagent Buurtegem (politiezone)",
        S.VEILIGHEID_POLITIE,
        "dienst",
        True,
        K.GEOGRAFISCHE_BUURT,
        "actief",
        "Aanspreekpunt veiligheid in de wijk.",
    ),
    (
        "Bakkerij Van den Oven",
        S.HANDEL_HORECA,
        "organisatie",
        False,
        K.GELEEFDE_BUURT,
        "potentieel",
        "Bakker op het dorpsplein; ziet veel bewoners dagelijks.",
    ),
    (
        "Café Het Dorpsplein",
        S.HANDEL_HORECA,
        "organisatie",
        False,
        K.GELEEFDE_BUURT,
        "potentieel",
        "Café en ontmoetingsplek.",
    ),
    (
        "Apotheek Buurtegem",
        S.GEZONDHEID,
        "organisatie",
        True,
        K.GEOGRAFISCHE_BUURT,
        "actief",
        "Apotheek met medicatiebegeleiding.",
    ),
    (
        "Parochie Sint-Jan",
        S.LEVENSBESCHOUWING,
        "vereniging",
        False,
        K.GEOGRAFISCHE_BUURT,
        "actief",
        "Parochiewerking en bezoekersgroep.",
    ),
    (
        "Straatcomité Kerkstraat",
        S.INFORMEEL_BURGERINITIATIEF,
        "bewonersinitiatief",
        False,
        K.GELEEFDE_BUURT,
        "actief",
        "Buren die elkaar helpen; begonnen als WhatsAppgroep.",
    ),
    (
        "Buurtcomité Parkwijk",
        S.INFORMEEL_BURGERINITIATIEF,
        "bewonersinitiatief",
        False,
        K.GELEEFDE_BUURT,
        "actief",
        "Buurtfeest, plantjesruil en burenhulp.",
    ),
    (
        "Repair Café Buurtegem",
        S.INFORMEEL_BURGERINITIATIEF,
        "bewonersinitiatief",
        False,
        K.GEOGRAFISCHE_BUURT,
        "actief",
        "Samen herstellen, maandelijks in het LDC.",
    ),
    (
        "Boterhammen in het Park",
        S.INFORMEEL_BURGERINITIATIEF,
        "bewonersinitiatief",
        False,
        K.GELEEFDE_BUURT,
        "potentieel",
        "Zomerse picknicks voor buren.",
    ),
    (
        "Vrijwilligerspunt Stederen",
        S.VRIJWILLIGERS,
        "dienst",
        True,
        K.GEMEENTE_STAD_RAND,
        "actief",
        "Bemiddeling van vrijwilligers.",
    ),
    (
        "Burenhulp Buurtgezellen",
        S.VRIJWILLIGERS,
        "vereniging",
        False,
        K.GEOGRAFISCHE_BUURT,
        "actief",
        "Vrijwilligers voor klusjes, boodschappen, gezelschap.",
    ),
    (
        "Mantelzorgnetwerk Samen Zorgen",
        S.MANTELZORG,
        "vereniging",
        False,
        K.GEMEENTE_STAD_RAND,
        "actief",
        "Lotgenotencontact voor mantelzorgers.",
    ),
    (
        "Seniorenvereniging Okra Buurtegem",
        S.SOCIO_CULTUREEL,
        "vereniging",
        False,
        K.GEOGRAFISCHE_BUURT,
        "actief",
        "Activiteiten voor senioren.",
    ),
    (
        "Vrouwenvereniging Markant",
        S.SOCIO_CULTUREEL,
        "vereniging",
        False,
        K.GEOGRAFISCHE_BUURT,
        "gestopt",
        "Vormingsavonden; in 2025 gestopt.",
    ),
    (
        "Taalpunt Nederlands",
        S.ONDERWIJS,
        "dienst",
        True,
        K.GEMEENTE_STAD_RAND,
        "actief",
        "Oefenkansen Nederlands voor anderstaligen.",
    ),
    (
        "Mobiliteitscentrale Stederen",
        S.MOBILITEIT,
        "dienst",
        True,
        K.GEMEENTE_STAD_RAND,
        "actief",
        "Minder mobielen centrale.",
    ),
    (
        "Dienst Omgeving Stederen",
        S.OMGEVING,
        "dienst",
        True,
        K.GEMEENTE_STAD_RAND,
        "potentieel",
        "Openbaar domein, groen en speelpleinen.",
    ),
    (
        "Centrum Geestelijke Gezondheidszorg",
        S.GEZONDHEID,
        "organisatie",
        True,
        K.BOVENLOKALE_REGIO,
        "actief",
        "Ambulante psychische zorg.",
    ),
    (
        "Dagcentrum voor personen met een beperking",
        S.ZORG,
        "organisatie",
        True,
        K.LOKALE_REGIO,
        "actief",
        "Dagbesteding en begeleiding.",
    ),
    (
        "Voedselbank Stederen",
        S.WELZIJN,
        "vereniging",
        False,
        K.GEMEENTE_STAD_RAND,
        "actief",
        "Voedselpakketten voor gezinnen in armoede.",
    ),
    (
        "Moskeevereniging Al Noor",
        S.LEVENSBESCHOUWING,
        "vereniging",
        False,
        K.GEMEENTE_STAD_RAND,
        "potentieel",
        "Gebedshuis en huiswerkbegeleiding.",
    ),
]

VOORNAMEN = [
    "An",
    "Bart",
    "Chloé",
    "Dirk",
    "Els",
    "Fatima",
    "Geert",
    "Hanne",
    "Ilse",
    "Jan",
    "Karim",
    "Lien",
    "Mo",
    "Nele",
    "Omar",
    "Petra",
    "Quinten",
    "Rita",
    "Sara",
    "Tom",
    "Ula",
    "Vera",
    "Wim",
    "Yasmine",
    "Zeno",
]
ACHTERNAMEN = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
]
FUNCTIES = [
    "coördinator",
    "maatschappelijk werker",
    "vrijwilliger",
    "directeur",
    "teamverantwoordelijke",
    "buurtwerker",
    "trekker",
]


def laad(ctx: dict) -> None:
    stederen = ctx["gemeenten"]["stederen"]
    buurtegem = ctx["buurten"]["buurtegem"]
    rnd = random.Random(2026)
    vandaag = date.today()
    partners: list[Partner] = []
    for naam, sector, soort, formeel, schaal, status, wat in PARTNERS:
        partner, _ = Partner.objects.get_or_create(
            gemeente=stederen,
            naam=naam,
            defaults={
                "sector": sector,
                "soort": soort if soort in PartnerSoort.values else PartnerSoort.ORGANISATIE,
                "formeel": formeel,
                "stakeholder_soort": StakeholderSoort.FORMEEL
                if formeel
                else StakeholderSoort.INFORMEEL,
                "werkingsgebied": schaal,
                "status": status,
                "actief_sinds": vandaag - timedelta(days=rnd.randint(60, 900))
                if status != "potentieel"
                else None,
                "gestopt_op": vandaag - timedelta(days=40)
                if status == PartnerStatus.GESTOPT
                else None,
                "wat_wij_doen": wat,
            },
        )
        if not partner.buurten.filter(pk=buurtegem.pk).exists():
            partner.buurten.add(buurtegem)
        partners.append(partner)
    ocmw = partners[0]

    # Contact persons: one or two per partner, consent for roughly two in three.
    personen: list[Contactpersoon] = []
    for i, partner in enumerate(partners):
        for j in range(1 + (i % 3 == 0)):
            voornaam = VOORNAMEN[(i + j * 7) % len(VOORNAMEN)]
            achternaam = ACHTERNAMEN[(i * 3 + j) % len(ACHTERNAMEN)]
            toestemming = (i + j) % 3 != 0
            persoon, _ = Contactpersoon.objects.get_or_create(
                partner=partner,
                voornaam=voornaam,
                achternaam=achternaam,
                defaults={
                    "functie": FUNCTIES[(i + j) % len(FUNCTIES)],
                    "email": f"{voornaam.lower()}.{achternaam.lower().replace(' ', '')}@voorbeeld.invalid",
                    "telefoon": f"0470 00 {i:02d} {j:02d}",
                    "toestemming_contactgegevens": toestemming,
                    "toestemming_op": vandaag - timedelta(days=30) if toestemming else None,
                },
            )
            personen.append(persoon)

    # Ties: each partner declares 1-3 ties; about half answered.
    for i, van in enumerate(partners):
        if van.status == PartnerStatus.POTENTIEEL:
            continue
        for _k in range(1 + i % 3):
            naar = partners[rnd.randrange(len(partners))]
            intensiteit = rnd.choice([1, 2, 2, 3, 3, 4])
            antwoord = rnd.choice(
                [
                    Bevestiging.OPEN,
                    Bevestiging.BEVESTIGD,
                    Bevestiging.BEVESTIGD,
                    Bevestiging.BETWIST,
                ]
            )
            if naar == van:
                continue
            Relatie.objects.get_or_create(
                van_partner=van,
                naar_partner=naar,
                defaults={
                    "intensiteit": intensiteit,
                    "niveaus": [Niveau.OPERATIONEEL]
                    + ([Niveau.STRUCTUREEL] if intensiteit >= 3 else []),
                    "sinds": vandaag - timedelta(days=rnd.randint(30, 700)),
                    "bevestiging": antwoord,
                },
            )
    # A tie declared about OCMW that the demo partner user can answer.
    Relatie.objects.get_or_create(
        van_partner=partners[2],
        naar_partner=ocmw,
        defaults={
            "intensiteit": 3,
            "niveaus": [Niveau.OPERATIONEEL],
            "bevestiging": Bevestiging.OPEN,
        },
    )

    # Partnerscan: two or three scores per partner, showing change over time.
    for partner in partners:
        vonk = rnd.randint(0, 2)
        vuur = rnd.randint(0, vonk)
        for stap in range(rnd.randint(2, 3)):
            Betrokkenheid.objects.get_or_create(
                partner=partner,
                buurt=buurtegem,
                gescoord_op=vandaag - timedelta(days=300 - stap * 120),
                defaults={
                    "vonk": min(3, vonk + stap),
                    "vuur": min(3, vuur + stap // 2),
                    "heeft_tijd": stap > 0,
                    "heeft_mandaat": partner.formeel and stap > 1,
                    "gewenst_niveau": Participatieniveau.values[min(3, vuur + stap // 2)],
                    "capaciteiten": "",
                },
            )

    # Mandates and roles: one expired mandate, one role on a single person without back-up.
    trekker, ldc_persoon = personen[0], personen[3]
    Mandaat.objects.get_or_create(
        buurt=buurtegem,
        contactpersoon=trekker,
        omschrijving="Regie van het zorgzame-buurtproject",
        defaults={
            "niveaus": [Niveau.STRATEGISCH, Niveau.STRUCTUREEL],
            "toegekend_door": MandaatBron.LOKAAL_BESTUUR,
            "dagen_per_maand": 8,
            "geldig_van": date(vandaag.year - 1, 1, 1),
            "geldig_tot": date(vandaag.year + 1, 12, 31),
        },
    )
    Mandaat.objects.get_or_create(
        buurt=buurtegem,
        contactpersoon=ldc_persoon,
        omschrijving="Zaken aankaarten bij de leidinggevende",
        defaults={
            "niveaus": [Niveau.OPERATIONEEL],
            "toegekend_door": MandaatBron.LEIDINGGEVENDE,
            "dagen_per_maand": 4,
            "geldig_van": vandaag - timedelta(days=400),
            "geldig_tot": vandaag - timedelta(days=20),
        },
    )
    Mandaat.objects.get_or_create(
        buurt=buurtegem,
        partner=partners[8],
        omschrijving="Buurtwerk: zaken aankaarten bij het lokaal bestuur",
        defaults={
            "niveaus": [Niveau.OPERATIONEEL],
            "toegekend_door": MandaatBron.KERNGROEP,
            "formeel": False,
        },
    )
    straat = next(p for p in personen if p.partner.naam == "Straatcomité Kerkstraat")
    rollen = [
        (trekker, "leider", True, False, personen[1]),
        (ldc_persoon, "netwerker_spin_in_het_web", True, False, None),
        (straat, "warmmaker", False, True, None),
        (personen[6], "inhoudelijk_expert", True, False, personen[7]),
    ]
    for persoon, rol, formeel, brug, backup in rollen:
        Netwerkrol.objects.get_or_create(
            buurt=buurtegem,
            contactpersoon=persoon,
            rol=rol,
            defaults={"formeel": formeel, "bruggenbouwer": brug, "backup": backup},
        )

    partner_user = _gebruiker("partner", "Pieter", "Partner")
    lidmaatschap_toevoegen(gebruiker=partner_user, rol=Rol.PARTNER, buurt=buurtegem, partner=ocmw)
    ctx.setdefault("partners", {})["ocmw"] = ocmw
    ctx["gebruikers"]["partner"] = partner_user
    ctx["logins"].insert(1, ("partner", DEMO_WACHTWOORD, "Partner (OCMW Stederen) in Buurtegem"))
