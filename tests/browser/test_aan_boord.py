"""Journey (issue 18), against a real SMTP server: the regisseur invites a partner's contact; the
mail arrives; its link sets a password; the partner logs in on a phone, sees the tie waiting and
answers it; the regisseur refers a signal to that partner, who gets the notification mail (no
signal text) and finds the referral under 'Mijn taken'."""

import re

import pytest

from partners.models import Bevestiging
from tests.factories import ContactpersoonFactory, PartnerFactory, RelatieFactory, SignaalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GEHEIM = "Mevrouw met de blauwe rollator komt al weken niet naar de markt"
WACHTWOORD = "Zorgzaam-plein-2026"
TELEFOON = {"width": 390, "height": 844}


def _zichtbaar_op_eerste_scherm(pagina, selector: str) -> bool:
    vak = pagina.locator(selector).first.bounding_box()
    return vak is not None and vak["y"] + vak["height"] <= TELEFOON["height"]


def _afmelden(pagina):
    pagina.click("form.afmelden button")
    pagina.wait_for_load_state()


def test_invited_partner_answers_a_tie_and_receives_a_referral_on_a_phone(pagina, wereld, postbus):
    w = wereld
    huisartsen = PartnerFactory(gemeente=w.gemeente_1, naam="Huisartsen", buurten=[w.buurt_a])
    relatie = RelatieFactory(van_partner=huisartsen, naar_partner=w.partner)
    anna = ContactpersoonFactory(
        partner=w.partner, voornaam="Anna", achternaam="Peeters", email="anna@example.org"
    )

    # --- the regisseur invites Anna, a contact person of OCMW Stederen -------------------------
    pagina.aanmelden(w.regisseur_a)
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/")
    pagina.click("text=Leden en uitnodigingen")
    pagina.select_option("#id_contactpersoon", str(anna.id))
    pagina.select_option("#id_rol", "partner")
    pagina.click("#uitnodigen button[type=submit]")
    assert "is uitgenodigd" in pagina.inner_text(".meldingen")
    _afmelden(pagina)

    # --- the mail arrived at the real SMTP server, with the link ---------------------------------
    (uitnodiging,) = postbus.aan("anna@example.org")
    (pad,) = re.findall(r"http://127\.0\.0\.1:8000(/uitnodiging/\S+/)", postbus.tekst(uitnodiging))

    # --- on a phone: set the password through the link, log in ---------------------------------
    pagina.set_viewport_size(TELEFOON)
    pagina.goto(pagina.basis + pad)
    pagina.fill("#id_wachtwoord1", WACHTWOORD)
    pagina.fill("#id_wachtwoord2", WACHTWOORD)
    pagina.click("#inhoud form button[type=submit]")
    assert "Je wachtwoord is ingesteld" in pagina.inner_text(".meldingen")
    pagina.fill("#id_username", "anna@example.org")
    pagina.fill("#id_password", WACHTWOORD)
    pagina.click("#inhoud button[type=submit]")
    pagina.wait_for_load_state()

    # first screen: log an action, log a signal, my tasks; the menu is collapsed
    assert _zichtbaar_op_eerste_scherm(pagina, "text=Actie loggen")
    assert _zichtbaar_op_eerste_scherm(pagina, "text=Signaal loggen")
    assert _zichtbaar_op_eerste_scherm(pagina, "h3:has-text('Mijn taken')")
    assert not pagina.is_visible(".hoofdnav")
    pagina.click("label.menu-knop")
    assert pagina.is_visible(".hoofdnav >> text=Agenda")
    assert pagina.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

    # the tie waiting for OCMW's answer: answer it from 'Mijn taken'
    pagina.click(".taken >> text=Huisartsen verklaarde een relatie met OCMW Stederen")
    pagina.click(f"#relatie-{relatie.id} >> text=Bevestigen")
    pagina.wait_for_selector(f"#antwoord-{relatie.id} .label")
    relatie.refresh_from_db()
    assert relatie.bevestiging == Bevestiging.BEVESTIGD
    # no 'Rapport' for a partner
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/")
    assert pagina.locator(".subnav >> text=Rapport").count() == 0
    _afmelden(pagina)

    # --- the regisseur refers a signal to OCMW Stederen ----------------------------------------
    signaal = SignaalFactory(buurt=w.buurt_a, partner=huisartsen, omschrijving=GEHEIM)
    postbus.leeg()
    pagina.set_viewport_size({"width": 1280, "height": 900})
    pagina.aanmelden(w.regisseur_a)
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/signalen/{signaal.id}/doorverwijzen/")
    pagina.select_option("#id_naar_partner", str(w.partner.id))
    pagina.click("#inhoud form button[type=submit]")
    assert pagina.inner_text("#signaal-status") == "Doorverwezen"
    _afmelden(pagina)

    # --- Anna receives the notification mail, without the signal's text ------------------------
    (melding,) = postbus.aan("anna@example.org")
    assert melding["Subject"] == "Nieuwe doorverwijzing voor OCMW Stederen in Buurtegem"
    assert "rollator" not in melding.as_string() and "markt" not in melding.as_string()

    # --- and finds the referral under 'Mijn taken', on her phone -------------------------------
    pagina.set_viewport_size(TELEFOON)
    pagina.goto(f"{pagina.basis}/aanmelden/")
    pagina.fill("#id_username", "anna@example.org")
    pagina.fill("#id_password", WACHTWOORD)
    pagina.click("#inhoud button[type=submit]")
    pagina.wait_for_load_state()
    taak = pagina.locator(".taken li.doorverwijzing")
    assert "Doorverwijzing ontvangen" in taak.inner_text()
    assert pagina.locator(".bel-teller").inner_text() != ""
    taak.locator("a").click()
    assert f"/signalen/{signaal.id}/" in pagina.url
