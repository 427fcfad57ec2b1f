"""factory_boy factories shared by all tests. Apps add theirs here (one section per app)."""

import factory
from django.contrib.auth import get_user_model

from buurten.models import Buurt, Gemeente, Lidmaatschap, Rol
from partners.models import (
    Betrokkenheid,
    Contactpersoon,
    Mandaat,
    MandaatBron,
    Netwerkrol,
    Partner,
    Relatie,
)
from zorgnet.lib.choices import Intensiteit, Sector

WACHTWOORD = "test-wachtwoord-123"


# --- buurten ------------------------------------------------------------------------------------
class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_BE")
    password = factory.PostGenerationMethodCall("set_password", WACHTWOORD)

    @factory.post_generation
    def _bewaar(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente

    naam = factory.Sequence(lambda n: f"Gemeente {n}")


class BuurtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Buurt

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Buurt {n}")


class LidmaatschapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lidmaatschap

    gebruiker = factory.SubFactory(UserFactory)
    buurt = factory.SubFactory(BuurtFactory)
    rol = Rol.REGISSEUR


# --- partners -----------------------------------------------------------------------------------
class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        skip_postgeneration_save = True

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Partner {n}")
    sector = Sector.WELZIJN

    @factory.post_generation
    def buurten(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.buurten.add(*extracted)


class ContactpersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contactpersoon

    partner = factory.SubFactory(PartnerFactory)
    voornaam = factory.Sequence(lambda n: f"Persoon{n}")
    achternaam = "Fictief"


class RelatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Relatie

    van_partner = factory.SubFactory(PartnerFactory)
    naar_partner = factory.SubFactory(
        PartnerFactory, gemeente=factory.SelfAttribute("..van_partner.gemeente")
    )
    intensiteit = Intensiteit.INFO_DELEN


class BetrokkenheidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Betrokkenheid

    partner = factory.SubFactory(PartnerFactory)
    buurt = factory.SubFactory(BuurtFactory, gemeente=factory.SelfAttribute("..partner.gemeente"))
    vonk = 2
    vuur = 1


class MandaatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mandaat

    buurt = factory.SubFactory(BuurtFactory)
    contactpersoon = factory.SubFactory(ContactpersoonFactory)
    omschrijving = "Zaken aankaarten"
    toegekend_door = MandaatBron.LEIDINGGEVENDE


class NetwerkrolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Netwerkrol

    buurt = factory.SubFactory(BuurtFactory)
    contactpersoon = factory.SubFactory(ContactpersoonFactory)
    rol = "leider"


# --- buurtanalyse (buurten) ---------------------------------------------------------------------
from datetime import date  # noqa: E402


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "buurten.Indicator"
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"indicator_{n}")
    naam = factory.Sequence(lambda n: f"Indicator {n}")
    eenheid = "%"


class IndicatorWaardeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "buurten.IndicatorWaarde"

    buurt = factory.SubFactory(BuurtFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    peildatum = factory.Sequence(lambda n: date(2000 + n % 20, 1, 1))
    waarde = 10


class BuurtanalyseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "buurten.Buurtanalyse"

    buurt = factory.SubFactory(BuurtFactory)
    versie = factory.Sequence(lambda n: n + 1)
    titel = "Buurtanalyse"
    peildatum = date(2025, 6, 30)


class BevindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "buurten.Bevinding"

    analyse = factory.SubFactory(BuurtanalyseFactory)
    thema = "D"
    soort = "nood"
    tekst = factory.Sequence(lambda n: f"Bevinding {n}: weinig ontmoeting in de straat.")


class UitdagingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "buurten.Uitdaging"

    analyse = factory.SubFactory(BuurtanalyseFactory)
    titel = factory.Sequence(lambda n: f"Uitdaging {n}")
    kant = "collectief"
    complexiteit = "laag"


# --- activiteiten: acties en signalen -----------------------------------------------------------
class ActieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activiteiten.Actie"
        skip_postgeneration_save = True

    buurt = factory.SubFactory(BuurtFactory)
    titel = factory.Sequence(lambda n: f"Actie {n}")
    trekker = factory.SubFactory(PartnerFactory, gemeente=factory.SelfAttribute("..buurt.gemeente"))

    @factory.post_generation
    def _trekker_in_buurt(obj, create, extracted, **kwargs):
        if create and not obj.trekker.buurten.filter(pk=obj.buurt_id).exists():
            obj.trekker.buurten.add(obj.buurt)


class SignaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activiteiten.Signaal"

    buurt = factory.SubFactory(BuurtFactory)
    kanaal = "huisbezoek"
    thema = "eenzaamheid"
    omschrijving = "Een oudere bewoner voelt zich alleen sinds de buurtwinkel dicht is."


class DoorverwijzingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activiteiten.Doorverwijzing"

    signaal = factory.SubFactory(SignaalFactory)
    naar_partner = factory.SubFactory(PartnerFactory)


class BeleidssignaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activiteiten.Beleidssignaal"

    buurt = factory.SubFactory(BuurtFactory)
    titel = factory.Sequence(lambda n: f"Beleidssignaal {n}")
    boodschap = "Meerdere partners vangen hetzelfde probleem op."


# --- activiteiten: bijeenkomsten ----------------------------------------------------------------
class ReeksFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activiteiten.Reeks"

    buurt = factory.SubFactory(BuurtFactory)
    titel = factory.Sequence(lambda n: f"Intervisie {n}")
    type = "intervisie"
    frequentie = "maandelijks"
    eerste_datum = factory.Faker("past_date")


class BijeenkomstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activiteiten.Bijeenkomst"

    buurt = factory.SubFactory(BuurtFactory)
    type = "intervisie"
    titel = factory.Sequence(lambda n: f"Bijeenkomst {n}")


class AanwezigheidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activiteiten.Aanwezigheid"

    bijeenkomst = factory.SubFactory(BijeenkomstFactory)
    contactpersoon = factory.SubFactory(ContactpersoonFactory)
    partner = factory.SelfAttribute("contactpersoon.partner")


class UitkomstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activiteiten.Uitkomst"

    bijeenkomst = factory.SubFactory(BijeenkomstFactory)
    soort = "inzicht"
    omschrijving = factory.Sequence(lambda n: f"Inzicht {n}")


# --- rapport ----------------------------------------------------------------------------------
class RapportBestandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "rapport.RapportBestand"

    buurt = factory.SubFactory(BuurtFactory)
    gemeente = factory.SelfAttribute("buurt.gemeente")
    van = date(2026, 1, 1)
    tot = date(2026, 6, 30)
    formaat = "pdf"


class ExportBestandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activiteiten.ExportBestand"

    buurt = factory.SubFactory(BuurtFactory)
    soort = "acties"
    filters = factory.LazyFunction(dict)


# --- activiteiten: activiteitenpakketten ---------------------------------------------------------
class ActiviteitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activiteiten.Activiteit"

    buurt = factory.SubFactory(BuurtFactory)
    naam = factory.Sequence(lambda n: f"Activiteit {n}")


class ActiviteitenpakketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activiteiten.Activiteitenpakket"

    buurt = factory.SubFactory(BuurtFactory)
    naam = factory.Sequence(lambda n: f"Pakket {n}")


class DoelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activiteiten.Doel"

    buurt = factory.SubFactory(BuurtFactory)
    titel = factory.Sequence(lambda n: f"Doel {n}")
