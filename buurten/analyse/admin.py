"""Admin of the buurtanalyse (loaded through buurten/admin.py)."""

from django.contrib import admin

from buurten.analyse.models import (
    Bevinding,
    Buurtanalyse,
    Indicator,
    IndicatorWaarde,
    Uitdaging,
)


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "naam", "eenheid", "soort", "kant", "bron"]
    list_filter = ["soort", "kant"]
    search_fields = ["code", "naam"]


@admin.register(IndicatorWaarde)
class IndicatorWaardeAdmin(admin.ModelAdmin):
    list_display = ["buurt", "indicator", "peildatum", "waarde", "gemeente_waarde"]
    list_filter = ["indicator"]
    raw_id_fields = ["buurt", "indicator", "ingevoerd_door"]


@admin.register(Buurtanalyse)
class BuurtanalyseAdmin(admin.ModelAdmin):
    list_display = ["buurt", "versie", "titel", "peildatum", "is_baseline", "bevroren_op"]
    readonly_fields = ["is_baseline", "bevroren_op", "bevroren_door"]
    raw_id_fields = ["buurt", "vorige", "aangemaakt_door"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.bevroren:  # a frozen baseline stays as it was
            return [f.name for f in self.model._meta.fields]
        return super().get_readonly_fields(request, obj)

    def has_delete_permission(self, request, obj=None):
        return (obj is None or not obj.bevroren) and super().has_delete_permission(request, obj)


@admin.register(Bevinding)
class BevindingAdmin(admin.ModelAdmin):
    list_display = ["analyse", "thema", "soort", "tekst"]
    list_filter = ["thema", "soort"]


@admin.register(Uitdaging)
class UitdagingAdmin(admin.ModelAdmin):
    list_display = ["titel", "analyse", "kant", "complexiteit"]
