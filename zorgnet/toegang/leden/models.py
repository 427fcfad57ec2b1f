"""Invitations: a single-use, expiring, signed link by e-mail to set a password."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from buurten.models import Buurt, Rol


class Uitnodiging(models.Model):
    """An invitation to a buurt with a role; the link in the mail works once, until it expires."""

    email = models.EmailField(_("e-mailadres"))
    naam = models.CharField(_("naam"), max_length=160, blank=True)
    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="uitnodigingen", verbose_name=_("buurt")
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices)
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner"),
    )
    contactpersoon = models.ForeignKey(
        "partners.Contactpersoon",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contactpersoon"),
    )
    uitgenodigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uitgenodigd door"),
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    aangemaakt_op = models.DateTimeField(_("uitgenodigd op"), auto_now_add=True)
    gebruikt_op = models.DateTimeField(_("gebruikt op"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return f"{self.email} · {self.get_rol_display()} · {self.buurt}"
