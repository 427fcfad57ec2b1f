"""Forms for actions and signals. The quick forms put the essentials first (a minute on a phone);
everything else sits in a collapsed 'meer details' block in the template."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from activiteiten.acties import selectors
from activiteiten.models import (
    Actie,
    Activiteitenpakket,
    Beleidssignaal,
    Signaal,
    SignaalStatus,
)
from buurten.models import Buurt
from partners.forms import beperk_tot_buurt
from partners.models import Partner
from zorgnet.lib.choices import NIET_INGESCHAT, Doelgroep
from zorgnet.lib.forms import DATUM, KeuzeZonderLeeg
from zorgnet.lib.privacy import WAARSCHUWING


class ElementKeuze(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.naam} · {obj.framework.naam}"


class ActieForm(forms.ModelForm):
    doelgroepen = forms.MultipleChoiceField(
        label=_("Bereikte doelgroepen"),
        choices=Doelgroep.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    co_partners = forms.ModelMultipleChoiceField(
        label=_("Mee-organiserende partners"),
        queryset=Partner.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    bouwstenen = ElementKeuze(
        label=_("Bouwstenen"),
        queryset=selectors.bouwsteenelementen(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    pijlers = ElementKeuze(
        label=_("Pijlers"),
        queryset=selectors.pijlerelementen(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Actie
        fields = [
            "titel",
            "startdatum",
            "status",
            "categorie",
            "trekker",
            "deelnemers",
            "einddatum",
            "co_partners",
            "pakket",
            "doelgroepen",
            "bouwstenen",
            "pijlers",
            "verhaal",
            "verhaal_foto",
            "toestemming_verhaal",
            "terugkerend",
            "draaiboek",
        ]
        widgets = {
            "startdatum": DATUM,
            "einddatum": DATUM,
            "verhaal": forms.Textarea(attrs={"rows": 3}),
            "deelnemers": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "trekker": KeuzeZonderLeeg,
        }

    def __init__(self, *args, buurt: Buurt, trekkers, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt
        beperk_tot_buurt(self.fields["trekker"], queryset=trekkers)
        self.fields["trekker"].empty_label = None
        beperk_tot_buurt(self.fields["co_partners"], buurt)
        self.fields["pakket"].queryset = Activiteitenpakket.objects.filter(buurt=buurt)
        self.fields["titel"].widget.attrs["autofocus"] = True
        if self.instance.pk:
            for veld, naam in (("draaiboek", "draaiboek"), ("verhaal_foto", "foto")):
                self.fields[veld].widget.download_url = reverse(
                    f"activiteiten:actie_{naam}", args=(buurt.pk, self.instance.pk)
                )

    def clean_doelgroepen(self) -> list[str]:
        return list(self.cleaned_data.get("doelgroepen") or [])


class SignaalForm(forms.ModelForm):
    collectief = forms.TypedChoiceField(
        label=_("Individueel of collectief"),
        choices=[("0", _("Individueel")), ("1", _("Collectief"))],
        coerce=lambda v: v == "1",
        initial="0",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Signaal
        fields = [
            "thema",
            "kanaal",
            "collectief",
            "urgentie",
            "zorgniveau",
            "responsniveau",
            "datum",
            "omschrijving",
            "partner",
        ]
        widgets = {
            "datum": DATUM,
            "omschrijving": forms.Textarea(attrs={"rows": 3}),
            "zorgniveau": forms.RadioSelect,
            "urgentie": forms.RadioSelect,
        }

    def __init__(self, *args, buurt: Buurt, partners, partner_verplicht: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt
        beperk_tot_buurt(self.fields["partner"], queryset=partners)
        self.fields["partner"].required = partner_verplicht
        if partner_verplicht:
            self.fields["partner"].empty_label = None
            self.fields["partner"].help_text = ""
        else:
            self.fields["partner"].empty_label = _("— de buurtregisseur zelf —")
        self.fields["omschrijving"].help_text = WAARSCHUWING
        # The estimates are optional and start empty: "niet ingeschat" is a choice of its own, so a
        # signal stores a zorgniveau or responsniveau only when someone picked one.
        for veld in ("zorgniveau", "responsniveau"):
            self.fields[veld].required = False
            self.fields[veld].choices = [("", NIET_INGESCHAT)] + [
                c for c in self.fields[veld].choices if c[0]
            ]


class SignaalStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"), choices=SignaalStatus.choices)

    def __init__(self, *args, signaal: Signaal, **kwargs):
        super().__init__(*args, **kwargs)
        # Referral and bundling have their own forms; here only the plain steps are offered.
        handmatig = [
            s
            for s in (SignaalStatus.IN_BEHANDELING, SignaalStatus.OPGELOST)
            if s in signaal.volgende_statussen()
        ]
        self.fields["status"].widget.choices = [(s, SignaalStatus(s).label) for s in handmatig]
        self.heeft_keuzes = bool(handmatig)


class DoorverwijzingForm(forms.Form):
    # No partner is preselected: a sensitive signal must not go to the first organisation in the
    # list with one click. Choosing is required.
    naar_partner = forms.ModelChoiceField(
        label=_("Naar partner"),
        queryset=Partner.objects.none(),
        empty_label=_("— kies een partner —"),
        error_messages={"required": _("Kies de partner naar wie je doorverwijst.")},
    )
    van_partner = forms.ModelChoiceField(
        label=_("Van partner"),
        queryset=Partner.objects.none(),
        required=False,
        empty_label=_("— de buurtregisseur —"),
    )
    warm = forms.BooleanField(
        label=_("Warme doorverwijzing (persoonlijk overgedragen)"), required=False, initial=True
    )

    def __init__(self, *args, buurt: Buurt, van_partners, **kwargs):
        super().__init__(*args, **kwargs)
        beperk_tot_buurt(self.fields["naar_partner"], buurt)
        self.fields["naar_partner"].error_messages["invalid_choice"] = _(
            "Je kan alleen doorverwijzen naar een partner die in deze buurt actief is."
        )
        beperk_tot_buurt(self.fields["van_partner"], queryset=van_partners)


class UitkomstForm(forms.Form):
    aangekomen = forms.TypedChoiceField(
        label=_("Is de persoon aangekomen?"),
        choices=[("", _("Nog niet gekend")), ("ja", _("Ja")), ("nee", _("Nee"))],
        coerce=lambda v: {"ja": True, "nee": False}.get(v),
        empty_value=None,
        required=False,
    )


class SignaalKeuze(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.get_thema_display()} · {obj.datum:%d/%m/%Y} · {obj.get_status_display()}"


class BeleidssignaalForm(forms.ModelForm):
    signalen = SignaalKeuze(
        label=_("Signalen om te bundelen"),
        queryset=Signaal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Beleidssignaal
        fields = ["titel", "boodschap"]
        widgets = {"boodschap": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, buurt: Buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt
        self.fields["signalen"].queryset = selectors.bundelbare_signalen(buurt)
        self.fields["boodschap"].help_text = WAARSCHUWING


class OpvolgingForm(forms.ModelForm):
    class Meta:
        model = Beleidssignaal
        fields = ["verstuurd_op", "reactie", "reactie_op"]
        widgets = {
            "verstuurd_op": DATUM,
            "reactie_op": DATUM,
            "reactie": forms.Textarea(attrs={"rows": 4}),
        }
