"""Generated period reports (kept and listed) and the regisseur's notes for a report period."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurten.models import Buurt, Gemeente
from zorgnet.lib.bestanden import OnraadbaarPad
from zorgnet.lib.privacy import controleer_geen_identificatoren
from zorgnet.lib.taakrecords import LOPEND, Taakrecord


class Formaat(models.TextChoices):
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "Excel (XLSX)"


# Sensible bounds for a report period (issue 16, finding 8): a period of 0001-01-01 to 9999-12-31
# would make every section scan everything; no data in zorgnet predates 2000.
VROEGSTE_BEGIN = date(2000, 1, 1)
MAX_PERIODE_DAGEN = 5 * 366  # five years
MAX_DAGEN_VOORUIT = 366  # a period may end at most a year from today


def periode_fout(van, tot) -> str | None:
    """The Dutch reason a report period is not allowed, or None. The one rule for every form and
    model with a report period (report, preview, notes)."""
    if not (van and tot):
        return None
    if tot < van:
        return _("Het einde van de periode ligt voor het begin.")
    if van < VROEGSTE_BEGIN:
        return _("Een rapportperiode begint ten vroegste op 1 januari 2000.")
    if tot > timezone.localdate() + timedelta(days=MAX_DAGEN_VOORUIT):
        return _("Een rapportperiode eindigt ten laatste een jaar na vandaag.")
    if (tot - van).days > MAX_PERIODE_DAGEN:
        return _("Een rapportperiode duurt hoogstens vijf jaar.")
    return None


def _geldige_periode(van, tot) -> None:
    fout = periode_fout(van, tot)
    if fout:
        raise ValidationError({"tot": fout})


class RapportBestand(Taakrecord):
    """One generated report file (PDF or XLSX) for a buurt or a whole gemeente over a period.

    Status, error, requester and timestamps come from Taakrecord (zorgnet.lib.taakrecords)."""

    MISLUKT_MELDING = _(
        "Het rapport kon niet worden gemaakt. Vraag het opnieuw aan; lukt het dan nog niet, "
        "meld dit aan de beheerder. (Technische details: %(fout)s)"
    )

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    buurt = models.ForeignKey(
        Buurt,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rapportbestanden",
        verbose_name=_("buurt"),
        help_text=_("Leeg voor een rapport over de hele gemeente."),
    )
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    formaat = models.CharField(_("formaat"), max_length=10, choices=Formaat.choices)
    bestand = models.FileField(_("bestand"), upload_to=OnraadbaarPad("rapporten"), blank=True)
    namen_opnemen = models.BooleanField(
        _("namen opnemen"),
        default=False,
        help_text=_(
            "Verbinders en kwetsbare schakels bij naam noemen. Zonder vinkje toont het rapport "
            "alleen hun aantal en het netwerkbeeld zonder namen."
        ),
    )

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = _("rapportbestand")
        verbose_name_plural = _("rapportbestanden")
        indexes = [models.Index(fields=["gemeente", "buurt", "-aangemaakt_op"])]
        constraints = [
            models.CheckConstraint(condition=Q(tot__gte=F("van")), name="rapport_tot_na_van")
        ]

    def __str__(self) -> str:
        return f"{self.scope_naam} {self.van:%d/%m/%Y}-{self.tot:%d/%m/%Y} ({self.formaat})"

    @property
    def scope_naam(self) -> str:
        return self.buurt.naam if self.buurt_id else f"Gemeente {self.gemeente.naam}"

    def bestandsnaam(self) -> str:
        from django.utils.text import slugify

        return (
            f"rapport-{slugify(self.scope_naam)}-{self.van:%Y%m%d}-{self.tot:%Y%m%d}.{self.formaat}"
        )

    def clean(self) -> None:
        _geldige_periode(self.van, self.tot)
        if self.buurt_id and self.gemeente_id and self.buurt.gemeente_id != self.gemeente_id:
            raise ValidationError({"buurt": _("Deze buurt hoort niet bij deze gemeente.")})


class Rapportnotitie(models.Model):
    """What the regisseur writes for a report period: drempels, needed support, next steps."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="rapportnotities", verbose_name=_("buurt")
    )
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    drempels = models.TextField(
        _("drempels"),
        blank=True,
        validators=[controleer_geen_identificatoren],
        help_text=_("Wat liep moeilijk of hield de werking tegen?"),
    )
    ondersteuning = models.TextField(
        _("nodige ondersteuning"),
        blank=True,
        validators=[controleer_geen_identificatoren],
        help_text=_("Wat heeft de werking nodig van het lokaal bestuur of de partners?"),
    )
    volgende_stappen = models.TextField(
        _("volgende stappen"), blank=True, validators=[controleer_geen_identificatoren]
    )
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        ordering = ["buurt__naam", "-van"]
        verbose_name = _("rapportnotitie")
        verbose_name_plural = _("rapportnotities")
        constraints = [
            models.UniqueConstraint(fields=["buurt", "van", "tot"], name="rapportnotitie_uniek"),
            models.CheckConstraint(condition=Q(tot__gte=F("van")), name="notitie_tot_na_van"),
        ]

    def __str__(self) -> str:
        return f"{self.buurt} {self.van:%d/%m/%Y}-{self.tot:%d/%m/%Y}"

    def clean(self) -> None:
        _geldige_periode(self.van, self.tot)


# A preview takes seconds; one queued or busy for this long lost its worker. The job's own time
# limit (tasks.voorbeeld_maken) is shorter, so a late job never overwrites a newer preview.
VOORBEELD_VASTGELOPEN_NA = timedelta(minutes=15)


class RapportVoorbeeld(Taakrecord):
    """The on-screen preview of a report (HTML), made by a job and served as stored."""

    VASTGELOPEN_NA = VOORBEELD_VASTGELOPEN_NA
    MISLUKT_MELDING = _("Het voorbeeld kon niet worden gemaakt. (Technische details: %(fout)s)")

    # A separate model, not a third RapportBestand format: a preview is a cache of one screen, not
    # a kept file; it must not appear in the list of made reports, the zip or the export log.
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    buurt = models.ForeignKey(
        Buurt,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rapportvoorbeelden",
        verbose_name=_("buurt"),
        help_text=_("Leeg voor een voorbeeld van de hele gemeente."),
    )
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    html = models.TextField(_("html"), blank=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = _("rapportvoorbeeld")
        verbose_name_plural = _("rapportvoorbeelden")
        indexes = [
            models.Index(
                fields=["gemeente", "buurt", "van", "tot", "-aangemaakt_op"],
                name="rapportvoorbeeld_scope",
            )
        ]
        # One preview in the making per scope and period. The gemeente preview has buurt NULL, and
        # NULLs are distinct in a unique index, hence two partial constraints.
        constraints = [
            models.UniqueConstraint(
                fields=["buurt", "van", "tot"],
                condition=Q(status__in=LOPEND, buurt__isnull=False),
                name="rapportvoorbeeld_een_lopend_per_buurt",
            ),
            models.UniqueConstraint(
                fields=["gemeente", "van", "tot"],
                condition=Q(status__in=LOPEND, buurt__isnull=True),
                name="rapportvoorbeeld_een_lopend_per_gemeente",
            ),
            models.CheckConstraint(
                condition=Q(tot__gte=F("van")), name="rapportvoorbeeld_tot_na_van"
            ),
        ]

    def __str__(self) -> str:
        scope = f"buurt {self.buurt_id}" if self.buurt_id else f"gemeente {self.gemeente_id}"
        return f"{scope} {self.van:%d/%m/%Y}-{self.tot:%d/%m/%Y} ({self.status})"

    @property
    def is_vastgelopen(self) -> bool:
        """Queued or busy for too long (worker gone): shown as failed, and may be started again."""
        sinds = self.gestart_op or self.aangemaakt_op
        return self.is_lopend and sinds < timezone.now() - VOORBEELD_VASTGELOPEN_NA

    @property
    def is_vers(self) -> bool:
        return bool(self.klaar_op) and self.klaar_op >= timezone.now() - voorbeeld_versheid()

    def clean(self) -> None:
        _geldige_periode(self.van, self.tot)
        if self.buurt_id and self.gemeente_id and self.buurt.gemeente_id != self.gemeente_id:
            raise ValidationError({"buurt": _("Deze buurt hoort niet bij deze gemeente.")})


def voorbeeld_versheid() -> timedelta:
    """How long a finished preview counts as current (ZORGNET_RAPPORT_VOORBEELD_VERS_MINUTEN)."""
    return timedelta(minutes=settings.ZORGNET_RAPPORT_VOORBEELD_VERS_MINUTEN)
