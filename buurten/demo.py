"""Demo places and users: Stederen with Buurtegem, Gemeentegem with De Leefhoek. No real persons."""

from django.contrib.auth import get_user_model

from zorgnet.lib.choices import Netwerktype, Schaal

from .models import Buurt, Gemeente, Rol
from .services import lidmaatschap_toevoegen

DEMO_WACHTWOORD = "zorgnet-demo-2026"


def _gebruiker(gebruikersnaam: str, voornaam: str, achternaam: str):
    user, created = get_user_model().objects.get_or_create(
        username=gebruikersnaam,
        defaults={
            "first_name": voornaam,
            "last_name": achternaam,
            "email": f"{gebruikersnaam}@zorgnet.invalid",
        },
    )
    if created:
        user.set_password(DEMO_WACHTWOORD)
        user.save(update_fields=["password"])
    return user


def laad(ctx: dict) -> None:
    stederen, _ = Gemeente.objects.get_or_create(
        naam="Stederen", defaults={"provincie": "Fictief-Brabant", "nis_code": "99001"}
    )
    gemeentegem, _ = Gemeente.objects.get_or_create(
        naam="Gemeentegem", defaults={"provincie": "Fictief-Brabant", "nis_code": "99002"}
    )
    buurtegem, _ = Buurt.objects.get_or_create(
        gemeente=stederen,
        naam="Buurtegem",
        defaults={
            "netwerktype": Netwerktype.ZORGZAME_BUURT,
            "soort": Schaal.GEOGRAFISCHE_BUURT,
            "beschrijving": "Dorpskern met een actieve straat-WhatsAppgroep die uitgroeide tot "
            "een straatcomité; veel alleenstaande ouderen en nieuwe jonge gezinnen.",
            "afbakening": "Dorpskern Buurtegem tussen de kerk, het park en de spoorweg.",
            "proeftuin": True,
        },
    )
    stationswijk, _ = Buurt.objects.get_or_create(
        gemeente=stederen,
        naam="Stationswijk",
        defaults={
            "netwerktype": Netwerktype.BUURTGERICHT_NETWERK,
            "soort": Schaal.GEOGRAFISCHE_BUURT,
            "beschrijving": "Wijk rond het station met veel gezinnen met jonge kinderen.",
        },
    )
    leefhoek, _ = Buurt.objects.get_or_create(
        gemeente=gemeentegem,
        naam="De Leefhoek",
        defaults={
            "netwerktype": Netwerktype.BEIDE,
            "soort": Schaal.GELEEFDE_BUURT,
            "beschrijving": "Sociale woonwijk aan de rand van Stederen; armoede en eenzaamheid "
            "zijn gedeelde uitdagingen met de stad.",
        },
    )
    regisseur = _gebruiker("regisseur", "Roos", "Regisseur")
    regisseur_leefhoek = _gebruiker("regisseur.leefhoek", "Lander", "Leefhoek")
    coordinator = _gebruiker("coordinator", "Chris", "Coördinator")
    lidmaatschap_toevoegen(gebruiker=regisseur, rol=Rol.REGISSEUR, buurt=buurtegem)
    lidmaatschap_toevoegen(gebruiker=regisseur_leefhoek, rol=Rol.REGISSEUR, buurt=leefhoek)
    lidmaatschap_toevoegen(gebruiker=coordinator, rol=Rol.COORDINATOR, gemeente=stederen)
    ctx.update(
        gemeenten={"stederen": stederen, "gemeentegem": gemeentegem},
        buurten={"buurtegem": buurtegem, "stationswijk": stationswijk, "leefhoek": leefhoek},
        gebruikers={
            "regisseur": regisseur,
            "regisseur_leefhoek": regisseur_leefhoek,
            "coordinator": coordinator,
        },
        logins=[
            ("regisseur", DEMO_WACHTWOORD, "Buurtregisseur Buurtegem"),
            ("regisseur.leefhoek", DEMO_WACHTWOORD, "Buurtregisseur De Leefhoek"),
            ("coordinator", DEMO_WACHTWOORD, "Coördinator gemeente Stederen"),
        ],
    )
