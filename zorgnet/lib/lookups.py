"""ORM lookups: `__in_lijst`, and integer lookups that cannot overflow.

`__in_lijst`: membership in a long id list, sent as one array parameter on PostgreSQL.

`field__in=[...]` makes Django prepare, and psycopg splice, one parameter per id. With the
hundreds of partner ids of a large buurt that cost more than the query itself (bench: about 5 ms
of Python per filter on the largest buurt). On PostgreSQL this lookup renders `field = ANY(%s)`
with the whole list as one array parameter; elsewhere (SQLite) it falls back to `IN (...)`.

**No overflow from a crafted id** (issue 16, finding 9): `?partner=99999999999999999999` or such an id
in any multi-select reached the database driver, and SQLite's raised OverflowError (a 500). Django
already treats an out-of-range integer in `exact`/`gt`/`lt` on an integer column as "matches
nothing"; the lookups below do the same for `in` on integer columns and for `exact` and `in` on
foreign keys (and `__in_lijst`), so every filter, ModelChoiceField and ModelMultipleChoiceField
sees "no such object" and answers with its usual Dutch validation error. Registered once, at the
root, instead of in each form and filter bar.
"""

from django.core.exceptions import EmptyResultSet, FieldError
from django.db.models import Field, ForeignObject, IntegerField, Lookup
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In


def _bereik(lookup, connection) -> tuple[int | None, int | None]:
    """The integer range of the column the lookup compares (a foreign key: its target's)."""
    veld = lookup.lhs.output_field
    try:
        veld = getattr(veld, "target_field", veld)
        return connection.ops.integer_field_range(veld.get_internal_type())
    except (AttributeError, FieldError, KeyError):  # not an integer column
        return None, None


def _past(waarde, bereik) -> bool:
    laag, hoog = bereik
    if not isinstance(waarde, int):
        return True
    return (laag is None or waarde >= laag) and (hoog is None or waarde <= hoog)


class _ExactBinnenBereik:
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and not _past(self.rhs, _bereik(self, connection)):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)


class _InBinnenBereik:
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            bereik = _bereik(self, connection)
            # An empty list left over makes In raise EmptyResultSet: the filter matches nothing.
            self.rhs = [v for v in self.rhs if _past(v, bereik)]
        return super().process_rhs(compiler, connection)


class VeiligIn(_InBinnenBereik, In):
    pass


class VeiligRelatedIn(_InBinnenBereik, RelatedIn):
    pass


class VeiligRelatedExact(_ExactBinnenBereik, RelatedExact):
    pass


IntegerField.register_lookup(VeiligIn)
ForeignObject.register_lookup(VeiligRelatedIn)
ForeignObject.register_lookup(VeiligRelatedExact)


class InLijst(Lookup):
    lookup_name = "in_lijst"
    prepare_rhs = False

    def get_prep_lookup(self):
        return [int(v) for v in self.rhs]

    def process_rhs(self, compiler, connection):
        return "%s", [self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        bereik = _bereik(self, connection)
        self.rhs = [v for v in self.rhs if _past(v, bereik)]
        if not self.rhs:
            return "1 = 0", []
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, self.rhs]
        plaats = ", ".join(["%s"] * len(self.rhs))
        return f"{lhs} IN ({plaats})", [*lhs_params, *self.rhs]


Field.register_lookup(InLijst)
ForeignObject.register_lookup(InLijst)
