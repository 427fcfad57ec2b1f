from django.urls import path

from . import views

app_name = "toegang"

B = "buurten/<int:buurt_id>/"

urlpatterns = [
    path(B + "geschiedenis/", views.geschiedenis_list, name="geschiedenis_list"),
    path(B + "toegangslog/", views.toegangsgebeurtenis_list, name="toegangsgebeurtenis_list"),
    path(
        B + "contactpersonen/<int:contactpersoon_id>/gegevens/",
        views.contactpersoon_gegevens,
        name="contactpersoon_gegevens",
    ),
    path(
        B + "contactpersonen/<int:contactpersoon_id>/wissen/",
        views.contactpersoon_wissen,
        name="contactpersoon_wissen",
    ),
]
