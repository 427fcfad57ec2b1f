"""`__in_lijst` (zorgnet/lib/lookups.py): the same rows as `__in`, on PostgreSQL and SQLite."""

import pytest

from partners.models import Partner
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_in_lijst_selects_the_same_rows_as_in(wereld):
    gekozen = [PartnerFactory(gemeente=wereld.gemeente_1) for _ in range(3)]
    PartnerFactory(gemeente=wereld.gemeente_1)  # not in the list
    ids = [p.pk for p in gekozen]
    verwacht = set(Partner.objects.filter(pk__in=ids).values_list("pk", flat=True))
    assert set(Partner.objects.filter(pk__in_lijst=ids).values_list("pk", flat=True)) == verwacht
    assert set(Partner.objects.filter(gemeente_id__in_lijst=[wereld.gemeente_1.pk])) >= set(gekozen)


def test_an_empty_list_selects_nothing(wereld):
    PartnerFactory(gemeente=wereld.gemeente_1)
    assert not Partner.objects.filter(pk__in_lijst=[]).exists()


def test_the_list_is_one_parameter_on_postgresql(wereld):
    from django.db import connection

    qs = Partner.objects.filter(pk__in_lijst=[1, 2, 3])
    sql, params = qs.query.sql_with_params()
    if connection.vendor == "postgresql":
        assert "= ANY(" in sql and [1, 2, 3] in params
    else:
        assert "IN (" in sql and list(params)[-3:] == [1, 2, 3]


# --- a crafted huge id (issue 16, finding 9) -----------------------------------------------------
HUGE = 99999999999999999999


def test_een_te_groot_getal_vindt_niets_in_plaats_van_overflow(wereld):
    from activiteiten.models import Actie

    partner = wereld.partner
    assert not Partner.objects.filter(pk__in=[HUGE]).exists()
    assert list(Partner.objects.filter(pk__in=[HUGE, partner.pk])) == [partner]
    assert not Partner.objects.filter(pk__in_lijst=[HUGE]).exists()
    assert not Partner.objects.filter(gemeente=HUGE).exists()  # a foreign key
    assert not Partner.objects.filter(gemeente__in=[HUGE]).exists()
    assert not Partner.objects.filter(buurten__in=[HUGE]).exists()  # many-to-many
    assert not Partner.objects.filter(buurten=-HUGE).exists()
    assert not Actie.objects.filter(buurt__gemeente=HUGE).exists()
    assert Partner.objects.exclude(buurten__in=[HUGE]).filter(pk=partner.pk).exists()


def test_een_te_groot_id_in_formulieren_en_filters_is_een_nederlandse_fout(wereld, als):
    from django.urls import reverse

    from buurten.models import Toegangsgebeurtenis

    client = als(wereld.regisseur_a)
    buurt = wereld.buurt_a.pk
    # A filter bar (ModelChoiceFilter) ...
    for naam, parameter in (
        ("activiteiten:actie_list", "pakket"),
        ("activiteiten:bijeenkomst_opvolging", "eigenaar"),
    ):
        antwoord = client.get(reverse(naam, args=(buurt,)), {parameter: str(HUGE)})
        assert antwoord.status_code == 200
        assert "Deze filters zijn ongeldig" in antwoord.content.decode()
    # ... a multi-select in a form (ModelMultipleChoiceField) ...
    antwoord = client.post(
        reverse("activiteiten:actie_create", args=(buurt,)),
        {"titel": "x", "co_partners": [str(HUGE)], "trekker": str(HUGE)},
    )
    assert antwoord.status_code == 200
    fouten = antwoord.context["form"].errors
    # The picker's own Dutch error for an id it does not offer (scoped to the buurt, issue 16).
    assert fouten["co_partners"] == ["Kies een partner die in deze buurt werkt."]
    assert "trekker" in fouten
    antwoord = client.post(
        reverse("activiteiten:beleidssignaal_create", args=(buurt,)),
        {"titel": "x", "boodschap": "y", "signalen": [str(HUGE)]},
    )
    assert antwoord.status_code == 200
    assert "signalen" in antwoord.context["form"].errors
    assert not Toegangsgebeurtenis.objects.filter(actie="geweigerd").exists()
