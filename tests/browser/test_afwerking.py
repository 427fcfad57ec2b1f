"""Journeys on a phone (390 px, touch) for issue 19: buttons that a finger can see and tap, no
hidden defaults in a quick signal, no preselected partner in a referral, and the duplicate-name
message that leads to adding an existing gemeente partner to the buurt."""

import pytest

from activiteiten.models import Doorverwijzing, Signaal
from partners.models import Bevestiging, Partner
from tests.conftest import wacht_op_htmx
from tests.factories import (
    DoorverwijzingFactory,
    PartnerFactory,
    RelatieFactory,
    SignaalFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def telefoon(browser, live_server):
    """A phone: 390 px wide, touch, no hover. Collects console errors (a CSP refusal is one)."""
    context = browser.new_context(
        locale="nl-BE", viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    page.fouten = []
    page.on("console", lambda m: page.fouten.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.fouten.append(str(e)))

    def aanmelden(user, wachtwoord: str = "test-wachtwoord-123"):
        page.goto(f"{live_server.url}/aanmelden/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", wachtwoord)
        with page.expect_navigation():
            page.tap("button[type=submit]")

    page.aanmelden = aanmelden
    page.wacht_op_htmx = lambda: wacht_op_htmx(page)
    page.basis = live_server.url
    yield page
    context.close()


# The contrast of a button's text against its own background, computed in the page: a button
# that takes its colours from the card around it (white on white) scores 1.
CONTRAST = """(el) => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 4).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let achter = el, bg;
  do { bg = rgb(getComputedStyle(achter).backgroundColor); achter = achter.parentElement; }
  while (achter && bg.length === 4 && bg[3] === 0);
  const l1 = lum(rgb(getComputedStyle(el).color)), l2 = lum(bg);
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}"""


def _zichtbaar_te_tikken(pagina, selector: str) -> None:
    """The button is on screen, inside the 390 px width, big enough for a finger, and its text
    stands out from its background without hovering."""
    knop = pagina.locator(selector)
    knop.scroll_into_view_if_needed()
    vak = knop.bounding_box()
    assert vak is not None, selector
    assert vak["x"] >= 0 and vak["x"] + vak["width"] <= 390, (selector, vak)
    assert vak["height"] >= 32 and vak["width"] >= 44, (selector, vak)
    assert knop.evaluate(CONTRAST) >= 3, (selector, knop.evaluate(CONTRAST))


def _verstuur(pagina) -> None:
    """Tap the form's submit button and wait for the answer page."""
    with pagina.expect_navigation():
        pagina.tap("#inhoud form button[type=submit]")


def _past_op_het_scherm(pagina) -> bool:
    return pagina.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_partner_answers_a_tie_and_records_a_referral_outcome_by_tapping(telefoon, wereld):
    w = wereld
    buurthuis = PartnerFactory(
        gemeente=w.gemeente_1, naam="Buurthuis De Kring", buurten=[w.buurt_a]
    )
    relatie = RelatieFactory(van_partner=buurthuis, naar_partner=w.partner)
    signaal = SignaalFactory(buurt=w.buurt_a, partner=buurthuis)
    verwijzing = DoorverwijzingFactory(
        signaal=signaal, van_partner=buurthuis, naar_partner=w.partner
    )

    telefoon.aanmelden(w.partner_a)
    telefoon.goto(f"{telefoon.basis}/buurten/{w.buurt_a.id}/relaties/")
    assert _past_op_het_scherm(telefoon)
    bevestigen = f"#antwoord-{relatie.id} button[value=bevestigd]"
    _zichtbaar_te_tikken(telefoon, bevestigen)
    _zichtbaar_te_tikken(telefoon, f"#antwoord-{relatie.id} button[value=betwist]")
    telefoon.tap(bevestigen)
    telefoon.wait_for_selector(f"#antwoord-{relatie.id} .bevestiging-bevestigd")
    relatie.refresh_from_db()
    assert relatie.bevestiging == Bevestiging.BEVESTIGD

    telefoon.goto(f"{telefoon.basis}/buurten/{w.buurt_a.id}/signalen/{signaal.id}/")
    assert _past_op_het_scherm(telefoon)
    telefoon.select_option(f"#uitkomst-{verwijzing.id}", "ja")
    bewaren = f"form[action$='/doorverwijzingen/{verwijzing.id}/uitkomst/'] button"
    _zichtbaar_te_tikken(telefoon, bewaren)
    with telefoon.expect_navigation():
        telefoon.tap(bewaren)
    verwijzing.refresh_from_db()
    assert verwijzing.aangekomen is True
    assert telefoon.fouten == []


def test_a_quick_signal_stores_no_estimate_unless_chosen(telefoon, wereld):
    w = wereld
    telefoon.aanmelden(w.partner_a)
    nieuw = f"{telefoon.basis}/buurten/{w.buurt_a.id}/signalen/nieuw/"
    telefoon.goto(nieuw)
    assert _past_op_het_scherm(telefoon)
    # Inside the collapsed "Meer details", nothing is chosen but "niet ingeschat".
    assert telefoon.locator("input[name=zorgniveau]:checked").get_attribute("value") == ""
    assert telefoon.locator("#id_responsniveau").input_value() == ""
    telefoon.select_option("#id_thema", "eenzaamheid")
    telefoon.select_option("#id_kanaal", "huisbezoek")
    telefoon.fill("#id_omschrijving", "Oudere man komt sinds de winter niet meer buiten.")
    _verstuur(telefoon)
    telefoon.wait_for_selector("text=niet ingeschat")
    stil = Signaal.objects.get()
    assert (stil.zorgniveau, stil.responsniveau) == ("", "")

    # Chosen, it is stored.
    telefoon.goto(nieuw)
    telefoon.select_option("#id_thema", "eenzaamheid")
    telefoon.select_option("#id_kanaal", "huisbezoek")
    telefoon.tap("details.meer summary")
    telefoon.tap("input[name=zorgniveau][value=bezorgd]")
    telefoon.select_option("#id_responsniveau", "open_dialoog")
    _verstuur(telefoon)
    telefoon.wait_for_selector("dd:text('Bezorgd')")
    gekozen = Signaal.objects.exclude(pk=stil.pk).get()
    assert (gekozen.zorgniveau, gekozen.responsniveau) == ("bezorgd", "open_dialoog")


def test_a_referral_cannot_be_saved_without_choosing_a_partner(telefoon, wereld):
    w = wereld
    namen = [f"Partner {i:02d} Stederen" for i in range(12)]
    for naam in namen:
        PartnerFactory(gemeente=w.gemeente_1, naam=naam, buurten=[w.buurt_a])
    signaal = SignaalFactory(buurt=w.buurt_a)
    telefoon.aanmelden(w.regisseur_a)
    telefoon.goto(f"{telefoon.basis}/buurten/{w.buurt_a.id}/signalen/{signaal.id}/doorverwijzen/")
    assert _past_op_het_scherm(telefoon)
    # The long list is a searchable widget; the plain select under it starts empty.
    assert telefoon.locator("#id_naar_partner").input_value() == ""
    _verstuur(telefoon)
    assert "Kies de partner naar wie je doorverwijst." in telefoon.inner_text("#inhoud form")
    assert Doorverwijzing.objects.count() == 0

    # Search by typing in the widget, choose with the keyboard.
    telefoon.tap("#id_naar_partner + .ts-wrapper .ts-control")
    # The widget opens its list a moment after the tap and moves the focus to its search box.
    telefoon.wait_for_function(
        "() => document.activeElement && document.activeElement.matches('.ts-dropdown input')",
        polling=50,
    )
    telefoon.keyboard.type("Partner 07")
    # The list narrows to the one match (the search runs as you type), Enter picks it and closes.
    telefoon.wait_for_function(
        "() => [...document.querySelectorAll('.ts-dropdown .option')].map(o => o.textContent)"
        ".join('|') === 'Partner 07 Stederen'",
        polling=100,  # an interval: requestAnimationFrame may not fire in a headless background page
    )
    telefoon.keyboard.press("Enter")
    telefoon.wait_for_selector("#id_naar_partner + .ts-wrapper:not(.dropdown-active)")
    _verstuur(telefoon)
    telefoon.wait_for_selector("#signaal-status")
    assert Doorverwijzing.objects.get().naar_partner.naam == "Partner 07 Stederen"
    assert telefoon.fouten == []


def test_an_existing_gemeente_partner_is_added_from_the_duplicate_name_message(telefoon, wereld):
    w = wereld
    elders = PartnerFactory(
        gemeente=w.gemeente_1, naam="Sportdienst Stederen", buurten=[w.buurt_a2]
    )
    telefoon.aanmelden(w.regisseur_a)
    nieuw = f"{telefoon.basis}/buurten/{w.buurt_a.id}/partners/nieuw/"
    telefoon.goto(nieuw)
    assert _past_op_het_scherm(telefoon)
    # "Toch aanmaken" is only an answer to a warning.
    assert telefoon.locator("#id_toch_aanmaken").count() == 0

    # Already in this buurt: the message links to that partner.
    telefoon.fill("#id_naam", "ocmw  stederen")
    telefoon.select_option("#id_sector", index=1)
    _verstuur(telefoon)
    assert "werkt al in deze buurt" in telefoon.inner_text("#inhoud form")
    assert telefoon.get_attribute("#dubbele-naam a", "href").endswith(
        f"/buurten/{w.buurt_a.id}/partners/{w.partner.id}/"
    )
    assert telefoon.locator("#id_toch_aanmaken").count() == 0

    # Works in another buurt of the gemeente: add it to this one from the message.
    telefoon.fill("#id_naam", "Sportdienst Stederen")
    _verstuur(telefoon)
    assert "Voeg die partner toe aan de buurt" in telefoon.inner_text("#inhoud form")
    _zichtbaar_te_tikken(telefoon, "#dubbele-naam a")
    telefoon.tap("#dubbele-naam a")
    telefoon.wait_for_selector("h1:text('Sportdienst Stederen toevoegen aan Buurtegem')")
    _verstuur(telefoon)
    telefoon.wait_for_selector(".meldingen :text('werkt nu ook in Buurtegem')")
    assert set(elders.buurten.values_list("id", flat=True)) == {w.buurt_a.id, w.buurt_a2.id}
    assert Partner.objects.filter(naam__iexact="Sportdienst Stederen").count() == 1
    laatste = elders.history.latest()
    assert laatste.history_user == w.regisseur_a
    assert "Toegevoegd aan buurt Buurtegem" in laatste.history_change_reason
    assert telefoon.fouten == []
