from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from buurten.models import Buurt, Gemeente
from zorgnet.lib.bestanden import AfbeeldingField
from zorgnet.lib.choices import (
    Intensiteit,
    Niveau,
    Participatieniveau,
    Schaal,
    Sector,
    StakeholderSoort,
    Thema,
)
from zorgnet.lib.choices import Netwerkrol as NetwerkrolSoort
from zorgnet.lib.taakrecords import Taakrecord


class PartnerSoort(models.TextChoices):
    ORGANISATIE = "organisatie", _("Organisatie")
    DIENST = "dienst", _("Dienst")
    BEWONERSINITIATIEF = "bewonersinitiatief", _("Bewonersinitiatief")
    VERENIGING = "vereniging", _("Vereniging")
    INFORMELE_ACTOR = "informele_actor", _("Informele actor")


class PartnerStatus(models.TextChoices):
    POTENTIEEL = "potentieel", _("Potentieel")
    ACTIEF = "actief", _("Actief")
    GESTOPT = "gestopt", _("Gestopt")


class Partner(models.Model):
    """An organisation, service, residents' initiative, vereniging or informal actor in the network."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="partners", verbose_name=_("gemeente")
    )
    naam = models.CharField(_("naam"), max_length=160)
    soort = models.CharField(
        _("soort"), max_length=30, choices=PartnerSoort.choices, default=PartnerSoort.ORGANISATIE
    )
    sector = models.CharField(_("sector"), max_length=40, choices=Sector.choices)
    formeel = models.BooleanField(
        _("formeel"), default=True, help_text=_("Formele (professionele) of informele actor.")
    )
    stakeholder_soort = models.CharField(
        _("soort stakeholder"),
        max_length=20,
        choices=StakeholderSoort.choices,
        default=StakeholderSoort.FORMEEL,
    )
    werkingsgebied = models.CharField(
        _("werkingsgebied"),
        max_length=30,
        choices=Schaal.choices,
        default=Schaal.GEOGRAFISCHE_BUURT,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PartnerStatus.choices, default=PartnerStatus.ACTIEF
    )
    actief_sinds = models.DateField(_("actief sinds"), null=True, blank=True)
    gestopt_op = models.DateField(_("gestopt op"), null=True, blank=True)
    buurten = models.ManyToManyField(
        Buurt, related_name="partners", blank=True, verbose_name=_("buurten")
    )
    wat_wij_doen = models.TextField(_("wat wij doen"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[buurten])

    class Meta:
        ordering = ["naam"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "naam"], name="partner_uniek_per_gemeente")
        ]
        indexes = [models.Index(fields=["gemeente", "status"])]

    def __str__(self) -> str:
        return self.naam

    @property
    def is_lokaal_bestuur(self) -> bool:
        return self.sector == Sector.LOKAAL_BESTUUR


class Contactpersoon(models.Model):
    """A person at a partner, shown in the smoelenboek; contact details only with consent."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="contactpersonen", verbose_name=_("partner")
    )
    voornaam = models.CharField(_("voornaam"), max_length=80)
    achternaam = models.CharField(_("achternaam"), max_length=80, blank=True)
    functie = models.CharField(_("functie"), max_length=120, blank=True)
    foto = AfbeeldingField(_("foto"), map="smoelenboek", blank=True)
    wat_ik_doe = models.TextField(_("wat ik doe"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=40, blank=True)
    toestemming_contactgegevens = models.BooleanField(
        _("toestemming om contactgegevens te tonen"), default=False
    )
    toestemming_op = models.DateField(_("toestemming gegeven op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["voornaam", "achternaam"]
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")

    def __str__(self) -> str:
        return f"{self.voornaam} {self.achternaam}".strip()


class Bevestiging(models.TextChoices):
    OPEN = "open", _("Nog niet beantwoord")
    BEVESTIGD = "bevestigd", _("Bevestigd")
    BETWIST = "betwist", _("Betwist")


class BeantwoordAls(models.TextChoices):
    """Who answered a declared tie: the partner it is about, or the regisseur on its behalf."""

    PARTNER = "partner", _("De partner zelf")
    REGISSEUR = "regisseur", _("De buurtregisseur namens de partner")
    IMPORT = "import", _("Ingevoerd met de relatie-import")


class Relatie(models.Model):
    """A declared tie between two partners, confirmed or disputed by the other side."""

    van_partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="relaties_van", verbose_name=_("van")
    )
    naar_partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="relaties_naar", verbose_name=_("naar")
    )
    intensiteit = models.PositiveSmallIntegerField(_("intensiteit"), choices=Intensiteit.choices)
    niveaus = models.JSONField(
        _("niveaus"),
        default=list,
        blank=True,
        help_text=_("Strategisch, structureel, operationeel."),
    )
    sinds = models.DateField(_("sinds"), null=True, blank=True)
    tot = models.DateField(_("tot"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    verklaard_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verklaard door"),
    )
    bevestiging = models.CharField(
        _("bevestiging"), max_length=20, choices=Bevestiging.choices, default=Bevestiging.OPEN
    )
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beantwoord door"),
    )
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    # A regisseur may confirm or dispute a tie on the partner's behalf (e.g. agreed in a
    # kerngroep, or migrated from an existing network map); the answer records that it was.
    beantwoord_als = models.CharField(
        _("beantwoord als"),
        max_length=20,
        choices=BeantwoordAls.choices,
        blank=True,
        default="",
        db_default="",  # bulk loaders (bench/schaaldata.py COPY) leave the column out
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("relatie")
        verbose_name_plural = _("relaties")
        constraints = [
            models.CheckConstraint(
                condition=~Q(van_partner=F("naar_partner")), name="relatie_niet_met_zichzelf"
            ),
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(sinds__isnull=True) | Q(tot__gte=F("sinds")),
                name="relatie_tot_na_sinds",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.van_partner} → {self.naar_partner} ({self.get_intensiteit_display()})"


class RelatieBuurt(models.Model):
    """A tie seen from one buurt: a row per buurt where at least one side works (denormalised).

    The relation list and the buurt overview count and page a buurt's ties on this table's index
    instead of an OR over the foreign keys of all 150,000 ties. `partners.relatiebuurten` keeps it
    correct: every save of a tie, every change of a partner's buurten, the bulk loaders.
    """

    # The unique (buurt, relatie) index serves the buurt's lookups: no separate buurt index.
    buurt = models.ForeignKey(Buurt, on_delete=models.CASCADE, related_name="+", db_index=False)
    relatie = models.ForeignKey(Relatie, on_delete=models.CASCADE, related_name="buurtrijen")
    # A copy of the tie's answer, so "te bevestigen" counts on an index without the tie's table.
    bevestiging = models.CharField(max_length=20, choices=Bevestiging.choices)

    class Meta:
        verbose_name = _("relatie in buurt")
        verbose_name_plural = _("relaties in buurt")
        constraints = [
            models.UniqueConstraint(fields=["buurt", "relatie"], name="relatiebuurt_uniek")
        ]
        indexes = [models.Index(fields=["buurt", "bevestiging"], name="relatiebuurt_bevestiging")]

    def __str__(self) -> str:
        return f"{self.buurt_id}: {self.relatie_id}"


class Betrokkenheid(models.Model):
    """One partnerscan score ('Zoek vonken en vuur') of a partner in a buurt; never overwritten."""

    SCHAAL = [(0, "0"), (1, "1"), (2, "2"), (3, "3")]

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="betrokkenheden", verbose_name=_("partner")
    )
    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="betrokkenheden", verbose_name=_("buurt")
    )
    vonk = models.PositiveSmallIntegerField(
        _("vonk (interesse)"), choices=SCHAAL, help_text=_("0 = geen, 3 = groot enthousiasme.")
    )
    vuur = models.PositiveSmallIntegerField(
        _("vuur (engagement)"),
        choices=SCHAAL,
        help_text=_("Bereidheid en vermogen om zich te engageren: tijd, middelen, mandaat."),
    )
    heeft_tijd = models.BooleanField(_("heeft tijd"), default=False)
    heeft_middelen = models.BooleanField(_("heeft middelen"), default=False)
    heeft_mandaat = models.BooleanField(_("heeft mandaat"), default=False)
    gewenst_niveau = models.CharField(
        _("gewenst participatieniveau"),
        max_length=20,
        choices=Participatieniveau.choices,
        default=Participatieniveau.GEINFORMEERD,
    )
    capaciteiten = models.TextField(_("capaciteiten"), blank=True)
    gescoord_op = models.DateField(_("gescoord op"), default=date.today)
    gescoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gescoord door"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-gescoord_op", "-id"]
        verbose_name = _("betrokkenheid (partnerscan)")
        verbose_name_plural = _("betrokkenheden (partnerscan)")
        indexes = [models.Index(fields=["buurt", "partner", "-gescoord_op"])]

    def __str__(self) -> str:
        return f"{self.partner} · vonk {self.vonk} · vuur {self.vuur} ({self.gescoord_op})"


class MandaatBron(models.TextChoices):
    LOKAAL_BESTUUR = "lokaal_bestuur", _("Lokaal bestuur")
    LEIDINGGEVENDE = "leidinggevende", _("Leidinggevende")
    KERNGROEP = "kerngroep", _("Kerngroep")
    NETWERK = "netwerk", _("Netwerk")


class Mandaat(models.Model):
    """Who may decide what in a buurt: level(s), theme, time allocation and validity."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="mandaten", verbose_name=_("buurt")
    )
    contactpersoon = models.ForeignKey(
        Contactpersoon,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mandaten",
        verbose_name=_("contactpersoon"),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mandaten",
        verbose_name=_("partner"),
    )
    omschrijving = models.CharField(
        _("waarover mag beslist worden"), max_length=200, help_text=_("Bv. 'zaken aankaarten'.")
    )
    niveaus = models.JSONField(_("niveaus"), default=list, blank=True)
    thema = models.CharField(_("thema"), max_length=2, choices=Thema.choices, blank=True)
    toegekend_door = models.CharField(
        _("toegekend door"), max_length=20, choices=MandaatBron.choices
    )
    dagen_per_maand = models.DecimalField(
        _("tijd in de buurt (dagen per maand)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(31)],
    )
    formeel = models.BooleanField(_("formeel mandaat"), default=True)
    geldig_van = models.DateField(_("geldig vanaf"), default=date.today)
    geldig_tot = models.DateField(_("geldig tot"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-geldig_van", "id"]
        verbose_name = _("mandaat")
        verbose_name_plural = _("mandaten")
        constraints = [
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=F("geldig_van")),
                name="mandaat_tot_na_van",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.houder}: {self.omschrijving}"

    @property
    def houder(self) -> str:
        return str(self.contactpersoon or self.partner or "")

    def is_verlopen(self, op: date | None = None) -> bool:
        return self.geldig_tot is not None and self.geldig_tot < (op or date.today())

    def clean(self) -> None:
        fouten = {}
        if not self.contactpersoon_id and not self.partner_id:
            fouten["contactpersoon"] = _("Kies een contactpersoon of een partner als houder.")
        if self.geldig_tot and self.geldig_van and self.geldig_tot < self.geldig_van:
            fouten["geldig_tot"] = _("De einddatum ligt vóór de begindatum.")
        onbekend = set(self.niveaus or []) - set(Niveau.values)
        if onbekend:
            fouten["niveaus"] = _("Onbekend niveau: %(n)s.") % {"n": ", ".join(sorted(onbekend))}
        if fouten:
            raise ValidationError(fouten)


class Netwerkrol(models.Model):
    """A network-coordination role (E35) taken up by a person in a buurt, with an optional back-up."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="netwerkrollen", verbose_name=_("buurt")
    )
    contactpersoon = models.ForeignKey(
        Contactpersoon,
        on_delete=models.CASCADE,
        related_name="netwerkrollen",
        verbose_name=_("contactpersoon"),
    )
    rol = models.CharField(_("rol"), max_length=30, choices=NetwerkrolSoort.choices)
    formeel = models.BooleanField(
        _("formeel"), default=True, help_text=_("Formele netwerkcoördinator of informele rol.")
    )
    bruggenbouwer = models.BooleanField(
        _("informele bruggenbouwer"),
        default=False,
        help_text=_("Neemt intuïtief leiderschap op; belangrijk maar broos."),
    )
    backup = models.ForeignKey(
        Contactpersoon,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="backup_voor",
        verbose_name=_("back-up"),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["rol", "id"]
        verbose_name = _("netwerkrol")
        verbose_name_plural = _("netwerkrollen")
        constraints = [
            models.UniqueConstraint(
                fields=["buurt", "contactpersoon", "rol"], name="netwerkrol_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contactpersoon}: {self.get_rol_display()}"

    def clean(self) -> None:
        if self.backup_id and self.backup_id == self.contactpersoon_id:
            raise ValidationError({"backup": _("Iemand kan niet zijn eigen back-up zijn.")})


class Importtaak(Taakrecord):
    """A partner, contact or relation import too large for a request (issue 16), run as a job.

    The job reads `inhoud`: the signed content the server made (django.core.signing), never what
    a client sends; it checks the signature again. The content is cleared once the real import has
    run (or failed), so the file does not stay in the database longer than the confirm step needs.
    Status, error, requester and timestamps come from Taakrecord (zorgnet.lib.taakrecords)."""

    MISLUKT_MELDING = _(
        "De import kon niet worden uitgevoerd; er werd niets bewaard. Probeer het opnieuw; lukt "
        "het dan nog niet, meld dit aan de beheerder. (Technische details: %(fout)s)"
    )

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="importtaken", verbose_name=_("buurt")
    )
    soort = models.CharField(_("soort"), max_length=20)
    uitvoeren = models.BooleanField(
        _("uitvoeren"), default=False, help_text=_("Nee: alleen controleren (proefimport).")
    )
    inhoud = models.TextField(_("ondertekende inhoud"), blank=True)
    rijen_totaal = models.PositiveIntegerField(_("rijen"), default=0)
    rijen_gecontroleerd = models.PositiveIntegerField(_("rijen gecontroleerd"), default=0)
    resultaat = models.JSONField(
        _("resultaat"), default=dict, blank=True, encoder=DjangoJSONEncoder
    )

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = _("importtaak")
        verbose_name_plural = _("importtaken")

    def __str__(self) -> str:
        return f"import {self.soort} {self.buurt} ({self.get_status_display()})"

    @property
    def procent(self) -> int:
        if not self.rijen_totaal:
            return 0
        return min(100, self.rijen_gecontroleerd * 100 // self.rijen_totaal)
