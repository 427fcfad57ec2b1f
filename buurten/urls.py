from django.urls import path

from . import views

app_name = "buurten"
urlpatterns = [
    path("<int:buurt_id>/", views.buurt_detail, name="buurt_detail"),
]
