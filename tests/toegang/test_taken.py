"""Job hygiene: ids only in task arguments, long jobs on their own queue, time limits below the
broker's visibility timeout (so an unacknowledged long job is not redelivered in a loop)."""

import datetime as dt
import inspect
import types
import typing

import pytest
from django.conf import settings

from zorgnet.celery import app

PROJECTMODULES = ("buurten", "partners", "activiteiten", "zorgnet")
# Plain ids, counts, dates and flags are fine; text only as a short code with a known name.
TOEGESTANE_TYPES = {int, bool, dt.date, dt.datetime, type(None)}
KORTE_CODES = {"bron", "soort", "formaat", "status", "actie", "object_type"}
TOEGESTANE_RESULTATEN = {int, bool, type(None), dict[str, int], list[int]}


def _projecttaken() -> dict:
    app.loader.import_default_modules()
    return {
        naam: taak
        for naam, taak in app.tasks.items()
        if naam.split(".")[0] in PROJECTMODULES and not naam.startswith("celery.")
    }


def _type_ok(annotatie) -> bool:
    if annotatie in TOEGESTANE_TYPES:
        return True
    oorsprong = typing.get_origin(annotatie)
    if oorsprong in (typing.Union, types.UnionType):
        return all(_type_ok(a) for a in typing.get_args(annotatie))
    if oorsprong in (list, tuple, set, frozenset):
        return all(a in (int, Ellipsis) for a in typing.get_args(annotatie))
    return False


def problemen(functie) -> list[str]:
    """What is wrong with a task function's parameters and result (empty list: fine)."""
    hints = typing.get_type_hints(functie)
    fouten = []
    for naam, parameter in inspect.signature(functie).parameters.items():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            fouten.append(f"{naam}: *args/**kwargs laten alles door")
            continue
        annotatie = hints.get(naam)
        if annotatie is None:
            fouten.append(f"{naam}: geen type (alleen ids, getallen, datums of korte codes)")
        elif annotatie is str:
            if naam not in KORTE_CODES and not naam.endswith("_code"):
                fouten.append(f"{naam}: vrije tekst of persoonsgegevens als argument")
        elif not _type_ok(annotatie):
            fouten.append(f"{naam}: type {annotatie} is geen id, getal, datum of code")
    if "return" in hints and hints["return"] not in TOEGESTANE_RESULTATEN:
        fouten.append(f"resultaat {hints['return']}: alleen aantallen of ids")
    return fouten


def test_there_are_project_tasks_to_check():
    namen = set(_projecttaken())
    assert {"buurten.tasks.hartslag", "zorgnet.toegang.tasks.bewaartermijnen_toepassen"} <= namen


@pytest.mark.parametrize("naam", sorted(_projecttaken()))
def test_no_task_takes_free_text_or_personal_data(naam):
    taak = _projecttaken()[naam]
    assert problemen(taak.run) == [], naam


def test_the_check_catches_free_text_and_untyped_arguments():
    def goed(signaal_id: int, buurt_ids: list[int], op: dt.date | None = None) -> int:
        return 0

    def slecht(signaal_id: int, omschrijving: str, persoon, **extra) -> str:
        return ""

    assert problemen(goed) == []
    fouten = problemen(slecht)
    assert any(f.startswith("omschrijving") for f in fouten)
    assert any(f.startswith("persoon") for f in fouten)
    assert any(f.startswith("extra") for f in fouten)
    assert any(f.startswith("resultaat") for f in fouten)


def test_results_are_not_stored():
    assert settings.CELERY_TASK_IGNORE_RESULT is True
    assert settings.CELERY_RESULT_BACKEND is None


def _wachtrij(naam: str) -> str:
    route = app.amqp.router.route({}, naam, (), {})
    wachtrij = route["queue"]
    return getattr(wachtrij, "name", wachtrij)


def test_long_jobs_go_to_their_own_queue():
    assert _wachtrij("partners.tasks.lang_netwerkanalyse") == "long"
    assert _wachtrij("zorgnet.rapport.tasks.lang_rapport") == "long"
    assert _wachtrij("buurten.tasks.hartslag") == "default"
    lange = [naam for naam in _projecttaken() if naam.rsplit(".", 1)[-1].startswith("lang_")]
    assert "partners.tasks.lang_bereken_netwerk" in lange  # the loop below checks something
    for naam in lange:
        assert _wachtrij(naam) == "long", naam


def test_one_job_at_a_time_per_worker_process_acknowledged_late():
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    assert settings.CELERY_TASK_ACKS_LATE is True
    assert settings.CELERY_TASK_REJECT_ON_WORKER_LOST is True


def test_time_limits_stay_below_the_visibility_timeout():
    zichtbaarheid = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    zacht, hard = settings.CELERY_TASK_SOFT_TIME_LIMIT, settings.CELERY_TASK_TIME_LIMIT
    assert 0 < zacht < hard < zichtbaarheid
    assert app.conf.broker_transport_options["visibility_timeout"] == zichtbaarheid
    taken = _projecttaken()
    assert "partners.tasks.lang_bereken_netwerk" in taken  # the loop below checks something
    for naam, taak in taken.items():
        for limiet in (taak.soft_time_limit, taak.time_limit):
            assert limiet is None or limiet < zichtbaarheid, naam
