"""Hypothesis strategies derived from Django forms, and a row counter to prove nothing was written."""

import datetime as dt

from django import forms
from django.apps import apps
from hypothesis import strategies as st

GEVOLGDE_APPS = ("buurten", "partners", "activiteiten")

# Text as a browser can send it: any printable or control character except lone surrogates,
# sometimes huge.
TEKST = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.sampled_from(["", " ", "0", "-1", "1e309", "NaN", "<script>x</script>", "'; DROP TABLE x"]),
    st.integers(min_value=200, max_value=20_000).map(lambda n: "x" * n),
)
DATUMTEKST = st.one_of(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(dt.date.isoformat),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    TEKST,
)
GETALTEKST = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    TEKST,
)


def _keuzes(veld) -> list[str]:
    if isinstance(veld, forms.ModelChoiceField):
        return [str(pk) for pk in veld.queryset.values_list("pk", flat=True)[:50]]
    waarden = []
    for waarde, label in veld.choices:
        if isinstance(label, list | tuple):  # option groups
            waarden.extend(str(w) for w, _l in label)
        else:
            waarden.append(str(waarde))
    return [w for w in waarden if w != ""]


GEWONE_TEKST = st.sampled_from(
    ["Buurtsoep", "Wandeling met de buren", "Ontmoeting in het buurthuis", "Vraag naar hulp"]
)
RECENTE_DATUM = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2025, 12, 31)).map(
    dt.date.isoformat
)


def _plausibel(veld: forms.Field) -> st.SearchStrategy | None:
    """Values a careful user would enter (so the success path is reached too)."""
    if isinstance(veld, forms.BooleanField | forms.NullBooleanField):
        return st.sampled_from([None, "on"])
    if isinstance(veld, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        keuzes = _keuzes(veld)
        return st.lists(st.sampled_from(keuzes), max_size=3, unique=True) if keuzes else None
    if isinstance(veld, forms.ChoiceField | forms.ModelChoiceField):
        keuzes = _keuzes(veld)
        return st.sampled_from(keuzes) if keuzes else None
    if isinstance(veld, forms.DateField | forms.DateTimeField):
        return RECENTE_DATUM
    if isinstance(veld, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return st.integers(min_value=0, max_value=3).map(str)
    if isinstance(veld, forms.URLField):
        return st.just("https://voorbeeld.be")
    if isinstance(veld, forms.EmailField):
        return st.just("iemand@voorbeeld.be")
    if isinstance(veld, forms.JSONField):
        return st.just("[]")
    return GEWONE_TEKST


def _willekeurig(veld: forms.Field) -> st.SearchStrategy:
    """Garbage of roughly the field's kind: wrong types, huge text, unknown choices."""
    if isinstance(veld, forms.BooleanField | forms.NullBooleanField):
        return st.sampled_from(["true", "false", "unknown", "2", ""])
    if isinstance(veld, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return st.lists(st.one_of(TEKST, st.integers(-5, 10**9).map(str)), max_size=3)
    if isinstance(veld, forms.ChoiceField | forms.ModelChoiceField):
        return st.one_of(TEKST, st.integers(-5, 10**9).map(str))
    if isinstance(veld, forms.DateField | forms.DateTimeField):
        return DATUMTEKST
    if isinstance(veld, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return GETALTEKST
    return TEKST


def veld_strategie(veld: forms.Field) -> st.SearchStrategy:
    """Mostly plausible values for the field, regularly garbage."""
    if isinstance(veld, forms.FileField):
        return st.none()
    goed = _plausibel(veld)
    slecht = _willekeurig(veld)
    return st.one_of(goed, goed, slecht) if goed is not None else slecht


def form_strategie(form: forms.BaseForm) -> st.SearchStrategy[dict]:
    """A POST body for the form: required fields always sent, optional ones sometimes."""
    verplicht = {
        form.add_prefix(n): veld_strategie(v) for n, v in form.fields.items() if v.required
    }
    optioneel = {
        form.add_prefix(n): veld_strategie(v) for n, v in form.fields.items() if not v.required
    }
    return st.fixed_dictionaries(verplicht, optional=optioneel).map(
        lambda d: {k: v for k, v in d.items() if v is not None}
    )


def rijen_tellen() -> dict[str, int]:
    """Row count of every table of the domain apps, history tables included."""
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.app_label in GEVOLGDE_APPS
    }
