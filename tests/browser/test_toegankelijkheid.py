"""axe-core on every page the authorization matrix lists as readable, for each persona (issue 19).

The pages are the matrix rows whose GET answers 200 for a persona, with the matrix world's objects
(the personas plus every matrix module's `maak`). The walk is cut into parts of at most
`DEEL_GROOTTE` pages of one persona; each part is a test that any xdist process may run (marker
`overal`) with that process's live server and Chromium, one browser context for the persona.
axe-core (tests/browser/axe/, MPL-2.0, vendored so that the suite needs no network) is evaluated
in the page through the DevTools protocol, which the Content-Security-Policy does not block.
A serious or critical violation fails the part with its rule, page, persona and elements.
Downloads, images and fragments (no doctype: htmx partials) are not pages and are skipped.
"""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightFout

from tests.conftest import maak_wereld
from tests.matrix import PERSONAS
from tests.test_autorisatiematrix import REGELS, _modules

pytestmark = [
    pytest.mark.browser,
    pytest.mark.overal,
    pytest.mark.django_db(transaction=True),
    # The whole walk costs about 6 minutes of the 2-core CI machine, more than the CI budget has
    # left: it runs with `make axe` (ZORGNET_AXE=1) until it is made cheaper.
    pytest.mark.skipif(not os.environ.get("ZORGNET_AXE"), reason="axe-walk: make axe"),
]

AXE = (Path(__file__).parent / "axe" / "axe.min.js").read_text()
ERNSTIG = ("serious", "critical")
AXE_OPTIES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    # 'region' (content outside landmarks) only ever reports moderate and walks the whole page
    "rules": {"region": {"enabled": False}},
    "resultTypes": ["violations"],
}
DEEL_GROOTTE = 55


def _leesbaar() -> dict[str, list[str]]:
    """{persona: [url name]} of the matrix rows whose GET answers 200 for that persona."""
    return {
        persona: [n for n in sorted(REGELS) if REGELS[n].verwacht("get")[persona] == 200]
        for persona in PERSONAS
    }


def _delen() -> list[tuple[str, int]]:
    delen = []
    for persona, namen in _leesbaar().items():
        aantal = -(-len(namen) // DEEL_GROOTTE)
        delen += [(persona, i) for i in range(aantal)]
    return delen


def url_van(naam: str, w) -> str:
    regel = REGELS[naam]
    url = reverse(naam, kwargs={k: getattr(w, v).pk for k, v in regel.kwargs.items()})
    return url + (f"?{regel.query}" if regel.query else "")


def axe_overtredingen(page) -> list[dict]:
    """Serious and critical axe violations of the page that is open now."""
    page.evaluate(AXE)
    resultaat = page.evaluate("opties => axe.run(document, opties)", AXE_OPTIES)
    return [v for v in resultaat["violations"] if v["impact"] in ERNSTIG]


def beschrijf(naam: str, persona: str, overtreding: dict) -> str:
    doelen = [", ".join(map(str, n["target"])) for n in overtreding["nodes"][:3]]
    return (
        f"{overtreding['id']} ({overtreding['impact']}) op {naam} als {persona}: "
        f"{overtreding['help']} -- {'; '.join(doelen)}"
    )


def open_als(chromium, live_server, w, persona: str):
    context = chromium.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    if persona != "anoniem":
        page.goto(f"{live_server.url}/aanmelden/")
        page.fill("#id_username", getattr(w, persona).username)
        page.fill("#id_password", "test-wachtwoord-123")
        page.click("button[type=submit]")
        page.wait_for_load_state()
        assert "/aanmelden/" not in page.url, f"{persona} kon niet aanmelden"
    return context, page


def controleer(page, live_server, naam: str, url: str) -> list[dict] | None:
    """axe's serious violations of the page at `url`, or None when it is no page (a download,
    an image, a fragment).

    The navigation goes through a route that reads the whole answer first: a streamed export
    that the browser dropped as a download would leave the live server's database transaction
    open (its server-side cursor), and the test's flush would wait for it forever.
    """
    antwoord_info: dict = {}

    def lees_eerst(route):
        if not route.request.is_navigation_request():
            route.continue_()
            return
        antwoord = route.fetch()
        soort = antwoord.headers.get("content-type", "")
        antwoord_info.update(status=antwoord.status, soort=soort)
        if soort.startswith("text/html") and "attachment" not in antwoord.headers.get(
            "content-disposition", ""
        ):
            route.fulfill(response=antwoord)
        else:
            route.abort()

    page.route("**/*", lees_eerst)
    try:
        try:
            page.goto(live_server.url + url)
        except PlaywrightFout:
            if antwoord_info.get("status") == 200 and not antwoord_info["soort"].startswith(
                "text/html"
            ):
                return None  # no page: aborted on purpose
            raise
    finally:
        page.unroute("**/*", lees_eerst)
    assert antwoord_info["status"] == 200, f"{naam}: {antwoord_info['status']}"
    if not page.evaluate("document.doctype !== null"):
        return None
    return axe_overtredingen(page)


def test_the_walk_covers_every_readable_page_of_every_persona():
    leesbaar = _leesbaar()
    gedekt = {
        (persona, naam)
        for persona, deel in _delen()
        for naam in leesbaar[persona][deel * DEEL_GROOTTE : (deel + 1) * DEEL_GROOTTE]
    }
    assert gedekt == {(p, n) for p, namen in leesbaar.items() for n in namen}
    assert len(gedekt) > 200  # regisseur_a alone reads about a hundred pages


@pytest.mark.parametrize("persona,deel", _delen(), ids=lambda x: str(x))
def test_readable_pages_have_no_serious_or_critical_axe_violation(
    persona, deel, chromium, live_server, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    w = maak_wereld()
    for module in _modules():
        module.maak(w)
    namen = _leesbaar()[persona][deel * DEEL_GROOTTE : (deel + 1) * DEEL_GROOTTE]
    context, page = open_als(chromium, live_server, w, persona)
    fouten, paginas = [], 0
    for naam in namen:
        overtredingen = controleer(page, live_server, naam, url_van(naam, w))
        if overtredingen is not None:
            paginas += 1
            fouten += [beschrijf(naam, persona, v) for v in overtredingen]
    context.close()
    print(f"axe {persona} deel {deel}: {paginas} pagina's van {len(namen)} URL's")
    assert paginas or persona == "anoniem", "geen enkele pagina gecontroleerd"
    assert not fouten, f"{len(fouten)} ernstige axe-overtredingen:\n" + "\n".join(fouten)
