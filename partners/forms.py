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
from .selectors import contactpersonen_van_buurt, partners_van_buurt
from .services import PARTNER_VELDEN

BUITEN_BUURT = _("Kies een partner die in deze buurt werkt.")
PERSOON_BUITEN_BUURT = _("Kies iemand van een partner die in deze buurt werkt.")


def beperk_tot_buurt(veld: forms.ModelChoiceField, buurt=None, *, queryset=None) -> None:
    """Scope a partner (or contact person) picker to the buurt: it offers only the buurt's
    partners (`selectors.partners_van_buurt`, or a narrower `queryset` of them) and a forged id
    of anyone else is a Dutch form error, so nothing is written."""
    personen = veld.queryset is not None and veld.queryset.model is Contactpersoon
    if queryset is None:
        queryset = contactpersonen_van_buurt(buurt) if personen else partners_van_buurt(buurt)
    if not personen:
        # A choice shows the name only: the buurt's partners without the rest of their row or
        # their gemeente (the largest buurt's action form reads 418 of them twice).
        queryset = queryset.select_related(None).only("id", "naam", "gemeente_id")
    veld.queryset = queryset
    veld.error_messages["invalid_choice"] = PERSOON_BUITEN_BUURT if personen else BUITEN_BUURT


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
            beperk_tot_buurt(self.fields["naar_partner"], queryset=partners)


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
        beperk_tot_buurt(self.fields["partner"], queryset=partners)
        beperk_tot_buurt(self.fields["contactpersoon"], queryset=personen)


class NetwerkrolForm(forms.ModelForm):
    class Meta:
        model = Netwerkrol
        fields = ["contactpersoon", "rol", "formeel", "bruggenbouwer", "backup", "toelichting"]

    def __init__(self, *args, personen=None, **kwargs):
        super().__init__(*args, **kwargs)
        beperk_tot_buurt(self.fields["contactpersoon"], queryset=personen)
        beperk_tot_buurt(self.fields["backup"], queryset=personen)

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
