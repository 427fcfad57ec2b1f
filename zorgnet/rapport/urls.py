from django.urls import path

from . import views

app_name = "rapport"
urlpatterns = [
    path("buurt/<int:buurt_id>/", views.buurt_rapport, name="buurt_rapport"),
    path("buurt/<int:buurt_id>/voorbeeld/", views.buurt_voorbeeld, name="buurt_voorbeeld"),
    path("buurt/<int:buurt_id>/notities/", views.notitie_form, name="notitie_form"),
    path("gemeente/<int:gemeente_id>/", views.gemeente_rapport, name="gemeente_rapport"),
    path(
        "gemeente/<int:gemeente_id>/voorbeeld/", views.gemeente_voorbeeld, name="gemeente_voorbeeld"
    ),
    path("gemeente/<int:gemeente_id>/alles/", views.gemeente_zip, name="gemeente_zip"),
    path("bestand/<int:bestand_id>/status/", views.bestand_status, name="bestand_status"),
    path("bestand/<int:bestand_id>/download/", views.bestand_download, name="bestand_download"),
]
