"""Reflection and impact, step 4 of the cycle ("Benoem de successen"; DOMAIN W10, W13, E23, E36,
E37): Reflectiemoment with scores, answers and follow-ups, Succes, Contactmoment, GeoogsteUitkomst
(outcome harvesting), Verhaal, Voortgangsindicator with its Indicatormeting."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activiteiten.acties.models import Actie, FrameworkElement, FrameworkSoort
from activiteiten.bijeenkomsten.models import Bijeenkomst
from activiteiten.pakketten.models import Activiteitenpakket, Doel
from buurten.models import Buurt
from partners.models import Partner
from zorgnet.lib.bestanden import AfbeeldingField
from zorgnet.lib.choices import Doelgroep
from zorgnet.lib.privacy import controleer_geen_identificatoren

__all__ = [
    "SCORE_MIN",
    "SCORE_MAX",
    "MAX_INDICATOREN",
    "Reflectiemoment",
    "Scorebron",
    "Reflectiescore",
    "Reflectieantwoord",
    "OpvolgingSoort",
    "Reflectieopvolging",
    "Succes",
    "ContactSoort",
    "Contactmoment",
    "GeoogsteUitkomst",
    "Toestemming",
    "RAPPORT_TOESTEMMINGEN",
    "Verhaal",
    "IndicatorSoort",
    "Voortgangsindicator",
    "Indicatormeting",
]

SCORE_MIN, SCORE_MAX = 1, 5
MAX_INDICATOREN = 3
SCORE = [MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]


def _door():
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )


class Reflectiemoment(models.Model):
    """A reflection session of a buurt over a period: who took part, scores, answers, follow-ups."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="reflectiemomenten", verbose_name=_("buurt")
    )
    titel = models.CharField(_("titel"), max_length=200)
    datum = models.DateField(_("datum"), default=timezone.localdate)
    periode_van = models.DateField(_("periode vanaf"))
    periode_tot = models.DateField(_("periode tot en met"))
    met_regisseur = models.BooleanField(_("de buurtregisseur neemt deel"), default=True)
    partners = models.ManyToManyField(
        Partner,
        related_name="reflectiemomenten",
        blank=True,
        verbose_name=_("deelnemende partners"),
    )
    samen_scoren = models.BooleanField(
        _("samen scoren"),
        default=True,
        help_text=_("Eén gezamenlijke score per factor; anders scoort elke deelnemer apart."),
    )
    notities = models.TextField(
        _("notities"), blank=True, validators=[controleer_geen_identificatoren]
    )
    aangemaakt_door = _door()
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("reflectiemoment")
        verbose_name_plural = _("reflectiemomenten")
        constraints = [
            models.CheckConstraint(
                condition=Q(periode_tot__gte=F("periode_van")), name="reflectie_periode_geldig"
            )
        ]

    def __str__(self) -> str:
        return self.titel

    def clean(self) -> None:
        if self.periode_van and self.periode_tot and self.periode_tot < self.periode_van:
            raise ValidationError(
                {"periode_tot": _("Het einde van de periode ligt voor het begin.")}
            )


class Scorebron(models.TextChoices):
    SAMEN = "samen", _("Samen")
    REGISSEUR = "regisseur", _("Buurtregisseur")
    PARTNER = "partner", _("Partner")


class Reflectiescore(models.Model):
    """A score 1-5 on a werkende factor, or a position 1-5 between the poles of a spanningsveld
    (1 = left pole, 3 = in balance, 5 = right pole), by the group, the regisseur or one partner."""

    moment = models.ForeignKey(
        Reflectiemoment, on_delete=models.CASCADE, related_name="scores", verbose_name=_("moment")
    )
    element = models.ForeignKey(
        FrameworkElement,
        on_delete=models.PROTECT,
        related_name="reflectiescores",
        limit_choices_to={
            "framework__soort__in": [
                FrameworkSoort.WERKENDE_FACTOREN,
                FrameworkSoort.SPANNINGSVELDEN,
            ]
        },
        verbose_name=_("factor of spanningsveld"),
    )
    bron = models.CharField(_("wie"), max_length=20, choices=Scorebron.choices)
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    waarde = models.PositiveSmallIntegerField(_("score"), validators=SCORE)
    notitie = models.CharField(
        _("notitie"), max_length=500, blank=True, validators=[controleer_geen_identificatoren]
    )
    aangemaakt_door = _door()

    class Meta:
        ordering = ["moment", "element__framework_id", "element__nummer", "bron", "partner_id"]
        verbose_name = _("reflectiescore")
        verbose_name_plural = _("reflectiescores")
        constraints = [
            models.CheckConstraint(
                condition=Q(waarde__gte=SCORE_MIN) & Q(waarde__lte=SCORE_MAX),
                name="reflectiescore_1_tot_5",
            ),
            models.CheckConstraint(
                condition=Q(bron="partner", partner__isnull=False)
                | (~Q(bron="partner") & Q(partner__isnull=True)),
                name="reflectiescore_partner_bij_bron",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.element.naam}: {self.waarde}"


class Reflectieantwoord(models.Model):
    """The answer to one 'Stilstaan bij samenwerken' question in a session."""

    moment = models.ForeignKey(Reflectiemoment, on_delete=models.CASCADE, related_name="antwoorden")
    vraag = models.ForeignKey(
        FrameworkElement,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"framework__soort": FrameworkSoort.REFLECTIEVRAGEN},
        verbose_name=_("vraag"),
    )
    antwoord = models.TextField(_("antwoord"), validators=[controleer_geen_identificatoren])

    class Meta:
        ordering = ["moment", "vraag__nummer"]
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(fields=["moment", "vraag"], name="reflectieantwoord_uniek")
        ]

    def __str__(self) -> str:
        return self.antwoord[:60]


class OpvolgingSoort(models.TextChoices):
    ACTIE = "actie", _("Nieuwe actie")
    DOEL = "doel", _("Doel bijgestuurd")


class Reflectieopvolging(models.Model):
    """What a session decided: a new action or a changed goal (made by their own services)."""

    moment = models.ForeignKey(
        Reflectiemoment, on_delete=models.CASCADE, related_name="opvolgingen"
    )
    soort = models.CharField(_("soort"), max_length=10, choices=OpvolgingSoort.choices)
    aanleiding = models.CharField(_("aanleiding"), max_length=500, blank=True)
    actie = models.ForeignKey(
        Actie, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    doel = models.ForeignKey(
        Doel, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_door = _door()
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["moment", "id"]
        verbose_name = _("opvolging van een reflectie")
        verbose_name_plural = _("opvolgingen van reflecties")

    def __str__(self) -> str:
        return str(self.actie or self.doel or self.get_soort_display())


class Succes(models.Model):
    """'Benoem de successen': what was achieved and what helped, linked to the work it came from."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="successen", verbose_name=_("buurt")
    )
    titel = models.CharField(_("wat is gelukt?"), max_length=200)
    wat_hielp = models.TextField(
        _("wat hielp?"), blank=True, validators=[controleer_geen_identificatoren]
    )
    datum = models.DateField(_("datum"), default=timezone.localdate)
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="successen",
        verbose_name=_("van partner"),
        help_text=_("Leeg als de buurtregisseur het succes vastlegde."),
    )
    actie = models.ForeignKey(
        Actie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successen",
        verbose_name=_("bij de actie"),
    )
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successen",
        verbose_name=_("bij de bijeenkomst"),
    )
    pakket = models.ForeignKey(
        Activiteitenpakket,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successen",
        verbose_name=_("activiteitenpakket"),
    )
    moment = models.ForeignKey(
        Reflectiemoment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successen",
        verbose_name=_("benoemd op reflectiemoment"),
    )
    in_rapport = models.BooleanField(_("in het rapport"), default=False)
    aangemaakt_door = _door()
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("succes")
        verbose_name_plural = _("successen")

    def __str__(self) -> str:
        return self.titel

    def clean(self) -> None:
        if self.datum and self.datum > timezone.localdate():
            raise ValidationError({"datum": _("Een succes ligt niet in de toekomst.")})
        for veld in ("actie", "bijeenkomst", "pakket", "moment"):
            obj = getattr(self, veld)
            if obj is not None and self.buurt_id and obj.buurt_id != self.buurt_id:
                raise ValidationError({veld: _("Dit hoort niet bij deze buurt.")})


class ContactSoort(models.TextChoices):
    KOFFIEKLETS = "koffieklets", _("Koffieklets")
    HUISBEZOEK = "huisbezoek", _("Huisbezoek")
    TELEFOONTJE = "telefoontje", _("Telefoontje")
    DOORVERWIJZING_STRAAT = "doorverwijzing_straat", _("Doorverwijzing op straat")
    SCHOOLPOORT = "schoolpoort", _("Babbel aan de schoolpoort")
    BOODSCHAP = "boodschap", _("Hulp bij een boodschap")
    ANDER = "ander", _("Ander klein contact")


class Contactmoment(models.Model):
    """Small, countless contacts ("van bovenuit zien ze vooral dat je koffie gaat drinken"):
    a kind, a date and a count, never a name."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="contactmomenten", verbose_name=_("buurt")
    )
    soort = models.CharField(_("soort"), max_length=30, choices=ContactSoort.choices)
    datum = models.DateField(_("datum"), default=timezone.localdate)
    aantal = models.PositiveIntegerField(
        _("aantal"), default=1, validators=[MinValueValidator(1), MaxValueValidator(200)]
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contactmomenten",
        verbose_name=_("partner"),
    )
    aangemaakt_door = _door()
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        indexes = [models.Index(fields=["buurt", "datum"])]
        constraints = [
            models.CheckConstraint(condition=Q(aantal__gte=1), name="contactmoment_aantal_positief")
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} × {self.aantal} ({self.datum:%d/%m/%Y})"

    def clean(self) -> None:
        if self.datum and self.datum > timezone.localdate():
            raise ValidationError({"datum": _("Een contactmoment ligt niet in de toekomst.")})


class GeoogsteUitkomst(models.Model):
    """A harvested outcome (outcome harvesting): what changed, for whom (a doelgroep, never a
    person), the network's contribution, the evidence and why it matters (Figuur 3 categories)."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="geoogste_uitkomsten", verbose_name=_("buurt")
    )
    categorie = models.ForeignKey(
        FrameworkElement,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"framework__soort": FrameworkSoort.UITKOMSTEN},
        verbose_name=_("soort uitkomst"),
    )
    wat_veranderde = models.TextField(
        _("wat is er veranderd?"), validators=[controleer_geen_identificatoren]
    )
    voor_wie = models.CharField(
        _("voor wie?"),
        max_length=40,
        choices=Doelgroep.choices,
        help_text=_("Een doelgroep, nooit een persoon."),
    )
    bijdrage = models.TextField(
        _("bijdrage van het netwerk"), blank=True, validators=[controleer_geen_identificatoren]
    )
    bewijs = models.TextField(
        _("waaruit blijkt het?"), blank=True, validators=[controleer_geen_identificatoren]
    )
    betekenis = models.TextField(
        _("waarom is het belangrijk?"), blank=True, validators=[controleer_geen_identificatoren]
    )
    datum = models.DateField(_("vastgesteld op"), default=timezone.localdate)
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="geoogste_uitkomsten",
        verbose_name=_("van partner"),
    )
    doelen = models.ManyToManyField(
        Doel, blank=True, related_name="uitkomsten", verbose_name=_("doelen")
    )
    pakketten = models.ManyToManyField(
        Activiteitenpakket, blank=True, related_name="uitkomsten", verbose_name=_("pakketten")
    )
    acties = models.ManyToManyField(
        Actie, blank=True, related_name="uitkomsten", verbose_name=_("acties")
    )
    aangemaakt_door = _door()
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("uitkomst")
        verbose_name_plural = _("uitkomsten")

    def __str__(self) -> str:
        return self.wat_veranderde[:80]

    def clean(self) -> None:
        if self.datum and self.datum > timezone.localdate():
            raise ValidationError({"datum": _("Een uitkomst ligt niet in de toekomst.")})


class Toestemming(models.TextChoices):
    GEEN = "geen", _("Geen toestemming")
    INTERN = "intern", _("Intern (alleen het netwerk)")
    RAPPORT = "rapport", _("Ook in het rapport")
    PUBLIEK = "publiek", _("Ook publiek")


RAPPORT_TOESTEMMINGEN = (Toestemming.RAPPORT, Toestemming.PUBLIEK)


class Verhaal(models.Model):
    """A story from the buurt ("het tellen en vertellen"), with its consent and allowed use."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="verhalen", verbose_name=_("buurt")
    )
    titel = models.CharField(_("titel"), max_length=200)
    tekst = models.TextField(_("verhaal"), validators=[controleer_geen_identificatoren])
    foto = AfbeeldingField(_("foto"), map="verhalen", blank=True)
    toestemming = models.CharField(
        _("toestemming"),
        max_length=10,
        choices=Toestemming.choices,
        default=Toestemming.GEEN,
        help_text=_("Wat de betrokkenen toestaan (ook beeldrecht voor de foto)."),
    )
    datum = models.DateField(_("datum"), default=timezone.localdate)
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verhalen",
        verbose_name=_("van partner"),
    )
    actie = models.ForeignKey(
        Actie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verhalen",
        verbose_name=_("uit de actie"),
    )
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verhalen",
        verbose_name=_("uit de bijeenkomst"),
    )
    bevraging = models.ForeignKey(
        "buurten.Bevraging",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uit de bevraging"),
    )
    moment = models.ForeignKey(
        Reflectiemoment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verhalen",
        verbose_name=_("uit het reflectiemoment"),
    )
    in_rapport = models.BooleanField(_("gekozen voor het rapport"), default=False)
    aangemaakt_door = _door()
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("verhaal")
        verbose_name_plural = _("verhalen")

    def __str__(self) -> str:
        return self.titel

    def clean(self) -> None:
        fouten = {}
        if self.foto and self.toestemming == Toestemming.GEEN:
            fouten["toestemming"] = _("Een foto kan alleen met toestemming van de betrokkenen.")
        if self.in_rapport and self.toestemming not in RAPPORT_TOESTEMMINGEN:
            fouten["in_rapport"] = _(
                "Dit verhaal heeft geen toestemming voor gebruik in een rapport."
            )
        if self.datum and self.datum > timezone.localdate():
            fouten["datum"] = _("Een verhaal ligt niet in de toekomst.")
        for veld in ("actie", "bijeenkomst", "moment"):
            obj = getattr(self, veld)
            if obj is not None and self.buurt_id and obj.buurt_id != self.buurt_id:
                fouten[veld] = _("Dit hoort niet bij deze buurt.")
        if self.bevraging_id and self.bevraging.analyse.buurt_id != self.buurt_id:
            fouten["bevraging"] = _("Dit hoort niet bij deze buurt.")
        if fouten:
            raise ValidationError(fouten)


class IndicatorSoort(models.TextChoices):
    PROCES = "proces", _("Procesindicator")
    RESULTAAT = "resultaat", _("Resultaatsindicator")


class Voortgangsindicator(models.Model):
    """One of at most three process or result indicators of a goal or an action, with a target;
    it may point at a buurtanalyse indicator so its trend shows against the baseline."""

    buurt = models.ForeignKey(Buurt, on_delete=models.CASCADE, related_name="voortgangsindicatoren")
    doel = models.ForeignKey(
        Doel,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicatoren",
        verbose_name=_("doel"),
    )
    actie = models.ForeignKey(
        Actie,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicatoren",
        verbose_name=_("actie"),
    )
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(
        _("soort"), max_length=20, choices=IndicatorSoort.choices, default=IndicatorSoort.PROCES
    )
    streefwaarde = models.DecimalField(_("streefwaarde"), max_digits=12, decimal_places=2)
    eenheid = models.CharField(_("eenheid"), max_length=30, blank=True)
    buurtindicator = models.ForeignKey(
        "buurten.Indicator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("indicator uit de buurtanalyse"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["naam", "id"]
        verbose_name = _("indicator van een doel of actie")
        verbose_name_plural = _("indicatoren van doelen en acties")
        constraints = [
            models.CheckConstraint(
                condition=Q(doel__isnull=False, actie__isnull=True)
                | Q(doel__isnull=True, actie__isnull=False),
                name="voortgangsindicator_doel_of_actie",
            )
        ]

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        if bool(self.doel_id) == bool(self.actie_id):
            raise ValidationError(_("Kies een doel of een actie (één van beide)."))
        drager = self.doel or self.actie
        if self.buurt_id and drager.buurt_id != self.buurt_id:
            raise ValidationError(_("Dit doel of deze actie hoort niet bij deze buurt."))
        andere = Voortgangsindicator.objects.filter(doel=self.doel, actie=self.actie).exclude(
            pk=self.pk
        )
        if andere.count() >= MAX_INDICATOREN:
            raise ValidationError(
                _("Kies een beperkte selectie: hoogstens %(n)d indicatoren per doel of actie.")
                % {"n": MAX_INDICATOREN}
            )


class Indicatormeting(models.Model):
    """A light measurement of a progress indicator."""

    indicator = models.ForeignKey(
        Voortgangsindicator, on_delete=models.CASCADE, related_name="metingen"
    )
    datum = models.DateField(_("datum"), default=timezone.localdate)
    waarde = models.DecimalField(_("waarde"), max_digits=12, decimal_places=2)
    toelichting = models.CharField(
        _("toelichting"), max_length=300, blank=True, validators=[controleer_geen_identificatoren]
    )
    aangemaakt_door = _door()

    class Meta:
        ordering = ["indicator", "datum", "id"]
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")

    def __str__(self) -> str:
        return f"{self.indicator}: {self.waarde} ({self.datum:%d/%m/%Y})"

    def clean(self) -> None:
        if self.datum and self.datum > timezone.localdate():
            raise ValidationError({"datum": _("Een meting ligt niet in de toekomst.")})
