from django.urls import path

from . import views

app_name = "partners"

B = "buurten/<int:buurt_id>/"
P = B + "partners/<int:partner_id>/"

urlpatterns = [
    path(B + "partners/", views.partner_list, name="partner_list"),
    path(B + "partners/nieuw/", views.partner_create, name="partner_create"),
    path(
        B + "partners/toevoegen/<int:partner_id>/",
        views.partner_toevoegen,
        name="partner_toevoegen",
    ),
    path(B + "partners/import/", views.partner_import, name="partner_import"),
    path(B + "partners/export/", views.partner_export, name="partner_export"),
    path(P, views.partner_detail, name="partner_detail"),
    path(P + "bewerken/", views.partner_update, name="partner_update"),
    path(P + "contactpersonen/nieuw/", views.contactpersoon_create, name="contactpersoon_create"),
    path(
        P + "contactpersonen/<int:contactpersoon_id>/bewerken/",
        views.contactpersoon_update,
        name="contactpersoon_update",
    ),
    path(P + "partnerscan/", views.betrokkenheid_create, name="betrokkenheid_create"),
    path(P + "relaties/nieuw/", views.relatie_create, name="relatie_create"),
    path(B + "contactpersonen/import/", views.contactpersoon_import, name="contactpersoon_import"),
    path(B + "contactpersonen/export/", views.contactpersoon_export, name="contactpersoon_export"),
    path(B + "relaties/", views.relatie_list, name="relatie_list"),
    path(B + "relaties/import/", views.relatie_import, name="relatie_import"),
    path(B + "importen/<int:importtaak_id>/", views.importtaak_detail, name="importtaak_detail"),
    path(B + "relaties/export/", views.relatie_export, name="relatie_export"),
    path(B + "relaties/<int:relatie_id>/bewerken/", views.relatie_update, name="relatie_update"),
    path(
        B + "relaties/<int:relatie_id>/antwoord/",
        views.relatie_beantwoorden,
        name="relatie_beantwoorden",
    ),
    path(
        P + "contactpersonen/<int:contactpersoon_id>/foto/",
        views.contactpersoon_foto,
        name="contactpersoon_foto",
    ),
    path(B + "smoelenboek/", views.smoelenboek, name="smoelenboek"),
    path(B + "mandaten/", views.mandaat_list, name="mandaat_list"),
    path(B + "mandaten/nieuw/", views.mandaat_create, name="mandaat_create"),
    path(B + "netwerkrollen/nieuw/", views.netwerkrol_create, name="netwerkrol_create"),
]
