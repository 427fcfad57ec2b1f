from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from buurten.analyse import admin as analyse_admin  # noqa: F401  (registers its models)
from buurten.meldingen import admin as meldingen_admin  # noqa: F401  (registers its models)

from .models import Buurt, Gemeente, Lidmaatschap, Toegangsgebeurtenis


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    search_fields = ["naam"]


@admin.register(Buurt)
class BuurtAdmin(admin.ModelAdmin):
    list_display = ["naam", "gemeente", "netwerktype", "soort"]
    list_filter = ["netwerktype", "gemeente"]
    search_fields = ["naam"]


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(SimpleHistoryAdmin):
    list_display = ["gebruiker", "rol", "buurt", "gemeente", "partner"]
    list_filter = ["rol"]
    raw_id_fields = ["gebruiker", "buurt", "gemeente", "partner"]


@admin.register(Toegangsgebeurtenis)
class ToegangsgebeurtenisAdmin(admin.ModelAdmin):
    list_display = ["tijdstip", "gebruiker", "rol", "actie", "object_type", "object_id"]
    list_filter = ["actie", "object_type"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
