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
