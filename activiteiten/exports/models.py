"""Export files made by a job (issue 11): an XLSX export too large to build inside a request."""

from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from buurten.models import Buurt
from zorgnet.lib.bestanden import OnraadbaarPad
from zorgnet.lib.taakrecords import Taakrecord

__all__ = ["ExportBestand", "ExportSoort"]


class ExportSoort(models.TextChoices):
    ACTIES = "acties", _("Acties")


class ExportBestand(Taakrecord):
    """One export file of a buurt made by a job, with the filters it was asked with.

    Status, error, requester and timestamps come from Taakrecord (zorgnet.lib.taakrecords)."""

    MISLUKT_MELDING = _(
        "De export kon niet worden gemaakt. Vraag ze opnieuw aan; lukt het dan nog niet, "
        "meld dit aan de beheerder. (Technische details: %(fout)s)"
    )

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
    bestand = models.FileField(_("bestand"), upload_to=OnraadbaarPad("exports"), blank=True)
    aantal_rijen = models.PositiveIntegerField(_("aantal rijen"), null=True, blank=True)

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

    def bestandsnaam(self) -> str:
        gemaakt = timezone.localtime(self.aangemaakt_op)  # the user's clock (Europe/Brussels)
        return f"{self.soort}-{slugify(self.buurt.naam)}-{gemaakt:%Y%m%d-%H%M}.xlsx"
