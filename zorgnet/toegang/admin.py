from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from zorgnet.toegang.leden.models import Uitnodiging


@admin.register(Uitnodiging)
class UitnodigingAdmin(SimpleHistoryAdmin):
    list_display = ["aangemaakt_op", "email", "rol", "buurt", "partner", "gebruikt_op"]
    list_filter = ["rol"]
    raw_id_fields = ["buurt", "partner", "contactpersoon", "uitgenodigd_door", "gebruiker"]
