from django.urls import path

from . import views

app_name = "leden"
B = "buurten/<int:buurt_id>/leden/"
G = "gemeenten/<int:gemeente_id>/buurten/"

urlpatterns = [
    path(B, views.leden_list, name="leden_list"),
    path(B + "uitnodigen/", views.uitnodigen, name="uitnodigen"),
    path(B + "<int:lidmaatschap_id>/rol/", views.rol_wijzigen, name="rol_wijzigen"),
    path(B + "<int:lidmaatschap_id>/beeindigen/", views.beeindigen, name="beeindigen"),
    path(G, views.gemeente_buurten, name="gemeente_buurten"),
    path(G + "<int:buurt_id>/regisseur/", views.regisseur_uitnodigen, name="regisseur_uitnodigen"),
    path("uitnodiging/<str:token>/", views.uitnodiging_aanvaarden, name="uitnodiging_aanvaarden"),
]
