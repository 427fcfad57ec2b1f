"""Forms of the buurtanalyse pages. They only parse input; the services validate and write."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgnet.lib.choices import (
    BevindingSoort,
    Bevragingsmethode,
    Complexiteit,
    Doelgroep,
    Fase,
    Kant,
    Thema,
    VoorzieningSoort,
)
from zorgnet.lib.forms import DATUM
from zorgnet.lib.privacy import WAARSCHUWING


class AnalyseForm(forms.Form):
    titel = forms.CharField(label=_("Titel"), max_length=160)
    peildatum = forms.DateField(
        label=_("Peildatum"),
        widget=DATUM,
        initial=timezone.localdate,
        help_text=_("De analyse toont de cijfers tot en met deze datum."),
    )
    samenvatting = forms.CharField(
        label=_("Samenvatting"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("Bestand (.csv of .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.txt"}),
    )


class BevragingForm(forms.Form):
    methode = forms.ChoiceField(label=_("Methode"), choices=Bevragingsmethode.choices)
    datum = forms.DateField(label=_("Datum"), widget=DATUM)
    aantal_deelnemers = forms.IntegerField(label=_("Aantal deelnemers"), min_value=0, initial=0)
    doelgroepen = forms.MultipleChoiceField(
        label=_("Doelgroepen"),
        choices=Doelgroep.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=WAARSCHUWING,
    )


class BevindingForm(forms.Form):
    thema = forms.ChoiceField(label=_("Thema"), choices=Thema.choices)
    soort = forms.ChoiceField(
        label=_("Soort"), choices=BevindingSoort.choices, widget=forms.RadioSelect
    )
    tekst = forms.CharField(label=_("Bevinding"), widget=forms.Textarea(attrs={"rows": 3}))
    citaat = forms.CharField(
        label=_("Citaat (zonder naam)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    bevraging = forms.ModelChoiceField(
        label=_("Uit bevraging"), queryset=None, required=False, empty_label=_("(geen)")
    )

    def __init__(self, *args, analyse, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bevraging"].queryset = analyse.bevragingen.all()


class UitdagingForm(forms.Form):
    titel = forms.CharField(label=_("Titel"), max_length=160)
    beschrijving = forms.CharField(
        label=_("Beschrijving"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=WAARSCHUWING,
    )
    kant = forms.ChoiceField(label=_("Kant"), choices=Kant.choices, widget=forms.RadioSelect)
    complexiteit = forms.ChoiceField(
        label=_("Complexiteit"), choices=Complexiteit.choices, widget=forms.RadioSelect
    )
    bevindingen = forms.ModelMultipleChoiceField(
        label=_("Afgeleid uit de bevindingen"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    verwante = forms.ModelMultipleChoiceField(
        label=_("Hangt samen met"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, analyse, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bevindingen"].queryset = analyse.bevindingen.all()
        self.fields["verwante"].queryset = analyse.uitdagingen.all()


class VoorzieningForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=160)
    soort = forms.ChoiceField(label=_("Soort"), choices=VoorzieningSoort.choices)
    partner = forms.ModelChoiceField(
        label=_("Partner"),
        queryset=None,
        required=False,
        empty_label=_("(geen partner)"),
        error_messages={"invalid_choice": _("Deze partner werkt niet in deze buurt.")},
    )
    beschrijving = forms.CharField(
        label=_("Beschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners


class FasenForm(forms.Form):
    fasen = forms.MultipleChoiceField(
        label=_("Fasen van de werking"),
        choices=Fase.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Meerdere fasen kunnen tegelijk lopen."),
    )
