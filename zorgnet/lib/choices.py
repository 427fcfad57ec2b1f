"""Shared enumerations from DOMAIN.md (E-numbers in the docstrings). Codes stay stable; labels are Dutch.

Frameworks (bouwstenen, pijlers) are data, not enumerations: see DOMAIN.md §9.1 point 3.
"""

from collections.abc import Iterable
from functools import partialmethod

from django.db import models
from django.utils.choices import CallableChoiceIterator
from django.utils.hashable import make_hashable
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Netwerktype(models.TextChoices):
    """E14: one app serves both network types."""

    ZORGZAME_BUURT = "zorgzame_buurt", _("Zorgzame buurt")
    BUURTGERICHT_NETWERK = "buurtgericht_netwerk", _("Buurtgericht netwerk")
    BEIDE = "beide", _("Zorgzame buurt en buurtgericht netwerk")


class Schaal(models.TextChoices):
    """E1: the five scales (werkingsgebieden), smallest first."""

    GELEEFDE_BUURT = "geleefde_buurt", _("Geleefde buurt")
    GEOGRAFISCHE_BUURT = "geografische_buurt", _("Geografische buurt")
    GEMEENTE_STAD_RAND = "gemeente_stad_rand", _("Gemeente/stad + rand")
    LOKALE_REGIO = "lokale_regio", _("'Lokale' regio")
    BOVENLOKALE_REGIO = "bovenlokale_regio", _("'Bovenlokale' regio")

    @classmethod
    def rang(cls, waarde: str) -> int:
        """Ordinal position (0 = smallest) so scales can be compared."""
        return list(cls.values).index(waarde)


class Intensiteit(models.IntegerChoices):
    """E2: collaboration intensity, ordinal 1-4."""

    DOORVERWIJZEN = 1, _("Doorverwijzen")
    INFO_DELEN = 2, _("Info delen")
    ACTIVITEITEN_AFSTEMMEN = 3, _("Activiteiten afstemmen")
    SAMEN_UITVOEREN = 4, _("Samen uitvoeren")


class Niveau(models.TextChoices):
    """E3: levels of collaboration and of coordination decisions."""

    STRATEGISCH = "strategisch", _("Strategisch (doelen)")
    STRUCTUREEL = "structureel", _("Structureel (werkmethode)")
    OPERATIONEEL = "operationeel", _("Operationeel (uitvoering)")


class Coordinatievorm(models.TextChoices):
    """E4."""

    CENTRAAL = "centraal", _("Centraal (hiërarchisch)")
    DECENTRAAL = "decentraal", _("Decentraal")


class Complexiteit(models.TextChoices):
    """E4: complexity of a challenge drives the coordination choice."""

    HOOG = "hoog", _("Hoog")
    LAAG = "laag", _("Laag")


class Typologie(models.TextChoices):
    """E5: typology of initiatives."""

    BUREN_INITIATIEF = "bureninitiatief", _("Warm en zorgzaam bureninitiatief")
    ZORGZAAM_BUURTINITIATIEF = "zorgzaam_buurtinitiatief", _("Zorgzaam buurtinitiatief")
    BUURTGERICHT_ZORGINITIATIEF = "buurtgericht_zorginitiatief", _("Buurtgericht zorginitiatief")


class Groepsrol(models.TextChoices):
    """E6: components of a larger initiative."""

    ACTIEGROEP = "actiegroep", _("Actiegroep")
    KERNGROEP = "kerngroep", _("Kerngroep")
    BUURTPLATFORM = "buurtplatform", _("Buurtplatform")


class Participatieniveau(models.TextChoices):
    """E7: participation level of an actor, low to high."""

    GEINFORMEERD = "geinformeerd", _("Geïnformeerd")
    GECONSULTEERD = "geconsulteerd", _("Geconsulteerd / advies")
    MEE_BESLISSEN = "mee_beslissen", _("Mee beslissen")
    ENGAGEREN = "engageren", _("Engageren (voert mee uit)")


class Fase(models.TextChoices):
    """E18: phases of the werking; several can run at once."""

    BUURTANALYSE = "buurtanalyse", _("Buurtanalyse")
    SAMENWERKING = "samenwerking", _("Samenwerking opzetten")
    VISIEVORMING = "visievorming", _("Visievorming")
    UITROL = "uitrol", _("Uitrol van acties")
    REFLECTIE = "reflectie", _("Reflectie")


class StakeholderSoort(models.TextChoices):
    """E20."""

    FORMEEL = "formeel", _("Formele stakeholder")
    INFORMEEL = "informeel", _("Informele stakeholder")
    BELEIDSACTOR = "beleidsactor", _("Beleidsactor")
    LOKAAL = "lokaal", _("Lokale stakeholder")
    BUURTBEWONERS = "buurtbewoners", _("Buurtbewoners")


class Sector(models.TextChoices):
    """E21."""

    ZORG = "zorg", _("Zorg")
    WELZIJN = "welzijn", _("Welzijn")
    GEZONDHEID = "gezondheid", _("Gezondheid")
    LOKAAL_BESTUUR = "lokaal_bestuur", _("Lokaal bestuur")
    ONDERWIJS = "onderwijs", _("Onderwijs")
    KINDEROPVANG = "kinderopvang", _("Kinderopvang")
    HUISVESTING_WONEN = "huisvesting_wonen", _("Huisvesting en wonen")
    WERK_ARBEIDSMARKT = "werk_arbeidsmarkt", _("Werk en arbeidsmarkt")
    CULTUUR = "cultuur", _("Cultuur")
    SPORT = "sport", _("Sport")
    VRIJE_TIJD_JEUGDWERK = "vrije_tijd_jeugdwerk", _("Vrije tijd en jeugdwerk")
    SOCIO_CULTUREEL = "socio_cultureel", _("Socio-cultureel")
    OMGEVING = "omgeving_ruimtelijke_ordening", _("Omgeving en ruimtelijke ordening")
    MOBILITEIT = "mobiliteit", _("Mobiliteit")
    VEILIGHEID_POLITIE = "veiligheid_politie", _("Veiligheid en politie")
    HANDEL_HORECA = "handel_horeca", _("Handel en horeca")
    LEVENSBESCHOUWING = "levensbeschouwing", _("Levensbeschouwing")
    INFORMEEL_BURGERINITIATIEF = "informeel_burgerinitiatief", _("Informeel / burgerinitiatief")
    VRIJWILLIGERS = "vrijwilligers", _("Vrijwilligers")
    MANTELZORG = "mantelzorg", _("Mantelzorg")
    ANDERE = "andere", _("Andere")


class Sectorgroep(models.TextChoices):
    """Eight coarse groups of the 21 sectors, for the network picture (colours one can tell apart),
    the E-I index and brokerage roles (21 sectors make both saturate)."""

    ZORG = "zorg", _("Zorg")
    WELZIJN = "welzijn", _("Welzijn")
    ONDERWIJS_JEUGD = "onderwijs_jeugd", _("Onderwijs en jeugd")
    VEILIGHEID = "veiligheid", _("Veiligheid")
    LOKAAL_BESTUUR = "lokaal_bestuur", _("Lokaal bestuur")
    CULTUUR_VRIJE_TIJD = "cultuur_vrije_tijd", _("Cultuur en vrije tijd")
    BEWONERS_INFORMEEL = "bewoners_informeel", _("Bewoners en informeel")
    ANDERE = "andere", _("Andere")


SECTORGROEP: dict[str, str] = {
    Sector.ZORG: Sectorgroep.ZORG,
    Sector.GEZONDHEID: Sectorgroep.ZORG,
    Sector.WELZIJN: Sectorgroep.WELZIJN,
    Sector.HUISVESTING_WONEN: Sectorgroep.WELZIJN,
    Sector.WERK_ARBEIDSMARKT: Sectorgroep.WELZIJN,
    Sector.ONDERWIJS: Sectorgroep.ONDERWIJS_JEUGD,
    Sector.KINDEROPVANG: Sectorgroep.ONDERWIJS_JEUGD,
    Sector.VRIJE_TIJD_JEUGDWERK: Sectorgroep.ONDERWIJS_JEUGD,
    Sector.VEILIGHEID_POLITIE: Sectorgroep.VEILIGHEID,
    Sector.LOKAAL_BESTUUR: Sectorgroep.LOKAAL_BESTUUR,
    Sector.OMGEVING: Sectorgroep.LOKAAL_BESTUUR,
    Sector.MOBILITEIT: Sectorgroep.LOKAAL_BESTUUR,
    Sector.CULTUUR: Sectorgroep.CULTUUR_VRIJE_TIJD,
    Sector.SPORT: Sectorgroep.CULTUUR_VRIJE_TIJD,
    Sector.SOCIO_CULTUREEL: Sectorgroep.CULTUUR_VRIJE_TIJD,
    Sector.INFORMEEL_BURGERINITIATIEF: Sectorgroep.BEWONERS_INFORMEEL,
    Sector.VRIJWILLIGERS: Sectorgroep.BEWONERS_INFORMEEL,
    Sector.MANTELZORG: Sectorgroep.BEWONERS_INFORMEEL,
    Sector.HANDEL_HORECA: Sectorgroep.ANDERE,
    Sector.LEVENSBESCHOUWING: Sectorgroep.ANDERE,
    Sector.ANDERE: Sectorgroep.ANDERE,
}


def sectorgroep(sector: str) -> str:
    """The group code (a plain str, as stored in JSON and written to GraphML)."""
    return str(SECTORGROEP.get(sector, Sectorgroep.ANDERE).value)


class Netwerkrol(models.TextChoices):
    """E35: the four network-coordination roles."""

    INHOUDELIJK_EXPERT = "inhoudelijk_expert", _("Inhoudelijk expert")
    LEIDER = "leider", _("Leider")
    NETWERKER = "netwerker_spin_in_het_web", _("Netwerker (spin in het web)")
    WARMMAKER = "warmmaker", _("Warmmaker")


class Doelgroep(models.TextChoices):
    """E27: target groups (also used for 'groups not reached')."""

    KINDEREN_JONGEREN = "kinderen_jongeren", _("Kinderen en jongeren")
    GEZINNEN_0_12 = "gezinnen_0_12", _("Gezinnen met kinderen van 0 tot 12 jaar")
    OUDEREN = "ouderen", _("Ouderen")
    ALLEENSTAANDEN = "alleenstaanden", _("Alleenstaanden")
    PSYCHISCHE_KWETSBAARHEID = (
        "psychische_kwetsbaarheid",
        _("Personen met een psychische kwetsbaarheid"),
    )
    BEPERKING = "beperking", _("Mensen met een beperking")
    ARMOEDE = "armoede", _("Mensen in armoede")
    ROUW = "rouw", _("Mensen in rouw")
    ANDERSTALIGEN = "anderstaligen", _("Anderstaligen")
    MIGRATIEACHTERGROND = "migratieachtergrond", _("Personen met een migratieachtergrond")
    NIEUWE_BEWONERS = "nieuwe_bewoners", _("Nieuwe bewoners")
    KWETSBARE_GEZINNEN = "kwetsbare_gezinnen", _("Kwetsbare gezinnen")
    VERBORGEN_SPELERS = "verborgen_spelers", _("Verborgen spelers")
    ALLE_BEWONERS = "alle_bewoners", _("Alle buurtbewoners")


class Thema(models.TextChoices):
    """E28: the thematic fiches A-N."""

    A = "A", _("A. Visievorming")
    B = "B", _("B. Vanuit de buurt werken")
    C = "C", _("C. Het bereiken van buurtbewoners")
    D = "D", _("D. Ontmoeting tussen buurtbewoners")
    E = "E", _("E. Ontmoeting tussen professionals")
    F = "F", _("F. Netwerking")
    G = "G", _("G. Samenwerken")
    H = "H", _("H. Regie")
    I = "I", _("I. De medewerker in de buurt")  # noqa: E741
    J = "J", _("J. Burenhulp (het kleine helpen)")
    K = "K", _("K. Vrijwilligers")
    L = "L", _("L. Documenteren")
    M = "M", _("M. Ondersteunen")
    N = "N", _("N. Communiceren")


class Zorgniveau(models.TextChoices):
    """E41: worry level (waakzame zorg)."""

    GERUST = "gerust", _("Gerust")
    ONGERUST = "ongerust", _("Ongerust")
    BEZORGD = "bezorgd", _("Bezorgd")


# The label of an empty optional estimate (zorgniveau, responsniveau): shown, filtered and counted
# as its own group, never as one of the choices.
NIET_INGESCHAT = _("niet ingeschat")


class Responsniveau(models.TextChoices):
    """E41: response level."""

    OPEN_DIALOOG = "open_dialoog", _("Open dialoog")
    GERICHTE_VRAGEN = "gerichte_vragen_acties", _("Gerichte vragen en acties")
    EENZIJDIGE_ACTIES = "eenzijdige_acties", _("Eenzijdige acties")


class Handelingsniveau(models.TextChoices):
    """W7: the level being acted on in a supportersmeeting."""

    PERSOONLIJK = "persoonlijk", _("Persoonlijk")
    ORGANISATIE = "organisatie", _("Organisatie")
    NETWERK = "netwerk", _("Netwerk")


class ActieCategorie(models.TextChoices):
    """E50."""

    ONTMOETING = "ontmoeting", _("Ontmoeting")
    WIJKWERKING = "wijkwerking_outreach", _("Wijkwerking / outreach")
    NETWERKVORMING = "netwerkvorming", _("Netwerkvorming")
    BURENHULP = "burenhulp", _("Burenhulp")
    INFORMEREN = "informeren", _("Informeren")
    DETECTIE = "detectie_signaal", _("Detectie en signalen")
    TOELEIDING = "toeleiding", _("Toeleiding")
    BELEIDSADVISERING = "beleidsadvisering", _("Beleidsadvisering")
    VORMING = "vorming", _("Vorming")


# --- buurtanalyse (W1, E19) ----------------------------------------------------------------------
class IndicatorSoort(models.TextChoices):
    """E19 (S1): objective figures versus subjective experience."""

    OBJECTIEF = "objectief", _("Objectief")
    SUBJECTIEF = "subjectief", _("Subjectief")


class Kant(models.TextChoices):
    """E19/E49: the individual or collective side of an indicator or challenge."""

    INDIVIDUEEL = "individueel", _("Individueel")
    COLLECTIEF = "collectief", _("Collectief")


class Bevragingsmethode(models.TextChoices):
    """W1 step 3: methods of the kwalitatieve buurtbevraging."""

    INDIVIDUEEL_GESPREK = "individueel_gesprek", _("Individueel gesprek")
    GROEPSGESPREK = "groepsgesprek", _("Groepsgesprek")
    BUURTBABBEL = "buurtbabbel", _("Buurtbabbel")
    CAFE_DIALOOG = "cafe_dialoog", _("Café-dialoog")
    HUISBEZOEK = "huisbezoek", _("Huisbezoek (vraagstraat)")
    BUURTWANDELING = "buurtwandeling", _("Buurtwandeling")
    ENQUETE = "enquete", _("Enquête")
    KINDEREN_JONGEREN = "kinderen_jongeren", _("Methodiek voor kinderen en jongeren")
    ANDERE = "andere", _("Andere")


class BevindingSoort(models.TextChoices):
    """W1: what the buurt needs versus what it already has."""

    NOOD = "nood", _("Nood")
    KRACHT = "kracht", _("Kracht / talent")


class VoorzieningSoort(models.TextChoices):
    """E19: what is already present in the buurt."""

    DIENST = "dienst", _("Professionele dienst of voorziening")
    VERENIGING = "vereniging", _("Vereniging")
    ONTMOETINGSPLAATS = "ontmoetingsplaats", _("Ontmoetingsplaats")
    PUBLIEKE_RUIMTE = "publieke_ruimte", _("Publieke ruimte")
    INITIATIEF = "initiatief", _("Burgerinitiatief")
    ANDERE = "andere", _("Andere")


class SignaalKanaal(models.TextChoices):
    """W8: how a signal came in."""

    BUURTBEVRAGING = "buurtbevraging", _("Buurtbevraging")
    HUISBEZOEK = "huisbezoek", _("Huisbezoek")
    DOORVERWIJSKAARTJE = "doorverwijskaartje", _("Doorverwijskaartje")
    BEZOEKERSTEAM = "bezoekersteam", _("Bezoekersteam")
    ACTIEGROEP = "actiegroep", _("Actiegroep")
    BIJEENKOMST = "bijeenkomst", _("Bijeenkomst")
    BURGERINITIATIEF = "burgerinitiatief", _("Burgerinitiatief")
    ANDERE = "andere", _("Andere")


class SignaalThema(models.TextChoices):
    """E49: the kinds of challenges signals are about (individual to collective)."""

    EENZAAMHEID = "eenzaamheid", _("Eenzaamheid")
    ARMOEDE = "armoede", _("Armoede")
    CHRONISCHE_ZORG = "chronische_zorg", _("(Complexe) chronische zorg")
    WONEN = "wonen", _("Wonen (bv. schimmel)")
    OVERLAST = "overlast", _("Nachtlawaai en overlast")
    MOBILITEIT = "mobiliteit", _("Mobiliteit")
    ROUW = "rouw", _("Verlies en rouw")
    ONVEILIGHEID = "onveiligheid", _("Onveiligheidsgevoel")
    OPVOEDING = "opvoeding", _("Opvoeding en gezin")
    ANDERE = "andere", _("Andere")


class Urgentie(models.TextChoices):
    """W8: how fast a signal needs a response."""

    LAAG = "laag", _("Laag")
    NORMAAL = "normaal", _("Normaal")
    HOOG = "hoog", _("Hoog")


class BijeenkomstType(models.TextChoices):
    """E39 (+ W5, W7): the kinds of meetings, trainings and network moments in a buurt."""

    SUPPORTERSMEETING = "supportersmeeting", _("Supportersmeeting")
    INTERVISIE = "intervisie", _("Intervisie")
    THEMA_INTERVISIE = "thema_intervisie", _("Thema-intervisie")
    PARTNERDAG = "partnerdag", _("Partnerdag")
    NETWERKDAG = "netwerkdag", _("Netwerkdag")
    STARTDAG = "startdag", _("Startdag")
    TRAINING = "training", _("Training")
    KERNGROEP = "kerngroep", _("Kerngroep")
    PARTNEROVERLEG = "partneroverleg", _("Partneroverleg")
    ZORGWIJKOVERLEG = "zorgwijkoverleg", _("Zorgwijkoverleg")
    BUURTPLATFORM_MOMENT = "buurtplatform_moment", _("Buurtplatform-moment")


class TaakStatus(models.TextChoices):
    """The life of a record made by a job (network analysis, report file, report preview, big
    export): queued, being made, done, failed. One enum for all of them (zorgnet.lib.taakrecords)."""

    WACHTEND = "wachtend", _("In de wachtrij")
    BEZIG = "bezig", _("Bezig")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")


# --- labels: a cached lookup instead of get_FOO_display rebuilding the choice list per call -----
_LABELS: dict[tuple, dict] = {}


def label(model, veld: str, waarde) -> str:
    """The Dutch label of a choice value, as `get_<veld>_display` gives it (the value itself when
    it is not a choice), from a dict built once per field and language. Django's version rebuilds
    `dict(flatchoices)` and translates the lazy labels on every call (84 µs; 2.5-6.6 ms per list
    page at Flanders scale)."""
    sleutel = (model, veld, get_language())
    labels = _LABELS.get(sleutel)
    if labels is None:
        veldobject = model._meta.get_field(veld)
        labels = {make_hashable(k): str(v) for k, v in veldobject.flatchoices}
        _LABELS[sleutel] = labels
    try:
        return labels.get(make_hashable(waarde), waarde)
    except TypeError:  # an unhashable value that is no choice
        return waarde


def snelle_labels(modellen: Iterable) -> int:
    """Give every field with fixed choices of these models a `get_<veld>_display` that reads
    `label` (fields with callable choices keep Django's). Called once from OverzichtConfig.ready;
    returns how many methods it set."""
    gezet = 0
    for model in modellen:
        for veld in model._meta.concrete_fields:
            if not veld.choices or isinstance(veld.choices, CallableChoiceIterator):
                continue
            naam = f"get_{veld.name}_display"
            if naam in model.__dict__ and not isinstance(model.__dict__[naam], partialmethod):
                continue  # the model wrote its own

            def _display(self, _veld=veld):
                return label(
                    type(self)._meta.concrete_model, _veld.name, getattr(self, _veld.attname)
                )

            setattr(model, naam, _display)
            gezet += 1
    return gezet
