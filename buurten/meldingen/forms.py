from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Frequentie, Meldingsoort
from .selectors import keuzes_voor, standaard_voor


class VoorkeurenForm(forms.Form):
    """One choice per kind of notification: at once, daily, weekly, or no mail."""

    def __init__(self, *args, voorkeuren: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for soort, label in Meldingsoort.choices:
            self.fields[soort] = forms.ChoiceField(
                label=label,
                choices=[(k, Frequentie(k).label) for k in keuzes_voor(soort)],
                initial=voorkeuren.get(soort, standaard_voor(soort)),
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies hoe je hierover mails wil krijgen.")},
            )
