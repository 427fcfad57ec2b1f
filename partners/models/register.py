from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from buurten.models import Buurt, Gemeente
from zorgnet.lib.choices import Intensiteit, Schaal, Sector, StakeholderSoort


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
    website = models.URLField(_("website"), blank=True)
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
    foto = models.ImageField(_("foto"), upload_to="smoelenboek/", blank=True)
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
