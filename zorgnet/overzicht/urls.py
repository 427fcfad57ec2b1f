from django.urls import path

from zorgnet.overzicht import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("buurten/<int:buurt_id>/", views.buurt_detail, name="buurt_detail"),
]
