"""Activity packages following 'Ontwar het bos' (DOMAIN W3, W4, E1-E6, E24-E26).

Goals and activities are recorded for the challenges of the buurtanalyse *before* deciding who does
what; samenhang between activities drives the split into packages; each package gets its ideal
scale, team, intensity and coordination; step 6 keeps the ideal plan as a reference beside reality.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from buurten.models import Buurt
from partners.models import Mandaat, Partner
from zorgnet.lib.choices import (
    Coordinatievorm,
    Groepsrol,
    Intensiteit,
    Niveau,
    Schaal,
    Typologie,
)
from zorgnet.lib.privacy import controleer_geen_identificatoren

__all__ = [
    "GEWICHT_MIN",
    "GEWICHT_MAX",
    "TEAM_MIN",
    "TEAM_MAX",
    "Termijn",
    "Doel",
    "DoelVersie",
    "ToCSoort",
    "ToCElement",
    "Behoefte",
    "Activiteit",
    "Capaciteit",
    "Samenhang",
    "Activiteitenpakket",
    "PakketRelatie",
    "Afwijking",
    "FactorSoort",
    "Factor",
    "StapStatus",
    "Stapvoortgang",
    "Starttemplate",
]

GEWICHT_MIN = 1
GEWICHT_MAX = 5
TEAM_MIN = 6
TEAM_MAX = 8


class Termijn(models.TextChoices):
    KORT = "kort", _("Korte termijn")
    LANG = "lang", _("Lange termijn")


class Doel(models.Model):
    """A short- or long-term goal for one or more challenges; every change is versioned (W4)."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="doelen", verbose_name=_("buurt")
    )
    titel = models.CharField(_("titel"), max_length=200)
    omschrijving = models.TextField(
        _("omschrijving"), blank=True, validators=[controleer_geen_identificatoren]
    )
    termijn = models.CharField(
        _("termijn"), max_length=10, choices=Termijn.choices, default=Termijn.KORT
    )
    uitdagingen = models.ManyToManyField(
        "buurten.Uitdaging", related_name="doelen", blank=True, verbose_name=_("uitdagingen")
    )
    versie = models.PositiveIntegerField(_("versie"), default=1)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        ordering = ["termijn", "titel"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self) -> str:
        return self.titel


class DoelVersie(models.Model):
    """One version of a goal with the reason it changed ("Ga na waarom je de doelen wil bijsturen")."""

    doel = models.ForeignKey(Doel, on_delete=models.CASCADE, related_name="versies")
    versie = models.PositiveIntegerField(_("versie"))
    titel = models.CharField(_("titel"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    termijn = models.CharField(_("termijn"), max_length=10, choices=Termijn.choices)
    reden = models.TextField(
        _("reden van de wijziging"), validators=[controleer_geen_identificatoren]
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now_add=True)

    class Meta:
        ordering = ["doel", "-versie"]
        verbose_name = _("doelversie")
        verbose_name_plural = _("doelversies")
        constraints = [
            models.UniqueConstraint(fields=["doel", "versie"], name="doelversie_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.titel} (v{self.versie})"


class ToCSoort(models.TextChoices):
    IMPACT = "impact", _("Impact")
    TUSSENDOEL = "tussendoel", _("Tussendoel")
    RANDVOORWAARDE = "randvoorwaarde", _("Randvoorwaarde")
    INDICATOR = "indicator", _("Indicator")


class ToCElement(models.Model):
    """A node of the optional veranderingstheorie: impact → tussendoel → randvoorwaarde/indicator."""

    buurt = models.ForeignKey(Buurt, on_delete=models.CASCADE, related_name="toc_elementen")
    doel = models.ForeignKey(
        Doel, on_delete=models.SET_NULL, null=True, blank=True, related_name="toc_elementen"
    )
    ouder = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="kinderen",
        verbose_name=_("hoort bij"),
    )
    soort = models.CharField(_("soort"), max_length=20, choices=ToCSoort.choices)
    titel = models.CharField(_("titel"), max_length=200)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("element van de veranderingstheorie")
        verbose_name_plural = _("elementen van de veranderingstheorie")

    def __str__(self) -> str:
        return self.titel


class Behoefte(models.TextChoices):
    ONBEKEND = "onbekend", _("Nog niet bekeken")
    JA = "ja", _("Beantwoordt aan de nood")
    DEELS = "deels", _("Deels")
    NEE = "nee", _("Beantwoordt niet aan de nood")


class Activiteit(models.Model):
    """What is needed for a challenge, recorded before deciding who does it (W3 step 2)."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="activiteiten", verbose_name=_("buurt")
    )
    uitdaging = models.ForeignKey(
        "buurten.Uitdaging",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name=_("uitdaging"),
    )
    doel = models.ForeignKey(
        Doel,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name=_("doel"),
    )
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(
        _("omschrijving"), blank=True, validators=[controleer_geen_identificatoren]
    )
    bestaat_al = models.BooleanField(_("bestaat al"), default=False)
    voldoet = models.CharField(
        _("beantwoordt aan de nood"),
        max_length=10,
        choices=Behoefte.choices,
        default=Behoefte.ONBEKEND,
    )
    pakket = models.ForeignKey(
        "Activiteitenpakket",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name=_("pakket"),
    )
    potentiele_partners = models.ManyToManyField(
        Partner, through="Capaciteit", related_name="mogelijke_activiteiten", blank=True
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        constraints = [
            models.UniqueConstraint(fields=["buurt", "naam"], name="activiteit_naam_uniek"),
        ]

    def __str__(self) -> str:
        return self.naam


class Capaciteit(models.Model):
    """A potential partner with the capacities to carry out an activity (partner × activiteit)."""

    activiteit = models.ForeignKey(
        Activiteit, on_delete=models.CASCADE, related_name="capaciteiten"
    )
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="capaciteiten")
    omschrijving = models.CharField(_("welke capaciteit"), max_length=200, blank=True)
    werkt_al_samen = models.BooleanField(_("werkt al samen"), default=False)

    class Meta:
        ordering = ["activiteit", "partner__naam"]
        verbose_name = _("capaciteit")
        verbose_name_plural = _("capaciteiten")
        constraints = [
            models.UniqueConstraint(fields=["activiteit", "partner"], name="capaciteit_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.partner} → {self.activiteit}"


class Samenhang(models.Model):
    """How strongly two activities hang together (weight GEWICHT_MIN-GEWICHT_MAX); stored once per pair."""

    activiteit_a = models.ForeignKey(Activiteit, on_delete=models.CASCADE, related_name="+")
    activiteit_b = models.ForeignKey(Activiteit, on_delete=models.CASCADE, related_name="+")
    gewicht = models.PositiveSmallIntegerField(
        _("gewicht"), validators=[MinValueValidator(GEWICHT_MIN), MaxValueValidator(GEWICHT_MAX)]
    )

    class Meta:
        ordering = ["activiteit_a", "activiteit_b"]
        verbose_name = _("samenhang")
        verbose_name_plural = _("samenhang")
        constraints = [
            models.UniqueConstraint(
                fields=["activiteit_a", "activiteit_b"], name="samenhang_paar_uniek"
            ),
            models.CheckConstraint(
                condition=models.Q(activiteit_a__lt=models.F("activiteit_b")),
                name="samenhang_geordend_paar",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activiteit_a} – {self.activiteit_b} ({self.gewicht})"


class Activiteitenpakket(models.Model):
    """A package of coherent activities with one team, scale, intensity and coordination (W3 step 3-4)."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="pakketten", verbose_name=_("buurt")
    )
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    ideale_schaal = models.CharField(
        _("ideale schaal"), max_length=30, choices=Schaal.choices, default=Schaal.GEOGRAFISCHE_BUURT
    )
    werkelijke_schaal = models.CharField(
        _("werkelijke schaal"), max_length=30, choices=Schaal.choices, blank=True
    )
    team = models.ManyToManyField(
        Partner, related_name="pakketten", blank=True, verbose_name=_("team")
    )
    intensiteit = models.PositiveSmallIntegerField(
        _("intensiteit binnen het pakket"),
        choices=Intensiteit.choices,
        default=Intensiteit.ACTIVITEITEN_AFSTEMMEN,
    )
    coordinatie = models.CharField(
        _("coördinatie"),
        max_length=20,
        choices=Coordinatievorm.choices,
        default=Coordinatievorm.DECENTRAAL,
    )
    niveaus = models.JSONField(
        _("beslissingsniveaus van het team"),
        default=list,
        blank=True,
        help_text=_(
            "Welke beslissingen het team zelf neemt (strategisch, structureel, operationeel)."
        ),
    )
    mandaat = models.ForeignKey(
        Mandaat,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pakketten",
        verbose_name=_("mandaat"),
    )
    typologie = models.CharField(
        _("typologie"), max_length=30, choices=Typologie.choices, blank=True
    )
    groepsrol = models.CharField(_("rol"), max_length=20, choices=Groepsrol.choices, blank=True)
    ideaal_plan = models.JSONField(
        _("ideaal plan"),
        default=dict,
        blank=True,
        help_text=_("Het ideale plan, vastgelegd als referentiepunt (stap 6)."),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("activiteitenpakket")
        verbose_name_plural = _("activiteitenpakketten")
        constraints = [
            models.UniqueConstraint(fields=["buurt", "naam"], name="pakket_naam_uniek"),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def ideaal_labels(self) -> dict:
        """The frozen ideal plan with readable labels (codes stay in `ideaal_plan`)."""
        plan = self.ideaal_plan or {}
        if not plan:
            return {}
        return {
            "schaal": Schaal(plan["schaal"]).label if plan.get("schaal") in Schaal.values else "",
            "intensiteit": Intensiteit(plan["intensiteit"]).label
            if plan.get("intensiteit") in Intensiteit.values
            else "",
            "coordinatie": Coordinatievorm(plan["coordinatie"]).label
            if plan.get("coordinatie") in Coordinatievorm.values
            else "",
            "niveaus": [
                str(Niveau(n).label) for n in plan.get("niveaus", []) if n in Niveau.values
            ],
            "team": plan.get("team", []),
            "activiteiten": plan.get("activiteiten", []),
        }

    @property
    def niveau_labels(self) -> list[str]:
        return [str(Niveau(n).label) for n in self.niveaus if n in Niveau.values]

    def clean(self) -> None:
        fout = [n for n in self.niveaus or [] if n not in Niveau.values]
        if fout:
            raise ValidationError(
                {"niveaus": _("Onbekend beslissingsniveau: %s") % ", ".join(fout)}
            )


class PakketRelatie(models.Model):
    """How two packages must work together: needed intensity and joint decision levels (step 5)."""

    pakket_a = models.ForeignKey(
        Activiteitenpakket, on_delete=models.CASCADE, related_name="relaties_als_a"
    )
    pakket_b = models.ForeignKey(
        Activiteitenpakket, on_delete=models.CASCADE, related_name="relaties_als_b"
    )
    intensiteit = models.PositiveSmallIntegerField(
        _("benodigde intensiteit"), choices=Intensiteit.choices
    )
    gezamenlijke_niveaus = models.JSONField(_("samen beslissen op"), default=list, blank=True)
    afstemming = models.CharField(
        _("hoe en hoe vaak afstemmen"),
        max_length=200,
        blank=True,
        help_text=_("Pas zinvol als intensiteit en beslissingen bepaald zijn."),
    )

    class Meta:
        ordering = ["pakket_a", "pakket_b"]
        verbose_name = _("relatie tussen pakketten")
        verbose_name_plural = _("relaties tussen pakketten")
        constraints = [
            models.UniqueConstraint(fields=["pakket_a", "pakket_b"], name="pakketrelatie_uniek"),
            models.CheckConstraint(
                condition=models.Q(pakket_a__lt=models.F("pakket_b")),
                name="pakketrelatie_geordend_paar",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pakket_a} ↔ {self.pakket_b}"


class Afwijking(models.Model):
    """A deviation of the real plan from the ideal one, with reason, implication and mitigation (step 6)."""

    pakket = models.ForeignKey(
        Activiteitenpakket, on_delete=models.CASCADE, related_name="afwijkingen"
    )
    aspect = models.CharField(
        _("aspect"),
        max_length=20,
        choices=[
            ("schaal", _("Werkingsgebied")),
            ("team", _("Partners")),
            ("intensiteit", _("Intensiteit")),
            ("coordinatie", _("Coördinatie")),
            ("andere", _("Andere")),
        ],
    )
    omschrijving = models.CharField(
        _("afwijking"), max_length=200, validators=[controleer_geen_identificatoren]
    )
    reden = models.TextField(
        _("reden (remmende factor)"), validators=[controleer_geen_identificatoren]
    )
    implicatie = models.TextField(_("implicatie"), validators=[controleer_geen_identificatoren])
    opvang = models.TextField(
        _("hoe vangen we dit op"), validators=[controleer_geen_identificatoren]
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["pakket", "pk"]
        verbose_name = _("afwijking")
        verbose_name_plural = _("afwijkingen")

    def __str__(self) -> str:
        return self.omschrijving


class FactorSoort(models.TextChoices):
    STIMULEREND = "stimulerend", _("Stimulerend")
    REMMEND = "remmend", _("Remmend")


class Factor(models.Model):
    """A stimulating or hindering factor for a package (ecosysteemspinnenweb)."""

    pakket = models.ForeignKey(
        Activiteitenpakket, on_delete=models.CASCADE, related_name="factoren"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=FactorSoort.choices)
    omschrijving = models.CharField(
        _("factor"), max_length=200, validators=[controleer_geen_identificatoren]
    )
    wegwerkbaar = models.BooleanField(_("kan weggewerkt worden"), default=True)
    aanpak = models.CharField(
        _("hoe inzetten of wegwerken"),
        max_length=300,
        blank=True,
        validators=[controleer_geen_identificatoren],
    )

    class Meta:
        ordering = ["pakket", "soort", "pk"]
        verbose_name = _("factor")
        verbose_name_plural = _("factoren")

    def __str__(self) -> str:
        return self.omschrijving


class StapStatus(models.TextChoices):
    OPEN = "open", _("Nog te doen")
    BEZIG = "bezig", _("Bezig")
    KLAAR = "klaar", _("Klaar")


class Stapvoortgang(models.Model):
    """Where a buurt stands in each of the six steps; steps can be done in any order."""

    buurt = models.ForeignKey(Buurt, on_delete=models.CASCADE, related_name="pakketstappen")
    stap = models.PositiveSmallIntegerField(
        _("stap"), validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=StapStatus.choices, default=StapStatus.OPEN
    )
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        ordering = ["buurt", "stap"]
        verbose_name = _("stapvoortgang")
        verbose_name_plural = _("stapvoortgang")
        constraints = [
            models.UniqueConstraint(fields=["buurt", "stap"], name="stapvoortgang_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.buurt} stap {self.stap}: {self.status}"


class Starttemplate(models.Model):
    """A start template from DOMAIN E24: beginsituatie → suggested goals, actions and barriers."""

    beginsituatie = models.CharField(_("beginsituatie"), max_length=200)
    doel = models.CharField(_("doel"), max_length=200)
    acties = models.JSONField(_("acties"), default=list)
    drempels = models.JSONField(_("drempels"), default=list)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["volgorde"]
        verbose_name = _("starttemplate")
        verbose_name_plural = _("starttemplates")
        constraints = [
            models.UniqueConstraint(fields=["beginsituatie", "doel"], name="starttemplate_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.beginsituatie} → {self.doel}"
