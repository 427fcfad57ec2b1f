"""Filter bars of the signal and action lists (also used by the action export)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from activiteiten.models import Actie, ActieStatus, Activiteitenpakket, Signaal, SignaalStatus
from buurten.models import Buurt
from zorgnet.lib.choices import ActieCategorie, SignaalThema
from zorgnet.lib.filters import Filterbalk, tot_filter, van_filter


class SignaalFilter(Filterbalk):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=SignaalStatus.choices, empty_label=_("Alle")
    )
    thema = django_filters.ChoiceFilter(
        label=_("Thema"), choices=SignaalThema.choices, empty_label=_("Alle")
    )
    van = van_filter("datum")
    tot = tot_filter("datum")

    class Meta(Filterbalk.Meta):
        model = Signaal
        fields = []


class ActieFilter(Filterbalk):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ActieStatus.choices, empty_label=_("Alle")
    )
    categorie = django_filters.ChoiceFilter(
        label=_("Categorie"), choices=ActieCategorie.choices, empty_label=_("Alle")
    )
    pakket = django_filters.ModelChoiceFilter(
        label=_("Pakket"), queryset=Activiteitenpakket.objects.none()
    )
    van = van_filter("startdatum")
    tot = tot_filter("startdatum")

    class Meta(Filterbalk.Meta):
        model = Actie
        fields = []

    def __init__(self, *args, buurt: Buurt | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the buurt's own packages are valid choices (a pakket id of another buurt is refused).
        if buurt is not None:
            self.filters["pakket"].queryset = Activiteitenpakket.objects.filter(buurt=buurt)
