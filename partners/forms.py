"""Forms for the partner pages. Validation that needs the database lives in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zorgnet.lib.choices import Intensiteit, Niveau
from zorgnet.lib.forms import DATUM

from .models import (
    Betrokkenheid,
    Contactpersoon,
    Mandaat,
    Netwerkrol,
    Partner,
)
from .services import PARTNER_VELDEN


class PartnerForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")
    toch_aanmaken = forms.BooleanField(
        label=_("Toch aanmaken (het is echt een andere partner)"), required=False
    )

    class Meta:
        model = Partner
        # The fields the partner service writes, listed once (partners.services).
        fields = list(PARTNER_VELDEN)
        widgets = {"actief_sinds": DATUM, "gestopt_op": DATUM}

    def __init__(self, *args, nieuw: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not nieuw:
            del self.fields["toch_aanmaken"]

    def validate_unique(self):
        # The service checks names per gemeente, with a suggestion.
        pass


class ContactpersoonForm(forms.ModelForm):
    class Meta:
        model = Contactpersoon
        fields = [
            "voornaam",
            "achternaam",
            "functie",
            "foto",
            "wat_ik_doe",
            "email",
            "telefoon",
            "toestemming_contactgegevens",
        ]


class BetrokkenheidForm(forms.ModelForm):
    class Meta:
        model = Betrokkenheid
        fields = [
            "vonk",
            "vuur",
            "heeft_tijd",
            "heeft_middelen",
            "heeft_mandaat",
            "gewenst_niveau",
            "capaciteiten",
            "gescoord_op",
        ]
        widgets = {"gescoord_op": DATUM}


class RelatieForm(forms.Form):
    naar_partner = forms.ModelChoiceField(label=_("Met partner"), queryset=Partner.objects.none())
    intensiteit = forms.TypedChoiceField(
        label=_("Intensiteit"), choices=Intensiteit.choices, coerce=int
    )
    niveaus = forms.MultipleChoiceField(
        label=_("Niveaus"),
        choices=Niveau.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sinds = forms.DateField(label=_("Sinds"), required=False, widget=DATUM)
    tot = forms.DateField(label=_("Tot"), required=False, widget=DATUM)
    toelichting = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea)

    def __init__(self, *args, partners=None, bestaand: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if bestaand:
            del self.fields["naar_partner"]
        elif partners is not None:
            self.fields["naar_partner"].queryset = partners


class MandaatForm(forms.ModelForm):
    niveaus = forms.MultipleChoiceField(
        label=_("Niveaus"),
        choices=Niveau.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Mandaat
        fields = [
            "contactpersoon",
            "partner",
            "omschrijving",
            "niveaus",
            "thema",
            "toegekend_door",
            "dagen_per_maand",
            "formeel",
            "geldig_van",
            "geldig_tot",
        ]
        widgets = {"geldig_van": DATUM, "geldig_tot": DATUM}

    def __init__(self, *args, partners=None, personen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners
        self.fields["contactpersoon"].queryset = personen


class NetwerkrolForm(forms.ModelForm):
    class Meta:
        model = Netwerkrol
        fields = ["contactpersoon", "rol", "formeel", "bruggenbouwer", "backup", "toelichting"]

    def __init__(self, *args, personen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contactpersoon"].queryset = personen
        self.fields["backup"].queryset = personen

    def validate_unique(self):
        pass


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("Bestand (CSV of XLSX)"),
        required=False,
        help_text=_(
            "Eerste rij: kolomnamen. CSV gescheiden door ; , of tab, in UTF-8 of Windows-1252."
        ),
    )
    # The previewed file on the confirm POST, signed by the server (partners.views._bevestiging).
    inhoud = forms.CharField(widget=forms.HiddenInput, required=False)
