"""Demo actions, signals, referrals and a beleidssignaal in Buurtegem. Idempotent: every object is
looked up by a natural key first, and services (which write history) run only on creation."""

from datetime import timedelta

from django.utils import timezone

from activiteiten.acties import services
from activiteiten.acties.kaders import zaai_kaders
from activiteiten.models import (
    Actie,
    ActieStatus,
    Beleidssignaal,
    FrameworkElement,
    Signaal,
    SignaalStatus,
)
from partners.models import Partner
from zorgnet.lib.choices import Schaal, Sector

DEMO_PARTNERS = [
    ("buurtwerk", "Buurtwerk Stederen", Sector.WELZIJN, True),
    ("wgc", "Wijkgezondheidscentrum De Linde", Sector.GEZONDHEID, True),
    ("thuiszorg", "Thuiszorgdienst Samen Thuis", Sector.ZORG, True),
    ("straatcomite", "Straatcomité Dorpskern", Sector.INFORMEEL_BURGERINITIATIEF, False),
]


def _partners(ctx: dict) -> dict[str, Partner]:
    stederen = ctx["gemeenten"]["stederen"]
    buurtegem = ctx["buurten"]["buurtegem"]
    partners = ctx.setdefault("partners", {})
    for sleutel, naam, sector, formeel in DEMO_PARTNERS:
        if sleutel in partners:
            continue
        partner, _ = Partner.objects.get_or_create(
            gemeente=stederen,
            naam=naam,
            defaults={
                "sector": sector,
                "formeel": formeel,
                "werkingsgebied": Schaal.GEOGRAFISCHE_BUURT,
            },
        )
        partners[sleutel] = partner
    for partner in partners.values():
        if (
            partner.gemeente_id == stederen.id
            and not partner.buurten.filter(pk=buurtegem.pk).exists()
        ):
            partner.buurten.add(buurtegem)
    return partners


def _element(framework_code: str, nummer: int) -> FrameworkElement:
    return FrameworkElement.objects.get(framework__code=framework_code, nummer=nummer)


def laad(ctx: dict) -> None:
    zaai_kaders()
    buurtegem = ctx["buurten"]["buurtegem"]
    regisseur = ctx["gebruikers"]["regisseur"]
    p = _partners(ctx)
    vandaag = timezone.localdate()
    bouwsteen_a = "bouwstenen-zorgzame-buurten-a"
    pijlers = "pijlers-zorgzame-buurten"

    acties = [
        # titel, categorie, status, dagen geleden, trekker, co-partners, deelnemers, bouwsteen, pijler
        (
            "Boterhammen in het buurtpark",
            "ontmoeting",
            ActieStatus.AFGEROND,
            40,
            "buurtwerk",
            ["straatcomite", "ocmw"],
            48,
            1,
            1,
        ),
        (
            "Buurtwandeling met de huisartsen",
            "netwerkvorming",
            ActieStatus.AFGEROND,
            20,
            "wgc",
            ["buurtwerk"],
            22,
            6,
            3,
        ),
        (
            "Infomarkt mantelzorg",
            "informeren",
            ActieStatus.GEPLAND,
            -14,
            "thuiszorg",
            ["ocmw", "wgc"],
            None,
            3,
            2,
        ),
        (
            "Weggeefteam in de dorpskern",
            "burenhulp",
            ActieStatus.LOPEND,
            5,
            "straatcomite",
            [],
            None,
            2,
            1,
        ),
        (
            "Buurtfeest (jaarlijks)",
            "ontmoeting",
            ActieStatus.GEBORGD,
            90,
            "straatcomite",
            ["buurtwerk", "ocmw"],
            130,
            1,
            1,
        ),
        (
            "Fietslessen voor nieuwe bewoners",
            "wijkwerking_outreach",
            ActieStatus.IDEE,
            -30,
            "buurtwerk",
            [],
            None,
            5,
            1,
        ),
    ]
    for titel, categorie, status, dagen, trekker, co, deelnemers, bouwsteen, pijler in acties:
        if Actie.objects.filter(buurt=buurtegem, titel=titel).exists():
            continue
        services.actie_bewaren(
            actie=Actie(
                buurt=buurtegem,
                titel=titel,
                categorie=categorie,
                status=status,
                startdatum=vandaag - timedelta(days=dagen),
                trekker=p[trekker],
                deelnemers=deelnemers,
                doelgroepen=["ouderen", "alleenstaanden"] if deelnemers else [],
                terugkerend="jaarlijks" in titel,
                verhaal="Buren die elkaar enkel van zien kenden, spraken af om samen te koken."
                if status == ActieStatus.GEBORGD
                else "",
            ),
            co_partners=[p[c] for c in co],
            bouwstenen=[_element(bouwsteen_a, bouwsteen)],
            pijlers=[_element(pijlers, pijler)],
            door=regisseur,
        )

    signalen = [
        # omschrijving (the natural key), thema, kanaal, collectief, urgentie, partner, dagen, doel
        (
            "Oudere alleenstaande buurvrouw komt sinds de winter niet meer buiten.",
            "eenzaamheid",
            "huisbezoek",
            False,
            "hoog",
            "ocmw",
            3,
            "nieuw",
        ),
        (
            "Bij de bushalte aan het park voelen ouderen zich 's avonds onveilig.",
            "onveiligheid",
            "buurtbevraging",
            True,
            "normaal",
            "buurtwerk",
            10,
            "in_behandeling",
        ),
        (
            "Gezin met jonge kinderen zoekt hulp bij schimmel in huurwoning.",
            "wonen",
            "doorverwijskaartje",
            False,
            "hoog",
            "wgc",
            12,
            "doorverwezen",
        ),
        (
            "Bewoner vroeg hulp bij het aanvragen van een mantelzorgpremie.",
            "chronische_zorg",
            "bijeenkomst",
            False,
            "laag",
            "thuiszorg",
            25,
            "opgelost",
        ),
        (
            "Meerdere ouderen geraken niet naar de wekelijkse markt.",
            "mobiliteit",
            "buurtbevraging",
            True,
            "normaal",
            "buurtwerk",
            60,
            "beleid",
        ),
        (
            "Geen busverbinding meer op zondag naar het woonzorgcentrum.",
            "mobiliteit",
            "actiegroep",
            True,
            "normaal",
            "straatcomite",
            55,
            "beleid",
        ),
        (
            "Mantelzorger kan niet naar de apotheek zonder auto.",
            "mobiliteit",
            "huisbezoek",
            False,
            "normaal",
            "thuiszorg",
            50,
            "beleid",
        ),
        (
            "Buurtbewoners melden nachtlawaai rond het plein in het weekend.",
            "overlast",
            "burgerinitiatief",
            True,
            "laag",
            None,
            7,
            "nieuw",
        ),
    ]
    beleid: list[Signaal] = []
    for tekst, thema, kanaal, collectief, urgentie, partner, dagen, doel in signalen:
        bestaand = Signaal.objects.filter(buurt=buurtegem, omschrijving=tekst).first()
        if bestaand:
            if doel == "beleid":
                beleid.append(bestaand)
            continue
        signaal = services.signaal_loggen(
            signaal=Signaal(
                buurt=buurtegem,
                datum=vandaag - timedelta(days=dagen),
                kanaal=kanaal,
                thema=thema,
                collectief=collectief,
                urgentie=urgentie,
                omschrijving=tekst,
                partner=p[partner] if partner else None,
            ),
            door=regisseur,
        )
        if doel == "in_behandeling":
            services.signaal_status_wijzigen(signaal=signaal, status=SignaalStatus.IN_BEHANDELING)
        elif doel == "doorverwezen":
            verwijzing = services.doorverwijzen(
                signaal=signaal, van_partner=p["wgc"], naar_partner=p["ocmw"], warm=True
            )
            services.doorverwijzing_uitkomst(doorverwijzing=verwijzing, aangekomen=True)
        elif doel == "opgelost":
            services.doorverwijzen(
                signaal=signaal, van_partner=p["thuiszorg"], naar_partner=p["ocmw"], warm=False
            )
            services.signaal_status_wijzigen(signaal=signaal, status=SignaalStatus.OPGELOST)
        elif doel == "beleid":
            beleid.append(signaal)

    titel = "Mobiliteit van ouderen in Buurtegem"
    if not Beleidssignaal.objects.filter(buurt=buurtegem, titel=titel).exists():
        bundel = services.beleidssignaal_bundelen(
            buurt=buurtegem,
            titel=titel,
            boodschap="Verschillende partners vangen hetzelfde op: ouderen zonder auto geraken "
            "niet meer naar markt, apotheek en woonzorgcentrum sinds de busregeling veranderde. "
            "We vragen het lokaal bestuur om de zondagsverbinding en de belbus te herbekijken.",
            signalen=beleid,
            door=regisseur,
        )
        services.beleidssignaal_opvolgen(
            beleidssignaal=bundel,
            verstuurd_op=vandaag - timedelta(days=30),
            reactie="Het schepencollege onderzoekt een proefproject met een buurtbus op zondag.",
            reactie_op=vandaag - timedelta(days=8),
        )
