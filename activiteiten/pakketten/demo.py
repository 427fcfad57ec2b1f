"""Demo activity packages (DOMAIN §7.5). De Leefhoek: two challenges, activities, samenhang and
three packages. Buurtegem (the buurt of the main demo login): a finished example whose two packages
follow the samenhang advice, so every step of 'Ontwar het bos' shows as done. Idempotent: objects
are looked up by natural keys and services run only on creation."""

from activiteiten.models import (
    Activiteit,
    Activiteitenpakket,
    Afwijking,
    Capaciteit,
    Doel,
    Factor,
    PakketRelatie,
    Samenhang,
    StapStatus,
    Stapvoortgang,
    ToCElement,
    ToCSoort,
)
from activiteiten.pakketten import services
from buurten.models import Buurtanalyse, Uitdaging
from partners.models import Partner
from zorgnet.lib.choices import Coordinatievorm, Groepsrol, Intensiteit, Schaal, Sector, Typologie

PARTNERS = [
    ("ocmw", "OCMW Gemeentegem", Sector.WELZIJN, True),
    ("ldc", "Lokaal dienstencentrum De Kring", Sector.WELZIJN, True),
    ("wzc", "Woonzorgcentrum Hofstede", Sector.ZORG, True),
    ("hvk", "Huis van het Kind Gemeentegem", Sector.KINDEROPVANG, True),
    ("school", "Basisschool De Leefhoek", Sector.ONDERWIJS, True),
    ("clb", "CLB Gemeentegem", Sector.ONDERWIJS, True),
    ("wijkagent", "Wijkagent De Leefhoek", Sector.VEILIGHEID_POLITIE, True),
    ("huisarts", "Huisartsenpraktijk Leefhoek", Sector.GEZONDHEID, True),
    ("gezinszorg", "Gezinszorgdienst Thuis+", Sector.ZORG, True),
    ("saamo", "SAAMO opbouwwerker", Sector.WELZIJN, True),
    ("comite", "Buurtcomité De Leefhoek", Sector.INFORMEEL_BURGERINITIATIEF, False),
    ("vrijwilligers", "Vrijwilligersgroep Leefhoek helpt", Sector.VRIJWILLIGERS, False),
    ("bib", "Bibliotheek Gemeentegem", Sector.CULTUUR, True),
    ("svk", "Sociaal verhuurkantoor Gemeentegem", Sector.HUISVESTING_WONEN, True),
]

UITDAGING_HULP = "Drempels naar hulp verlagen"
UITDAGING_WONEN = "Woonkwaliteit (vocht en schimmel)"

# naam, uitdaging, bestaat al, voldoet, potentiële partners
ACTIVITEITEN = [
    ("Buurtbabbels", UITDAGING_HULP, True, "deels", ["comite", "saamo", "ldc"]),
    ("Soep- of koffie-rondes", UITDAGING_HULP, False, "onbekend", ["vrijwilligers", "ldc"]),
    (
        "Vraag & aanbod matches",
        UITDAGING_HULP,
        False,
        "onbekend",
        ["vrijwilligers", "bib", "school"],
    ),
    ("Huisbezoeken bij kwetsbare gezinnen", UITDAGING_HULP, True, "nee", ["gezinszorg", "hvk"]),
    (
        "Warme doorverwijzing naar de huisarts",
        UITDAGING_HULP,
        False,
        "onbekend",
        ["huisarts", "ocmw"],
    ),
    (
        "Zitdag OCMW in het buurthuis",
        UITDAGING_HULP,
        False,
        "onbekend",
        ["ocmw", "clb", "wijkagent"],
    ),
    ("Woningcheck vocht en schimmel", UITDAGING_WONEN, False, "onbekend", ["svk", "gezinszorg"]),
    (
        "Casusoverleg armoede en wonen",
        UITDAGING_WONEN,
        True,
        "deels",
        ["ocmw", "svk", "saamo", "wzc"],
    ),
    (
        "Uitwisseling goede praktijken met Stederen",
        UITDAGING_WONEN,
        False,
        "onbekend",
        ["ocmw", "huisarts", "ldc", "hvk"],
    ),
    ("Signalen bundelen naar beleid", UITDAGING_WONEN, False, "onbekend", ["saamo", "clb"]),
]

SAMENHANG = [
    ("Buurtbabbels", "Soep- of koffie-rondes", 5),
    ("Buurtbabbels", "Vraag & aanbod matches", 4),
    ("Soep- of koffie-rondes", "Vraag & aanbod matches", 4),
    ("Huisbezoeken bij kwetsbare gezinnen", "Warme doorverwijzing naar de huisarts", 5),
    ("Huisbezoeken bij kwetsbare gezinnen", "Woningcheck vocht en schimmel", 4),
    ("Warme doorverwijzing naar de huisarts", "Zitdag OCMW in het buurthuis", 4),
    ("Zitdag OCMW in het buurthuis", "Woningcheck vocht en schimmel", 3),
    ("Casusoverleg armoede en wonen", "Uitwisseling goede praktijken met Stederen", 4),
    ("Casusoverleg armoede en wonen", "Signalen bundelen naar beleid", 5),
    ("Uitwisseling goede praktijken met Stederen", "Signalen bundelen naar beleid", 3),
    ("Buurtbabbels", "Huisbezoeken bij kwetsbare gezinnen", 1),
    ("Zitdag OCMW in het buurthuis", "Casusoverleg armoede en wonen", 1),
]

# naam, activiteiten, team, schaal, intensiteit, coördinatie, niveaus, typologie, rol
PAKKETTEN = [
    (
        "Ontmoeting & het kleine helpen",
        ["Buurtbabbels", "Soep- of koffie-rondes", "Vraag & aanbod matches"],
        ["comite", "saamo", "ldc", "vrijwilligers", "bib", "school", "wijkagent"],
        Schaal.GELEEFDE_BUURT,
        Intensiteit.SAMEN_UITVOEREN,
        Coordinatievorm.DECENTRAAL,
        ["strategisch", "structureel", "operationeel"],
        Typologie.ZORGZAAM_BUURTINITIATIEF,
        Groepsrol.ACTIEGROEP,
    ),
    (
        "Toeleiding naar zorg",
        [
            "Huisbezoeken bij kwetsbare gezinnen",
            "Warme doorverwijzing naar de huisarts",
            "Zitdag OCMW in het buurthuis",
            "Woningcheck vocht en schimmel",
        ],
        ["gezinszorg", "hvk", "huisarts", "ocmw", "clb", "svk"],
        Schaal.GEOGRAFISCHE_BUURT,
        Intensiteit.ACTIVITEITEN_AFSTEMMEN,
        Coordinatievorm.DECENTRAAL,
        ["structureel", "operationeel"],
        Typologie.BUURTGERICHT_ZORGINITIATIEF,
        Groepsrol.ACTIEGROEP,
    ),
    (
        "Uitwisseling armoede Stederen–Gemeentegem",
        [
            "Casusoverleg armoede en wonen",
            "Uitwisseling goede praktijken met Stederen",
            "Signalen bundelen naar beleid",
        ],
        ["ocmw", "svk", "saamo", "wzc", "huisarts", "ldc", "clb", "hvk"],
        Schaal.LOKALE_REGIO,
        Intensiteit.INFO_DELEN,
        Coordinatievorm.CENTRAAL,
        ["operationeel"],
        Typologie.BUURTGERICHT_ZORGINITIATIEF,
        Groepsrol.KERNGROEP,
    ),
]


def _partners(ctx: dict, gemeente, buurt) -> dict[str, Partner]:
    uit = {}
    for sleutel, naam, sector, formeel in PARTNERS:
        partner, _nieuw = Partner.objects.get_or_create(
            gemeente=gemeente,
            naam=naam,
            defaults={
                "sector": sector,
                "formeel": formeel,
                "werkingsgebied": Schaal.GEOGRAFISCHE_BUURT,
            },
        )
        if not partner.buurten.filter(pk=buurt.pk).exists():
            partner.buurten.add(buurt)
        uit[sleutel] = partner
    return uit


def _uitdaging(buurt, titel: str) -> Uitdaging | None:
    analyse = Buurtanalyse.objects.filter(buurt=buurt).order_by("-versie").first()
    if analyse is None:
        return None
    return analyse.uitdagingen.filter(titel=titel).first()


def laad(ctx: dict) -> None:
    buurt = ctx["buurten"]["leefhoek"]
    regisseur = ctx["gebruikers"].get("regisseur_leefhoek")
    p = _partners(ctx, buurt.gemeente, buurt)
    uitdagingen = {t: _uitdaging(buurt, t) for t in (UITDAGING_HULP, UITDAGING_WONEN)}

    # Looked up by its first version: the demo itself changes the title below.
    doel_hulp = Doel.objects.filter(
        buurt=buurt, versies__versie=1, versies__titel="Hulp bereikbaar in de buurt"
    ).first()
    if doel_hulp is None:
        doel_hulp = services.doel_aanmaken(
            buurt=buurt,
            titel="Hulp bereikbaar in de buurt",
            termijn="kort",
            uitdagingen=[u for u in [uitdagingen[UITDAGING_HULP]] if u],
            gebruiker=regisseur,
        )
    if doel_hulp.versie == 1:
        services.doel_wijzigen(
            doel=doel_hulp,
            titel="Hulp bereikbaar en gekend in de buurt",
            termijn="kort",
            reden="De buurtbabbels toonden dat bewoners het aanbod niet kennen, niet enkel niet bereiken.",
            gebruiker=regisseur,
        )
    doel_wonen = Doel.objects.filter(buurt=buurt, titel="Gezond wonen voor elk gezin").first()
    if doel_wonen is None:
        doel_wonen = services.doel_aanmaken(
            buurt=buurt,
            titel="Gezond wonen voor elk gezin",
            termijn="lang",
            uitdagingen=[u for u in [uitdagingen[UITDAGING_WONEN]] if u],
            gebruiker=regisseur,
        )
    if not ToCElement.objects.filter(buurt=buurt).exists():
        impact = services.toc_element_toevoegen(
            buurt=buurt, soort=ToCSoort.IMPACT, titel="Gezinnen in De Leefhoek vinden tijdig hulp"
        )
        tussen = services.toc_element_toevoegen(
            buurt=buurt,
            soort=ToCSoort.TUSSENDOEL,
            titel="Bewoners kennen het aanbod",
            ouder=impact,
            doel=doel_hulp,
        )
        services.toc_element_toevoegen(
            buurt=buurt,
            soort=ToCSoort.RANDVOORWAARDE,
            titel="Vaste zitdag in het buurthuis",
            ouder=tussen,
        )
        services.toc_element_toevoegen(
            buurt=buurt,
            soort=ToCSoort.INDICATOR,
            titel="Aantal warme doorverwijzingen",
            ouder=tussen,
        )

    acts = {}
    for naam, uitdaging_titel, bestaat, voldoet, partners in ACTIVITEITEN:
        doel = doel_hulp if uitdaging_titel == UITDAGING_HULP else doel_wonen
        act, _nieuw = Activiteit.objects.get_or_create(
            buurt=buurt,
            naam=naam,
            defaults={
                "uitdaging": uitdagingen[uitdaging_titel],
                "doel": doel,
                "bestaat_al": bestaat,
                "voldoet": voldoet,
            },
        )
        for sleutel in partners:
            Capaciteit.objects.get_or_create(activiteit=act, partner=p[sleutel])
        acts[naam] = act
    for a, b, gewicht in SAMENHANG:
        x, y = sorted([acts[a].pk, acts[b].pk])
        Samenhang.objects.get_or_create(
            activiteit_a_id=x, activiteit_b_id=y, defaults={"gewicht": gewicht}
        )

    pakketten = {}
    for naam, activiteiten, team, schaal, intensiteit, coord, niveaus, typologie, rol in PAKKETTEN:
        pakket = Activiteitenpakket.objects.filter(buurt=buurt, naam=naam).first()
        if pakket is None:
            pakket = services.pakket_opslaan(
                buurt=buurt,
                naam=naam,
                activiteiten=[acts[a] for a in activiteiten],
                team=[p[s] for s in team],
                ideale_schaal=schaal,
                intensiteit=intensiteit,
                coordinatie=coord,
                niveaus=niveaus,
                typologie=typologie,
                groepsrol=rol,
            )
            services.ideaal_vastleggen(pakket=pakket)
        pakketten[naam] = pakket
    ontmoeting, toeleiding, uitwisseling = (pakketten[x[0]] for x in PAKKETTEN)
    for a, b, intensiteit, niveaus in [
        (ontmoeting, toeleiding, Intensiteit.INFO_DELEN, []),
        (toeleiding, uitwisseling, Intensiteit.ACTIVITEITEN_AFSTEMMEN, ["structureel"]),
    ]:
        x, y = sorted([a, b], key=lambda q: q.pk)
        if not PakketRelatie.objects.filter(pakket_a=x, pakket_b=y).exists():
            services.pakketrelatie_opslaan(
                pakket_a=x, pakket_b=y, intensiteit=intensiteit, gezamenlijke_niveaus=niveaus
            )
    if not uitwisseling.werkelijke_schaal:
        uitwisseling.werkelijke_schaal = Schaal.GEMEENTE_STAD_RAND
        uitwisseling.save(update_fields=["werkelijke_schaal"])
    Afwijking.objects.get_or_create(
        pakket=uitwisseling,
        omschrijving="Voorlopig enkel Gemeentegem in plaats van de lokale regio",
        defaults={
            "aspect": "schaal",
            "reden": "Stederen heeft nog geen mandaat om mee te beslissen.",
            "implicatie": "Goede praktijken uit Stederen komen trager binnen.",
            "opvang": "Tweemaandelijkse uitwisseling via de coördinatoren van beide gemeenten.",
        },
    )
    for pakket, soort, tekst, wegwerkbaar in [
        (
            ontmoeting,
            "stimulerend",
            "Beschikken over een fysieke ontmoetingsplaats (buurthuis)",
            True,
        ),
        (ontmoeting, "remmend", "Gesloten houding van sommige buurtbewoners", True),
        (uitwisseling, "remmend", "Historische fragmentering tussen de twee gemeenten", False),
    ]:
        Factor.objects.get_or_create(
            pakket=pakket, omschrijving=tekst, defaults={"soort": soort, "wegwerkbaar": wegwerkbaar}
        )
    # The step statuses follow what is filled in (selectors.afgeleide_statussen); only step 6
    # is set by hand: the reality check of the exchange with Stederen is still going on.
    Stapvoortgang.objects.get_or_create(buurt=buurt, stap=6, defaults={"status": StapStatus.BEZIG})
    _buurtegem(ctx)


# --- Buurtegem: the finished example ---------------------------------------------------------
UITDAGING_EENZAAMHEID = "Eenzaamheid bij alleenwonende ouderen"
UITDAGING_MOBILITEIT = "Mobiliteit van ouderen"
BUURTEGEM_DOELEN = [
    ("Niemand zit er alleen voor", "kort", UITDAGING_EENZAAMHEID),
    ("Ouderen geraken waar ze moeten zijn", "lang", UITDAGING_MOBILITEIT),
]
# naam, uitdaging, bestaat al, voldoet, potentiële partners (namen van partners van Buurtegem)
BUURTEGEM_ACTIVITEITEN = [
    (
        "Wekelijks buurtpunt in de parochiezaal",
        UITDAGING_EENZAAMHEID,
        True,
        "ja",
        ["Parochie Sint-Jan", "Lokaal Dienstencentrum De Linde"],
    ),
    (
        "Huisbezoeken door buurtgezellen",
        UITDAGING_EENZAAMHEID,
        True,
        "deels",
        ["Burenhulp Buurtgezellen", "Seniorenvereniging Okra Buurtegem"],
    ),
    (
        "Telefoonketen voor alleenwonenden",
        UITDAGING_EENZAAMHEID,
        False,
        "onbekend",
        ["Vrijwilligerspunt Stederen", "OCMW Stederen"],
    ),
    (
        "Vrijwillige chauffeurs naar de huisarts",
        UITDAGING_MOBILITEIT,
        False,
        "onbekend",
        ["Mobiliteitscentrale Stederen", "Vrijwilligerspunt Stederen"],
    ),
    (
        "Boodschappenritten op dinsdag",
        UITDAGING_MOBILITEIT,
        False,
        "onbekend",
        ["Mobiliteitscentrale Stederen", "Mantelzorgnetwerk Samen Zorgen"],
    ),
    (
        "Zitdag van het wijkgezondheidscentrum in het buurtpunt",
        UITDAGING_MOBILITEIT,
        False,
        "onbekend",
        ["Wijkgezondheidscentrum Buurtegem", "Thuisverpleging Zorgzaam"],
    ),
]
BUURTEGEM_SAMENHANG = [
    ("Wekelijks buurtpunt in de parochiezaal", "Huisbezoeken door buurtgezellen", 5),
    ("Wekelijks buurtpunt in de parochiezaal", "Telefoonketen voor alleenwonenden", 4),
    ("Huisbezoeken door buurtgezellen", "Telefoonketen voor alleenwonenden", 4),
    ("Vrijwillige chauffeurs naar de huisarts", "Boodschappenritten op dinsdag", 5),
    (
        "Vrijwillige chauffeurs naar de huisarts",
        "Zitdag van het wijkgezondheidscentrum in het buurtpunt",
        3,
    ),
    ("Boodschappenritten op dinsdag", "Zitdag van het wijkgezondheidscentrum in het buurtpunt", 3),
    (
        "Wekelijks buurtpunt in de parochiezaal",
        "Zitdag van het wijkgezondheidscentrum in het buurtpunt",
        1,
    ),
]
# naam, activiteiten (index in BUURTEGEM_ACTIVITEITEN), team, schaal, intensiteit, coördinatie,
# niveaus, typologie, rol
BUURTEGEM_PAKKETTEN = [
    (
        "Samen tegen eenzaamheid",
        [0, 1, 2],
        [
            "Parochie Sint-Jan",
            "Lokaal Dienstencentrum De Linde",
            "Burenhulp Buurtgezellen",
            "Seniorenvereniging Okra Buurtegem",
            "Vrijwilligerspunt Stederen",
            "OCMW Stederen",
        ],
        Schaal.GELEEFDE_BUURT,
        Intensiteit.SAMEN_UITVOEREN,
        Coordinatievorm.DECENTRAAL,
        ["structureel", "operationeel"],
        Typologie.ZORGZAAM_BUURTINITIATIEF,
        Groepsrol.ACTIEGROEP,
    ),
    (
        "Mobiel blijven",
        [3, 4, 5],
        [
            "Mobiliteitscentrale Stederen",
            "Vrijwilligerspunt Stederen",
            "Mantelzorgnetwerk Samen Zorgen",
            "Wijkgezondheidscentrum Buurtegem",
            "Thuisverpleging Zorgzaam",
            "OCMW Stederen",
        ],
        Schaal.GEOGRAFISCHE_BUURT,
        Intensiteit.ACTIVITEITEN_AFSTEMMEN,
        Coordinatievorm.CENTRAAL,
        ["operationeel"],
        Typologie.BUURTGERICHT_ZORGINITIATIEF,
        Groepsrol.ACTIEGROEP,
    ),
]


def _buurtegem(ctx: dict) -> None:
    buurt = ctx["buurten"]["buurtegem"]
    regisseur = ctx["gebruikers"].get("regisseur")
    partners = {p.naam: p for p in Partner.objects.filter(buurten=buurt)}
    doelen = {}
    for titel, termijn, uitdaging in BUURTEGEM_DOELEN:
        doel = Doel.objects.filter(buurt=buurt, titel=titel).first()
        if doel is None:
            u = _uitdaging(buurt, uitdaging)
            doel = services.doel_aanmaken(
                buurt=buurt,
                titel=titel,
                termijn=termijn,
                uitdagingen=[u] if u else [],
                gebruiker=regisseur,
            )
        doelen[uitdaging] = doel
    acts = []
    for naam, uitdaging, bestaat, voldoet, namen in BUURTEGEM_ACTIVITEITEN:
        act, _nieuw = Activiteit.objects.get_or_create(
            buurt=buurt,
            naam=naam,
            defaults={
                "uitdaging": _uitdaging(buurt, uitdaging),
                "doel": doelen[uitdaging],
                "bestaat_al": bestaat,
                "voldoet": voldoet,
            },
        )
        for n in namen:
            if n in partners:
                Capaciteit.objects.get_or_create(activiteit=act, partner=partners[n])
        acts.append(act)
    per_naam = {a.naam: a for a in acts}
    for a, b, gewicht in BUURTEGEM_SAMENHANG:
        x, y = sorted([per_naam[a].pk, per_naam[b].pk])
        Samenhang.objects.get_or_create(
            activiteit_a_id=x, activiteit_b_id=y, defaults={"gewicht": gewicht}
        )
    pakketten = []
    for naam, idx, team, schaal, intensiteit, coord, niveaus, typologie, rol in BUURTEGEM_PAKKETTEN:
        pakket = Activiteitenpakket.objects.filter(buurt=buurt, naam=naam).first()
        if pakket is None:
            pakket = services.pakket_opslaan(
                buurt=buurt,
                naam=naam,
                activiteiten=[acts[i] for i in idx],
                team=[partners[n] for n in team if n in partners],
                ideale_schaal=schaal,
                intensiteit=intensiteit,
                coordinatie=coord,
                niveaus=niveaus,
                typologie=typologie,
                groepsrol=rol,
            )
            services.ideaal_vastleggen(pakket=pakket)
        pakketten.append(pakket)
    x, y = sorted(pakketten, key=lambda q: q.pk)
    if not PakketRelatie.objects.filter(pakket_a=x, pakket_b=y).exists():
        services.pakketrelatie_opslaan(
            pakket_a=x,
            pakket_b=y,
            intensiteit=Intensiteit.INFO_DELEN,
            gezamenlijke_niveaus=["operationeel"],
            afstemming="Het buurtpunt meldt wie vervoer nodig heeft; de chauffeurs melden wie "
            "alleen lijkt te staan.",
        )
