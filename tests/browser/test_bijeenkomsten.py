"""Journey: the regisseur creates a supportersmeeting, ticks attendance, adds an action and a
signal as outcomes, and finds them in the action list and the signals queue."""

from datetime import timedelta

import pytest
from django.utils import timezone

from activiteiten.models import Actie, Bijeenkomst, Signaal
from tests.factories import ContactpersoonFactory, PartnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_supportersmeeting_with_attendance_action_and_signal(pagina, wereld):
    w = wereld
    buurtwerk = PartnerFactory(
        gemeente=w.gemeente_1, naam="Buurtwerk Stederen", buurten=[w.buurt_a]
    )
    an = ContactpersoonFactory(partner=w.partner, voornaam="An", achternaam="Peeters")
    bert = ContactpersoonFactory(partner=buurtwerk, voornaam="Bert", achternaam="Maes")
    ContactpersoonFactory(partner=buurtwerk, voornaam="Carla", achternaam="Janssens")

    # The Content-Security-Policy refuses inline styles: nothing on these pages (htmx included,
    # see base.html's htmx-config) may need one. Chromium reports a refusal on the console.
    csp = []
    pagina.on(
        "console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None
    )
    pagina.aanmelden(w.regisseur_a)
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/")
    pagina.click("#sectie-bijeenkomsten >> text=Bijeenkomsten")
    pagina.click("#inhoud >> text=Supportersmeeting")
    assert pagina.input_value("#id_type") == "supportersmeeting"
    pagina.fill("#id_titel", "Supportersmeeting op school")
    pagina.fill("#id_begintijd", "19:00")
    pagina.fill("#id_eindtijd", "18:00")
    pagina.fill("#id_agenda", "1. Kennismaking\n2. Wie doet wat?")
    pagina.check("input[name=zorgniveau][value=ongerust]")
    pagina.check("input[name=handelingsniveau][value=netwerk]")
    pagina.check("input[name=responsniveau][value=gerichte_vragen_acties]")
    pagina.click("#inhoud form button[type=submit]")
    assert "einde ligt voor" in pagina.inner_text("#inhoud form")
    assert not Bijeenkomst.objects.exists()
    pagina.fill("#id_eindtijd", "21:00")
    pagina.click("#inhoud form button[type=submit]")
    assert pagina.inner_text("h1") == "Supportersmeeting op school"

    # --- tick attendance -------------------------------------------------------------------------
    pagina.click("text=Aanwezigheid aanduiden")
    pagina.check(f"input[name=aanwezig][value='{an.id}']")
    pagina.check(f"input[name=aanwezig][value='{bert.id}']")
    pagina.fill("#id_nieuw-0-naam", "Leerkracht 3de leerjaar")
    pagina.fill("#id_nieuw-0-organisatie", "Basisschool De Regenboog")
    pagina.fill("#id_aantal_bewoners", "2")
    pagina.click("#inhoud form button[type=submit]")
    aanwezig = pagina.inner_text("#aanwezigheid")
    assert "An Peeters" in aanwezig and "Bert Maes" in aanwezig and "Carla" not in aanwezig
    assert "nieuw" in aanwezig and "Aanwezig (5)" in aanwezig

    # --- outcomes: an action and a signal (htmx swaps the outcomes block) -----------------------
    pagina.check("input[name=soort][value=actie]")
    pagina.fill("#id_omschrijving", "Talenteninterviews met enkele leerlingen")
    pagina.select_option("#id_eigenaar", str(buurtwerk.id))
    pagina.fill("#id_deadline", (timezone.localdate() + timedelta(days=14)).isoformat())
    pagina.click("#uitkomsten button[type=submit]")
    pagina.wait_for_selector("#uitkomsten >> text=Talenteninterviews met enkele leerlingen")
    pagina.check("input[name=soort][value=signaal]")
    pagina.fill("#id_omschrijving", "Ouders vinden de weg naar hulp niet")
    pagina.select_option("#id_thema", "opvoeding")
    pagina.click("#uitkomsten button[type=submit]")
    pagina.wait_for_selector("#uitkomsten >> text=Ouders vinden de weg naar hulp niet")
    actie = Actie.objects.get()
    signaal = Signaal.objects.get()
    assert actie.trekker == buurtwerk and signaal.kanaal == "bijeenkomst"
    assert signaal.zorgniveau == "ongerust"
    assert csp == []

    # --- they show up in the action list and the signals queue ---------------------------------
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/acties/")
    assert "Talenteninterviews met enkele leerlingen" in pagina.inner_text("#resultaten")
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/signalen/open/")
    assert "Opvoeding" in pagina.inner_text("#inhoud")
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/bijeenkomsten/opvolging/")
    assert "Talenteninterviews" in pagina.inner_text("#resultaten")
