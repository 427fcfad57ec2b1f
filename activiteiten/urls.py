from django.urls import path

from . import acties_views, bijeenkomsten_views, export_views

app_name = "activiteiten"

B = "buurten/<int:buurt_id>/"
BK = B + "bijeenkomsten/"

urlpatterns: list = [
    # acties en signalen
    path(B + "acties/", acties_views.actie_list, name="actie_list"),
    path(B + "acties/export/", export_views.actie_export, name="actie_export"),
    path(B + "acties/nieuw/", acties_views.actie_create, name="actie_create"),
    path(B + "acties/<int:actie_id>/", acties_views.actie_detail, name="actie_detail"),
    path(B + "acties/<int:actie_id>/bewerken/", acties_views.actie_update, name="actie_update"),
    path(B + "signalen/", acties_views.signaal_list, name="signaal_list"),
    path(B + "signalen/nieuw/", acties_views.signaal_create, name="signaal_create"),
    path(B + "signalen/open/", acties_views.signaal_open, name="signaal_open"),
    path(B + "signalen/<int:signaal_id>/", acties_views.signaal_detail, name="signaal_detail"),
    path(
        B + "signalen/<int:signaal_id>/status/",
        acties_views.signaal_status,
        name="signaal_status",
    ),
    path(
        B + "signalen/<int:signaal_id>/doorverwijzen/",
        acties_views.doorverwijzing_create,
        name="doorverwijzing_create",
    ),
    path(
        B + "doorverwijzingen/<int:doorverwijzing_id>/uitkomst/",
        acties_views.doorverwijzing_uitkomst,
        name="doorverwijzing_uitkomst",
    ),
    path(B + "beleidssignalen/", acties_views.beleidssignaal_list, name="beleidssignaal_list"),
    path(
        B + "beleidssignalen/nieuw/",
        acties_views.beleidssignaal_create,
        name="beleidssignaal_create",
    ),
    path(
        B + "beleidssignalen/<int:beleidssignaal_id>/",
        acties_views.beleidssignaal_detail,
        name="beleidssignaal_detail",
    ),
    # bijeenkomsten
    path(BK, bijeenkomsten_views.bijeenkomst_list, name="bijeenkomst_list"),
    path(BK + "nieuw/", bijeenkomsten_views.bijeenkomst_create, name="bijeenkomst_create"),
    path(BK + "opvolging/", bijeenkomsten_views.opvolging, name="bijeenkomst_opvolging"),
    path(BK + "reeksen/nieuw/", bijeenkomsten_views.reeks_create, name="reeks_create"),
    path(BK + "reeksen/<int:reeks_id>/", bijeenkomsten_views.reeks_detail, name="reeks_detail"),
    path(
        BK + "<int:bijeenkomst_id>/",
        bijeenkomsten_views.bijeenkomst_detail,
        name="bijeenkomst_detail",
    ),
    path(
        BK + "<int:bijeenkomst_id>/bewerken/",
        bijeenkomsten_views.bijeenkomst_update,
        name="bijeenkomst_update",
    ),
    path(
        BK + "<int:bijeenkomst_id>/aanwezigheid/",
        bijeenkomsten_views.aanwezigheid_update,
        name="aanwezigheid_update",
    ),
    path(
        BK + "<int:bijeenkomst_id>/uitkomsten/nieuw/",
        bijeenkomsten_views.uitkomst_create,
        name="uitkomst_create",
    ),
    path(
        BK + "<int:bijeenkomst_id>/blad/",
        bijeenkomsten_views.bijeenkomst_blad,
        name="bijeenkomst_blad",
    ),
    path(
        BK + "<int:bijeenkomst_id>/verslag/",
        bijeenkomsten_views.bijeenkomst_verslag,
        name="bijeenkomst_verslag",
    ),
]
