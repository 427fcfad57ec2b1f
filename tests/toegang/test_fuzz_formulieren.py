"""Fuzzing the main forms: random data posted as the regisseur never gives a server error; either
the object is created (redirect) or the form comes back (200) and nothing at all is written."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, find, given, settings

from tests.factories import (
    BuurtanalyseFactory,
    ContactpersoonFactory,
    PartnerFactory,
    SignaalFactory,
)

from .fuzz import form_strategie, rijen_tellen

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# url name -> which url kwargs (besides buurt_id) it needs from the fuzzwereld
FORMULIEREN = {
    "partners:partner_create": {},
    "partners:contactpersoon_create": {"partner_id": "partner"},
    "partners:relatie_create": {"partner_id": "partner"},
    "partners:betrokkenheid_create": {"partner_id": "partner"},
    "partners:mandaat_create": {},
    "partners:netwerkrol_create": {},
    "activiteiten:actie_create": {},
    "activiteiten:signaal_create": {},
    "activiteiten:doorverwijzing_create": {"signaal_id": "signaal"},
    "activiteiten:beleidssignaal_create": {},
    "buurten:buurtanalyse_create": {},
    "buurten:bevinding_create": {"analyse_id": "analyse"},
    "buurten:uitdaging_create": {"analyse_id": "analyse"},
    "buurten:bevraging_create": {"analyse_id": "analyse"},
}


@pytest.fixture
def fuzzwereld(wereld):
    PartnerFactory(gemeente=wereld.gemeente_1, naam="Buurthuis", buurten=[wereld.buurt_a])
    ContactpersoonFactory(partner=wereld.partner)
    wereld.signaal = SignaalFactory(buurt=wereld.buurt_a, partner=wereld.partner)
    SignaalFactory(buurt=wereld.buurt_a)
    SignaalFactory(buurt=wereld.buurt_a)
    wereld.analyse = BuurtanalyseFactory(buurt=wereld.buurt_a)
    return wereld


@pytest.mark.parametrize("naam", sorted(FORMULIEREN))
def test_random_form_data_never_breaks_a_create_view(naam, fuzzwereld, client):
    w = fuzzwereld
    client.force_login(w.regisseur_a)
    kwargs = {"buurt_id": w.buurt_a.id}
    kwargs.update({k: getattr(w, v).id for k, v in FORMULIEREN[naam].items()})
    url = reverse(naam, kwargs=kwargs)
    leeg = client.get(url)
    assert leeg.status_code == 200
    form = leeg.context["form"]

    @FUZZ
    @given(data=form_strategie(form))
    def post(data):
        voor = rijen_tellen()
        antwoord = client.post(url, data)
        assert antwoord.status_code in (200, 302), (antwoord.status_code, data)
        na = rijen_tellen()
        if antwoord.status_code == 200:
            veranderd = {k: (voor[k], na[k]) for k in voor if voor[k] != na[k]}
            assert not veranderd, f"form kwam terug maar er werd geschreven: {veranderd}"
        else:
            assert any(na[k] > voor[k] for k in voor), "doorverwezen zonder iets te bewaren"

    post()


def test_the_strategies_also_reach_the_success_path(fuzzwereld, client):
    """Guards the fuzzing itself: the strategies are not only garbage, they can create objects."""
    w = fuzzwereld
    client.force_login(w.regisseur_a)
    url = reverse("activiteiten:signaal_create", args=[w.buurt_a.id])
    form = client.get(url).context["form"]
    gevonden = find(
        form_strategie(form),
        lambda data: client.post(url, data).status_code == 302,
        settings=settings(max_examples=300, deadline=None, database=None),
    )
    assert {"kanaal", "thema"} <= set(gevonden)
