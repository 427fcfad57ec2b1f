"""Forms for meetings. Kept flexible (DOMAIN W7: the supportersmeeting procedure is inferred):
only type and date are required; the NA levels appear for supportersmeetings only."""

from django import forms
from django.utils.translation import gettext_lazy as _

from activiteiten.bijeenkomsten.services import MAX_TE_PLANNEN
from activiteiten.models import Bijeenkomst, Reeks, UitkomstSoort
from buurten.models import Buurt
from partners.forms import beperk_tot_buurt
from partners.models import Contactpersoon, Partner
from zorgnet.lib.choices import ActieCategorie, BijeenkomstType, SignaalThema, Urgentie
from zorgnet.lib.forms import DATUM
from zorgnet.lib.privacy import WAARSCHUWING

TIJD = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
AANTAL = forms.NumberInput(attrs={"inputmode": "numeric", "min": 0})


class BijeenkomstForm(forms.ModelForm):
    class Meta:
        model = Bijeenkomst
        fields = [
            "type",
            "datum",
            "begintijd",
            "eindtijd",
            "titel",
            "plaats",
            "thema",
            "facilitator",
            "agenda",
            "situatie",
            "zorgniveau",
            "handelingsniveau",
            "responsniveau",
        ]
        widgets = {
            "datum": DATUM,
            "begintijd": TIJD,
            "eindtijd": TIJD,
            "agenda": forms.Textarea(attrs={"rows": 5}),
            "situatie": forms.Textarea(attrs={"rows": 3}),
            "zorgniveau": forms.RadioSelect,
            "handelingsniveau": forms.RadioSelect,
            "responsniveau": forms.RadioSelect,
        }

    def __init__(self, *args, buurt: Buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt
        self.fields["situatie"].help_text = WAARSCHUWING
        for veld in ("zorgniveau", "handelingsniveau", "responsniveau"):
            # RadioSelect on a blank-able field shows a '-----' choice; drop it.
            self.fields[veld].choices = [c for c in self.fields[veld].choices if c[0]]

    def clean(self):
        data = super().clean()
        # Radio buttons cannot be un-ticked: switching away from a supportersmeeting clears them.
        if data.get("type") and data["type"] != BijeenkomstType.SUPPORTERSMEETING:
            for veld in ("zorgniveau", "handelingsniveau", "responsniveau"):
                data[veld] = ""
                setattr(self.instance, veld, "")
        return data


class ContactpersoonKeuze(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        functie = f", {obj.functie}" if obj.functie else ""
        return f"{obj} ({obj.partner.naam}{functie})"


class AanwezigheidForm(forms.Form):
    aanwezig = ContactpersoonKeuze(
        label=_("Aanwezig"),
        queryset=Contactpersoon.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "Deze persoon hoort niet bij de partners van deze buurt: voeg hem of haar toe "
                "als nieuw."
            )
        },
    )
    aantal_bewoners = forms.IntegerField(
        label=_("Aantal bewoners (anoniem)"), min_value=0, initial=0, widget=AANTAL
    )
    aantal_anderen = forms.IntegerField(
        label=_("Andere deelnemers zonder naam"), min_value=0, initial=0, widget=AANTAL
    )

    def __init__(self, *args, keuzes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanwezig"].queryset = keuzes


class GenodigdenForm(forms.Form):
    """Contact persons of the buurt's partners to invite by e-mail (with an .ics)."""

    genodigden = ContactpersoonKeuze(
        label=_("Uitnodigen per e-mail"),
        queryset=Partner.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Kies wie je wil uitnodigen."),
            "invalid_choice": _("Kies alleen contactpersonen van de partners van deze buurt."),
        },
    )

    def __init__(self, *args, keuzes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["genodigden"].queryset = keuzes.exclude(email="")


class NieuweAanwezigeForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=160, required=False)
    partner = forms.ModelChoiceField(
        label=_("Partner"),
        queryset=Partner.objects.none(),
        required=False,
        empty_label=_("— geen partner —"),
    )
    organisatie = forms.CharField(label=_("Andere organisatie"), max_length=160, required=False)
    nieuw = forms.BooleanField(label=_("Nieuw in het netwerk"), required=False, initial=True)

    def __init__(self, *args, partners=None, **kwargs):
        super().__init__(*args, **kwargs)
        if partners is not None:
            beperk_tot_buurt(self.fields["partner"], queryset=partners)

    def is_leeg(self) -> bool:
        data = getattr(self, "cleaned_data", {}) or {}
        return not (data.get("naam") or data.get("partner") or data.get("organisatie"))


NieuweAanwezigenFormSet = forms.formset_factory(NieuweAanwezigeForm, extra=3)


class UitkomstForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort"), choices=UitkomstSoort.choices, widget=forms.RadioSelect
    )
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=200)
    eigenaar = forms.ModelChoiceField(
        label=_("Eigenaar (wie neemt het op?)"),
        queryset=Partner.objects.none(),
        required=False,
        empty_label=_("— niemand —"),
    )
    deadline = forms.DateField(label=_("Tegen wanneer"), required=False, widget=DATUM)
    categorie = forms.ChoiceField(
        label=_("Categorie van de actie"),
        choices=ActieCategorie.choices,
        initial=ActieCategorie.NETWERKVORMING,
        required=False,
    )
    thema = forms.ChoiceField(
        label=_("Thema van het signaal"),
        choices=[("", "—")] + SignaalThema.choices,
        required=False,
    )
    urgentie = forms.ChoiceField(
        label=_("Urgentie van het signaal"),
        choices=Urgentie.choices,
        initial=Urgentie.NORMAAL,
        required=False,
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        beperk_tot_buurt(self.fields["eigenaar"], queryset=partners)
        self.fields["omschrijving"].help_text = WAARSCHUWING


class ReeksForm(forms.ModelForm):
    class Meta:
        model = Reeks
        fields = [
            "titel",
            "type",
            "frequentie",
            "eerste_datum",
            "begintijd",
            "eindtijd",
            "plaats",
            "thema",
            "facilitator",
        ]
        widgets = {"eerste_datum": DATUM, "begintijd": TIJD, "eindtijd": TIJD}

    def __init__(self, *args, buurt: Buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt


class PlannenForm(forms.Form):
    aantal = forms.IntegerField(
        label=_("Aantal volgende data"), min_value=1, max_value=MAX_TE_PLANNEN, initial=6
    )
