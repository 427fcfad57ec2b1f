"""Demo reflection cycle in Buurtegem (fictional): two reflection sessions half a year apart with
scores and answers, successes, six months of contact moments, harvested outcomes, stories (one
picked for the report) and indicators with light measurements. Idempotent: every record is looked
up by a natural key first."""

import random
from datetime import timedelta

from django.utils import timezone

from activiteiten.models import (
    Actie,
    Contactmoment,
    ContactSoort,
    Doel,
    FrameworkSoort,
    GeoogsteUitkomst,
    Indicatormeting,
    Reflectiemoment,
    Succes,
    Toestemming,
    Verhaal,
    Voortgangsindicator,
)
from activiteiten.pakketten import services as pakketten
from activiteiten.reflectie import selectors, services
from activiteiten.reflectie.kaders import zaai_reflectiekaders
from partners.models import Partner
from zorgnet.lib.choices import ActieCategorie, Doelgroep

# Scores per session (werkende factoren 1-9, then spanningsvelden 1-6): the second is a bit better.
SCORES = {
    "Reflectie voorjaar": ([3, 4, 2, 3, 2, 3, 2, 2, 3], [2, 2, 4, 3, 3, 2]),
    "Reflectie najaar": ([4, 4, 3, 3, 3, 4, 3, 3, 4], [3, 2, 3, 3, 3, 3]),
}
ANTWOORDEN = [
    "De koffieklets en de buurtwandeling bestaan al en werken; er ontbreekt nog een vast "
    "aanspreekpunt voor jonge gezinnen.",
    "Het OCMW en het buurtwerk hebben de capaciteiten; de huisartsenpraktijk wil aansluiten maar "
    "heeft weinig tijd.",
    "De geleefde buurt rond het plein; voor huisbezoeken de hele gemeente.",
    "Voor de ouderen is info delen niet genoeg: samen uitvoeren met het buurtwerk.",
    "Het mandaat van de buurtwerker loopt af; we vangen dat op met een back-up.",
]


def _moment(buurt, regisseur, partners, titel: str, dagen_geleden: int) -> Reflectiemoment:
    bestaand = Reflectiemoment.objects.filter(buurt=buurt, titel=titel).first()
    if bestaand:
        return bestaand
    vandaag = timezone.localdate()
    moment = Reflectiemoment(
        buurt=buurt,
        titel=titel,
        datum=vandaag - timedelta(days=dagen_geleden),
        periode_van=vandaag - timedelta(days=dagen_geleden + 180),
        periode_tot=vandaag - timedelta(days=dagen_geleden),
        samen_scoren=True,
    )
    moment = services.reflectie_aanmaken(moment=moment, partners=partners, door=regisseur)
    factoren, velden = SCORES[titel]
    waarden = {f.id: (s, "") for f, s in zip(selectors.factoren(), factoren, strict=True)}
    waarden |= {
        v.id: (s, "Besproken op de intervisie." if s != 3 else "")
        for v, s in zip(selectors.spanningsvelden(), velden, strict=True)
    }
    services.scores_bewaren(moment=moment, deelnemer="samen", waarden=waarden, door=regisseur)
    services.antwoorden_bewaren(
        moment=moment,
        antwoorden={v.id: a for v, a in zip(selectors.vragen(), ANTWOORDEN, strict=True)},
    )
    return moment


def _reflecties(buurt, regisseur, partners) -> Reflectiemoment:
    _moment(buurt, regisseur, partners[:3], "Reflectie voorjaar", 200)
    najaar = _moment(buurt, regisseur, partners[:4], "Reflectie najaar", 20)
    if not najaar.opvolgingen.exists():
        services.opvolging_als_actie(
            moment=najaar,
            actie=Actie(
                titel="Back-up zoeken voor de warmmaker",
                trekker=partners[0],
                categorie=ActieCategorie.ONTMOETING,
                startdatum=najaar.datum,
            ),
            aanleiding="De rol 'warmmaker' rust op één persoon.",
            door=regisseur,
        )
    return najaar


def _successen(buurt, regisseur, ocmw, moment) -> None:
    rijen = [
        ("De koffieklets op dinsdag zit elke week vol", "Een vaste plek en een warm onthaal.", None, True),
        ("Drie nieuwe vrijwilligers voor de boodschappendienst", "Persoonlijk aanspreken.", None, True),
        ("Snellere doorverwijzing naar het OCMW", "Een vast aanspreekpunt per straat.", ocmw, False),
        ("Buurtwandeling met de huisartsenpraktijk", "Samen plannen op de intervisie.", None, False),
    ]  # fmt: skip
    for i, (titel, hielp, partner, rapport) in enumerate(rijen):
        if Succes.objects.filter(buurt=buurt, titel=titel).exists():
            continue
        succes = services.succes_bewaren(
            succes=Succes(
                buurt=buurt,
                titel=titel,
                wat_hielp=hielp,
                partner=partner,
                moment=moment if i < 2 else None,
                datum=timezone.localdate() - timedelta(days=15 + 30 * i),
            ),
            door=regisseur,
        )
        if rapport:
            services.succes_voor_rapport(succes=succes, in_rapport=True)


def _contactmomenten(buurt, regisseur, ocmw) -> None:
    if Contactmoment.objects.filter(buurt=buurt).exists():
        return
    rnd = random.Random(22)
    vandaag = timezone.localdate()
    gewichten = {
        ContactSoort.KOFFIEKLETS: 6,
        ContactSoort.HUISBEZOEK: 3,
        ContactSoort.TELEFOONTJE: 5,
        ContactSoort.DOORVERWIJZING_STRAAT: 2,
        ContactSoort.SCHOOLPOORT: 2,
    }
    for dag in range(0, 180, 2):
        for soort, gewicht in gewichten.items():
            if rnd.random() < gewicht / 10:
                services.contactmoment_tellen(
                    buurt=buurt,
                    soort=soort,
                    datum=vandaag - timedelta(days=dag),
                    aantal=rnd.randint(1, 3),
                    partner=ocmw
                    if soort == ContactSoort.HUISBEZOEK and rnd.random() < 0.5
                    else None,
                    door=regisseur,
                )


def _doel(buurt, regisseur) -> Doel:
    doel = Doel.objects.filter(buurt=buurt, titel="Minder eenzaamheid bij ouderen").first()
    return doel or pakketten.doel_aanmaken(
        buurt=buurt, titel="Minder eenzaamheid bij ouderen", termijn="lang", gebruiker=regisseur
    )


def _uitkomsten(buurt, regisseur, doel) -> None:
    categorieen = {e.naam: e for e in selectors.elementen(FrameworkSoort.UITKOMSTEN)}
    rijen = [
        (
            "Sociale relaties onder buurtbewoners",
            Doelgroep.OUDEREN,
            "Alleenwonende ouderen rond het plein spreken nu ook buiten de koffieklets af.",
            "De koffieklets en de buurtwandeling brengen hen samen.",
            "Vrijwilligers zien vaste groepjes ontstaan; drie nieuwe wandelafspraken.",
            "Minder eenzaamheid is het langetermijndoel van de buurt.",
        ),
        (
            "Effecten op de relatie tussen de partners onderling",
            Doelgroep.ALLE_BEWONERS,
            "Het OCMW en het buurtwerk verwijzen elkaar warm door.",
            "De maandelijkse intervisie als vast forum.",
            "Doorverwijzingen worden opgevolgd en komen aan.",
            "Bewoners vinden sneller hun weg naar hulp.",
        ),
        (
            "Buurtbewoners verbinden met professionele zorg- en dienstverlening",
            Doelgroep.GEZINNEN_0_12,
            "Jonge gezinnen vinden de weg naar het consultatiebureau.",
            "Een babbel aan de schoolpoort door de buurtwerker.",
            "Het consultatiebureau ziet meer gezinnen uit de buurt.",
            "Gezinnen met jonge kinderen werden vroeger nauwelijks bereikt.",
        ),
    ]
    for naam, voor_wie, wat, bijdrage, bewijs, betekenis in rijen:
        if GeoogsteUitkomst.objects.filter(buurt=buurt, wat_veranderde=wat).exists():
            continue
        services.uitkomst_bewaren(
            uitkomst=GeoogsteUitkomst(
                buurt=buurt,
                categorie=categorieen[naam],
                voor_wie=voor_wie,
                wat_veranderde=wat,
                bijdrage=bijdrage,
                bewijs=bewijs,
                betekenis=betekenis,
                datum=timezone.localdate() - timedelta(days=30),
            ),
            doelen=[doel] if voor_wie == Doelgroep.OUDEREN else [],
            door=regisseur,
        )


def _verhalen(buurt, regisseur, ocmw) -> None:
    rijen = [
        (
            "Koffie op het plein",
            "Wat begon met een thermos op een bank, is nu een vaste afspraak. Een buurvrouw die "
            "niemand kende, schenkt nu zelf de koffie in.",
            Toestemming.RAPPORT,
            True,
            None,
        ),
        (
            "De eerste buurtwandeling",
            "Twaalf buren wandelden mee; onderweg werd afgesproken om samen naar de markt te gaan.",
            Toestemming.PUBLIEK,
            False,
            None,
        ),
        (
            "Een telefoontje op het juiste moment",
            "Een medewerker belde na een huisbezoek terug; de hulp kwam dezelfde week op gang.",
            Toestemming.INTERN,
            False,
            ocmw,
        ),
    ]
    for titel, tekst, toestemming, rapport, partner in rijen:
        if Verhaal.objects.filter(buurt=buurt, titel=titel).exists():
            continue
        services.verhaal_bewaren(
            verhaal=Verhaal(
                buurt=buurt,
                titel=titel,
                tekst=tekst,
                toestemming=toestemming,
                in_rapport=rapport,
                partner=partner,
                datum=timezone.localdate() - timedelta(days=40),
            ),
            door=regisseur,
        )


def _indicatoren(buurt, regisseur, doel) -> None:
    if Voortgangsindicator.objects.filter(buurt=buurt).exists():
        return
    from buurten.analyse.models import Indicator

    basis = Indicator.objects.filter(code="alleenwonend_80plus").first()
    indicator = services.indicator_bewaren(
        indicator=Voortgangsindicator(
            buurt=buurt,
            doel=doel,
            naam="Ouderen op de koffieklets per maand",
            soort="proces",
            streefwaarde=25,
            eenheid="deelnemers",
            buurtindicator=basis,
        )
    )
    vandaag = timezone.localdate()
    for i, waarde in enumerate([8, 11, 14, 17, 19, 22]):
        services.meting_toevoegen(
            meting=Indicatormeting(
                indicator=indicator, datum=vandaag - timedelta(days=30 * (5 - i)), waarde=waarde
            ),
            door=regisseur,
        )


def laad(ctx: dict) -> None:
    zaai_reflectiekaders()
    buurtegem = ctx["buurten"]["buurtegem"]
    regisseur = ctx["gebruikers"]["regisseur"]
    partners = list(Partner.objects.filter(buurten=buurtegem).order_by("naam"))
    if not partners:
        return
    ocmw = Partner.objects.filter(buurten=buurtegem, naam="OCMW Stederen").first() or partners[0]
    najaar = _reflecties(buurtegem, regisseur, [ocmw, *[p for p in partners if p != ocmw]])
    _successen(buurtegem, regisseur, ocmw, najaar)
    _contactmomenten(buurtegem, regisseur, ocmw)
    doel = _doel(buurtegem, regisseur)
    _uitkomsten(buurtegem, regisseur, doel)
    _verhalen(buurtegem, regisseur, ocmw)
    _indicatoren(buurtegem, regisseur, doel)
