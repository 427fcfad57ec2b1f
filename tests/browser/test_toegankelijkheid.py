"""axe-core on every page the authorization matrix lists as readable, for each persona (issue 19).

The pages are the matrix rows whose GET answers 200 for a persona, with the matrix world's objects
(the personas plus every matrix module's `maak`). The walk is cut into parts of at most
`DEEL_GROOTTE` pages of one persona; each part is a test that any xdist process may run (marker
`overal`) with that process's live server and Chromium, one browser context for the persona.
axe-core (tests/browser/axe/, MPL-2.0, vendored so that the suite needs no network) is put in
every page as the context's init script (DevTools protocol, which the Content-Security-Policy
does not block); the browser's cache stays on, so a part costs about 0.2 s per page.
A serious or critical violation fails the part with its rule, page, persona and elements; so does
a page that scrolls sideways at 390 px (each page is checked at 1366 px and then at 390 px).
Downloads, images and fragments (no doctype: htmx partials) are not pages and are skipped.
"""

from pathlib import Path

import pytest
from django.urls import reverse

from tests.conftest import maak_wereld
from tests.matrix import PERSONAS
from tests.test_autorisatiematrix import REGELS, _modules

pytestmark = [
    pytest.mark.browser,
    pytest.mark.overal,
    pytest.mark.django_db(transaction=True),
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
BREED = {"width": 1366, "height": 900}
SMAL = {"width": 390, "height": 844}  # a phone: the page may not scroll sideways


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
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE)  # a page without the context's init script
    resultaat = page.evaluate("opties => axe.run(document, opties)", AXE_OPTIES)
    return [v for v in resultaat["violations"] if v["impact"] in ERNSTIG]


def beschrijf(naam: str, persona: str, overtreding: dict) -> str:
    doelen = [", ".join(map(str, n["target"])) for n in overtreding["nodes"][:3]]
    return (
        f"{overtreding['id']} ({overtreding['impact']}) op {naam} als {persona}: "
        f"{overtreding['help']} -- {'; '.join(doelen)}"
    )


def open_als(chromium, live_server, w, persona: str):
    context = chromium.new_context(locale="nl-BE", viewport=BREED)
    # axe-core is in every page from its start (through the DevTools protocol, which the
    # Content-Security-Policy does not block).
    context.add_init_script(AXE)
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

    The answer is first read whole through the context's request API (same session): a
    streamed export that the browser dropped as a download would leave the live server's
    database transaction open (its server-side cursor), and the test's flush would wait for it
    forever. Only HTML pages are then opened in the page, with the browser's cache on (no route
    that would send every stylesheet and script through Python).
    """
    antwoord = page.context.request.get(live_server.url + url, max_redirects=0)
    assert antwoord.status == 200, f"{naam}: {antwoord.status}"
    soort = antwoord.headers.get("content-type", "")
    bijlage = "attachment" in antwoord.headers.get("content-disposition", "")
    antwoord.dispose()
    if not soort.startswith("text/html") or bijlage:
        return None
    page.goto(live_server.url + url)
    if not page.evaluate("document.doctype !== null"):
        return None
    overtredingen = axe_overtredingen(page)
    page.set_viewport_size(SMAL)
    breedte = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(BREED)
    if breedte > SMAL["width"] + 1:
        overtredingen.append(
            {
                "id": "zijwaarts-scrollen",
                "impact": "serious",
                "help": f"de pagina is {breedte} px breed op een scherm van {SMAL['width']} px",
                "nodes": [],
            }
        )
    return overtredingen


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


def test_the_check_reports_a_select_without_a_name(chromium):
    """The walk can fail: a select without a label is a critical violation."""
    context = chromium.new_context(locale="nl-BE")
    page = context.new_page()
    page.set_content(
        "<!doctype html><html lang='nl'><head><title>t</title></head><body><main>"
        "<select id='zonder'><option>a</option></select></main></body></html>"
    )
    overtredingen = axe_overtredingen(page)
    context.close()
    assert [(v["id"], v["impact"]) for v in overtredingen] == [("select-name", "critical")]
