from django.contrib import admin

from .models import Mailbericht, Melding


@admin.register(Melding)
class MeldingAdmin(admin.ModelAdmin):
    list_display = ["aangemaakt_op", "ontvanger", "soort", "titel", "gelezen_op", "gemaild_op"]
    list_filter = ["soort"]
    raw_id_fields = ["ontvanger", "buurt"]


@admin.register(Mailbericht)
class MailberichtAdmin(admin.ModelAdmin):
    """The mail log: who, what kind, when and how it went; never editable."""

    list_display = ["aangemaakt_op", "adres", "soort", "status", "pogingen", "klaar_op"]
    list_filter = ["soort", "status"]
    search_fields = ["adres"]
    exclude = ["tekst", "html", "bijlage"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
