from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from zorgnet.lib.bestanden import BestandenAdmin

from .models import Betrokkenheid, Contactpersoon, Mandaat, Netwerkrol, Partner, Relatie


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "gemeente", "sector", "formeel", "status"]
    list_filter = ["sector", "status", "formeel", "gemeente"]
    search_fields = ["naam"]


def _contactfoto_url(persoon: Contactpersoon) -> str:
    """The photo's download view through the first buurt the partner works in."""
    buurt_id = persoon.partner.buurten.values_list("id", flat=True).order_by("id").first()
    if buurt_id is None:
        return "#"
    return reverse("partners:contactpersoon_foto", args=(buurt_id, persoon.partner_id, persoon.pk))


@admin.register(Contactpersoon)
class ContactpersoonAdmin(BestandenAdmin, SimpleHistoryAdmin):
    bestand_urls = {"foto": lambda c: _contactfoto_url(c)}
    list_display = ["voornaam", "achternaam", "partner", "functie"]
    search_fields = ["voornaam", "achternaam"]


@admin.register(Relatie)
class RelatieAdmin(SimpleHistoryAdmin):
    list_display = ["van_partner", "naar_partner", "intensiteit", "bevestiging"]
    list_filter = ["intensiteit", "bevestiging"]


@admin.register(Betrokkenheid)
class BetrokkenheidAdmin(admin.ModelAdmin):
    list_display = ["partner", "buurt", "vonk", "vuur", "gewenst_niveau", "gescoord_op"]
    list_filter = ["buurt", "gewenst_niveau"]


@admin.register(Mandaat)
class MandaatAdmin(SimpleHistoryAdmin):
    list_display = [
        "omschrijving",
        "buurt",
        "contactpersoon",
        "partner",
        "geldig_van",
        "geldig_tot",
    ]
    list_filter = ["buurt", "toegekend_door", "formeel"]


@admin.register(Netwerkrol)
class NetwerkrolAdmin(admin.ModelAdmin):
    list_display = ["contactpersoon", "rol", "buurt", "formeel", "bruggenbouwer", "backup"]
    list_filter = ["rol", "bruggenbouwer", "buurt"]
