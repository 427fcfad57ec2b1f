"""Admin for frameworks (beheerders add frameworks as data), actions and signals."""

from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from activiteiten.acties.permissions import mag_signaaltekst_lezen
from activiteiten.acties.services import signaaltekst_gelezen
from activiteiten.models import Actie, Beleidssignaal, Framework, FrameworkElement, Signaal
from zorgnet.lib.bestanden import BestandenAdmin

TEKSTVELD = "omschrijving"


class ElementInline(admin.TabularInline):
    model = FrameworkElement
    extra = 0


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "bron"]
    inlines = [ElementInline]


@admin.register(Actie)
class ActieAdmin(BestandenAdmin, admin.ModelAdmin):
    bestand_urls = {
        "draaiboek": lambda a: reverse("activiteiten:actie_draaiboek", args=(a.buurt_id, a.pk)),
        "verhaal_foto": lambda a: reverse("activiteiten:actie_foto", args=(a.buurt_id, a.pk)),
    }
    list_display = ["titel", "buurt", "status", "startdatum", "trekker"]
    list_filter = ["status", "categorie"]
    list_select_related = ["buurt", "trekker"]
    search_fields = ["titel"]
    filter_horizontal = ["co_partners", "bouwstenen", "pijlers"]


class _Tekstbewaker(HistoricalRecordContextHelper):
    """History deltas of a signal in the admin: the text only for who may read the signal
    (decided once per request by SignaalAdmin.history_view)."""

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def context_for_delta_changes(self, delta):
        rijen = super().context_for_delta_changes(delta)
        if not any(c.field == TEKSTVELD for c in delta.changes):
            return rijen
        if getattr(self.request, "_zorgnet_toon_tekst", False):
            self.request._zorgnet_tekst_getoond = True
            return rijen
        verborgen = _("(verborgen)")
        return [
            {**r, "old": verborgen, "new": verborgen} if c.field == TEKSTVELD else r
            for c, r in zip(delta.changes, rijen, strict=True)
        ]


@admin.register(Signaal)
class SignaalAdmin(SimpleHistoryAdmin):
    """The signal text follows the one rule (activiteiten/acties/permissions.py) here too: the
    form and the history show it only to who may read the signal, and each view that shows it
    is logged as a read ('beheer')."""

    # The free text is not in the list: admins see situations only when they open one.
    list_display = ["id", "buurt", "datum", "thema", "status", "partner"]
    list_filter = ["status", "thema", "kanaal"]
    list_select_related = ["buurt", "partner"]

    def _mag_lezen(self, request, obj) -> bool:
        return obj is None or mag_signaaltekst_lezen(request.user, obj)

    def _gelezen(self, request, obj, waar: str) -> None:
        signaaltekst_gelezen(
            gebruiker=request.user, buurt=obj.buurt, signaal_ids=[obj.pk], waar=waar
        )

    def _signaal(self, object_id):
        return Signaal.objects.filter(pk=object_id).select_related("buurt").first()

    def get_exclude(self, request, obj=None):
        uitgesloten = list(super().get_exclude(request, obj) or [])
        if not self._mag_lezen(request, obj):
            uitgesloten.append(TEKSTVELD)
        return uitgesloten

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk and TEKSTVELD in context["adminform"].form.fields:
            self._gelezen(request, obj, "beheer")
        return super().render_change_form(request, context, add, change, form_url, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        antwoord = super().history_form_view(request, object_id, version_id, extra_context)
        signaal = self._signaal(object_id)
        if signaal is not None and self._mag_lezen(request, signaal):
            self._gelezen(request, signaal, "beheer (geschiedenis)")
        return antwoord

    def get_historical_record_context_helper(self, request, historical_record):
        return _Tekstbewaker(self.model, historical_record, request=request)

    def history_view(self, request, object_id, extra_context=None):
        signaal = self._signaal(object_id)
        request._zorgnet_toon_tekst = signaal is not None and self._mag_lezen(request, signaal)
        request._zorgnet_tekst_getoond = False
        antwoord = super().history_view(request, object_id, extra_context)
        if request._zorgnet_tekst_getoond:
            self._gelezen(request, signaal, "beheer (geschiedenis)")
        return antwoord


@admin.register(Beleidssignaal)
class BeleidssignaalAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "buurt", "verstuurd_op", "reactie_op"]
    list_select_related = ["buurt"]
