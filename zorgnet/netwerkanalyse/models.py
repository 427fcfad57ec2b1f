"""Network analysis run records (snapshots) and the per-partner metrics of a run."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from buurten.models import Buurt, Gemeente
from partners.models import Partner
from zorgnet.lib.taakrecords import LOPEND, Taakrecord


class NetwerkScope(models.TextChoices):
    BUURT = "buurt", _("Buurt")
    GEMEENTE = "gemeente", _("Gemeente")


class NetwerkLaag(models.TextChoices):
    GECOMBINEERD = "gecombineerd", _("Verklaard en waargenomen")
    VERKLAARD = "verklaard", _("Verklaarde relaties")
    WAARGENOMEN = "waargenomen", _("Waargenomen samenwerking")


class NetwerkAnalyse(Taakrecord):
    """One run of the network analysis for a buurt or gemeente: a snapshot once it is klaar.

    Status, error, requester and timestamps come from Taakrecord (zorgnet.lib.taakrecords)."""

    # A run that lost its worker is simply computed again, up to three claims in all.
    MAX_POGINGEN = 3
    MISLUKT_MELDING = _(
        "De netwerkanalyse kon niet worden berekend. Start ze opnieuw; lukt het dan nog niet, "
        "meld dit aan de beheerder. (Technische details: %(fout)s)"
    )

    scope = models.CharField(_("niveau"), max_length=10, choices=NetwerkScope.choices)
    # "buurt:<id>" or "gemeente:<id>": one key for both scopes, so one running run per key.
    sleutel = models.CharField(_("sleutel"), max_length=40, editable=False)
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        related_name="netwerkanalyses",
        verbose_name=_("gemeente"),
    )
    buurt = models.ForeignKey(
        Buurt,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="netwerkanalyses",
        verbose_name=_("buurt"),
    )
    periode_van = models.DateField(_("periode van"), null=True, blank=True)
    periode_tot = models.DateField(_("periode tot"), null=True, blank=True)
    laag = models.CharField(
        _("laag"), max_length=20, choices=NetwerkLaag.choices, default=NetwerkLaag.GECOMBINEERD
    )
    min_intensiteit = models.PositiveSmallIntegerField(_("minimale intensiteit"), default=1)
    invoer_hash = models.CharField(_("invoer-hash"), max_length=64, blank=True, db_index=True)
    rekentijd_ms = models.PositiveIntegerField(_("rekentijd (ms)"), null=True, blank=True)
    metrieken = models.JSONField(_("metrieken"), default=dict, blank=True)
    layout = models.JSONField(_("layout"), default=dict, blank=True)
    # A few counts per run (zorgnet.netwerk.metrieken.kerncijfers_van), written by the job: what the
    # trend and the buurt overview read, so they never decode a run's whole metrics (MBs).
    kerncijfers = models.JSONField(_("kerncijfers"), default=dict, blank=True, editable=False)
    # The metrics keys the network page shows (selectors.PAGINA_METRIEKEN, some kB), written by the
    # job beside `metrieken`: a large network's page reads these and the small layout only, never
    # the MBs of per-partner metrics and ties that `metrieken` holds.
    paginacijfers = models.JSONField(_("paginacijfers"), default=dict, blank=True, editable=False)

    class Meta:
        # The table keeps the name it had when the runs lived in `partners` (migrated in place).
        db_table = "partners_netwerkanalyse"
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = _("netwerkanalyse")
        verbose_name_plural = _("netwerkanalyses")
        constraints = [
            models.UniqueConstraint(
                fields=["sleutel", "laag", "min_intensiteit"],
                condition=Q(status__in=LOPEND),
                name="netwerkanalyse_een_lopende_per_scope",
            ),
            models.CheckConstraint(
                condition=Q(min_intensiteit__gte=1, min_intensiteit__lte=4),
                name="netwerkanalyse_intensiteit_1_4",
            ),
        ]
        indexes = [models.Index(fields=["sleutel", "status", "klaar_op"])]

    def __str__(self) -> str:
        return f"{self.sleutel} {self.get_status_display()} ({self.aangemaakt_op:%Y-%m-%d %H:%M})"

    @property
    def samenvatting(self) -> dict:
        return self.metrieken.get("samenvatting", {})

    @property
    def te_weinig_gegevens(self) -> bool:
        return bool(self.kerncijfers.get("te_weinig_gegevens"))


class PartnerMetriek(models.Model):
    """The network position of one partner in one analysis run (not a ranking of merit)."""

    analyse = models.ForeignKey(
        NetwerkAnalyse, on_delete=models.CASCADE, related_name="partnermetrieken"
    )
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="netwerkmetrieken")
    graad = models.PositiveIntegerField(_("aantal banden"), default=0)
    sterkte = models.FloatField(_("sterkte"), default=0)
    betweenness = models.FloatField(_("makelaarsrol (betweenness)"), default=0)
    closeness = models.FloatField(_("nabijheid (closeness)"), default=0)
    kern = models.PositiveIntegerField(_("k-kern"), default=0)
    gemeenschap = models.PositiveIntegerField(_("gemeenschap"), default=0)
    component = models.PositiveIntegerField(_("component"), default=0)
    articulatiepunt = models.BooleanField(_("kwetsbare schakel"), default=False)
    eilandje = models.BooleanField(_("eilandje"), default=False)

    class Meta:
        db_table = "partners_partnermetriek"
        ordering = ["-betweenness", "partner__naam"]
        verbose_name = _("partnermetriek")
        verbose_name_plural = _("partnermetrieken")
        constraints = [
            models.UniqueConstraint(fields=["analyse", "partner"], name="partnermetriek_uniek")
        ]
        # The network page's table in its default order, one page at a time: read in index order
        # instead of joining and sorting every partner of a gemeente's run (12.7 -> 2.0 ms).
        indexes = [models.Index(fields=["analyse", "-betweenness"], name="partnermetriek_volgorde")]

    def __str__(self) -> str:
        return f"{self.partner} in {self.analyse_id}"
