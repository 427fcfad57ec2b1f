"""Filter bars of the list pages: one base for every django-filter FilterSet.

The URL parameters are the filter names, so bookmarks and the exports that keep the list's
filters read the same query string. An invalid value (an unknown status, a period that ends before
it starts) lists nothing rather than silently listing everything: the bar shows the Dutch error."""

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from zorgnet.lib.forms import DATUM


class PeriodeFilterForm(forms.Form):
    """The form behind a filter bar; checks a `van`/`tot` period when the bar has one."""

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and van > tot:
            raise forms.ValidationError(_("De begindatum ligt na de einddatum."))
        return data


class Vinkje(django_filters.Filter):
    """A checkbox (`?te_laat=on`), as the hand-written forms had it; unticked filters nothing."""

    field_class = forms.BooleanField


def van_filter(veld: str) -> django_filters.DateFilter:
    return django_filters.DateFilter(
        field_name=veld, lookup_expr="gte", label=_("Van"), widget=DATUM
    )


def tot_filter(veld: str) -> django_filters.DateFilter:
    return django_filters.DateFilter(
        field_name=veld, lookup_expr="lte", label=_("Tot en met"), widget=DATUM
    )


class Filterbalk(django_filters.FilterSet):
    class Meta:
        form = PeriodeFilterForm

    @property
    def ongeldig(self) -> bool:
        return self.is_bound and not self.form.is_valid()

    @property
    def resultaten(self) -> QuerySet:
        """The filtered queryset; empty when a filter is invalid (the form carries the error)."""
        return self.queryset.none() if self.ongeldig else self.qs

    def waarden(self) -> dict:
        """The chosen, valid values by filter name (for a job that filters again later)."""
        if not self.is_bound or self.ongeldig:
            return {}
        return {k: v for k, v in self.form.cleaned_data.items() if v not in (None, "", False)}

    @classmethod
    def toepassen(cls, qs: QuerySet, waarden: dict, **kwargs) -> QuerySet:
        """Apply already-cleaned values (a report period, a stored export) with the same filters
        as the list page, so the rule for each parameter is written once."""
        filterset = cls(queryset=qs, **kwargs)
        for naam, waarde in waarden.items():
            qs = filterset.filters[naam].filter(qs, waarde)
        return qs
