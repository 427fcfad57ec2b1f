"""Actions and signals (DOMAIN W6, W8, W10, E41, E50, §6): Actie, Signaal, Doorverwijzing,
Beleidssignaal, and the frameworks (bouwstenen, pijlers) actions are tagged with."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from buurten.models import Buurt
from partners.models import Partner
from zorgnet.lib.bestanden import AfbeeldingField, DocumentField
from zorgnet.lib.choices import (
    ActieCategorie,
    Doelgroep,
    Responsniveau,
    SignaalKanaal,
    SignaalThema,
    Urgentie,
    Zorgniveau,
)
from zorgnet.lib.privacy import controleer_geen_identificatoren

__all__ = [
    "AFGESLOTEN_ACTIESTATUSSEN",
    "BUNDELBARE_SIGNAALSTATUSSEN",
    "OPEN_SIGNAALSTATUSSEN",
    "TOEGESTANE_OVERGANGEN",
    "URGENTIE_RANG",
    "Actie",
    "ActieStatus",
    "Beleidssignaal",
    "Doorverwijzing",
    "Framework",
    "FrameworkElement",
    "FrameworkSoort",
    "Signaal",
    "SignaalStatus",
]


class FrameworkSoort(models.TextChoices):
    BOUWSTENEN = "bouwstenen", _("Bouwstenen / functies")
    PIJLERS = "pijlers", _("Pijlers")
    # the reflection frameworks (activiteiten/reflectie/kaders.py)
    WERKENDE_FACTOREN = "werkende_factoren", _("Werkende factoren")
    SPANNINGSVELDEN = "spanningsvelden", _("Spanningsvelden")
    REFLECTIEVRAGEN = "reflectievragen", _("Reflectievragen")
    UITKOMSTEN = "uitkomsten", _("Mogelijke uitkomsten")


class Framework(models.Model):
    """A reference framework (E9, E10 A/B, E11, E13) whose elements tag actions: data, not code."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=160)
    soort = models.CharField(_("soort"), max_length=20, choices=FrameworkSoort.choices)
    bron = models.CharField(_("bron"), max_length=200, blank=True)

    class Meta:
        ordering = ["soort", "naam"]
        verbose_name = _("kader")
        verbose_name_plural = _("kaders")

    def __str__(self) -> str:
        return self.naam


class FrameworkElement(models.Model):
    """One bouwsteen, functie or pijler of a framework."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="elementen", verbose_name=_("kader")
    )
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(
        _("omschrijving"), blank=True, help_text=_("De volledige tekst uit de bron.")
    )
    pool_links = models.CharField(
        _("linkerpool"), max_length=200, blank=True, help_text=_("Alleen voor een spanningsveld.")
    )
    pool_rechts = models.CharField(
        _("rechterpool"), max_length=200, blank=True, help_text=_("Alleen voor een spanningsveld.")
    )

    class Meta:
        ordering = ["framework__naam", "nummer"]
        verbose_name = _("element van een kader")
        verbose_name_plural = _("elementen van kaders")
        constraints = [
            models.UniqueConstraint(fields=["framework", "nummer"], name="element_uniek_nummer")
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.framework.naam})"


class ActieStatus(models.TextChoices):
    IDEE = "idee", _("Idee")
    GEPLAND = "gepland", _("Gepland")
    LOPEND = "lopend", _("Lopend")
    AFGEROND = "afgerond", _("Afgerond")
    GEBORGD = "geborgd", _("Geborgd")


AFGESLOTEN_ACTIESTATUSSEN = {ActieStatus.AFGEROND, ActieStatus.GEBORGD}


class Actie(models.Model):
    """A concrete action in and with the buurt, carried by a trekker partner (W6)."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="acties", verbose_name=_("buurt")
    )
    titel = models.CharField(
        _("titel"), max_length=200, validators=[controleer_geen_identificatoren]
    )
    categorie = models.CharField(
        _("categorie"),
        max_length=30,
        choices=ActieCategorie.choices,
        default=ActieCategorie.ONTMOETING,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActieStatus.choices, default=ActieStatus.GEPLAND
    )
    startdatum = models.DateField(_("datum"), default=timezone.localdate)
    einddatum = models.DateField(
        _("einddatum"), null=True, blank=True, help_text=_("Alleen voor acties over meer dagen.")
    )
    trekker = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="getrokken_acties",
        verbose_name=_("trekker"),
    )
    pakket = models.ForeignKey(
        "activiteiten.Activiteitenpakket",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name=_("activiteitenpakket"),
    )
    co_partners = models.ManyToManyField(
        Partner, related_name="co_acties", blank=True, verbose_name=_("mee-organiserende partners")
    )
    bouwstenen = models.ManyToManyField(
        FrameworkElement,
        related_name="acties_als_bouwsteen",
        blank=True,
        limit_choices_to={"framework__soort": FrameworkSoort.BOUWSTENEN},
        verbose_name=_("bouwstenen"),
    )
    pijlers = models.ManyToManyField(
        FrameworkElement,
        related_name="acties_als_pijler",
        blank=True,
        limit_choices_to={"framework__soort": FrameworkSoort.PIJLERS},
        verbose_name=_("pijlers"),
    )
    deelnemers = models.PositiveIntegerField(_("aantal deelnemers"), null=True, blank=True)
    doelgroepen = models.JSONField(
        _("bereikte doelgroepen"), default=list, blank=True, help_text=_("Codes uit E27.")
    )
    verhaal = models.TextField(
        _("verhaal"), blank=True, validators=[controleer_geen_identificatoren]
    )
    verhaal_foto = AfbeeldingField(_("foto bij het verhaal"), map="acties", blank=True)
    toestemming_verhaal = models.BooleanField(
        _("toestemming voor verhaal en foto"),
        default=False,
        help_text=_("De betrokkenen gaven toestemming (beeldrecht) om dit te gebruiken."),
    )
    terugkerend = models.BooleanField(_("jaarlijks of regelmatig terugkerend"), default=False)
    draaiboek = DocumentField(_("draaiboek"), map="draaiboeken", blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["-startdatum", "-id"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        indexes = [
            models.Index(fields=["buurt", "status", "startdatum"]),
            # The action list's order within a buurt (bench: top-25 without sorting the buurt).
            models.Index(fields=["buurt", "-startdatum", "-id"], name="actie_buurt_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("startdatum")),
                name="actie_einde_na_start",
            )
        ]

    def __str__(self) -> str:
        return self.titel

    def doelgroep_labels(self) -> list[str]:
        labels = dict(Doelgroep.choices)
        return [str(labels.get(d, d)) for d in self.doelgroepen or []]

    def clean(self) -> None:
        fouten = {}
        vandaag = timezone.localdate()
        if self.einddatum and self.startdatum and self.einddatum < self.startdatum:
            fouten["einddatum"] = _("De einddatum ligt voor de startdatum.")
        if self.status in AFGESLOTEN_ACTIESTATUSSEN:
            laatste = self.einddatum or self.startdatum
            if laatste and laatste > vandaag:
                veld = "einddatum" if self.einddatum else "startdatum"
                fouten.setdefault(
                    veld,
                    _("Een afgeronde of geborgde actie kan niet in de toekomst liggen."),
                )
        if self.verhaal_foto and not self.toestemming_verhaal:
            fouten["toestemming_verhaal"] = _(
                "Een foto kan alleen met toestemming van de betrokkenen."
            )
        ongeldig = [d for d in self.doelgroepen or [] if d not in Doelgroep.values]
        if ongeldig:
            fouten["doelgroepen"] = _("Onbekende doelgroep: %(d)s.") % {"d": ", ".join(ongeldig)}
        if fouten:
            raise ValidationError(fouten)


class SignaalStatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    DOORVERWEZEN = "doorverwezen", _("Doorverwezen")
    OPGELOST = "opgelost", _("Opgelost")
    GEBUNDELD = "gebundeld", _("Gebundeld")
    GESIGNALEERD = "gesignaleerd_aan_beleid", _("Gesignaleerd aan beleid")
    BELEIDSREACTIE = "beleidsreactie", _("Beleidsreactie")


S = SignaalStatus
# The signal workflow (W8): which status may follow which. Anything else is refused.
TOEGESTANE_OVERGANGEN: dict[str, frozenset[str]] = {
    S.NIEUW: frozenset({S.IN_BEHANDELING, S.DOORVERWEZEN, S.OPGELOST, S.GEBUNDELD}),
    S.IN_BEHANDELING: frozenset({S.DOORVERWEZEN, S.OPGELOST, S.GEBUNDELD}),
    S.DOORVERWEZEN: frozenset({S.IN_BEHANDELING, S.OPGELOST, S.GEBUNDELD}),
    # A solved individual signal can still be part of a recurring pattern for beleid.
    S.OPGELOST: frozenset({S.GEBUNDELD}),
    S.GEBUNDELD: frozenset({S.GESIGNALEERD}),
    S.GESIGNALEERD: frozenset({S.BELEIDSREACTIE}),
    S.BELEIDSREACTIE: frozenset(),
}
OPEN_SIGNAALSTATUSSEN = (S.NIEUW, S.IN_BEHANDELING)
# The triage queue's order, urgent first: one expression for its query and for its index (the
# planner uses the index only for the very same expression).
URGENTIE_RANG = models.Case(
    *[
        models.When(urgentie=u, then=models.Value(rang))
        for rang, u in enumerate((Urgentie.HOOG, Urgentie.NORMAAL, Urgentie.LAAG))
    ],
    output_field=models.IntegerField(),
)
BUNDELBARE_SIGNAALSTATUSSEN = tuple(
    s for s, volgende in TOEGESTANE_OVERGANGEN.items() if S.GEBUNDELD in volgende
)


class Beleidssignaal(models.Model):
    """Recurring signals bundled into a message to the lokaal bestuur, with its response (W8.5)."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="beleidssignalen", verbose_name=_("buurt")
    )
    titel = models.CharField(
        _("titel"), max_length=200, validators=[controleer_geen_identificatoren]
    )
    boodschap = models.TextField(
        _("boodschap aan het lokaal bestuur"), validators=[controleer_geen_identificatoren]
    )
    verstuurd_op = models.DateField(_("verstuurd op"), null=True, blank=True)
    reactie = models.TextField(
        _("reactie van het beleid"), blank=True, validators=[controleer_geen_identificatoren]
    )
    reactie_op = models.DateField(_("reactie ontvangen op"), null=True, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = _("beleidssignaal")
        verbose_name_plural = _("beleidssignalen")

    def __str__(self) -> str:
        return self.titel

    def doelgroep_labels(self) -> list[str]:
        labels = dict(Doelgroep.choices)
        return [str(labels.get(d, d)) for d in self.doelgroepen or []]

    def clean(self) -> None:
        vandaag = timezone.localdate()
        if self.verstuurd_op and self.verstuurd_op > vandaag:
            raise ValidationError({"verstuurd_op": _("De verzenddatum ligt in de toekomst.")})
        if self.reactie_op and self.reactie_op > vandaag:
            raise ValidationError({"reactie_op": _("De reactiedatum ligt in de toekomst.")})
        if self.reactie and not self.verstuurd_op:
            raise ValidationError(
                {"reactie": _("Een reactie kan pas nadat het beleidssignaal verstuurd is.")}
            )


class Signaal(models.Model):
    """A signal from the buurt: a situation, never a named resident (W8, §6)."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="signalen", verbose_name=_("buurt")
    )
    datum = models.DateField(_("datum"), default=timezone.localdate)
    kanaal = models.CharField(_("kanaal"), max_length=30, choices=SignaalKanaal.choices)
    thema = models.CharField(_("thema"), max_length=30, choices=SignaalThema.choices)
    collectief = models.BooleanField(
        _("collectief"), default=False, help_text=_("Raakt het meerdere bewoners of de buurt?")
    )
    # Optional estimates start empty ("niet ingeschat"): a preselected value would be counted as if
    # someone had chosen it. Rows stored before this change keep the value they have.
    zorgniveau = models.CharField(
        _("zorgniveau"), max_length=20, choices=Zorgniveau.choices, blank=True, default=""
    )
    responsniveau = models.CharField(
        _("responsniveau"),
        max_length=30,
        choices=Responsniveau.choices,
        blank=True,
        default="",
    )
    urgentie = models.CharField(
        _("urgentie"), max_length=10, choices=Urgentie.choices, default=Urgentie.NORMAAL
    )
    status = models.CharField(
        _("status"), max_length=30, choices=SignaalStatus.choices, default=SignaalStatus.NIEUW
    )
    omschrijving = models.TextField(
        _("omschrijving van de situatie"), blank=True, validators=[controleer_geen_identificatoren]
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gemelde_signalen",
        verbose_name=_("gemeld door partner"),
        help_text=_("Leeg als de buurtregisseur het signaal zelf vastlegde."),
    )
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeld door"),
    )
    beleidssignaal = models.ForeignKey(
        Beleidssignaal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signalen",
        verbose_name=_("beleidssignaal"),
    )
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        indexes = [
            models.Index(fields=["buurt", "status", "datum"]),
            models.Index(fields=["buurt", "thema"]),
            models.Index(fields=["geanonimiseerd_op", "datum"]),
            # The triage queue reads its page straight from this index (the largest buurt:
            # 25 rows instead of sorting its 1,081 open signals, 4.5 -> 0.2 ms).
            models.Index(
                F("buurt"),
                URGENTIE_RANG,
                F("datum"),
                F("id"),
                condition=Q(status__in=OPEN_SIGNAALSTATUSSEN),
                name="signaal_triage",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_thema_display()} ({self.datum:%d/%m/%Y})"

    def clean(self) -> None:
        if self.datum and self.datum > timezone.localdate():
            raise ValidationError({"datum": _("Een signaal kan niet in de toekomst liggen.")})
        if (
            self.partner_id
            and self.buurt_id
            and not self.partner.buurten.filter(pk=self.buurt_id).exists()
        ):
            raise ValidationError({"partner": _("Deze partner is niet actief in deze buurt.")})

    def volgende_statussen(self) -> frozenset[str]:
        return TOEGESTANE_OVERGANGEN.get(self.status, frozenset())


class Doorverwijzing(models.Model):
    """A referral of a signal from one partner to another within the buurt, warm or not (W8.3-4)."""

    signaal = models.ForeignKey(
        Signaal,
        on_delete=models.CASCADE,
        related_name="doorverwijzingen",
        verbose_name=_("signaal"),
    )
    van_partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="doorverwijzingen_uit",
        verbose_name=_("van partner"),
        help_text=_("Leeg als de buurtregisseur zelf doorverwijst."),
    )
    naar_partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="doorverwijzingen_in",
        verbose_name=_("naar partner"),
    )
    warm = models.BooleanField(
        _("warme doorverwijzing"),
        default=True,
        help_text=_("Persoonlijk overgedragen, niet enkel een adres meegegeven."),
    )
    datum = models.DateField(_("datum"), default=timezone.localdate)
    aangekomen = models.BooleanField(
        _("aangekomen"),
        null=True,
        blank=True,
        help_text=_("Is de persoon bij de partner aangekomen? Leeg = nog niet gekend."),
    )
    uitkomst_op = models.DateField(_("uitkomst gekend op"), null=True, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(van_partner__isnull=True) | ~Q(van_partner=F("naar_partner")),
                name="doorverwijzing_niet_naar_zichzelf",
            )
        ]

    def __str__(self) -> str:
        van = self.van_partner or _("buurtregisseur")
        return f"{van} → {self.naar_partner}"

    @property
    def uitkomst_gekend(self) -> bool:
        return self.aangekomen is not None

    def clean(self) -> None:
        fouten = {}
        buurt_id = self.signaal.buurt_id if self.signaal_id else None
        if (
            self.naar_partner_id
            and buurt_id
            and not self.naar_partner.buurten.filter(pk=buurt_id).exists()
        ):
            fouten["naar_partner"] = _(
                "Je kan alleen doorverwijzen naar een partner die in deze buurt actief is."
            )
        if self.van_partner_id and self.van_partner_id == self.naar_partner_id:
            fouten["naar_partner"] = _("Een partner kan niet naar zichzelf doorverwijzen.")
        if self.datum and self.datum > timezone.localdate():
            fouten["datum"] = _("De datum ligt in de toekomst.")
        if fouten:
            raise ValidationError(fouten)
