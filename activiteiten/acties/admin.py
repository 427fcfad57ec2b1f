"""Admin for frameworks (beheerders add frameworks as data), actions and signals."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from activiteiten.models import Actie, Beleidssignaal, Framework, FrameworkElement, Signaal


class ElementInline(admin.TabularInline):
    model = FrameworkElement
    extra = 0


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "bron"]
    inlines = [ElementInline]


@admin.register(Actie)
class ActieAdmin(admin.ModelAdmin):
    list_display = ["titel", "buurt", "status", "startdatum", "trekker"]
    list_filter = ["status", "categorie"]
    list_select_related = ["buurt", "trekker"]
    search_fields = ["titel"]
    filter_horizontal = ["co_partners", "bouwstenen", "pijlers"]


@admin.register(Signaal)
class SignaalAdmin(SimpleHistoryAdmin):
    # The free text is not in the list: admins see situations only when they open one.
    list_display = ["id", "buurt", "datum", "thema", "status", "partner"]
    list_filter = ["status", "thema", "kanaal"]
    list_select_related = ["buurt", "partner"]


@admin.register(Beleidssignaal)
class BeleidssignaalAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "buurt", "verstuurd_op", "reactie_op"]
    list_select_related = ["buurt"]
