"""Filters of the network page and the start form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zorgnet.lib.choices import Intensiteit, Sector
from zorgnet.netwerkanalyse.models import NetwerkLaag
from zorgnet.netwerkanalyse.weergave import MATEN


class NetwerkForm(forms.Form):
    """Which run (layer, minimum intensity) and how to draw it (sector, node size)."""

    laag = forms.ChoiceField(
        label=_("Laag"),
        choices=NetwerkLaag.choices,
        initial=NetwerkLaag.GECOMBINEERD,
        required=False,
    )
    intensiteit = forms.TypedChoiceField(
        label=_("Minstens"),
        choices=Intensiteit.choices,
        coerce=int,
        initial=1,
        required=False,
        empty_value=1,
    )
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("Alle sectoren")), *Sector.choices], required=False
    )
    maat = forms.ChoiceField(
        label=_("Grootte volgens"),
        choices=list(MATEN.items()),
        initial="betweenness",
        required=False,
    )

    def waarden(self) -> dict:
        """Cleaned values with defaults; invalid filters fall back to the defaults."""
        schoon = self.cleaned_data if self.is_valid() else {}
        return {
            "laag": schoon.get("laag") or NetwerkLaag.GECOMBINEERD,
            "min_intensiteit": schoon.get("intensiteit") or 1,
            "sector": schoon.get("sector") or "",
            "maat": schoon.get("maat") or "betweenness",
        }
