"""Walks every URL pattern of the project for five personas and GET/POST (issue: toegang).

A new URL without a row in tests/matrix/ fails `test_every_url_has_a_row`.
"""

import importlib
import pkgutil

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests.matrix as matrix_pakket
from tests.conftest import maak_wereld
from tests.matrix import PERSONAS, Regel, grens

UITGESLOTEN_PREFIXEN = ("beheer/", "media/", "static/")


def _modules():
    for info in pkgutil.iter_modules(matrix_pakket.__path__):
        yield importlib.import_module(f"tests.matrix.{info.name}")


def _alle_regels() -> dict[str, Regel]:
    regels: dict[str, Regel] = {}
    for module in _modules():
        dubbel = set(regels) & set(module.REGELS)
        assert not dubbel, f"dubbele regels: {dubbel}"
        regels.update(module.REGELS)
    return regels


def _url_namen(patronen=None, prefix: str = "", namespace: str = "") -> dict[str, str]:
    """{qualified url name: route} for every named pattern outside the admin."""
    namen: dict[str, str] = {}
    for patroon in patronen if patronen is not None else get_resolver().url_patterns:
        route = prefix + str(patroon.pattern).lstrip("^")
        if route.startswith(UITGESLOTEN_PREFIXEN):
            continue
        if isinstance(patroon, URLResolver):
            ns = namespace
            if patroon.namespace:
                ns = f"{namespace}{patroon.namespace}:"
            namen.update(_url_namen(patroon.url_patterns, route, ns))
        elif isinstance(patroon, URLPattern):
            assert patroon.name, f"URL zonder naam: {route}"
            namen[namespace + patroon.name] = route
    return namen


REGELS = _alle_regels()


def test_every_url_has_a_row():
    ontbrekend = set(_url_namen()) - set(REGELS)
    assert not ontbrekend, f"URL's zonder regel in tests/matrix/: {sorted(ontbrekend)}"


def test_every_row_has_a_url():
    overbodig = set(REGELS) - set(_url_namen())
    assert not overbodig, f"regels zonder URL: {sorted(overbodig)}"


@pytest.fixture(scope="module")
def matrixwereld(django_db_setup, django_db_blocker, tmp_path_factory):
    """The persona world plus every matrix module's objects, built once for this test module.

    It is made inside a transaction that is rolled back when the module is done; each test runs
    in a savepoint within it (pytest-django's `db`), so whatever one request changes (a POST that
    deletes or starts something) is undone before the next test. Files go to a temporary folder.
    """
    from zorgnet.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True  # as in every test: no task may reach the real broker
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("matrixmedia"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        try:
            w = maak_wereld()
            for module in _modules():
                module.maak(w)
        finally:
            app.conf.task_always_eager = eager
        yield w
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize("naam", sorted(REGELS))
def test_the_authorization_matrix(naam, matrixwereld, client):
    regel = REGELS[naam]
    w = matrixwereld
    url = reverse(naam, kwargs={k: getattr(w, v).pk for k, v in regel.kwargs.items()})
    fouten = []
    for methode in ("get", "post"):
        for persona, verwacht in regel.verwacht(methode).items():
            client.logout()
            if persona != "anoniem":
                client.force_login(getattr(w, persona))
            if methode == "get":
                antwoord = client.get(url + (f"?{regel.query}" if regel.query else ""))
            else:
                antwoord = client.post(url, regel.data)
            status = antwoord.status_code
            if status != verwacht:
                fouten.append(
                    f"{methode.upper()} {url} als {persona}: {status}, verwacht {verwacht}"
                )
            elif (
                persona == "anoniem"
                and status == 302
                and naam not in ("login", "logout")
                and not antwoord["Location"].startswith(reverse("login"))
            ):
                fouten.append(f"{methode.upper()} {url} anoniem: geen doorverwijzing naar login")
    assert not fouten, "\n".join(fouten)


def test_the_matrix_checks_every_url_for_every_persona_and_method():
    """The parametrised matrix test covers exactly the resolver's URL patterns, each for all
    five personas and both methods (a row that skipped a persona or a URL left out of the
    parametrisation would make the matrix smaller than URL patterns × personas × 2)."""
    (parametrisatie,) = (
        m for m in test_the_authorization_matrix.pytestmark if m.name == "parametrize"
    )
    geparametriseerd = list(parametrisatie.args[1])
    url_namen = _url_namen()
    assert sorted(geparametriseerd) == sorted(url_namen)
    cellen = {
        (naam, persona, methode)
        for naam in geparametriseerd
        for methode in ("get", "post")
        for persona in REGELS[naam].verwacht(methode)
    }
    assert len(cellen) == len(url_namen) * len(PERSONAS) * 2


# --- the buurt boundary on write URLs (issue 16, findings 3 and 5) --------------------------------
def _voetafdruk() -> dict[str, int]:
    """Row counts of everything a write that links partners, contacts or ties could leave."""
    from activiteiten.models import (
        Aanwezigheid,
        Actie,
        Activiteitenpakket,
        Capaciteit,
        Doorverwijzing,
        Signaal,
        Uitkomst,
    )
    from buurten.models import Voorziening
    from partners.models import Mandaat, Netwerkrol, Partner, Relatie

    modellen = (
        Aanwezigheid,
        Actie,
        Activiteitenpakket,
        Capaciteit,
        Doorverwijzing,
        Signaal,
        Uitkomst,
        Voorziening,
        Mandaat,
        Netwerkrol,
        Relatie,
    )
    telling = {m.__name__: m.objects.count() for m in modellen}
    telling["Relatie.history"] = Relatie.history.count()
    telling["Partner.buurten"] = Partner.buurten.through.objects.count()
    telling["Actie.co_partners"] = Actie.co_partners.through.objects.count()
    telling["Activiteitenpakket.team"] = Activiteitenpakket.team.through.objects.count()
    return telling


@pytest.mark.django_db
@pytest.mark.parametrize("geval", sorted(grens.GRENSGEVALLEN))
def test_the_buurt_boundary_on_pickers(geval, matrixwereld, client):
    """A forged POST with the id of a partner or contact person outside the buurt is a Dutch
    form error and writes nothing; the same POST with the shared partner succeeds."""
    g = grens.GRENSGEVALLEN[geval]
    w = matrixwereld
    url = reverse(g.url, kwargs={k: getattr(w, v).pk for k, v in g.kwargs.items()})
    client.force_login(getattr(w, g.persona))
    voor = _voetafdruk()
    antwoord = client.post(url, g.data(w, getattr(w, g.buiten)))
    assert antwoord.status_code == 200, f"{geval}: {antwoord.status_code}"
    assert g.melding in antwoord.content.decode(), f"{geval}: geen Nederlandse foutmelding"
    assert _voetafdruk() == voor, f"{geval}: er werd iets geschreven"
    antwoord = client.post(url, g.data(w, getattr(w, g.binnen)))
    assert antwoord.status_code == g.geslaagd, (
        f"{geval}: binnen de buurt {antwoord.status_code}, verwacht {g.geslaagd}"
    )
    assert _voetafdruk() != voor, f"{geval}: binnen de buurt werd niets geschreven"


@pytest.mark.django_db
@pytest.mark.parametrize("geval", sorted(grens.RELATIEGEVALLEN))
def test_the_buurt_boundary_on_ties(geval, matrixwereld, client):
    """A tie whose other side works outside the buurt cannot be changed or answered by the
    buurt's regisseur; the partner user of the tie's own side still can."""
    from partners.models import Relatie

    g = grens.RELATIEGEVALLEN[geval]
    w = matrixwereld
    relatie = getattr(w, g.relatie)
    url = reverse(g.url, kwargs={"buurt_id": w.buurt_a.pk, "relatie_id": relatie.pk})
    fouten = []
    for persona, verwacht in g.verwacht.items():
        voor = Relatie.history.filter(id=relatie.pk).count()
        client.force_login(getattr(w, persona))
        status = client.post(url, g.data).status_code
        geschreven = Relatie.history.filter(id=relatie.pk).count() != voor
        if status != verwacht or geschreven != (verwacht == 302):
            fouten.append(f"{persona}: {status} (verwacht {verwacht}), geschreven={geschreven}")
    assert not fouten, f"{geval}: " + "; ".join(fouten)
