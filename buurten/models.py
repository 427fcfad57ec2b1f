from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zorgnet.lib.choices import Netwerktype, Schaal


class Gemeente(models.Model):
    """A municipality (lokaal bestuur) that holds one or more buurten."""

    naam = models.CharField(_("naam"), max_length=120, unique=True)
    nis_code = models.CharField(_("NIS-code"), max_length=10, blank=True)
    provincie = models.CharField(_("provincie"), max_length=60, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self) -> str:
        return self.naam


class Buurt(models.Model):
    """A neighbourhood with its own zorgzame buurt or buurtgericht netwerk werking."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="buurten", verbose_name=_("gemeente")
    )
    naam = models.CharField(_("naam"), max_length=120)
    netwerktype = models.CharField(
        _("netwerktype"),
        max_length=30,
        choices=Netwerktype.choices,
        default=Netwerktype.ZORGZAME_BUURT,
    )
    soort = models.CharField(
        _("soort buurt"),
        max_length=30,
        choices=Schaal.choices,
        default=Schaal.GEOGRAFISCHE_BUURT,
        help_text=_("Hoe de buurt afgebakend is (DOMAIN E1)."),
    )
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    afbakening = models.TextField(
        _("afbakening"), blank=True, help_text=_("Straten, wijken of grenzen van de buurt.")
    )
    proeftuin = models.BooleanField(_("proeftuin"), default=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["gemeente__naam", "naam"]
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "naam"], name="buurt_uniek_per_gemeente")
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.gemeente.naam})"


class Rol(models.TextChoices):
    REGISSEUR = "regisseur", _("Buurtregisseur")
    PARTNER = "partner", _("Partner")
    COORDINATOR = "coordinator", _("Coördinator")
    LEZER = "lezer", _("Lezer")


class Lidmaatschap(models.Model):
    """Who belongs where: a user in a buurt (or, for coordinators, a whole gemeente) with a role."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
        verbose_name=_("gebruiker"),
    )
    buurt = models.ForeignKey(
        Buurt,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="lidmaatschappen",
        verbose_name=_("buurt"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="lidmaatschappen",
        verbose_name=_("gemeente"),
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices)
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="lidmaatschappen",
        verbose_name=_("partner"),
        help_text=_("De partnerorganisatie waarvoor een partnergebruiker optreedt."),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.CheckConstraint(
                condition=(Q(buurt__isnull=False) & Q(gemeente__isnull=True))
                | (Q(buurt__isnull=True) & Q(gemeente__isnull=False)),
                name="lidmaatschap_buurt_of_gemeente",
            ),
            models.UniqueConstraint(
                fields=["gebruiker", "buurt", "rol"],
                condition=Q(buurt__isnull=False),
                name="lidmaatschap_uniek_per_buurt",
            ),
            models.UniqueConstraint(
                fields=["gebruiker", "gemeente", "rol"],
                condition=Q(gemeente__isnull=False),
                name="lidmaatschap_uniek_per_gemeente",
            ),
        ]

    def __str__(self) -> str:
        plaats = self.buurt or self.gemeente
        return f"{self.gebruiker} · {self.get_rol_display()} · {plaats}"


class Toegangsactie(models.TextChoices):
    BEKEKEN = "bekeken", _("Bekeken")
    EXPORT = "export", _("Export")
    DOWNLOAD = "download", _("Download")
    GEWEIGERD = "geweigerd", _("Geweigerd")
    GEWIST = "gewist", _("Gewist")
    LIDMAATSCHAP = "lidmaatschap", _("Lidmaatschap gewijzigd")


class Toegangsgebeurtenis(models.Model):
    """An access event (read of a sensitive object, export, download, refusal); never the content."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    rol = models.CharField(_("rol"), max_length=20, blank=True)
    actie = models.CharField(_("actie"), max_length=20, choices=Toegangsactie.choices)
    object_type = models.CharField(_("objecttype"), max_length=60)
    object_id = models.CharField(_("object-id"), max_length=40, blank=True)
    omschrijving = models.CharField(
        _("omschrijving"),
        max_length=200,
        blank=True,
        help_text=_("Wat en welk bereik, geen inhoud."),
    )
    buurt = models.ForeignKey(
        Buurt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-tijdstip"]
        verbose_name = _("toegangsgebeurtenis")
        verbose_name_plural = _("toegangsgebeurtenissen")
        indexes = [models.Index(fields=["gebruiker", "actie", "tijdstip"])]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.actie} {self.object_type} {self.object_id}"


class Hartslag(models.Model):
    """The last time a Celery worker ran the heartbeat job; shown by /gezondheid/."""

    bron = models.CharField(_("bron"), max_length=80, unique=True)
    tijdstip = models.DateTimeField(_("tijdstip"))

    class Meta:
        verbose_name = _("hartslag")
        verbose_name_plural = _("hartslagen")

    def __str__(self) -> str:
        return f"{self.bron} @ {self.tijdstip:%Y-%m-%d %H:%M:%S}"


# Django looks for an app's models in <app>/models.py; the buurtanalyse keeps its own module.
from buurten.analyse.models import (  # noqa: E402, F401
    Bevinding,
    Bevraging,
    Buurtanalyse,
    Indicator,
    IndicatorWaarde,
    Uitdaging,
    Voorziening,
    Werkingsfase,
)
from buurten.meldingen.models import (  # noqa: E402, F401
    Mailbericht,
    Melding,
    Meldingsvoorkeur,
)
