"""Filter bars of the meeting list and the follow-up list."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activiteiten.models import Bijeenkomst, Uitkomst
from partners.models import Partner
from zorgnet.lib.choices import BijeenkomstType
from zorgnet.lib.filters import Filterbalk, Vinkje, tot_filter, van_filter


class BijeenkomstFilter(Filterbalk):
    type = django_filters.ChoiceFilter(
        label=_("Soort"), choices=BijeenkomstType.choices, empty_label=_("Alle")
    )
    van = van_filter("datum")
    tot = tot_filter("datum")

    class Meta(Filterbalk.Meta):
        model = Bijeenkomst
        fields = []


class OpvolgingFilter(Filterbalk):
    eigenaar = django_filters.ModelChoiceFilter(
        label=_("Eigenaar"), queryset=Partner.objects.none(), empty_label=_("Alle")
    )
    te_laat = Vinkje(label=_("Alleen te laat"), method="alleen_te_laat")

    class Meta(Filterbalk.Meta):
        model = Uitkomst
        fields = []

    def __init__(self, *args, partners=None, **kwargs):
        super().__init__(*args, **kwargs)
        if partners is not None:
            self.filters["eigenaar"].queryset = partners

    def alleen_te_laat(self, qs, naam, waarde):
        return qs.filter(deadline__lt=timezone.localdate()) if waarde else qs
