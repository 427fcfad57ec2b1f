"""Forms for the activity packages; choices are scoped to the buurt by the view."""

from django import forms
from django.utils.translation import gettext_lazy as _

from activiteiten.models import (
    GEWICHT_MAX,
    GEWICHT_MIN,
    Activiteit,
    Activiteitenpakket,
    Afwijking,
    Behoefte,
    Doel,
    FactorSoort,
    StapStatus,
    Starttemplate,
    Termijn,
    ToCElement,
    ToCSoort,
)
from buurten.models import Uitdaging
from partners.forms import beperk_tot_buurt
from partners.models import Mandaat, Partner
from zorgnet.lib.choices import (
    Complexiteit,
    Coordinatievorm,
    Groepsrol,
    Intensiteit,
    Kant,
    Niveau,
    Schaal,
    Typologie,
)


class UitdagingForm(forms.Form):
    titel = forms.CharField(label=_("Nieuwe uitdaging"), max_length=160)
    kant = forms.ChoiceField(label=_("Kant"), choices=Kant.choices)
    complexiteit = forms.ChoiceField(label=_("Complexiteit"), choices=Complexiteit.choices)


class DoelForm(forms.Form):
    prefix = "doel"

    titel = forms.CharField(label=_("Doel"), max_length=200)
    termijn = forms.ChoiceField(label=_("Termijn"), choices=Termijn.choices)
    omschrijving = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea, required=False)
    uitdagingen = forms.ModelMultipleChoiceField(
        label=_("Uitdagingen"), queryset=Uitdaging.objects.none(), required=False
    )

    def __init__(self, *args, uitdagingen=None, **kwargs):
        super().__init__(*args, **kwargs)
        if uitdagingen is not None:
            self.fields["uitdagingen"].queryset = uitdagingen


class DoelWijzigForm(DoelForm):
    prefix = None  # alone on its page
    reden = forms.CharField(
        label=_("Waarom stuur je dit doel bij?"), widget=forms.Textarea, required=True
    )


class ToCForm(forms.Form):
    prefix = "toc"

    soort = forms.ChoiceField(label=_("Soort"), choices=ToCSoort.choices)
    titel = forms.CharField(label=_("Titel"), max_length=200)
    ouder = forms.ModelChoiceField(
        label=_("Hoort bij"), queryset=ToCElement.objects.none(), required=False
    )

    def __init__(self, *args, buurt=None, **kwargs):
        super().__init__(*args, **kwargs)
        if buurt is not None:
            self.fields["ouder"].queryset = ToCElement.objects.filter(buurt=buurt)


class ActiviteitForm(forms.Form):
    prefix = "act"

    naam = forms.CharField(label=_("Benodigde activiteit"), max_length=200)
    uitdaging = forms.ModelChoiceField(
        label=_("Uitdaging"), queryset=Uitdaging.objects.none(), required=False
    )
    doel = forms.ModelChoiceField(label=_("Doel"), queryset=Doel.objects.none(), required=False)
    bestaat_al = forms.BooleanField(label=_("Bestaat al"), required=False)
    voldoet = forms.ChoiceField(label=_("Beantwoordt aan de nood?"), choices=Behoefte.choices)

    def __init__(self, *args, buurt=None, uitdagingen=None, **kwargs):
        super().__init__(*args, **kwargs)
        if uitdagingen is not None:
            self.fields["uitdaging"].queryset = uitdagingen
        if buurt is not None:
            self.fields["doel"].queryset = Doel.objects.filter(buurt=buurt)


class CapaciteitForm(forms.Form):
    prefix = "cap"

    activiteit = forms.ModelChoiceField(label=_("Activiteit"), queryset=Activiteit.objects.none())
    partner = forms.ModelChoiceField(label=_("Potentiële partner"), queryset=Partner.objects.none())
    omschrijving = forms.CharField(label=_("Capaciteit"), max_length=200, required=False)
    werkt_al_samen = forms.BooleanField(label=_("Werkt al samen"), required=False)

    def __init__(self, *args, buurt=None, **kwargs):
        super().__init__(*args, **kwargs)
        if buurt is not None:
            self.fields["activiteit"].queryset = Activiteit.objects.filter(buurt=buurt)
            beperk_tot_buurt(self.fields["partner"], buurt)


class SamenhangPaarForm(forms.Form):
    prefix = "paar"

    activiteit_a = forms.ModelChoiceField(label=_("Activiteit"), queryset=Activiteit.objects.none())
    activiteit_b = forms.ModelChoiceField(
        label=_("hangt samen met"), queryset=Activiteit.objects.none()
    )
    gewicht = forms.IntegerField(
        label=_("Gewicht (%(min)s-%(max)s, 0 = geen)") % {"min": GEWICHT_MIN, "max": GEWICHT_MAX}
    )

    def __init__(self, *args, buurt=None, **kwargs):
        super().__init__(*args, **kwargs)
        if buurt is not None:
            qs = Activiteit.objects.filter(buurt=buurt)
            self.fields["activiteit_a"].queryset = qs
            self.fields["activiteit_b"].queryset = qs


class PakketForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=200)
    activiteiten = forms.ModelMultipleChoiceField(
        label=_("Activiteiten"), queryset=Activiteit.objects.none(), required=False
    )
    team = forms.ModelMultipleChoiceField(
        label=_("Team (partners)"), queryset=Partner.objects.none(), required=False
    )
    ideale_schaal = forms.ChoiceField(label=_("Ideale schaal"), choices=Schaal.choices)
    werkelijke_schaal = forms.ChoiceField(
        label=_("Werkelijke schaal"), choices=[("", "—"), *Schaal.choices], required=False
    )
    intensiteit = forms.TypedChoiceField(
        label=_("Intensiteit binnen het pakket"), choices=Intensiteit.choices, coerce=int
    )
    coordinatie = forms.ChoiceField(label=_("Coördinatie"), choices=Coordinatievorm.choices)
    niveaus = forms.MultipleChoiceField(
        label=_("Beslissingen die het team zelf neemt"),
        choices=Niveau.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    mandaat = forms.ModelChoiceField(
        label=_("Mandaat erachter"), queryset=Mandaat.objects.none(), required=False
    )
    typologie = forms.ChoiceField(
        label=_("Typologie"), choices=[("", "—"), *Typologie.choices], required=False
    )
    groepsrol = forms.ChoiceField(
        label=_("Rol"), choices=[("", "—"), *Groepsrol.choices], required=False
    )
    omschrijving = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea, required=False)

    def __init__(self, *args, buurt=None, **kwargs):
        super().__init__(*args, **kwargs)
        if buurt is not None:
            self.fields["activiteiten"].queryset = Activiteit.objects.filter(buurt=buurt)
            beperk_tot_buurt(self.fields["team"], buurt)
            self.fields["mandaat"].queryset = Mandaat.objects.filter(buurt=buurt)

    @staticmethod
    def initial_van(pakket: Activiteitenpakket) -> dict:
        return {
            "naam": pakket.naam,
            "activiteiten": list(pakket.activiteiten.all()),
            "team": list(pakket.team.all()),
            "ideale_schaal": pakket.ideale_schaal,
            "werkelijke_schaal": pakket.werkelijke_schaal,
            "intensiteit": pakket.intensiteit,
            "coordinatie": pakket.coordinatie,
            "niveaus": pakket.niveaus,
            "mandaat": pakket.mandaat,
            "typologie": pakket.typologie,
            "groepsrol": pakket.groepsrol,
            "omschrijving": pakket.omschrijving,
        }


class PakketRelatieForm(forms.Form):
    prefix = "relatie"

    pakket_a = forms.ModelChoiceField(label=_("Pakket"), queryset=Activiteitenpakket.objects.none())
    pakket_b = forms.ModelChoiceField(
        label=_("en pakket"), queryset=Activiteitenpakket.objects.none()
    )
    intensiteit = forms.TypedChoiceField(
        label=_("Benodigde intensiteit"), choices=Intensiteit.choices, coerce=int
    )
    gezamenlijke_niveaus = forms.MultipleChoiceField(
        label=_("Samen beslissen op"),
        choices=Niveau.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    afstemming = forms.CharField(label=_("Hoe en hoe vaak afstemmen"), required=False)

    def __init__(self, *args, buurt=None, **kwargs):
        super().__init__(*args, **kwargs)
        if buurt is not None:
            qs = Activiteitenpakket.objects.filter(buurt=buurt)
            self.fields["pakket_a"].queryset = qs
            self.fields["pakket_b"].queryset = qs


class AfwijkingForm(forms.ModelForm):
    prefix = "afw"

    class Meta:
        model = Afwijking
        fields = ["aspect", "omschrijving", "reden", "implicatie", "opvang"]
        widgets = {
            "reden": forms.Textarea(attrs={"rows": 2}),
            "implicatie": forms.Textarea(attrs={"rows": 2}),
            "opvang": forms.Textarea(attrs={"rows": 2}),
        }


class FactorForm(forms.Form):
    prefix = "factor"

    soort = forms.ChoiceField(label=_("Soort"), choices=FactorSoort.choices)
    omschrijving = forms.CharField(label=_("Factor"), max_length=200)
    wegwerkbaar = forms.BooleanField(label=_("Kan weggewerkt worden"), required=False)
    aanpak = forms.CharField(label=_("Hoe inzetten of wegwerken"), max_length=300, required=False)


AUTOMATISCH = "automatisch"


class StapStatusForm(forms.Form):
    """The regisseur's own status for a step, or back to the status that follows the data."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(AUTOMATISCH, _("Automatisch (volgens wat is ingevuld)")), *StapStatus.choices],
    )


class StarttemplateForm(forms.Form):
    prefix = "sjabloon"

    template = forms.ModelChoiceField(
        label=_("Beginsituatie → doel"), queryset=Starttemplate.objects.all()
    )
    uitdaging = forms.ModelChoiceField(
        label=_("Voor uitdaging"), queryset=Uitdaging.objects.none(), required=False
    )

    def __init__(self, *args, uitdagingen=None, **kwargs):
        super().__init__(*args, **kwargs)
        if uitdagingen is not None:
            self.fields["uitdaging"].queryset = uitdagingen
