"""Search and filters of the partner list."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zorgnet.lib.choices import Schaal, Sector
from zorgnet.lib.filters import Filterbalk

from .models import Partner, PartnerStatus


class PartnerFilter(Filterbalk):
    zoek = django_filters.CharFilter(label=_("Zoeken"), method="zoeken")
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Sector.choices, empty_label=_("Alle sectoren")
    )
    werkingsgebied = django_filters.ChoiceFilter(
        label=_("Schaal"), choices=Schaal.choices, empty_label=_("Alle schalen")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=PartnerStatus.choices, empty_label=_("Alle statussen")
    )
    formeel = django_filters.ChoiceFilter(
        label=_("Formeel/informeel"),
        choices=[("ja", _("Formeel")), ("nee", _("Informeel"))],
        empty_label=_("Allemaal"),
        method="formeel_of_niet",
    )

    class Meta(Filterbalk.Meta):
        model = Partner
        fields = []

    def zoeken(self, qs, naam, waarde):
        return qs.filter(Q(naam__icontains=waarde) | Q(wat_wij_doen__icontains=waarde))

    def formeel_of_niet(self, qs, naam, waarde):
        return qs.filter(formeel=waarde == "ja")
