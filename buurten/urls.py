from django.urls import path

from buurten.analyse import views as analyse_views

app_name = "buurten"
urlpatterns = [
    # Buurtanalyse (issue 4)
    path("<int:buurt_id>/analyse/", analyse_views.buurtanalyse, name="buurtanalyse"),
    path(
        "<int:buurt_id>/analyse/nieuw/",
        analyse_views.buurtanalyse_create,
        name="buurtanalyse_create",
    ),
    path(
        "<int:buurt_id>/analyse/indicatoren/importeren/",
        analyse_views.indicatorwaarde_import,
        name="indicatorwaarde_import",
    ),
    path("<int:buurt_id>/fasen/", analyse_views.werkingsfase_update, name="werkingsfase_update"),
    path(
        "<int:buurt_id>/analyse/<int:analyse_id>/",
        analyse_views.buurtanalyse_detail,
        name="buurtanalyse_detail",
    ),
    path(
        "<int:buurt_id>/analyse/<int:analyse_id>/bewerken/",
        analyse_views.buurtanalyse_update,
        name="buurtanalyse_update",
    ),
    path(
        "<int:buurt_id>/analyse/<int:analyse_id>/baseline/",
        analyse_views.buurtanalyse_baseline,
        name="buurtanalyse_baseline",
    ),
    path(
        "<int:buurt_id>/analyse/<int:analyse_id>/bevragingen/nieuw/",
        analyse_views.bevraging_create,
        name="bevraging_create",
    ),
    path(
        "<int:buurt_id>/analyse/<int:analyse_id>/bevindingen/nieuw/",
        analyse_views.bevinding_create,
        name="bevinding_create",
    ),
    path(
        "<int:buurt_id>/analyse/<int:analyse_id>/uitdagingen/nieuw/",
        analyse_views.uitdaging_create,
        name="uitdaging_create",
    ),
    path(
        "<int:buurt_id>/analyse/<int:analyse_id>/voorzieningen/nieuw/",
        analyse_views.voorziening_create,
        name="voorziening_create",
    ),
    path(
        "<int:buurt_id>/analyse/<int:analyse_id>/bevindingen/<int:pk>/verwijderen/",
        analyse_views.bevinding_delete,
        name="bevinding_delete",
    ),
    path(
        "<int:buurt_id>/analyse/<int:analyse_id>/uitdagingen/<int:pk>/verwijderen/",
        analyse_views.uitdaging_delete,
        name="uitdaging_delete",
    ),
    path(
        "<int:buurt_id>/analyse/<int:analyse_id>/bevragingen/<int:pk>/verwijderen/",
        analyse_views.bevraging_delete,
        name="bevraging_delete",
    ),
    path(
        "<int:buurt_id>/analyse/<int:analyse_id>/voorzieningen/<int:pk>/verwijderen/",
        analyse_views.voorziening_delete,
        name="voorziening_delete",
    ),
]
