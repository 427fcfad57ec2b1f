"""Forms for the reflection cycle. Partner users see only their own organisation (and its own work)
in the pickers; the services check the same rule again."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from activiteiten.models import (
    SCORE_MAX,
    SCORE_MIN,
    Actie,
    Activiteitenpakket,
    Bijeenkomst,
    Contactmoment,
    Doel,
    GeoogsteUitkomst,
    Indicatormeting,
    Reflectiemoment,
    Succes,
    Termijn,
    Verhaal,
    Voortgangsindicator,
)
from activiteiten.reflectie import selectors
from buurten.analyse.models import Bevraging
from buurten.models import Buurt
from partners.models import Partner
from zorgnet.lib.choices import ActieCategorie
from zorgnet.lib.forms import DATUM
from zorgnet.lib.privacy import WAARSCHUWING

SCOREKEUZES = [(str(i), str(i)) for i in range(SCORE_MIN, SCORE_MAX + 1)]
SCOREFOUT = _("Een score ligt tussen 1 en 5.")


def _partnerveld(form, buurt: Buurt, eigen: set[int] | None, verplicht: bool = False) -> None:
    qs = Partner.objects.filter(buurten=buurt).order_by("naam")
    if eigen is not None:
        qs = qs.filter(id__in=eigen)
        verplicht = True
        if len(eigen) == 1 and not form.is_bound:
            form.initial.setdefault("partner", next(iter(eigen)))
    form.fields["partner"].queryset = qs
    form.fields["partner"].required = verplicht


class ReflectieForm(forms.ModelForm):
    class Meta:
        model = Reflectiemoment
        fields = [
            "titel",
            "datum",
            "periode_van",
            "periode_tot",
            "met_regisseur",
            "partners",
            "samen_scoren",
            "notities",
        ]
        widgets = {
            "datum": DATUM,
            "periode_van": DATUM,
            "periode_tot": DATUM,
            "partners": forms.CheckboxSelectMultiple,
            "notities": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, buurt: Buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt
        self.fields["partners"].queryset = Partner.objects.filter(buurten=buurt).order_by("naam")
        self.fields["partners"].required = False  # the service says why one is needed
        self.fields["notities"].help_text = WAARSCHUWING


class ScoreForm(forms.Form):
    """One participant's scores: a 1-5 choice per werkende factor and per spanningsveld (between
    its two poles), with a note per spanningsveld."""

    def __init__(self, *args, factoren, spanningsvelden, bestaand=None, **kwargs):
        super().__init__(*args, **kwargs)
        bestaand = bestaand or {}
        self.factoren, self.spanningsvelden = factoren, spanningsvelden
        for element in [*factoren, *spanningsvelden]:
            score = bestaand.get(element.id)
            self.fields[f"e{element.id}"] = forms.ChoiceField(
                label=element.naam,
                choices=SCOREKEUZES,
                required=False,
                widget=forms.RadioSelect,
                initial=str(score.waarde) if score else None,
                error_messages={"invalid_choice": SCOREFOUT},
                help_text=element.omschrijving,
            )
        for element in spanningsvelden:
            score = bestaand.get(element.id)
            self.fields[f"n{element.id}"] = forms.CharField(
                label=_("Notitie"),
                required=False,
                max_length=500,
                initial=score.notitie if score else "",
            )

    def waarden(self) -> dict[int, tuple[str, str]]:
        uit = {}
        for element in [*self.factoren, *self.spanningsvelden]:
            waarde = self.cleaned_data.get(f"e{element.id}")
            if waarde:
                uit[element.id] = (waarde, self.cleaned_data.get(f"n{element.id}", ""))
        return uit

    def factorvelden(self):
        return [(e, self[f"e{e.id}"]) for e in self.factoren]

    def spanningsveldvelden(self):
        return [(e, self[f"e{e.id}"], self[f"n{e.id}"]) for e in self.spanningsvelden]


class AntwoordenForm(forms.Form):
    def __init__(self, *args, vragen, bestaand=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.vragen = vragen
        bestaand = bestaand or {}
        for vraag in vragen:
            self.fields[f"v{vraag.id}"] = forms.CharField(
                label=vraag.naam,
                help_text=vraag.omschrijving,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=bestaand.get(vraag.id, ""),
            )

    def antwoorden(self) -> dict[int, str]:
        return {v.id: self.cleaned_data.get(f"v{v.id}", "") for v in self.vragen}


class OpvolgingActieForm(forms.ModelForm):
    aanleiding = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)

    class Meta:
        model = Actie
        fields = ["titel", "trekker", "categorie", "status", "startdatum"]
        widgets = {"startdatum": DATUM}

    def __init__(self, *args, buurt: Buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt
        self.fields["trekker"].queryset = Partner.objects.filter(buurten=buurt).order_by("naam")
        self.fields["categorie"].initial = ActieCategorie.ONTMOETING


class DoelwijzigingForm(forms.Form):
    doel = forms.ModelChoiceField(queryset=Doel.objects.none(), label=_("Doel"))
    titel = forms.CharField(label=_("Nieuwe titel"), max_length=200)
    termijn = forms.ChoiceField(label=_("Termijn"), choices=Termijn.choices)
    omschrijving = forms.CharField(
        label=_("Omschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reden = forms.CharField(
        label=_("Waarom bijsturen?"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, buurt: Buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doel"].queryset = Doel.objects.filter(buurt=buurt)


class SuccesForm(forms.ModelForm):
    class Meta:
        model = Succes
        fields = [
            "titel",
            "wat_hielp",
            "datum",
            "partner",
            "actie",
            "bijeenkomst",
            "pakket",
            "moment",
        ]
        widgets = {"datum": DATUM, "wat_hielp": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, buurt: Buurt, eigen: set[int] | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt
        _partnerveld(self, buurt, eigen)
        acties = Actie.objects.filter(buurt=buurt)
        bijeenkomsten = Bijeenkomst.objects.filter(buurt=buurt)
        pakketten = Activiteitenpakket.objects.filter(buurt=buurt)
        if eigen is not None:
            acties = acties.filter(Q(trekker_id__in=eigen) | Q(co_partners__id__in=eigen))
            bijeenkomsten = bijeenkomsten.filter(aanwezigheden__partner_id__in=eigen)
            pakketten = pakketten.filter(team__id__in=eigen)
        self.fields["actie"].queryset = acties.distinct().order_by("-startdatum")
        self.fields["bijeenkomst"].queryset = bijeenkomsten.distinct().order_by("-datum")
        self.fields["pakket"].queryset = pakketten.distinct()
        self.fields["moment"].queryset = Reflectiemoment.objects.filter(buurt=buurt)
        self.fields["wat_hielp"].help_text = _("Benoem ook wat je hierbij geholpen heeft.")


class ContactmomentForm(forms.ModelForm):
    class Meta:
        model = Contactmoment
        fields = ["soort", "datum", "aantal", "partner"]
        widgets = {
            "datum": DATUM,
            "aantal": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1, "max": 200}),
        }

    def __init__(self, *args, buurt: Buurt, eigen: set[int] | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt
        _partnerveld(self, buurt, eigen)


class UitkomstForm(forms.ModelForm):
    class Meta:
        model = GeoogsteUitkomst
        fields = [
            "categorie",
            "wat_veranderde",
            "voor_wie",
            "bijdrage",
            "bewijs",
            "betekenis",
            "datum",
            "partner",
            "doelen",
            "pakketten",
            "acties",
        ]
        widgets = {
            "datum": DATUM,
            "wat_veranderde": forms.Textarea(attrs={"rows": 3}),
            "bijdrage": forms.Textarea(attrs={"rows": 2}),
            "bewijs": forms.Textarea(attrs={"rows": 2}),
            "betekenis": forms.Textarea(attrs={"rows": 2}),
            "doelen": forms.CheckboxSelectMultiple,
            "pakketten": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, buurt: Buurt, eigen: set[int] | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt
        _partnerveld(self, buurt, eigen)
        self.fields["categorie"].queryset = selectors.uitkomstcategorieen()
        self.fields["categorie"].label_from_instance = lambda e: f"{e.framework.naam}: {e.naam}"
        self.fields["doelen"].queryset = Doel.objects.filter(buurt=buurt)
        self.fields["pakketten"].queryset = Activiteitenpakket.objects.filter(buurt=buurt)
        self.fields["acties"].queryset = Actie.objects.filter(buurt=buurt).order_by("-startdatum")
        self.fields["wat_veranderde"].help_text = WAARSCHUWING


class VerhaalForm(forms.ModelForm):
    class Meta:
        model = Verhaal
        fields = [
            "titel",
            "tekst",
            "foto",
            "toestemming",
            "datum",
            "partner",
            "actie",
            "bijeenkomst",
            "bevraging",
            "moment",
        ]
        widgets = {
            "datum": DATUM,
            "tekst": forms.Textarea(attrs={"rows": 5}),
            "toestemming": forms.RadioSelect,
        }

    def __init__(self, *args, buurt: Buurt, eigen: set[int] | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt
        _partnerveld(self, buurt, eigen)
        self.fields["actie"].queryset = Actie.objects.filter(buurt=buurt).order_by("-startdatum")
        self.fields["bijeenkomst"].queryset = Bijeenkomst.objects.filter(buurt=buurt)
        self.fields["bevraging"].queryset = Bevraging.objects.filter(analyse__buurt=buurt)
        self.fields["moment"].queryset = Reflectiemoment.objects.filter(buurt=buurt)
        self.fields["tekst"].help_text = WAARSCHUWING


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Voortgangsindicator
        fields = ["naam", "soort", "doel", "actie", "streefwaarde", "eenheid", "buurtindicator"]

    def __init__(self, *args, buurt: Buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt
        self.fields["doel"].queryset = Doel.objects.filter(buurt=buurt)
        self.fields["actie"].queryset = Actie.objects.filter(buurt=buurt).order_by("-startdatum")
        self.fields["buurtindicator"].help_text = _(
            "Optioneel: toon de trend naast de baseline van de buurtanalyse."
        )


class MetingForm(forms.ModelForm):
    class Meta:
        model = Indicatormeting
        fields = ["datum", "waarde", "toelichting"]
        widgets = {"datum": DATUM}
