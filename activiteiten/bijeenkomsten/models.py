"""Meetings (DOMAIN W7, E39-E42): Reeks, Bijeenkomst, Aanwezigheid and Uitkomst.

A meeting yields outcomes: an *actie* (owner, due date; creates an Actie), a *zaadje* (an idea or
new contact for later), a *signaal* (creates a Signaal) or an *inzicht*. Attendance of partners and
their contact persons feeds the network analysis (who met whom).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activiteiten.acties.models import Actie, Signaal
from buurten.models import Buurt
from partners.models import Contactpersoon, Partner
from zorgnet.lib.choices import BijeenkomstType, Handelingsniveau, Responsniveau, Zorgniveau
from zorgnet.lib.privacy import controleer_geen_identificatoren

__all__ = [
    "Aanwezigheid",
    "Agendatoken",
    "Bijeenkomst",
    "Genodigde",
    "Frequentie",
    "Reeks",
    "Uitkomst",
    "UitkomstSoort",
]


class Frequentie(models.TextChoices):
    WEKELIJKS = "wekelijks", _("Wekelijks")
    TWEEWEKELIJKS = "tweewekelijks", _("Om de twee weken")
    MAANDELIJKS = "maandelijks", _("Maandelijks (zelfde weekdag, bv. elke 2de dinsdag)")


class Reeks(models.Model):
    """A recurring series of meetings, e.g. the monthly intervisie (W7)."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="reeksen", verbose_name=_("buurt")
    )
    titel = models.CharField(_("titel"), max_length=160)
    type = models.CharField(_("soort"), max_length=30, choices=BijeenkomstType.choices)
    frequentie = models.CharField(
        _("frequentie"), max_length=20, choices=Frequentie.choices, default=Frequentie.MAANDELIJKS
    )
    eerste_datum = models.DateField(_("eerste datum"))
    begintijd = models.TimeField(_("begintijd"), null=True, blank=True)
    eindtijd = models.TimeField(_("eindtijd"), null=True, blank=True)
    plaats = models.CharField(_("plaats"), max_length=160, blank=True)
    thema = models.CharField(_("thema"), max_length=160, blank=True)
    facilitator = models.CharField(_("facilitator"), max_length=160, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["titel"]
        verbose_name = _("reeks")
        verbose_name_plural = _("reeksen")

    def __str__(self) -> str:
        return self.titel

    def clean(self) -> None:
        if self.begintijd and self.eindtijd and self.eindtijd <= self.begintijd:
            raise ValidationError({"eindtijd": _("Het einde ligt voor (of op) het begin.")})


class Bijeenkomst(models.Model):
    """A meeting, training or network moment in a buurt, with its agenda (W7, E39)."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="bijeenkomsten", verbose_name=_("buurt")
    )
    reeks = models.ForeignKey(
        Reeks,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bijeenkomsten",
        verbose_name=_("reeks"),
    )
    type = models.CharField(_("soort"), max_length=30, choices=BijeenkomstType.choices)
    titel = models.CharField(
        _("titel"), max_length=160, blank=True, validators=[controleer_geen_identificatoren]
    )
    datum = models.DateField(_("datum"), default=timezone.localdate)
    begintijd = models.TimeField(_("begintijd"), null=True, blank=True)
    eindtijd = models.TimeField(_("eindtijd"), null=True, blank=True)
    plaats = models.CharField(_("plaats"), max_length=160, blank=True)
    thema = models.CharField(_("thema"), max_length=160, blank=True)
    facilitator = models.CharField(_("facilitator"), max_length=160, blank=True)
    agenda = models.TextField(_("agenda"), blank=True, validators=[controleer_geen_identificatoren])
    situatie = models.TextField(
        _("situatie (anoniem)"),
        blank=True,
        validators=[controleer_geen_identificatoren],
        help_text=_("Voor een supportersmeeting: de situatie waarrond steun gezocht wordt."),
    )
    zorgniveau = models.CharField(
        _("zorgniveau"), max_length=20, choices=Zorgniveau.choices, blank=True
    )
    handelingsniveau = models.CharField(
        _("niveau waarop gehandeld wordt"),
        max_length=20,
        choices=Handelingsniveau.choices,
        blank=True,
    )
    responsniveau = models.CharField(
        _("afgesproken respons"), max_length=30, choices=Responsniveau.choices, blank=True
    )
    aantal_bewoners = models.PositiveIntegerField(
        _("aantal bewoners"), default=0, help_text=_("Anoniem: alleen een aantal, geen namen.")
    )
    aantal_anderen = models.PositiveIntegerField(
        _("andere deelnemers zonder naam"),
        default=0,
        help_text=_("Bv. professionals van buiten het netwerk die niet op de lijst staan."),
    )
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
    # The calendar entry (iCal): the UID stays, SEQUENCE goes up with every change.
    volgnummer = models.PositiveIntegerField(_("versie in de agenda"), default=0)
    geannuleerd_op = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)

    class Meta:
        ordering = ["-datum", "-begintijd", "-id"]
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        indexes = [
            models.Index(fields=["buurt", "type", "datum"]),
            # The meeting list, newest first: the page's 25 rows straight from the index (their
            # attendance counts computed for those 25 only), no sort of the buurt's meetings.
            models.Index(
                fields=["buurt", "-datum", "-begintijd", "-id"], name="bijeenkomst_buurt_recent"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["reeks", "datum"],
                condition=Q(reeks__isnull=False),
                name="bijeenkomst_een_per_reeksdatum",
            )
        ]

    def __str__(self) -> str:
        return self.titel or f"{self.get_type_display()} {self.datum:%d/%m/%Y}"

    @property
    def is_supportersmeeting(self) -> bool:
        return self.type == BijeenkomstType.SUPPORTERSMEETING

    def clean(self) -> None:
        fouten = {}
        if self.begintijd and self.eindtijd and self.eindtijd <= self.begintijd:
            fouten["eindtijd"] = _("Het einde ligt voor (of op) het begin.")
        if not self.is_supportersmeeting:
            for veld in ("zorgniveau", "handelingsniveau", "responsniveau"):
                if getattr(self, veld):
                    fouten[veld] = _("Dit niveau hoort alleen bij een supportersmeeting.")
        if self.reeks_id and self.buurt_id and self.reeks.buurt_id != self.buurt_id:
            fouten["reeks"] = _("Deze reeks hoort bij een andere buurt.")
        if fouten:
            raise ValidationError(fouten)


class Aanwezigheid(models.Model):
    """One person (or organisation) present at a meeting; 'nieuw' marks someone new to the network."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.CASCADE,
        related_name="aanwezigheden",
        verbose_name=_("bijeenkomst"),
    )
    contactpersoon = models.ForeignKey(
        Contactpersoon,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aanwezigheden",
        verbose_name=_("contactpersoon"),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aanwezigheden",
        verbose_name=_("partner"),
    )
    naam = models.CharField(
        _("naam"),
        max_length=160,
        blank=True,
        help_text=_("Voor wie (nog) niet in het smoelenboek staat."),
    )
    organisatie = models.CharField(_("organisatie"), max_length=160, blank=True)
    nieuw = models.BooleanField(
        _("nieuw"), default=False, help_text=_("Voor het eerst bij het netwerk (nog geen partner).")
    )

    class Meta:
        ordering = ["partner__naam", "naam", "id"]
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheden")
        constraints = [
            models.UniqueConstraint(
                fields=["bijeenkomst", "contactpersoon"],
                condition=Q(contactpersoon__isnull=False),
                name="aanwezigheid_een_per_persoon",
            ),
            models.CheckConstraint(
                condition=Q(contactpersoon__isnull=False) | Q(partner__isnull=False) | ~Q(naam=""),
                name="aanwezigheid_iemand",
            ),
        ]

    def __str__(self) -> str:
        if self.contactpersoon_id:
            return str(self.contactpersoon)
        return self.naam or str(self.partner)

    @property
    def organisatienaam(self) -> str:
        return self.partner.naam if self.partner_id else self.organisatie


class UitkomstSoort(models.TextChoices):
    ACTIE = "actie", _("Actie")
    ZAADJE = "zaadje", _("Zaadje (idee of nieuw contact voor later)")
    SIGNAAL = "signaal", _("Signaal")
    INZICHT = "inzicht", _("Inzicht")


class Uitkomst(models.Model):
    """What a meeting yielded: an action, a seed, a signal or an insight (W7 step 3)."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.CASCADE,
        related_name="uitkomsten",
        verbose_name=_("bijeenkomst"),
    )
    soort = models.CharField(_("soort"), max_length=20, choices=UitkomstSoort.choices)
    omschrijving = models.CharField(
        _("omschrijving"), max_length=200, validators=[controleer_geen_identificatoren]
    )
    toelichting = models.TextField(
        _("toelichting"), blank=True, validators=[controleer_geen_identificatoren]
    )
    eigenaar = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bijeenkomst_uitkomsten",
        verbose_name=_("eigenaar"),
    )
    deadline = models.DateField(_("tegen wanneer"), null=True, blank=True)
    actie = models.OneToOneField(
        Actie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bijeenkomst_uitkomst",
        verbose_name=_("actie"),
    )
    signaal = models.OneToOneField(
        Signaal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bijeenkomst_uitkomst",
        verbose_name=_("signaal"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["bijeenkomst", "id"]
        verbose_name = _("uitkomst")
        verbose_name_plural = _("uitkomsten")
        indexes = [models.Index(fields=["soort", "deadline"])]

    def __str__(self) -> str:
        return self.omschrijving

    def clean(self) -> None:
        fouten = {}
        if self.soort == UitkomstSoort.ACTIE:
            if not self.eigenaar_id:
                fouten["eigenaar"] = _("Een actie heeft een eigenaar nodig: wie neemt ze op?")
        elif self.deadline and self.soort != UitkomstSoort.ZAADJE:
            fouten["deadline"] = _("Alleen een actie of zaadje heeft een termijn.")
        if (
            self.eigenaar_id
            and self.bijeenkomst_id
            and not self.eigenaar.buurten.filter(pk=self.bijeenkomst.buurt_id).exists()
        ):
            fouten["eigenaar"] = _("Kies een partner die in deze buurt actief is.")
        if fouten:
            raise ValidationError(fouten)


class Genodigde(models.Model):
    """A contact person invited by e-mail (with an .ics) to a meeting; changes are sent again."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.CASCADE,
        related_name="genodigden",
        verbose_name=_("bijeenkomst"),
    )
    contactpersoon = models.ForeignKey(
        Contactpersoon, on_delete=models.CASCADE, related_name="+", verbose_name=_("contactpersoon")
    )
    uitgenodigd_op = models.DateTimeField(_("uitgenodigd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("genodigde")
        verbose_name_plural = _("genodigden")
        constraints = [
            models.UniqueConstraint(
                fields=["bijeenkomst", "contactpersoon"], name="genodigde_een_per_persoon"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contactpersoon} · {self.bijeenkomst}"


class Agendatoken(models.Model):
    """A personal, revocable key in the address of a user's iCal feeds (calendar apps cannot log
    in). Renewing it ends the old one."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agendatoken",
        verbose_name=_("gebruiker"),
    )
    sleutel = models.CharField(_("sleutel"), max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now=True)

    class Meta:
        verbose_name = _("agendasleutel")
        verbose_name_plural = _("agendasleutels")

    def __str__(self) -> str:
        return f"{self.gebruiker} · {self.aangemaakt_op:%Y-%m-%d}"
