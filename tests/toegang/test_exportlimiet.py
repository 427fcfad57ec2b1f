"""A partner account's exports are limited per day; the refusal is logged and answered with 429."""

from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.urls import include, path, reverse

from buurten.models import Buurt, Toegangsgebeurtenis
from buurten.services import ExportlimietBereikt, controleer_exportlimiet, registreer_toegang

# "Today" and "yesterday" are local dates: a fixed clock, not the wall clock (late on the day
# summer time ends, an event 24 hours old still falls on today's date).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vaste_klok")]


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


@pytest.mark.urls(__name__)
def test_an_export_past_the_limit_is_answered_429_in_dutch_exports_nothing_and_is_logged(
    als, wereld, settings
):
    """Through the real middleware stack. No project view can reach the refusal today (the
    partner and contact exports need reporting rights, which a partner account never has), so a
    view in this module does what an export view should: check the limit, log the export, export.
    """
    settings.ZORGNET_PARTNER_EXPORTS_PER_DAG = 2
    client = als(wereld.partner_a)
    url = reverse("test_export", args=[wereld.buurt_a.pk])
    for _i in range(2):
        antwoord = client.get(url)
        assert antwoord.status_code == 200 and antwoord.content == b"export"

    antwoord = client.get(url)

    assert antwoord.status_code == 429
    tekst = antwoord.content.decode()
    assert "Te veel exports vandaag" in tekst and "Probeer morgen opnieuw" in tekst
    assert "export" not in antwoord.get("Content-Disposition", "")
    assert Toegangsgebeurtenis.objects.filter(actie="export").count() == 2  # nothing exported
    # logged once, by the limit check (not again as a plain refusal by the middleware)
    weigering = Toegangsgebeurtenis.objects.get(actie="geweigerd")
    assert weigering.gebruiker == wereld.partner_a and weigering.buurt == wereld.buurt_a
    assert "exportlimiet" in weigering.omschrijving


def _exportview(request, buurt_id):
    buurt = Buurt.objects.get(pk=buurt_id)
    controleer_exportlimiet(request.user, buurt)
    registreer_toegang(gebruiker=request.user, actie="export", object_type="test", buurt=buurt)
    return HttpResponse("export")


urlpatterns = [
    path("test-export/<int:buurt_id>/", _exportview, name="test_export"),
    path("", include("zorgnet.urls")),
]
