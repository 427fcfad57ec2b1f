"""Meetings (issue 7). Everyone in the buurt reads meetings, sheets, minutes and the follow-up of
agreed actions; only the regisseur organises meetings and records attendance and outcomes."""

from tests.factories import BijeenkomstFactory, ReeksFactory

from . import Regel

GET_ONLY = "405 405 405 405 302"
LEZEN = "200 404 200 200 302"
ORGANISEREN = "200 404 403 403 302"
A = {"buurt_id": "buurt_a"}
B = {**A, "bijeenkomst_id": "bijeenkomst_a"}

REGELS = {
    "activiteiten:bijeenkomst_list": Regel(
        get=LEZEN, post=GET_ONLY, kwargs=A, query="type=training"
    ),
    "activiteiten:bijeenkomst_create": Regel(get=ORGANISEREN, post=ORGANISEREN, kwargs=A),
    "activiteiten:bijeenkomst_opvolging": Regel(get=LEZEN, post=GET_ONLY, kwargs=A),
    "activiteiten:reeks_create": Regel(get=ORGANISEREN, post=ORGANISEREN, kwargs=A),
    "activiteiten:reeks_detail": Regel(
        get=LEZEN, post=ORGANISEREN, kwargs={**A, "reeks_id": "reeks_a"}
    ),
    "activiteiten:bijeenkomst_detail": Regel(get=LEZEN, post=GET_ONLY, kwargs=B),
    "activiteiten:bijeenkomst_update": Regel(get=ORGANISEREN, post=ORGANISEREN, kwargs=B),
    "activiteiten:aanwezigheid_update": Regel(get=ORGANISEREN, post=ORGANISEREN, kwargs=B),
    "activiteiten:uitkomst_create": Regel(get=ORGANISEREN, post=ORGANISEREN, kwargs=B),
    "activiteiten:bijeenkomst_blad": Regel(get=LEZEN, post=GET_ONLY, kwargs=B),
    "activiteiten:bijeenkomst_verslag": Regel(get=LEZEN, post=GET_ONLY, kwargs=B),
}


def maak(w) -> None:
    w.reeks_a = ReeksFactory(buurt=w.buurt_a)
    w.bijeenkomst_a = BijeenkomstFactory(buurt=w.buurt_a, reeks=w.reeks_a)
