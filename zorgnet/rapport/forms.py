from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Formaat, Rapportnotitie, periode_fout


def _standaardperiode() -> tuple[date, date]:
    """The current calendar year up to today."""
    vandaag = timezone.localdate()
    return date(vandaag.year, 1, 1), vandaag


class PeriodeForm(forms.Form):
    van = forms.DateField(label=_("Van"), widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label=_("Tot en met"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        fout = periode_fout(data.get("van"), data.get("tot"))
        if fout:
            self.add_error("tot", fout)
        return data

    @classmethod
    def uit_query(cls, query) -> "PeriodeForm":
        van, tot = _standaardperiode()
        if "van" in query or "tot" in query:
            return cls(query)
        return cls({"van": van.isoformat(), "tot": tot.isoformat()})


class RapportForm(PeriodeForm):
    formaten = forms.MultipleChoiceField(
        label=_("Formaat"),
        choices=Formaat.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Formaat.PDF, Formaat.XLSX],
        error_messages={"required": _("Kies minstens één formaat.")},
    )


class BuurtRapportForm(RapportForm):
    """The regisseur's report form: may name brokers and fragile links (off by default)."""

    namen_opnemen = forms.BooleanField(
        label=_("Namen opnemen"),
        required=False,
        help_text=_(
            "Verbinders en kwetsbare schakels bij naam noemen. Zonder vinkje toont het rapport "
            "alleen hun aantal en het netwerkbeeld zonder namen."
        ),
    )


class GemeenteRapportForm(RapportForm):
    per_buurt = forms.BooleanField(label=_("Maak ook een rapport per buurt"), required=False)


class NotitieForm(forms.ModelForm):
    class Meta:
        model = Rapportnotitie
        fields = ["van", "tot", "drempels", "ondersteuning", "volgende_stappen"]
        widgets = {
            "van": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tot": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "drempels": forms.Textarea(attrs={"rows": 4}),
            "ondersteuning": forms.Textarea(attrs={"rows": 4}),
            "volgende_stappen": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        data = super().clean()
        fout = periode_fout(data.get("van"), data.get("tot"))
        if fout:
            self.add_error("tot", fout)
        return data

    def validate_unique(self):
        """The service updates an existing note for the same period instead."""
