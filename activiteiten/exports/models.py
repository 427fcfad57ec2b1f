"""Export files made by a job (issue 11): an XLSX export too large to build inside a request."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from buurten.models import Buurt
from zorgnet.lib.choices import BestandStatus

__all__ = ["ExportBestand", "ExportSoort"]


class ExportSoort(models.TextChoices):
    ACTIES = "acties", _("Acties")


class ExportBestand(models.Model):
    """One export file of a buurt made by a job, with the filters it was asked with."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="exportbestanden", verbose_name=_("buurt")
    )
    soort = models.CharField(
        _("soort"), max_length=20, choices=ExportSoort.choices, default=ExportSoort.ACTIES
    )
    filters = models.JSONField(
        _("filters"),
        default=dict,
        blank=True,
        help_text=_("De filters van de lijst, zoals ze bij de aanvraag golden."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=BestandStatus.choices, default=BestandStatus.WACHTEND
    )
    bestand = models.FileField(_("bestand"), upload_to="exports/%Y/%m/", blank=True)
    fout = models.TextField(_("foutmelding"), blank=True)
    aantal_rijen = models.PositiveIntegerField(_("aantal rijen"), null=True, blank=True)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangevraagd door"),
    )
    aangemaakt_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = _("exportbestand")
        verbose_name_plural = _("exportbestanden")
        indexes = [
            models.Index(
                fields=["buurt", "aangevraagd_door", "-aangemaakt_op"],
                name="exportbestand_buurt_door",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.buurt} ({self.get_status_display()})"

    @property
    def is_afgewerkt(self) -> bool:
        return self.status in (BestandStatus.KLAAR, BestandStatus.MISLUKT)

    def bestandsnaam(self) -> str:
        gemaakt = timezone.localtime(self.aangemaakt_op)  # the user's clock (Europe/Brussels)
        return f"{self.soort}-{slugify(self.buurt.naam)}-{gemaakt:%Y%m%d-%H%M}.xlsx"
