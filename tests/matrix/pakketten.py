"""Activity packages (issue 5): everyone in the buurt reads, only the regisseur writes."""

from types import SimpleNamespace

from tests.factories import ActiviteitenpakketFactory, ActiviteitFactory, DoelFactory

from . import Regel

GET_ONLY = "405 405 405 405 302"
LEZEN = "200 404 200 200 302"
A = {"buurt_id": "buurt_a"}
STAP = {**A, "stap": "stap_een"}
PAKKET = {**A, "pakket_id": "pakket_a"}


def _post(ok: str) -> str:
    """POST by the regisseur answers `ok`; readers get 403, foreign regisseur 404."""
    return f"{ok} 404 403 403 302"


REGELS = {
    "activiteiten:pakket_list": Regel(get=LEZEN, post=GET_ONLY, kwargs=A),
    "activiteiten:pakket_stap": Regel(get=LEZEN, post=GET_ONLY, kwargs=STAP),
    "activiteiten:pakket_stap_status": Regel(get=GET_ONLY, post=_post("302"), kwargs=STAP),
    "activiteiten:pakket_uitdaging_create": Regel(get=GET_ONLY, post=_post("200"), kwargs=A),
    "activiteiten:doel_create": Regel(get=GET_ONLY, post=_post("200"), kwargs=A),
    "activiteiten:doel_update": Regel(
        get=LEZEN, post=_post("200"), kwargs={**A, "doel_id": "doel_a"}
    ),
    "activiteiten:toc_create": Regel(get=GET_ONLY, post=_post("200"), kwargs=A),
    "activiteiten:activiteit_create": Regel(get=GET_ONLY, post=_post("200"), kwargs=A),
    "activiteiten:capaciteit_create": Regel(get=GET_ONLY, post=_post("200"), kwargs=A),
    "activiteiten:starttemplate_toepassen": Regel(get=GET_ONLY, post=_post("200"), kwargs=A),
    "activiteiten:samenhang_matrix": Regel(get=GET_ONLY, post=_post("302"), kwargs=A),
    "activiteiten:samenhang_paar": Regel(get=GET_ONLY, post=_post("200"), kwargs=A),
    "activiteiten:advies_overnemen": Regel(get=GET_ONLY, post=_post("302"), kwargs=A),
    "activiteiten:pakket_create": Regel(get=GET_ONLY, post=_post("200"), kwargs=A),
    "activiteiten:pakketrelatie_create": Regel(get=GET_ONLY, post=_post("200"), kwargs=A),
    "activiteiten:pakket_detail": Regel(get=LEZEN, post=GET_ONLY, kwargs=PAKKET),
    "activiteiten:pakket_update": Regel(get=GET_ONLY, post=_post("200"), kwargs=PAKKET),
    "activiteiten:pakket_ideaal": Regel(get=GET_ONLY, post=_post("302"), kwargs=PAKKET),
    "activiteiten:afwijking_create": Regel(get=GET_ONLY, post=_post("200"), kwargs=PAKKET),
    "activiteiten:factor_create": Regel(get=GET_ONLY, post=_post("200"), kwargs=PAKKET),
}


def maak(w) -> None:
    w.stap_een = SimpleNamespace(pk=1)
    w.pakket_a = ActiviteitenpakketFactory(buurt=w.buurt_a)
    ActiviteitFactory(buurt=w.buurt_a, pakket=w.pakket_a)
    w.doel_a = DoelFactory(buurt=w.buurt_a)
