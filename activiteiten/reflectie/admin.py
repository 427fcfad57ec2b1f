"""Admin for the reflection cycle (the frameworks themselves are under 'kaders')."""

from django.contrib import admin
from django.urls import reverse

from activiteiten.models import (
    Contactmoment,
    GeoogsteUitkomst,
    Indicatormeting,
    Reflectieantwoord,
    Reflectiemoment,
    Reflectiescore,
    Succes,
    Verhaal,
    Voortgangsindicator,
)
from zorgnet.lib.bestanden import BestandenAdmin


class ScoreInline(admin.TabularInline):
    model = Reflectiescore
    extra = 0


class AntwoordInline(admin.TabularInline):
    model = Reflectieantwoord
    extra = 0


@admin.register(Reflectiemoment)
class ReflectiemomentAdmin(admin.ModelAdmin):
    list_display = ["titel", "buurt", "datum", "samen_scoren"]
    list_select_related = ["buurt"]
    filter_horizontal = ["partners"]
    inlines = [ScoreInline, AntwoordInline]


@admin.register(Succes)
class SuccesAdmin(admin.ModelAdmin):
    list_display = ["titel", "buurt", "datum", "partner", "in_rapport"]
    list_select_related = ["buurt", "partner"]


@admin.register(Contactmoment)
class ContactmomentAdmin(admin.ModelAdmin):
    list_display = ["soort", "buurt", "datum", "aantal", "partner"]
    list_filter = ["soort"]
    list_select_related = ["buurt", "partner"]


@admin.register(GeoogsteUitkomst)
class GeoogsteUitkomstAdmin(admin.ModelAdmin):
    list_display = ["__str__", "buurt", "categorie", "voor_wie", "datum"]
    list_select_related = ["buurt", "categorie"]


@admin.register(Verhaal)
class VerhaalAdmin(BestandenAdmin, admin.ModelAdmin):
    bestand_urls = {
        "foto": lambda v: reverse("activiteiten:verhaal_foto", args=(v.buurt_id, v.pk)),
    }
    list_display = ["titel", "buurt", "datum", "toestemming", "in_rapport"]
    list_filter = ["toestemming", "in_rapport"]
    list_select_related = ["buurt"]


class MetingInline(admin.TabularInline):
    model = Indicatormeting
    extra = 0


@admin.register(Voortgangsindicator)
class VoortgangsindicatorAdmin(admin.ModelAdmin):
    list_display = ["naam", "buurt", "doel", "actie", "streefwaarde"]
    list_select_related = ["buurt", "doel", "actie"]
    inlines = [MetingInline]
