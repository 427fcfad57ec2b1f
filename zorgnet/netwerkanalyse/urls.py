"""URLs of the network analysis pages (mounted at the site root)."""

from django.urls import path

from zorgnet.netwerkanalyse import views

app_name = "netwerk"

_PAGINAS = [
    ("netwerk/", views.netwerk_detail, "netwerk"),
    ("netwerk/starten/", views.netwerk_start, "netwerk_start"),
    ("netwerk/status/", views.netwerk_status, "netwerk_status"),
    ("netwerk/partners/<int:partner_id>/", views.netwerk_partner, "netwerk_partner"),
    ("netwerk/export/", views.netwerk_export, "netwerk_export"),
    ("netwerk/graaf/", views.netwerk_graaf, "netwerk_graaf"),
]

urlpatterns = [
    path(f"buurten/<int:buurt_id>/{pad}", view, name=f"buurt_{naam}")
    for pad, view, naam in _PAGINAS
] + [
    path(f"gemeenten/<int:gemeente_id>/{pad}", view, name=f"gemeente_{naam}")
    for pad, view, naam in _PAGINAS
]
