"""Notifications (in-app, then by e-mail per the user's preference) and the log of every mail."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zorgnet.lib.taakrecords import Taakrecord


class Meldingsoort(models.TextChoices):
    DOORVERWIJZING = "doorverwijzing", _("Een doorverwijzing kwam aan bij je organisatie")
    RELATIE = "relatie", _("Een relatie wacht op je antwoord")
    ACTIE_DEADLINE = "actie_deadline", _("Een actie uit een bijeenkomst is bijna of te laat")
    BELEIDSREACTIE = "beleidsreactie", _("Een beleidssignaal waaraan je bijdroeg kreeg reactie")
    MANDAAT = "mandaat", _("Een mandaat loopt binnen 30 dagen af")
    BIJEENKOMST = "bijeenkomst", _("Je bent uitgenodigd voor een bijeenkomst")
    NAKIJKEN = "nakijken", _("Een partnerprofiel of contactlijst is een jaar niet nagekeken")
    LIDMAATSCHAP = "lidmaatschap", _("Je lidmaatschap van een buurt veranderde")
    SAMENVATTING = "samenvatting", _("De wekelijkse samenvatting van je buurten")


class Frequentie(models.TextChoices):
    DIRECT = "direct", _("Meteen")
    DAGELIJKS = "dagelijks", _("Dagelijks overzicht")
    WEKELIJKS = "wekelijks", _("Wekelijks overzicht")
    UIT = "uit", _("Niet mailen")


class Melding(models.Model):
    """One notification for one user: a title and a link, never signal text or resident data."""

    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meldingen",
        verbose_name=_("ontvanger"),
    )
    soort = models.CharField(_("soort"), max_length=30, choices=Meldingsoort.choices)
    titel = models.CharField(_("titel"), max_length=200)
    link = models.CharField(_("link"), max_length=300)
    buurt = models.ForeignKey(
        "buurten.Buurt", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    sleutel = models.CharField(
        _("sleutel"),
        max_length=120,
        blank=True,
        help_text=_(
            "Dezelfde gebeurtenis meldt zich maar één keer (bv. 'uitkomst:12:2026-06-20')."
        ),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True, db_index=True)
    gelezen_op = models.DateTimeField(_("gelezen op"), null=True, blank=True)
    gemaild_op = models.DateTimeField(_("gemaild op"), null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        constraints = [
            models.UniqueConstraint(
                fields=["ontvanger", "sleutel"],
                condition=~Q(sleutel=""),
                name="melding_uniek_per_sleutel",
            )
        ]
        indexes = [models.Index(fields=["ontvanger", "gelezen_op"])]

    def __str__(self) -> str:
        return self.titel


class Meldingsvoorkeur(models.Model):
    """How a user wants to be mailed about one kind of notification (default: at once)."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meldingsvoorkeuren",
        verbose_name=_("gebruiker"),
    )
    soort = models.CharField(_("soort"), max_length=30, choices=Meldingsoort.choices)
    frequentie = models.CharField(
        _("e-mail"), max_length=20, choices=Frequentie.choices, default=Frequentie.DIRECT
    )

    class Meta:
        verbose_name = _("meldingsvoorkeur")
        verbose_name_plural = _("meldingsvoorkeuren")
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "soort"], name="voorkeur_uniek_per_soort")
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} · {self.soort} · {self.frequentie}"


class Mailsoort(models.TextChoices):
    MELDING = "melding", _("Melding")
    OVERZICHT = "overzicht", _("Overzicht van meldingen")
    SAMENVATTING = "samenvatting", _("Wekelijkse samenvatting")
    UITNODIGING = "uitnodiging", _("Uitnodiging")
    WACHTWOORD = "wachtwoord", _("Wachtwoord opnieuw instellen")
    BIJEENKOMST = "bijeenkomst", _("Uitnodiging voor een bijeenkomst")


class Mailbericht(Taakrecord):
    """A mail to send (a job-made record) and, once sent, the log of it: who, what kind, when.

    The content is kept only until the mail is sent, so a mail server that is down loses nothing;
    once sent the row keeps the address, kind and times, never the text.
    """

    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ontvanger"),
    )
    adres = models.EmailField(_("adres"))
    soort = models.CharField(_("soort"), max_length=20, choices=Mailsoort.choices)
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    tekst = models.TextField(_("tekst"), blank=True)
    html = models.TextField(_("html"), blank=True)
    bijlage_naam = models.CharField(_("bijlage"), max_length=100, blank=True)
    bijlage_type = models.CharField(max_length=100, blank=True)
    bijlage = models.TextField(blank=True)
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)

    # A mail left 'wachtend' this long lost its message: the beat job offers it again.
    WACHTEND_NA = timedelta(minutes=15)
    MAX_POGINGEN = 3
    MISLUKT_MELDING = _("De mail kon niet verstuurd worden. (Technische details: %(fout)s)")

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = _("mailbericht")
        verbose_name_plural = _("mailberichten")
        indexes = [models.Index(fields=["adres", "soort", "aangemaakt_op"])]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} → {self.adres} ({self.get_status_display()})"
