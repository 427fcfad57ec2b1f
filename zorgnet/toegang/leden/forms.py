from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.utils.translation import gettext_lazy as _

from buurten.models import Buurt, Rol

ROLKEUZE = [(Rol.PARTNER, _("Partnergebruiker")), (Rol.LEZER, _("Lezer"))]


class UitnodigingForm(forms.Form):
    contactpersoon = forms.TypedChoiceField(
        label=_("Contactpersoon"),
        coerce=int,
        error_messages={
            "required": _("Kies een contactpersoon."),
            "invalid_choice": _("Kies een contactpersoon van een partner van deze buurt."),
        },
    )
    rol = forms.ChoiceField(
        label=_("Rol"),
        choices=ROLKEUZE,
        initial=Rol.PARTNER,
        error_messages={"required": _("Kies een rol."), "invalid_choice": _("Kies een rol.")},
    )

    def __init__(self, *args, contactpersonen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contactpersoon"].choices = [("", "---------")] + [
            (c.id, f"{c} · {c.partner.naam} · {c.email}") for c in contactpersonen
        ]


class RolForm(forms.Form):
    rol = forms.ChoiceField(
        label=_("Rol"), choices=ROLKEUZE, error_messages={"invalid_choice": _("Kies een rol.")}
    )


class RegisseurForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=160, required=False)
    email = forms.EmailField(
        label=_("E-mailadres"),
        error_messages={
            "required": _("Geef een e-mailadres."),
            "invalid": _("Dit is geen geldig e-mailadres."),
        },
    )


class BuurtForm(forms.ModelForm):
    class Meta:
        model = Buurt
        fields = ["naam", "netwerktype", "soort", "beschrijving", "afbakening"]
        widgets = {
            "beschrijving": forms.Textarea(attrs={"rows": 3}),
            "afbakening": forms.Textarea(attrs={"rows": 2}),
        }


class WachtwoordForm(forms.Form):
    wachtwoord1 = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Kies een wachtwoord.")},
    )
    wachtwoord2 = forms.CharField(
        label=_("Wachtwoord (nog eens)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Typ je wachtwoord nog eens.")},
    )


class WachtwoordHerstelForm(PasswordResetForm):
    """Django's reset form, with the mail sent by the mail job and a limit per address and per IP
    address per hour. The page answers the same whether or not the address has an account."""

    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Geef je e-mailadres."),
            "invalid": _("Dit is geen geldig e-mailadres."),
        },
    )

    def save(self, *args, request=None, **kwargs):
        self._ip = request.META.get("REMOTE_ADDR") if request is not None else None
        return super().save(*args, request=request, **kwargs)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from zorgnet.toegang.leden.services import wachtwoordherstel_mailen

        wachtwoordherstel_mailen(
            gebruiker=context["user"],
            adres=to_email,
            uidb64=context["uid"],
            token=context["token"],
            ip_adres=getattr(self, "_ip", None),
        )
