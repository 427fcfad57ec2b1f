from django.urls import path

from activiteiten.acties import views as acties_views
from activiteiten.bijeenkomsten import views as bijeenkomsten_views
from activiteiten.exports import views as export_views
from activiteiten.pakketten import views as pakketten_views
from activiteiten.reflectie import views as reflectie_views

app_name = "activiteiten"

B = "buurten/<int:buurt_id>/"
BK = B + "bijeenkomsten/"

P = B + "pakketten/"
R = B + "reflectie/"
RM = R + "<int:moment_id>/"

urlpatterns: list = [
    # acties en signalen
    path(B + "acties/", acties_views.actie_list, name="actie_list"),
    path(B + "acties/export/", export_views.actie_export, name="actie_export"),
    path(
        B + "acties/exports/<int:exportbestand_id>/",
        export_views.exportbestand_detail,
        name="exportbestand_detail",
    ),
    path(
        B + "acties/exports/<int:exportbestand_id>/download/",
        export_views.exportbestand_download,
        name="exportbestand_download",
    ),
    path(B + "acties/nieuw/", acties_views.actie_create, name="actie_create"),
    path(B + "acties/<int:actie_id>/", acties_views.actie_detail, name="actie_detail"),
    path(B + "acties/<int:actie_id>/bewerken/", acties_views.actie_update, name="actie_update"),
    path(
        B + "acties/<int:actie_id>/draaiboek/",
        acties_views.actie_bestand,
        {"soort": "draaiboek"},
        name="actie_draaiboek",
    ),
    path(
        B + "acties/<int:actie_id>/foto/",
        acties_views.actie_bestand,
        {"soort": "foto"},
        name="actie_foto",
    ),
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
    path(
        BK + "<int:bijeenkomst_id>/uitnodigen/",
        bijeenkomsten_views.genodigden_uitnodigen,
        name="genodigden_uitnodigen",
    ),
    path(
        BK + "<int:bijeenkomst_id>/annuleren/",
        bijeenkomsten_views.bijeenkomst_annuleren,
        name="bijeenkomst_annuleren",
    ),
    # agenda: iCal feeds behind a personal, revocable key
    path("agenda/", bijeenkomsten_views.agenda_overzicht, name="agenda"),
    path("agenda/vernieuwen/", bijeenkomsten_views.agenda_vernieuwen, name="agenda_vernieuwen"),
    path(
        "agenda/<str:sleutel>/buurten/<int:buurt_id>.ics",
        bijeenkomsten_views.agenda_buurt,
        name="agenda_buurt",
    ),
    path(
        "agenda/<str:sleutel>/reeksen/<int:reeks_id>.ics",
        bijeenkomsten_views.agenda_reeks,
        name="agenda_reeks",
    ),
    # activiteitenpakketten ('Ontwar het bos')
    path(P, pakketten_views.pakket_list, name="pakket_list"),
    path(P + "stappen/<int:stap>/", pakketten_views.pakket_stap, name="pakket_stap"),
    path(
        P + "stappen/<int:stap>/status/",
        pakketten_views.pakket_stap_status,
        name="pakket_stap_status",
    ),
    path(
        P + "uitdagingen/nieuw/",
        pakketten_views.pakket_uitdaging_create,
        name="pakket_uitdaging_create",
    ),
    path(P + "doelen/nieuw/", pakketten_views.doel_create, name="doel_create"),
    path(P + "doelen/<int:doel_id>/", pakketten_views.doel_update, name="doel_update"),
    path(P + "veranderingstheorie/nieuw/", pakketten_views.toc_create, name="toc_create"),
    path(P + "activiteiten/nieuw/", pakketten_views.activiteit_create, name="activiteit_create"),
    path(P + "capaciteiten/nieuw/", pakketten_views.capaciteit_create, name="capaciteit_create"),
    path(
        P + "sjablonen/toepassen/",
        pakketten_views.starttemplate_toepassen,
        name="starttemplate_toepassen",
    ),
    path(P + "samenhang/", pakketten_views.samenhang_matrix, name="samenhang_matrix"),
    path(P + "samenhang/paar/", pakketten_views.samenhang_paar, name="samenhang_paar"),
    path(P + "advies/overnemen/", pakketten_views.advies_overnemen, name="advies_overnemen"),
    path(P + "nieuw/", pakketten_views.pakket_create, name="pakket_create"),
    path(P + "relaties/nieuw/", pakketten_views.pakketrelatie_create, name="pakketrelatie_create"),
    path(P + "<int:pakket_id>/", pakketten_views.pakket_detail, name="pakket_detail"),
    path(P + "<int:pakket_id>/bewerken/", pakketten_views.pakket_update, name="pakket_update"),
    path(P + "<int:pakket_id>/ideaal/", pakketten_views.pakket_ideaal, name="pakket_ideaal"),
    path(
        P + "<int:pakket_id>/afwijkingen/nieuw/",
        pakketten_views.afwijking_create,
        name="afwijking_create",
    ),
    path(
        P + "<int:pakket_id>/factoren/nieuw/",
        pakketten_views.factor_create,
        name="factor_create",
    ),
    # reflectie, successen en impact (stap 4: "Benoem de successen")
    path(R, reflectie_views.reflectie_overzicht, name="reflectie_overzicht"),
    path(R + "nieuw/", reflectie_views.reflectie_create, name="reflectie_create"),
    path(RM, reflectie_views.reflectie_detail, name="reflectie_detail"),
    path(RM + "scores/", reflectie_views.reflectie_scores, name="reflectie_scores"),
    path(RM + "vragen/", reflectie_views.reflectie_vragen, name="reflectie_vragen"),
    path(RM + "opvolging/", reflectie_views.reflectie_opvolging, name="reflectie_opvolging"),
    path(R + "successen/", reflectie_views.succes_list, name="succes_list"),
    path(R + "successen/nieuw/", reflectie_views.succes_create, name="succes_create"),
    path(
        R + "successen/<int:succes_id>/rapport/",
        reflectie_views.succes_rapport,
        name="succes_rapport",
    ),
    path(R + "contactmomenten/", reflectie_views.contactmomenten, name="contactmomenten"),
    path(R + "uitkomsten/", reflectie_views.oogst_list, name="oogst_list"),
    path(R + "uitkomsten/nieuw/", reflectie_views.oogst_create, name="oogst_create"),
    path(R + "verhalen/", reflectie_views.verhaal_list, name="verhaal_list"),
    path(R + "verhalen/nieuw/", reflectie_views.verhaal_create, name="verhaal_create"),
    path(
        R + "verhalen/<int:verhaal_id>/rapport/",
        reflectie_views.verhaal_rapport,
        name="verhaal_rapport",
    ),
    path(R + "verhalen/<int:verhaal_id>/foto/", reflectie_views.verhaal_foto, name="verhaal_foto"),
    path(R + "indicatoren/", reflectie_views.indicator_list, name="indicator_list"),
    path(
        R + "indicatoren/<int:indicator_id>/metingen/",
        reflectie_views.meting_create,
        name="meting_create",
    ),
]
