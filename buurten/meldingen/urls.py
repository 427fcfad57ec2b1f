from django.urls import path

from . import views

app_name = "meldingen"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("teller/", views.teller, name="teller"),
    path("voorkeuren/", views.voorkeuren, name="voorkeuren"),
    path("gelezen/", views.alles_gelezen, name="alles_gelezen"),
    path("<int:melding_id>/", views.openen, name="openen"),
]
