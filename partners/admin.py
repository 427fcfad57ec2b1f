from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Contactpersoon, Partner, Relatie


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "gemeente", "sector", "formeel", "status"]
    list_filter = ["sector", "status", "formeel", "gemeente"]
    search_fields = ["naam"]


@admin.register(Contactpersoon)
class ContactpersoonAdmin(SimpleHistoryAdmin):
    list_display = ["voornaam", "achternaam", "partner", "functie"]
    search_fields = ["voornaam", "achternaam"]


@admin.register(Relatie)
class RelatieAdmin(SimpleHistoryAdmin):
    list_display = ["van_partner", "naar_partner", "intensiteit", "bevestiging"]
    list_filter = ["intensiteit", "bevestiging"]
