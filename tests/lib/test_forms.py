from django import forms
from django.core.exceptions import ValidationError

from zorgnet.lib.forms import fouten_naar_form


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
