"""`__in_lijst`: membership in a long id list, sent as one array parameter on PostgreSQL.

`field__in=[...]` makes Django prepare, and psycopg splice, one parameter per id. With the
hundreds of partner ids of a large buurt that cost more than the query itself (bench: about 5 ms
of Python per filter on the largest buurt). On PostgreSQL this lookup renders `field = ANY(%s)`
with the whole list as one array parameter; elsewhere (SQLite) it falls back to `IN (...)`.
"""

from django.db.models import Field, ForeignObject, Lookup


class InLijst(Lookup):
    lookup_name = "in_lijst"
    prepare_rhs = False

    def get_prep_lookup(self):
        return [int(v) for v in self.rhs]

    def process_rhs(self, compiler, connection):
        return "%s", [self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if not self.rhs:
            return "1 = 0", []
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, self.rhs]
        plaats = ", ".join(["%s"] * len(self.rhs))
        return f"{lhs} IN ({plaats})", [*lhs_params, *self.rhs]


Field.register_lookup(InLijst)
ForeignObject.register_lookup(InLijst)
