"""Demo meetings in Buurtegem: a year of monthly intervisies (about ten attendees each), two
supportersmeetings with outcomes, and trainings. Idempotent: meetings are looked up by a natural
key and attendance and outcomes are written only when a meeting is created."""

from datetime import date, time, timedelta

from django.utils import timezone

from activiteiten.bijeenkomsten import services
from activiteiten.models import Bijeenkomst, Frequentie, Reeks, UitkomstSoort
from partners.models import Contactpersoon, Partner
from zorgnet.lib.choices import (
    ActieCategorie,
    BijeenkomstType,
    Handelingsniveau,
    Responsniveau,
    Zorgniveau,
)


def _aanwezigen(personen: list[Contactpersoon], start: int, aantal: int) -> list:
    if not personen:
        return []
    gekozen = [personen[(start + k) % len(personen)] for k in range(min(aantal, len(personen)))]
    return [services.Aanwezige(contactpersoon=p) for p in gekozen]


def _bijeenkomst(buurt, regisseur, **velden) -> tuple[Bijeenkomst, bool]:
    sleutel = {k: velden.pop(k) for k in ("type", "titel", "datum")}
    bestaand = Bijeenkomst.objects.filter(buurt=buurt, **sleutel).first()
    if bestaand:
        return bestaand, False
    return (
        services.bijeenkomst_bewaren(
            bijeenkomst=Bijeenkomst(buurt=buurt, **sleutel, **velden), door=regisseur
        ),
        True,
    )


def laad(ctx: dict) -> None:
    buurtegem = ctx["buurten"]["buurtegem"]
    regisseur = ctx["gebruikers"]["regisseur"]
    vandaag = timezone.localdate()
    personen = list(
        Contactpersoon.objects.filter(partner__buurten=buurtegem)
        .select_related("partner")
        .order_by("partner__naam", "voornaam", "id")
    )
    partners = list(Partner.objects.filter(buurten=buurtegem).order_by("naam"))

    # A year of monthly intervisies: every second Tuesday.
    begin = date(vandaag.year - 1, vandaag.month, 8)
    begin += timedelta(days=(1 - begin.weekday()) % 7)
    reeks, _ = Reeks.objects.get_or_create(
        buurt=buurtegem,
        titel="Maandelijkse intervisie",
        defaults={
            "type": BijeenkomstType.INTERVISIE,
            "frequentie": Frequentie.MAANDELIJKS,
            "eerste_datum": begin,
            "begintijd": time(13, 30),
            "eindtijd": time(15, 30),
            "plaats": "Buurthuis De Linde",
            "facilitator": "Buurtregisseur",
            "thema": "Nieuwe Autoriteit als derde punt",
        },
    )
    if not reeks.bijeenkomsten.exists():
        services.reeks_plannen(reeks=reeks, aantal=12, door=regisseur)
    for i, intervisie in enumerate(reeks.bijeenkomsten.order_by("datum")):
        if intervisie.datum > vandaag or intervisie.aanwezigheden.exists():
            continue
        services.aanwezigheid_bewaren(
            bijeenkomst=intervisie,
            aanwezigen=_aanwezigen(personen, i * 3, 8 + i % 4),
            aantal_anderen=i % 2,
        )

    # Two supportersmeetings with outcomes.
    supporters = [
        (
            "Supportersmeeting in de wijk",
            vandaag - timedelta(days=75),
            Zorgniveau.ONGERUST,
            Handelingsniveau.NETWERK,
            Responsniveau.GERICHTE_VRAGEN,
        ),
        (
            "Supportersmeeting op school",
            vandaag - timedelta(days=20),
            Zorgniveau.BEZORGD,
            Handelingsniveau.ORGANISATIE,
            Responsniveau.GERICHTE_VRAGEN,
        ),
    ]
    for n, (titel, datum, zorg, handel, respons) in enumerate(supporters):
        meeting, nieuw = _bijeenkomst(
            buurtegem,
            regisseur,
            type=BijeenkomstType.SUPPORTERSMEETING,
            titel=titel,
            datum=datum,
            begintijd=time(19, 0),
            eindtijd=time(21, 0),
            plaats="Buurthuis De Linde" if n == 0 else "Basisschool De Regenboog",
            facilitator="Buurtregisseur",
            agenda="1. Kennismaking\n2. De situatie (anoniem)\n3. Hoe bezorgd zijn we?\n"
            "4. Wie doet wat?",
            situatie="Een gezin met jonge kinderen raakt geïsoleerd; de school merkt dat de "
            "kinderen vaak afwezig zijn.",
            zorgniveau=zorg,
            handelingsniveau=handel,
            responsniveau=respons,
        )
        if not nieuw or len(partners) < 2:
            continue
        services.aanwezigheid_bewaren(
            bijeenkomst=meeting,
            aanwezigen=[
                *_aanwezigen(personen, 5 + n * 4, 7),
                services.Aanwezige(
                    naam="Leerkracht 3de leerjaar",
                    organisatie="Basisschool De Regenboog",
                    nieuw=True,
                ),
            ],
            aantal_bewoners=3 + n * 4,
        )
        uitkomsten = [
            dict(
                soort=UitkomstSoort.ACTIE,
                omschrijving="Talenteninterviews met enkele leerlingen"
                if n
                else "Wekelijks huisbezoek door twee vrijwilligers",
                eigenaar=partners[n % len(partners)],
                deadline=vandaag + timedelta(days=10) if n else vandaag - timedelta(days=15),
                categorie=ActieCategorie.NETWERKVORMING,
            ),
            dict(
                soort=UitkomstSoort.ZAADJE,
                omschrijving="Contact met de sportclub voor gratis lidmaatschap",
                eigenaar=partners[(n + 1) % len(partners)],
            ),
            dict(
                soort=UitkomstSoort.SIGNAAL,
                omschrijving="Gezinnen met schoolgaande kinderen vinden de weg naar hulp niet.",
                thema="opvoeding",
                eigenaar=None,
            ),
            dict(
                soort=UitkomstSoort.INZICHT,
                omschrijving="Samen aanwezig zijn werkt beter dan ieder apart opvolgen.",
            ),
        ]
        for u in uitkomsten:
            services.uitkomst_toevoegen(bijeenkomst=meeting, door=regisseur, **u)

    # Trainings: the two-day training in Nieuwe Autoriteit, this year and the years before.
    for k, (jaar_terug, aantal) in enumerate(((2, 26), (1, 31), (0, 22))):
        datum = min(date(vandaag.year - jaar_terug, 3, 14), vandaag - timedelta(days=3))
        training, nieuw = _bijeenkomst(
            buurtegem,
            regisseur,
            type=BijeenkomstType.TRAINING,
            titel="Tweedaagse training Nieuwe Autoriteit",
            datum=datum,
            plaats="Gemeentehuis Stederen",
            thema="Basishouding Nieuwe Autoriteit",
            facilitator="Externe trainer",
        )
        if nieuw:
            services.aanwezigheid_bewaren(
                bijeenkomst=training,
                aanwezigen=_aanwezigen(personen, k * 5, 6),
                aantal_anderen=aantal,
            )
