"""Demo network for Buurtegem: two clusters joined by one bridge, brokers on both ends, and an
island; one analysis is computed in-process so the network page has something to show.

Runs after activiteiten.demo (observed collaboration from packages and actions is then there too).
Idempotent: get_or_create only, and a second analysis with the same input hash is reused.
"""

from partners.models import Bevestiging, Partner, PartnerStatus, Relatie
from zorgnet.lib.choices import Intensiteit, Schaal, Sector
from zorgnet.lib.taakrecords import TaakStatus

PARTNERS = [
    # naam, sector, formeel
    ("OCMW Stederen", Sector.LOKAAL_BESTUUR, True),
    ("Thuiszorg Stederen", Sector.ZORG, True),
    ("Huisartsenpraktijk De Linde", Sector.GEZONDHEID, True),
    ("Dienstencentrum Den Hoek", Sector.WELZIJN, True),
    ("Buurtcomité Kerkstraat", Sector.INFORMEEL_BURGERINITIATIEF, False),
    ("Sportclub Buurtegem", Sector.SPORT, False),
    ("Jeugdhuis 't Kot", Sector.VRIJE_TIJD_JEUGDWERK, True),
    ("Bibliotheek Stederen", Sector.CULTUUR, True),
    ("Kringwinkel De Ruil", Sector.HANDEL_HORECA, True),  # the island
]

RELATIES = [
    # Cluster zorg en welzijn
    ("OCMW Stederen", "Thuiszorg Stederen", Intensiteit.SAMEN_UITVOEREN, Bevestiging.BEVESTIGD),
    (
        "OCMW Stederen",
        "Dienstencentrum Den Hoek",
        Intensiteit.ACTIVITEITEN_AFSTEMMEN,
        Bevestiging.BEVESTIGD,
    ),
    (
        "Thuiszorg Stederen",
        "Huisartsenpraktijk De Linde",
        Intensiteit.INFO_DELEN,
        Bevestiging.BEVESTIGD,
    ),
    (
        "Huisartsenpraktijk De Linde",
        "Dienstencentrum Den Hoek",
        Intensiteit.DOORVERWIJZEN,
        Bevestiging.OPEN,
    ),
    (
        "Thuiszorg Stederen",
        "Dienstencentrum Den Hoek",
        Intensiteit.INFO_DELEN,
        Bevestiging.BEVESTIGD,
    ),
    # The only bridge: Den Hoek and the buurtcomité are the brokers between the two worlds.
    (
        "Dienstencentrum Den Hoek",
        "Buurtcomité Kerkstraat",
        Intensiteit.ACTIVITEITEN_AFSTEMMEN,
        Bevestiging.BEVESTIGD,
    ),
    # Cluster vrije tijd en informeel
    (
        "Buurtcomité Kerkstraat",
        "Sportclub Buurtegem",
        Intensiteit.SAMEN_UITVOEREN,
        Bevestiging.BEVESTIGD,
    ),
    ("Buurtcomité Kerkstraat", "Jeugdhuis 't Kot", Intensiteit.INFO_DELEN, Bevestiging.OPEN),
    (
        "Sportclub Buurtegem",
        "Jeugdhuis 't Kot",
        Intensiteit.ACTIVITEITEN_AFSTEMMEN,
        Bevestiging.BEVESTIGD,
    ),
    ("Jeugdhuis 't Kot", "Bibliotheek Stederen", Intensiteit.INFO_DELEN, Bevestiging.BEVESTIGD),
    ("Bibliotheek Stederen", "Buurtcomité Kerkstraat", Intensiteit.DOORVERWIJZEN, Bevestiging.OPEN),
]


def laad(ctx: dict) -> None:
    from zorgnet.netwerkanalyse.services import start_analyse, voer_analyse_uit

    stederen = ctx["gemeenten"]["stederen"]
    buurtegem = ctx["buurten"]["buurtegem"]
    partners: dict[str, Partner] = {}
    for naam, sector, formeel in PARTNERS:
        partner, _ = Partner.objects.get_or_create(
            gemeente=stederen,
            naam=naam,
            defaults={
                "sector": sector,
                "formeel": formeel,
                "werkingsgebied": Schaal.GEOGRAFISCHE_BUURT,
                "status": PartnerStatus.ACTIEF,
            },
        )
        if not partner.buurten.filter(pk=buurtegem.pk).exists():
            partner.buurten.add(buurtegem)
        partners[naam] = partner
    for van, naar, intensiteit, bevestiging in RELATIES:
        Relatie.objects.get_or_create(
            van_partner=partners[van],
            naar_partner=partners[naar],
            defaults={"intensiteit": intensiteit, "bevestiging": bevestiging},
        )
    ctx.setdefault("partners", {}).update({f"netwerk:{n}": p for n, p in partners.items()})
    analyse = start_analyse(
        buurt=buurtegem, aangevraagd_door=ctx.get("gebruikers", {}).get("regisseur")
    )
    if analyse.status == TaakStatus.WACHTEND:
        voer_analyse_uit(analyse_id=analyse.pk)
