import pytest
from django.http import Http404

from buurten.permissions import (
    buurten_voor,
    gemeenten_voor,
    get_buurt_or_404,
    is_coordinator_van,
    kan_beheren,
    kan_bekijken,
    kan_rapporteren,
    partner_ids_van,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_it_scopes_buurten_per_persona(wereld):
    w = wereld
    assert set(buurten_voor(w.regisseur_a)) == {w.buurt_a}
    assert set(buurten_voor(w.regisseur_b)) == {w.buurt_b}
    assert set(buurten_voor(w.partner_a)) == {w.buurt_a}
    # The coordinator sees every buurt of the gemeente, not the other gemeente's.
    assert set(buurten_voor(w.coordinator)) == {w.buurt_a, w.buurt_a2}
    assert list(buurten_voor(UserFactory())) == []


def test_it_scopes_gemeenten(wereld):
    assert set(gemeenten_voor(wereld.coordinator)) == {wereld.gemeente_1}
    assert set(gemeenten_voor(wereld.regisseur_b)) == {wereld.gemeente_2}


def test_it_gives_management_only_to_the_regisseur(wereld):
    w = wereld
    assert kan_beheren(w.regisseur_a, w.buurt_a)
    assert not kan_beheren(w.regisseur_a, w.buurt_b)
    assert not kan_beheren(w.partner_a, w.buurt_a)
    assert not kan_beheren(w.coordinator, w.buurt_a)
    assert kan_bekijken(w.coordinator, w.buurt_a2)
    assert not kan_bekijken(w.regisseur_b, w.buurt_a)


def test_it_lets_regisseur_and_coordinator_report(wereld):
    w = wereld
    assert kan_rapporteren(w.regisseur_a, w.buurt_a)
    assert kan_rapporteren(w.coordinator, w.buurt_a)
    assert not kan_rapporteren(w.partner_a, w.buurt_a)
    assert is_coordinator_van(w.coordinator, w.gemeente_1)
    assert not is_coordinator_van(w.coordinator, w.gemeente_2)


def test_it_knows_which_partner_a_partner_user_acts_for(wereld):
    assert partner_ids_van(wereld.partner_a, wereld.buurt_a) == {wereld.partner.id}
    assert partner_ids_van(wereld.regisseur_a) == set()


def test_it_raises_404_outside_scope(wereld):
    assert get_buurt_or_404(wereld.regisseur_a, wereld.buurt_a.id) == wereld.buurt_a
    with pytest.raises(Http404):
        get_buurt_or_404(wereld.regisseur_a, wereld.buurt_b.id)
    with pytest.raises(Http404):
        get_buurt_or_404(wereld.regisseur_a, 999999)


def test_it_loads_memberships_once_per_user(wereld, django_assert_num_queries):
    user = wereld.coordinator
    with django_assert_num_queries(1):
        kan_bekijken(user, wereld.buurt_a)
        kan_beheren(user, wereld.buurt_a)
        kan_rapporteren(user, wereld.buurt_a2)
