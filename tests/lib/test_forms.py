import re

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates

from zorgnet.lib.forms import Renderer, fouten_naar_form


class _Form(forms.Form):
    naam = forms.CharField()


def _geldig_form() -> _Form:
    form = _Form({"naam": "x"})
    assert form.is_valid()
    return form


def test_veldfout_komt_bij_het_veld():
    form = _geldig_form()
    fouten_naar_form(form, ValidationError({"naam": "Te kort."}))
    assert form.errors["naam"] == ["Te kort."]
    assert not form.non_field_errors()


def test_onbekend_veld_gaat_naar_boven():
    form = _geldig_form()
    fouten_naar_form(form, ValidationError({"buurt": "Verkeerde buurt."}))
    assert form.non_field_errors() == ["Verkeerde buurt."]


def test_fout_zonder_veld_gaat_naar_boven():
    form = _geldig_form()
    fouten_naar_form(form, ValidationError(["Eén.", "Twee."]))
    assert form.non_field_errors() == ["Eén.", "Twee."]


# --- selects and checkbox/radio lists written in Python (zorgnet.lib.forms.Renderer) -----------
class _Keuzes(forms.Form):
    keuze = forms.ChoiceField(
        choices=[("", "---"), ("x", 'X & <b>"'), ("Groep", [("g1", "G1"), ("g2", "G2")])],
        initial="g1",
    )
    vinkjes = forms.MultipleChoiceField(
        choices=[("1", "Een"), ("2", "Twee <i>")],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "lijst"}),
        initial=["2"],
    )
    rondjes = forms.ChoiceField(
        choices=[("r", "R"), ("s", "S")], widget=forms.RadioSelect, initial="s"
    )
    meerdere = forms.MultipleChoiceField(
        choices=[("1", "Een"), ("2", "Twee")],
        widget=forms.SelectMultiple(attrs={"disabled": True}),
        initial=["1"],
    )
    groepen = forms.MultipleChoiceField(
        choices=[("G", [("1", "Een")]), ("H", [("2", "Twee")])],
        widget=forms.CheckboxSelectMultiple,
    )


def _gelijk(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


@pytest.mark.parametrize("veld", ["keuze", "vinkjes", "rondjes", "meerdere", "groepen"])
def test_the_python_widgets_write_djangos_markup_escaped(veld):
    django = _Keuzes(renderer=DjangoTemplates())[veld].as_widget()
    zorgnet = _Keuzes(renderer=Renderer())[veld].as_widget()
    assert _gelijk(zorgnet) == _gelijk(django)
    assert "<b>" not in zorgnet and "<i>" not in zorgnet  # labels are escaped
