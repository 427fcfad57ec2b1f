"""A versioned fragment cache: rendered page blocks keyed by the version of what they show.

Every buurt and every gemeente has a version number in the cache (one key each), and there is one
global version. A fragment's key holds the versions of the scopes it reads, so a write never has
to find the fragments it makes stale: it raises the version of its scope (one INCR) and the next
request looks under a new key. Old fragments expire on their own (`ZORGNET_FRAGMENTCACHE_SECONDEN`).

Writes reach this module three ways: model signals for every scoped model (connected by the top
layer, `zorgnet/overzicht/cache.py`), `wijzig_rijen` / `wijzig_queryset` after bulk writes
(`QuerySet.update`, `bulk_create`, the job-record steps), and `wijzig` where the caller knows the
scope. A bump happens at once and again when the transaction commits: the first makes a later read
in the same transaction see its own write, the second makes sure no request that read the old rows
before the commit keeps them under the new version.

A missing version (evicted, flushed, a fresh cache) starts at the current time in nanoseconds, so
it never comes back to a number an older fragment was stored under. The keys also carry the
database name, so test databases (and copies) sharing one Redis never meet.

This module knows no app: a scope is found by field name (`buurt`, `gemeente`), following foreign
keys to a model that has one.
"""

import hashlib
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.db import connection, models, transaction
from django.utils import timezone, translation

ALLES = ("a", 0)

# --- which models carry a scope, and how to find it -------------------------------------------
# Filled by `verbind` (the top layer's AppConfig.ready): model -> resolver.
_resolvers: dict[type[models.Model], Callable[[models.Model], set[tuple[str, int]]]] = {}
_scope_soorten: dict[type[models.Model], str] = {}


def _cache():
    return caches[getattr(settings, "ZORGNET_FRAGMENTCACHE_ALIAS", "default")]


def actief() -> bool:
    return getattr(settings, "ZORGNET_FRAGMENTCACHE", True)


def _direct_velden(model: type[models.Model]) -> list[tuple[str, str]]:
    """[(soort, attname)] for a model's own `buurt` / `gemeente` foreign keys."""
    uit = []
    for naam, soort in (("buurt", "b"), ("gemeente", "g")):
        try:
            veld = model._meta.get_field(naam)
        except FieldDoesNotExist:
            continue
        if veld.many_to_one:
            uit.append((soort, veld.attname))
    return uit


def scoped_modellen(scope_modellen: dict[str, type[models.Model]]) -> dict:
    """For every installed model: how its scope is found, or None when it has none.

    `scope_modellen` = {"b": Buurt, "g": Gemeente}. A model is scoped when it is one of those, has
    a `buurt`/`gemeente` foreign key, or reaches such a model through foreign keys (at most three
    steps). Returns {model: [(soort, lookup)]}: lookup "pk", an own attname ("buurt_id") or a
    path through one foreign key ("analyse__buurt_id")."""
    from django.apps import apps

    alle = apps.get_models()

    def paden(model, diepte: int, gezien: frozenset) -> list[tuple[str, str]]:
        for soort, scope in scope_modellen.items():
            if model is scope:
                return [(soort, "pk")]
        if eigen := _direct_velden(model):
            return eigen
        if diepte == 0:
            return []
        uit = []
        for veld in model._meta.concrete_fields:
            doel = veld.related_model if veld.many_to_one else None
            if doel is None or doel in gezien:
                continue
            for soort, lookup in paden(doel, diepte - 1, gezien | {model}):
                uit.append((soort, veld.attname if lookup == "pk" else f"{veld.name}__{lookup}"))
        return uit

    def voorkeur(model) -> list[tuple[str, str]] | None:
        # A row with a buurt shows on that buurt's pages; its partners work in that buurt (every
        # write service checks it), so the partners' gemeente adds nothing but queries.
        alle_paden = paden(model, 3, frozenset({model}))
        buurt = [(s, lk) for s, lk in alle_paden if s == "b"]
        if buurt and any("__" in lk for _s, lk in buurt) and not _direct_velden(model):
            return buurt
        return alle_paden or None

    return {m: voorkeur(m) for m in alle}


def _resolver(model, paden: list[tuple[str, str]]):
    """A function instance -> {(soort, id)}: own fields without a query, else one query per
    foreign key, on its target (after a delete the instance's own row is already gone)."""
    eigen = [(s, lk) for s, lk in paden if "__" not in lk]
    ver: dict[str, list[tuple[str, str]]] = {}
    for soort, lookup in paden:
        if "__" in lookup:
            fk, rest = lookup.split("__", 1)
            ver.setdefault(fk, []).append((soort, rest))

    def los_op(obj) -> set[tuple[str, int]]:
        uit = {(s, int(w)) for s, lk in eigen if (w := getattr(obj, lk))}
        for fk, doelen in ver.items():
            veld = model._meta.get_field(fk)
            if not (fk_waarde := getattr(obj, veld.attname)):
                continue
            rij = _uit_geladen(obj, fk, [rest for _s, rest in doelen])
            if rij is None:
                rij = (
                    veld.related_model._base_manager.filter(pk=fk_waarde)
                    .values_list(*[rest for _s, rest in doelen])
                    .first()
                )
            uit |= {(s, int(w)) for (s, _r), w in zip(doelen, rij or (), strict=False) if w}
        return uit

    los_op.paden = paden
    return los_op


def _uit_geladen(obj, fk: str, lookups: list[str]) -> tuple | None:
    """The values behind `fk` from related objects already loaded on `obj` (no query), or None."""
    uit = []
    for lookup in [f"{fk}__{lk}" for lk in lookups]:
        huidig = obj
        *stappen, laatste = lookup.split("__")
        for stap in stappen:
            if not huidig._state.fields_cache.get(stap):
                return None
            huidig = huidig._state.fields_cache[stap]
        uit.append(getattr(huidig, laatste))
    return tuple(uit)


def verbind(
    modellen: dict[type[models.Model], list[tuple[str, str]]],
    scope_modellen: dict[str, type[models.Model]],
) -> None:
    """Connect the write signals of these models (the top layer decides which)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    _scope_soorten.update({m: s for s, m in scope_modellen.items()})
    for model, paden in modellen.items():
        _resolvers[model] = _resolver(model, paden)
        post_save.connect(_na_schrijven, sender=model, dispatch_uid=f"fragment-{model._meta.label}")
        post_delete.connect(
            _na_schrijven, sender=model, dispatch_uid=f"fragment-del-{model._meta.label}"
        )
        for veld in model._meta.local_many_to_many:
            m2m_changed.connect(
                _na_m2m,
                sender=veld.remote_field.through,
                dispatch_uid=f"fragment-m2m-{model._meta.label}-{veld.name}",
            )


def verbonden() -> dict:
    """{model: resolver} of the connected models (read by the tests)."""
    return dict(_resolvers)


def scopes_van(obj: models.Model) -> set[tuple[str, int]]:
    resolver = _resolvers.get(type(obj))
    return resolver(obj) if resolver else set()


def _na_schrijven(sender, instance, **kwargs) -> None:
    _verhoog(scopes_van(instance))


def _na_m2m(sender, instance, action, model, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    scopes = scopes_van(instance)
    # The other side is a scope itself (partner.buurten.add(buurt)): those buurten too.
    if (soort := _scope_soorten.get(model)) and pk_set:
        scopes |= {(soort, int(pk)) for pk in pk_set}
    _verhoog(scopes)


# --- bumping -----------------------------------------------------------------------------------
def wijzig(
    *, buurten: Iterable[int] = (), gemeenten: Iterable[int] = (), alles: bool = False
) -> None:
    """Raise the versions of these scopes (after a write the signals do not see)."""
    scopes = {("b", int(i)) for i in buurten if i} | {("g", int(i)) for i in gemeenten if i}
    if alles:
        scopes.add(ALLES)
    _verhoog(scopes)


def wijzig_rijen(model: type[models.Model], pks: Iterable[int]) -> None:
    """After a bulk write of these rows of `model` (update, bulk_create): one query at most."""
    resolver = _resolvers.get(model)
    pks = [pk for pk in pks if pk is not None]
    if resolver is None or not pks:
        return
    wijzig_queryset(model._base_manager.filter(pk__in=pks))


def wijzig_queryset(qs: models.QuerySet) -> None:
    """Before deleting or after updating the rows of `qs`: their scopes, in one query."""
    resolver = _resolvers.get(qs.model)
    if resolver is None:
        return
    paden = resolver.paden
    scopes = set()
    for rij in qs.order_by().values_list(*[lk for _s, lk in paden]).distinct():
        for (soort, _lk), waarde in zip(paden, rij, strict=True):
            if waarde:
                scopes.add((soort, int(waarde)))
    _verhoog(scopes)


def _prefix() -> str:
    naam = str(connection.settings_dict.get("NAME") or "")
    return "zf:" + hashlib.blake2s(naam.encode(), digest_size=4).hexdigest()


def _versiesleutel(scope: tuple[str, int]) -> str:
    return f"{_prefix()}:v:{scope[0]}{scope[1]}"


def _incr(scopes: Iterable[tuple[str, int]]) -> None:
    cache = _cache()
    for scope in scopes:
        sleutel = _versiesleutel(scope)
        try:
            cache.incr(sleutel)
        except ValueError:
            # Missing: start above every number it can have had (see the module docstring).
            if not cache.add(sleutel, time.time_ns(), timeout=None):
                cache.incr(sleutel)


_WACHTEND = "_zorgnet_fragment_wachtend"


def _verhoog(scopes: set[tuple[str, int]]) -> None:
    if not scopes or not actief():
        return
    if not connection.in_atomic_block:
        _incr(scopes)  # committed already
        return
    # One record per transaction: its callback raises the scopes again at commit (for every other
    # connection); a rollback discards the callback, and the next write starts a new record.
    wachtend = getattr(connection, _WACHTEND, None)
    if wachtend is None or not any(cb is wachtend for _sids, cb, *_r in connection.run_on_commit):
        wachtend = _Wachtend()
        setattr(connection, _WACHTEND, wachtend)
        transaction.on_commit(wachtend)
    # Now, for reads on this connection (they see the uncommitted rows): once per scope until
    # this connection reads the versions again, so a loop of saves is not one INCR per row.
    _incr(scopes - wachtend.al_verhoogd)
    wachtend.al_verhoogd |= scopes
    wachtend.scopes |= scopes


class _Wachtend:
    """The scopes to raise again when the current transaction commits."""

    def __init__(self) -> None:
        self.scopes: set[tuple[str, int]] = set()
        self.al_verhoogd: set[tuple[str, int]] = set()

    def __call__(self) -> None:
        _incr(self.scopes)
        self.scopes = set()
        self.al_verhoogd = set()


# --- reading -----------------------------------------------------------------------------------
def versies(*, buurten: Iterable[int] = (), gemeenten: Iterable[int] = ()) -> str:
    """The current versions of these scopes (and the global one), as one short key part."""
    if (wachtend := getattr(connection, _WACHTEND, None)) is not None:
        wachtend.al_verhoogd.clear()
    scopes = [ALLES] + sorted({("g", int(i)) for i in gemeenten if i})
    scopes += sorted({("b", int(i)) for i in buurten if i})
    cache = _cache()
    sleutels = [_versiesleutel(s) for s in scopes]
    gevonden = cache.get_many(sleutels)
    ontbrekend = [s for s in sleutels if s not in gevonden]
    for sleutel in ontbrekend:
        cache.add(sleutel, time.time_ns(), timeout=None)
    if ontbrekend:
        gevonden.update(cache.get_many(ontbrekend))
    # The scopes with their numbers: two buurten whose counters happen to meet never share a key.
    tekst = ",".join(f"{s}={gevonden.get(s, '')}" for s in sleutels)
    return hashlib.blake2s(tekst.encode(), digest_size=12).hexdigest()


def sleutel(naam: str, *delen: object) -> str:
    """A fragment key: its name, what it depends on (versions, profile), language and date."""
    tekst = repr((naam, translation.get_language(), timezone.localdate().isoformat(), delen))
    return f"{_prefix()}:f:{naam}:" + hashlib.blake2s(tekst.encode(), digest_size=16).hexdigest()


def fragmenten(gevraagd: list[tuple[str, Callable[[], str]]]) -> list[str]:
    """[(key, make)] -> the fragments, in order; `make` runs only for keys not in the cache."""
    if not actief():
        return [maak() for _sleutel, maak in gevraagd]
    cache = _cache()
    gevonden = cache.get_many([s for s, _maak in gevraagd])
    nieuw = {}
    uit = []
    for s, maak in gevraagd:
        html = gevonden.get(s)
        if html is None:
            html = nieuw[s] = maak()
        uit.append(html)
    if nieuw:
        cache.set_many(nieuw, timeout=getattr(settings, "ZORGNET_FRAGMENTCACHE_SECONDEN", 86400))
    return uit


def van_buurt(naam: str, buurt_id: int, maak: Callable[[], object], *delen: object) -> object:
    """One value computed from a buurt's own rows (figures, counts), kept under the buurt's id and
    version (and `delen`, e.g. a period): `maak` runs only when a write changed the buurt."""
    (waarde,) = fragmenten([(sleutel(naam, buurt_id, versies(buurten=[buurt_id]), *delen), maak)])
    return waarde


def telling(
    qs: models.QuerySet, *, buurten: Iterable[int] = (), gemeenten: Iterable[int] = ()
) -> int:
    """`qs.count()`, kept under the versions of the scopes whose rows `qs` reads and under its own
    SQL and parameters (every filter, and the user's own scope, are in them): a list page's
    pagination then counts a large buurt once per write instead of on every request."""
    if not actief():
        return qs.count()
    try:
        sql, params = qs.order_by().query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (`none()`, an empty `__in`)
        return 0
    versie = versies(buurten=buurten, gemeenten=gemeenten)
    (aantal,) = fragmenten([(sleutel("telling", versie, sql, params), qs.count)])
    return aantal
