"""Issue 19: no hidden defaults. A signal's zorgniveau and responsniveau stay empty ("niet
ingeschat") unless chosen, and count as such; a referral needs a chosen partner."""

import pytest
from django.urls import reverse
from django.utils import timezone

from activiteiten.acties.selectors import inschatting_tellingen
from activiteiten.models import Doorverwijzing, Signaal
from tests.factories import PartnerFactory, SignaalFactory

pytestmark = pytest.mark.django_db

SNEL = {"thema": "eenzaamheid", "kanaal": "huisbezoek", "collectief": "0", "urgentie": "normaal"}


def _snel() -> dict:
    """What a quick signal posts when nothing under "Meer details" was touched."""
    return {**SNEL, "datum": timezone.localdate().isoformat()}


def test_a_quick_signal_stores_no_estimate_and_the_form_offers_niet_ingeschat(als, wereld):
    client = als(wereld.partner_a)
    url = reverse("activiteiten:signaal_create", args=(wereld.buurt_a.id,))
    html = client.get(url).content.decode()
    # The only preselected estimate is "niet ingeschat" (value "").
    assert 'value="" id="id_zorgniveau_0" checked' in html
    assert 'value="ongerust" id="id_zorgniveau_2" checked' not in html
    assert client.post(url, {**_snel(), "partner": wereld.partner.id}).status_code == 302
    signaal = Signaal.objects.get()
    assert (signaal.zorgniveau, signaal.responsniveau) == ("", "")
    detail = client.get(
        reverse("activiteiten:signaal_detail", args=(wereld.buurt_a.id, signaal.id))
    ).content.decode()
    assert detail.count("niet ingeschat") == 2


def test_estimates_are_counted_with_niet_ingeschat_as_its_own_row(wereld):
    SignaalFactory(buurt=wereld.buurt_a, zorgniveau="bezorgd", responsniveau="open_dialoog")
    SignaalFactory(buurt=wereld.buurt_a, zorgniveau="bezorgd")
    SignaalFactory(buurt=wereld.buurt_a)
    qs = Signaal.objects.filter(buurt=wereld.buurt_a)
    assert inschatting_tellingen(qs, "zorgniveau") == [
        ("Gerust", 0),
        ("Ongerust", 0),
        ("Bezorgd", 2),
        ("niet ingeschat", 1),
    ]
    assert inschatting_tellingen(qs, "responsniveau")[-1] == ("niet ingeschat", 2)
    with pytest.raises(ValueError):
        inschatting_tellingen(qs, "omschrijving")


def test_a_referral_without_a_chosen_partner_is_refused_in_dutch(als, wereld):
    PartnerFactory(gemeente=wereld.gemeente_1, naam="Buurtwerk", buurten=[wereld.buurt_a])
    signaal = SignaalFactory(buurt=wereld.buurt_a)
    client = als(wereld.regisseur_a)
    url = reverse("activiteiten:doorverwijzing_create", args=(wereld.buurt_a.id, signaal.id))
    html = client.get(url).content.decode()
    assert '<option value="" selected>— kies een partner —</option>' in html
    response = client.post(url, {"warm": "on"})
    assert response.status_code == 200
    assert "Kies de partner naar wie je doorverwijst." in response.content.decode()
    assert Doorverwijzing.objects.count() == 0
