"""Journey: the regisseur starts a network analysis, watches the status, opens the network view
and clicks a broker to see the partner panel."""

import pytest

from tests.factories import PartnerFactory, RelatieFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_regisseur_starts_an_analysis_and_clicks_a_broker(pagina, wereld):
    w = wereld
    links = [
        PartnerFactory(gemeente=w.gemeente_1, naam=f"Links {i}", buurten=[w.buurt_a])
        for i in range(3)
    ]
    rechts = [
        PartnerFactory(gemeente=w.gemeente_1, naam=f"Rechts {i}", buurten=[w.buurt_a])
        for i in range(3)
    ]
    makelaar = PartnerFactory(gemeente=w.gemeente_1, naam="Makelaar Den Hoek", buurten=[w.buurt_a])
    for groep in (links, rechts):
        RelatieFactory(van_partner=groep[0], naar_partner=groep[1], intensiteit=3)
        RelatieFactory(van_partner=groep[1], naar_partner=groep[2], intensiteit=2)
        RelatieFactory(van_partner=groep[2], naar_partner=groep[0], intensiteit=4)
        RelatieFactory(van_partner=makelaar, naar_partner=groep[0], intensiteit=3)

    pagina.aanmelden(w.regisseur_a)
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/netwerk/")
    assert "nog geen netwerkanalyse" in pagina.inner_text("#netwerkstatus")
    pagina.click("#netwerkstatus button[type=submit]")
    pagina.wait_for_selector("svg.netwerkbeeld")
    assert "Klaar" in pagina.inner_text("#netwerkstatus")
    assert "Makelaar Den Hoek" in pagina.inner_text("section[aria-labelledby=kop-cijfers]")

    pagina.click(f"#knoop-{makelaar.id}")
    pagina.wait_for_selector(f"#partnerpaneel .partnerpaneel[data-partner='{makelaar.id}']")
    pagina.wacht_op_htmx()  # the swapped picture answers clicks once it has settled
    paneel = pagina.inner_text("#partnerpaneel")
    assert "Makelaar Den Hoek" in paneel
    assert "makelaar" in paneel
    assert "Kwetsbare schakel" in paneel

    # The keyboard (issue 19): Tab only moves the focus (visible ring), Enter and Space choose.
    knoop = pagina.locator(f"#knoop-{links[1].id}")
    knoop.focus()
    assert pagina.evaluate("document.activeElement.id") == f"knoop-{links[1].id}"
    ring = knoop.locator("circle").last.evaluate("c => getComputedStyle(c).strokeWidth")
    assert ring == "3px"
    assert pagina.locator("#partnerpaneel .partnerpaneel").get_attribute("data-partner") == str(
        makelaar.id
    )
    pagina.keyboard.press("Enter")
    pagina.wait_for_selector(f"#partnerpaneel .partnerpaneel[data-partner='{links[1].id}']")
    pagina.wacht_op_htmx()
    pagina.locator(f"#knoop-{rechts[2].id}").focus()
    pagina.keyboard.press(" ")
    pagina.wait_for_selector(f"#partnerpaneel .partnerpaneel[data-partner='{rechts[2].id}']")


def test_the_page_polls_a_queued_run_and_shows_it_when_done(pagina, wereld):
    from zorgnet.netwerkanalyse import services
    from zorgnet.netwerkanalyse.models import NetwerkAnalyse

    w = wereld
    ander = PartnerFactory(gemeente=w.gemeente_1, naam="Buurthuis", buurten=[w.buurt_a])
    RelatieFactory(van_partner=w.partner, naar_partner=ander, intensiteit=3)
    # Queued as if a worker will pick it up (created directly: no in-process job fires).
    analyse = NetwerkAnalyse.objects.create(
        scope="buurt", sleutel=f"buurt:{w.buurt_a.pk}", buurt=w.buurt_a, gemeente=w.gemeente_1
    )
    pagina.aanmelden(w.regisseur_a)
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/netwerk/")
    assert "In de wachtrij" in pagina.inner_text("#netwerkstatus")
    assert pagina.query_selector("svg.netwerkbeeld") is None
    services.voer_analyse_uit(analyse_id=analyse.pk)  # the "worker" finishes
    pagina.wait_for_selector("svg.netwerkbeeld")  # the polling fragment reloaded the page
    assert "Klaar" in pagina.inner_text("#netwerkstatus")
