"""A partner account's exports are limited per day; the refusal is logged and answered with 429."""

from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from buurten.middleware import WeigeringenMiddleware
from buurten.models import Toegangsgebeurtenis
from buurten.services import ExportlimietBereikt, controleer_exportlimiet, registreer_toegang

pytestmark = pytest.mark.django_db


def _exports(user, buurt, n):
    for _i in range(n):
        registreer_toegang(gebruiker=user, actie="export", object_type="partners", buurt=buurt)


def test_a_partner_account_is_refused_after_the_daily_limit_and_it_is_logged(wereld, settings):
    settings.ZORGNET_PARTNER_EXPORTS_PER_DAG = 3
    _exports(wereld.partner_a, wereld.buurt_a, 2)
    controleer_exportlimiet(wereld.partner_a, wereld.buurt_a)  # third is still fine
    _exports(wereld.partner_a, wereld.buurt_a, 1)
    with pytest.raises(ExportlimietBereikt) as fout:
        controleer_exportlimiet(wereld.partner_a, wereld.buurt_a)
    assert "maximum" in str(fout.value)
    weigering = Toegangsgebeurtenis.objects.get(actie="geweigerd")
    assert weigering.gebruiker == wereld.partner_a and weigering.buurt == wereld.buurt_a
    assert "exportlimiet" in weigering.omschrijving


def test_yesterdays_exports_and_other_roles_do_not_count(wereld, settings):
    settings.ZORGNET_PARTNER_EXPORTS_PER_DAG = 2
    _exports(wereld.partner_a, wereld.buurt_a, 2)
    Toegangsgebeurtenis.objects.update(
        tijdstip=Toegangsgebeurtenis.objects.first().tijdstip - timedelta(days=1)
    )
    controleer_exportlimiet(wereld.partner_a, wereld.buurt_a)
    # The regisseur and the coordinator are not partner accounts.
    _exports(wereld.regisseur_a, wereld.buurt_a, 5)
    _exports(wereld.coordinator, wereld.buurt_a, 5)
    controleer_exportlimiet(wereld.regisseur_a, wereld.buurt_a)
    controleer_exportlimiet(wereld.coordinator, wereld.buurt_a)
    assert not Toegangsgebeurtenis.objects.filter(actie="geweigerd").exists()


def test_the_refusal_becomes_a_429_with_a_dutch_message(wereld, settings):
    settings.ZORGNET_PARTNER_EXPORTS_PER_DAG = 1
    _exports(wereld.partner_a, wereld.buurt_a, 1)

    def exportview(request):
        controleer_exportlimiet(request.user, wereld.buurt_a)
        return HttpResponse("export")

    request = RequestFactory().get("/export/")
    request.user = wereld.partner_a
    middleware = WeigeringenMiddleware(exportview)
    try:
        exportview(request)
    except ExportlimietBereikt as exc:
        antwoord = middleware.process_exception(request, exc)
    assert antwoord.status_code == 429
    assert "Probeer morgen opnieuw" in antwoord.content.decode()
    # logged once, by the limit check (not again as a plain refusal)
    assert Toegangsgebeurtenis.objects.filter(actie="geweigerd").count() == 1


def test_the_export_views_check_the_limit(als, wereld, settings, monkeypatch):
    """The partner exports call the limit check before they export and log."""
    settings.ZORGNET_PARTNER_EXPORTS_PER_DAG = 0
    from partners import views

    geroepen = []
    monkeypatch.setattr(
        views,
        "controleer_exportlimiet",
        lambda user, buurt: geroepen.append(user) or controleer_exportlimiet(user, buurt),
    )
    client = als(wereld.regisseur_a)
    for naam in ("partners:partner_export", "partners:contactpersoon_export"):
        assert client.get(reverse(naam, args=[wereld.buurt_a.id])).status_code == 200
    assert geroepen == [wereld.regisseur_a, wereld.regisseur_a]
