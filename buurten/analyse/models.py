"""Buurtanalyse models (DOMAIN W1, E18, E19): versions with a frozen baseline, indicators,
voorzieningen, bevragingen with bevindingen, and the uitdagingen derived from them.

Indicator values belong to the buurt and carry a peildatum; an analysis version shows the latest
value on or before its own peildatum. A frozen baseline therefore stays frozen when no value on or
before its peildatum can change (the import refuses those rows).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zorgnet.lib.choices import (
    BevindingSoort,
    Bevragingsmethode,
    Complexiteit,
    Fase,
    IndicatorSoort,
    Kant,
    Thema,
    VoorzieningSoort,
)
from zorgnet.lib.privacy import controleer_geen_identificatoren


class _DeelVanAnalyse:
    """Children of an analysis version refuse validation when that version is frozen (admin too)."""

    def clean(self) -> None:
        super().clean()
        if (
            self.analyse_id
            and Buurtanalyse.objects.filter(pk=self.analyse_id, bevroren_op__isnull=False).exists()
        ):
            raise ValidationError(
                _("Deze versie is als baseline bevroren en kan niet meer gewijzigd worden."),
                code="bevroren",
            )


class Indicator(models.Model):
    """A figure that describes a buurt (age, health, housing, ...), identified by a stable code."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    naam = models.CharField(_("naam"), max_length=160)
    eenheid = models.CharField(_("eenheid"), max_length=30, blank=True, help_text=_("bv. %"))
    bron = models.CharField(_("bron"), max_length=160, blank=True)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    soort = models.CharField(
        _("soort"), max_length=20, choices=IndicatorSoort.choices, default=IndicatorSoort.OBJECTIEF
    )
    kant = models.CharField(_("kant"), max_length=20, choices=Kant.choices, default=Kant.COLLECTIEF)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


class IndicatorWaarde(models.Model):
    """The value of an indicator for a buurt on a peildatum, with gemeente and Vlaanderen values."""

    buurt = models.ForeignKey(
        "buurten.Buurt",
        on_delete=models.CASCADE,
        related_name="indicatorwaarden",
        verbose_name=_("buurt"),
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="waarden", verbose_name=_("indicator")
    )
    peildatum = models.DateField(_("peildatum"))
    waarde = models.DecimalField(_("waarde"), max_digits=14, decimal_places=3)
    gemeente_waarde = models.DecimalField(
        _("waarde gemeente"), max_digits=14, decimal_places=3, null=True, blank=True
    )
    vlaanderen_waarde = models.DecimalField(
        _("waarde Vlaanderen"), max_digits=14, decimal_places=3, null=True, blank=True
    )
    bron = models.CharField(_("bron"), max_length=160, blank=True)
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ingevoerd_op = models.DateTimeField(_("ingevoerd op"), auto_now_add=True)

    class Meta:
        ordering = ["indicator__naam", "peildatum"]
        verbose_name = _("indicatorwaarde")
        verbose_name_plural = _("indicatorwaarden")
        constraints = [
            models.UniqueConstraint(
                fields=["buurt", "indicator", "peildatum"], name="indicatorwaarde_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.peildatum}: {self.waarde}"


class Buurtanalyse(models.Model):
    """One version of the buurtanalyse; one version per buurt can be frozen as the baseline."""

    buurt = models.ForeignKey(
        "buurten.Buurt", on_delete=models.CASCADE, related_name="analyses", verbose_name=_("buurt")
    )
    versie = models.PositiveIntegerField(_("versie"))
    titel = models.CharField(_("titel"), max_length=160)
    peildatum = models.DateField(
        _("peildatum"), help_text=_("De analyse toont de cijfers tot en met deze datum.")
    )
    samenvatting = models.TextField(
        _("samenvatting"), blank=True, validators=[controleer_geen_identificatoren]
    )
    is_baseline = models.BooleanField(_("baseline"), default=False)
    bevroren_op = models.DateTimeField(_("bevroren op"), null=True, blank=True)
    bevroren_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    vorige = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vorige versie"),
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["buurt", "-versie"]
        verbose_name = _("buurtanalyse")
        verbose_name_plural = _("buurtanalyses")
        constraints = [
            models.UniqueConstraint(fields=["buurt", "versie"], name="buurtanalyse_versie_uniek"),
            models.UniqueConstraint(
                fields=["buurt"], condition=Q(is_baseline=True), name="buurtanalyse_een_baseline"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.titel} (v{self.versie})"

    @property
    def bevroren(self) -> bool:
        return self.bevroren_op is not None


class Voorziening(_DeelVanAnalyse, models.Model):
    """Something already present in the buurt (service, vereniging, meeting place, public space)."""

    analyse = models.ForeignKey(
        Buurtanalyse, on_delete=models.CASCADE, related_name="voorzieningen"
    )
    naam = models.CharField(_("naam"), max_length=160)
    soort = models.CharField(_("soort"), max_length=30, choices=VoorzieningSoort.choices)
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voorzieningen",
        verbose_name=_("partner"),
    )
    beschrijving = models.TextField(
        _("beschrijving"), blank=True, validators=[controleer_geen_identificatoren]
    )

    class Meta:
        ordering = ["soort", "naam"]
        verbose_name = _("voorziening")
        verbose_name_plural = _("voorzieningen")

    def __str__(self) -> str:
        return self.naam


class Bevraging(_DeelVanAnalyse, models.Model):
    """A moment of the kwalitatieve buurtbevraging (conversation, buurtbabbel, walk, survey...)."""

    analyse = models.ForeignKey(Buurtanalyse, on_delete=models.CASCADE, related_name="bevragingen")
    methode = models.CharField(_("methode"), max_length=30, choices=Bevragingsmethode.choices)
    datum = models.DateField(_("datum"))
    aantal_deelnemers = models.PositiveIntegerField(_("aantal deelnemers"), default=0)
    doelgroepen = models.JSONField(_("doelgroepen"), default=list, blank=True)
    omschrijving = models.TextField(
        _("omschrijving"), blank=True, validators=[controleer_geen_identificatoren]
    )

    class Meta:
        ordering = ["datum", "id"]
        verbose_name = _("bevraging")
        verbose_name_plural = _("bevragingen")

    def __str__(self) -> str:
        return f"{self.get_methode_display()} {self.datum:%d/%m/%Y}"


class Bevinding(_DeelVanAnalyse, models.Model):
    """A finding of the analysis: a need or a strength, tagged with a theme (fiches A-N)."""

    analyse = models.ForeignKey(Buurtanalyse, on_delete=models.CASCADE, related_name="bevindingen")
    bevraging = models.ForeignKey(
        Bevraging,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bevindingen",
        verbose_name=_("bevraging"),
    )
    thema = models.CharField(_("thema"), max_length=1, choices=Thema.choices)
    soort = models.CharField(_("soort"), max_length=10, choices=BevindingSoort.choices)
    tekst = models.TextField(_("bevinding"), validators=[controleer_geen_identificatoren])
    citaat = models.TextField(
        _("citaat"),
        blank=True,
        validators=[controleer_geen_identificatoren],
        help_text=_("Een uitspraak van een bewoner, zonder naam."),
    )
    vorige = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["thema", "soort", "id"]
        verbose_name = _("bevinding")
        verbose_name_plural = _("bevindingen")

    def __str__(self) -> str:
        return f"{self.thema} · {self.tekst[:60]}"


class Uitdaging(_DeelVanAnalyse, models.Model):
    """A challenge derived from findings; challenges link to each other (W3 step 1)."""

    analyse = models.ForeignKey(Buurtanalyse, on_delete=models.CASCADE, related_name="uitdagingen")
    titel = models.CharField(_("titel"), max_length=160)
    beschrijving = models.TextField(
        _("beschrijving"), blank=True, validators=[controleer_geen_identificatoren]
    )
    kant = models.CharField(_("kant"), max_length=20, choices=Kant.choices)
    complexiteit = models.CharField(_("complexiteit"), max_length=10, choices=Complexiteit.choices)
    bevindingen = models.ManyToManyField(
        Bevinding, related_name="uitdagingen", blank=True, verbose_name=_("bevindingen")
    )
    verwante = models.ManyToManyField(
        "self", symmetrical=True, blank=True, verbose_name=_("hangt samen met")
    )
    vorige = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volgende",
        help_text=_("Dezelfde uitdaging in de vorige versie van de analyse."),
    )

    class Meta:
        ordering = ["titel"]
        verbose_name = _("uitdaging")
        verbose_name_plural = _("uitdagingen")

    def __str__(self) -> str:
        return self.titel


class Werkingsfase(models.Model):
    """A phase the werking is in (E18); several can run at once."""

    buurt = models.ForeignKey(
        "buurten.Buurt", on_delete=models.CASCADE, related_name="fasen", verbose_name=_("buurt")
    )
    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices)
    sinds = models.DateField(_("sinds"), auto_now_add=True)

    class Meta:
        ordering = ["buurt", "fase"]
        verbose_name = _("werkingsfase")
        verbose_name_plural = _("werkingsfasen")
        constraints = [models.UniqueConstraint(fields=["buurt", "fase"], name="werkingsfase_uniek")]

    def __str__(self) -> str:
        return self.get_fase_display()
