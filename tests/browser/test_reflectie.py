"""Journey (issue 22): the regisseur opens a reflection with two partners, scores the werkende
factoren and the spanningsvelden, sees the computed talking points and turns one into an action; a
partner logs three contact moments and a success on a phone (390 px); the regisseur picks a
consented story for the report (a story without consent offers no choice: the refusal of a posted
choice is in test_reflectie_views); the report PDF and XLSX hold the new sections with the numbers
of the database."""

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.db.models import Sum
from openpyxl import load_workbook
from pypdf import PdfReader

from activiteiten.models import (
    Actie,
    Contactmoment,
    Reflectiemoment,
    Reflectieopvolging,
    Reflectiescore,
    Succes,
    Toestemming,
    Verhaal,
)
from activiteiten.reflectie import selectors, services
from activiteiten.reflectie.kaders import zaai_reflectiekaders
from tests.factories import ContactpersoonFactory, NetwerkrolFactory, PartnerFactory
from zorgnet.rapport.models import RapportBestand

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _telefoon(browser, live_server, user):
    context = browser.new_context(locale="nl-BE", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/aanmelden/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "test-wachtwoord-123")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return context, page


def test_the_reflection_cycle_from_session_to_report(
    pagina, browser, live_server, wereld, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    zaai_reflectiekaders()  # the browser tests flush the database, seeded frameworks included
    w = wereld
    buurtwerk = PartnerFactory(
        gemeente=w.gemeente_1, naam="Buurtwerk Stederen", buurten=[w.buurt_a]
    )
    persoon = ContactpersoonFactory(partner=buurtwerk, voornaam="An", achternaam="Willems")
    NetwerkrolFactory(buurt=w.buurt_a, contactpersoon=persoon, rol="warmmaker")
    vandaag = date.today()
    for _ in range(2):
        services.contactmoment_tellen(buurt=w.buurt_a, soort="huisbezoek", aantal=2)
    gekozen = services.verhaal_bewaren(
        verhaal=Verhaal(
            buurt=w.buurt_a,
            titel="Koffie op het plein",
            tekst="Een buurvrouw schenkt nu zelf de koffie in.",
            toestemming=Toestemming.RAPPORT,
        )
    )
    intern = services.verhaal_bewaren(
        verhaal=Verhaal(
            buurt=w.buurt_a,
            titel="Alleen voor het netwerk",
            tekst="Dit blijft binnen het netwerk.",
            toestemming=Toestemming.INTERN,
        )
    )

    # --- the regisseur opens a reflection with two partners ------------------------------------
    pagina.aanmelden(w.regisseur_a)
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/")
    pagina.click("#sectie-reflectie >> text=Reflectie")
    pagina.click("text=Reflectiemoment plannen")
    pagina.fill("#id_titel", "Reflectie najaar")
    pagina.fill("#id_periode_van", (vandaag - timedelta(days=90)).isoformat())
    pagina.fill("#id_periode_tot", vandaag.isoformat())
    pagina.click("#inhoud form button[type=submit]")
    assert "minstens één deelnemende partner" in pagina.inner_text("#inhoud form")
    assert not Reflectiemoment.objects.exists()
    pagina.check(f"input[name=partners][value='{w.partner.id}']")
    pagina.check(f"input[name=partners][value='{buurtwerk.id}']")
    pagina.click("#inhoud form button[type=submit]")
    assert pagina.inner_text("h1") == "Reflectie najaar"
    assert "OCMW Stederen" in pagina.inner_text("#deelnemers")
    assert "Buurtwerk Stederen" in pagina.inner_text("#deelnemers")

    # --- scores the werkende factoren and the spanningsvelden ----------------------------------
    pagina.click("#inhoud >> a:text-is('Scoren')")
    factoren = selectors.factoren()
    velden = selectors.spanningsvelden()
    for f in factoren:
        pagina.check(f"input[name=e{f.id}][value='{2 if f.nummer == 3 else 4}']")
    for v in velden:
        pagina.check(f"input[name=e{v.id}][value='3']")
    pagina.fill(f"#id_n{velden[1].id}", "Veel hangt aan één bruggenbouwer.")
    pagina.click("#inhoud form button[type=submit]")
    pagina.wait_for_selector("#factoren")
    assert Reflectiescore.objects.filter(bron="samen").count() == 15
    assert "Veel hangt aan één bruggenbouwer." in pagina.inner_text("#spanningsvelden")

    # --- sees the computed talking points and turns one into an action -------------------------
    punten = pagina.inner_text("#gespreksonderwerpen")
    assert "rust op één persoon (An Willems)" in punten
    pagina.click("#gespreksonderwerpen li:has-text('An Willems') >> text=Maak er een actie van")
    assert pagina.input_value("#id_actie-titel") == "Back-up of mandaat regelen"
    pagina.fill("#id_actie-titel", "Back-up zoeken voor de warmmaker")
    pagina.select_option("#id_actie-trekker", str(buurtwerk.id))
    pagina.click("#inhoud form button[type=submit]")
    pagina.wait_for_selector("#opvolging >> text=Back-up zoeken voor de warmmaker")
    actie = Actie.objects.get(titel="Back-up zoeken voor de warmmaker")
    assert actie.trekker == buurtwerk
    assert Reflectieopvolging.objects.get().actie == actie

    # --- a partner logs three contact moments and a success on a phone -------------------------
    context, telefoon = _telefoon(browser, live_server, w.partner_a)
    telefoon.goto(f"{live_server.url}/buurten/{w.buurt_a.id}/reflectie/contactmomenten/")
    breedte = telefoon.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 390, f"de teller past niet op een telefoon ({breedte} px)"
    for _ in range(3):
        telefoon.click("button:has-text('+1 Koffieklets')")
        telefoon.wait_for_selector(".meldingen >> text=Geteld")
    assert Contactmoment.objects.filter(partner=w.partner, soort="koffieklets").count() == 3
    assert "3" in telefoon.inner_text("#telling")
    telefoon.goto(f"{live_server.url}/buurten/{w.buurt_a.id}/reflectie/successen/nieuw/")
    telefoon.fill("#id_titel", "Drie buren vonden de weg naar de sociale dienst")
    telefoon.fill("#id_wat_hielp", "Een koffieklets op het plein, elke dinsdag.")
    telefoon.click("#inhoud form button[type=submit]")
    telefoon.wait_for_selector("text=Drie buren vonden de weg naar de sociale dienst")
    succes = Succes.objects.get()
    assert succes.partner == w.partner and not succes.in_rapport
    context.close()

    # --- the regisseur picks a consented story; one without consent is refused ---------------
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/reflectie/verhalen/")
    assert "Geen toestemming voor gebruik in een rapport." in pagina.inner_text(
        f"#verhaal-{intern.id}"
    )
    assert pagina.query_selector(f"#verhaal-{intern.id} form") is None
    pagina.click(f"#verhaal-{gekozen.id} >> text=Kiezen voor het rapport")
    pagina.wait_for_selector(f"#verhaal-{gekozen.id} >> text=in het rapport")
    assert list(Verhaal.objects.filter(in_rapport=True)) == [gekozen]
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/reflectie/successen/")
    pagina.click("text=Opnemen in het rapport")
    pagina.wait_for_selector("text=Uit het rapport halen")

    # --- the report PDF and XLSX hold the new sections with the database's numbers -----------
    pagina.goto(f"{pagina.basis}/rapport/buurt/{w.buurt_a.id}/")
    pagina.fill("#id_van", (vandaag - timedelta(days=30)).isoformat())
    pagina.fill("#id_tot", vandaag.isoformat())
    pagina.click("button:has-text('Rapport maken')")
    pagina.wait_for_function(
        "document.querySelectorAll('a[href*=\"/download/\"]').length >= 2",
        timeout=30000,
        polling=200,
    )
    inhoud = {}
    for formaat in ("pdf", "xlsx"):
        bestand = RapportBestand.objects.get(formaat=formaat)
        with pagina.expect_download() as info:
            pagina.click(f"#bestand-{bestand.id} >> text=Downloaden")
        inhoud[formaat] = Path(info.value.path()).read_bytes()

    contacten = Contactmoment.objects.filter(buurt=w.buurt_a).aggregate(n=Sum("aantal"))["n"]
    assert contacten == 7
    tekst = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(inhoud["pdf"])).pages
    )
    assert f"{contacten} kleine acties en contactmomenten geteld" in tekst
    assert "Drie buren vonden de weg naar de sociale dienst" in tekst
    assert "Koffie op het plein" in tekst and "Alleen voor het netwerk" not in tekst
    assert "Reflectie najaar" in tekst
    boek = load_workbook(io.BytesIO(inhoud["xlsx"]))
    samenvatting = {
        (r[0], r[1]): r[2] for r in boek["Samenvatting"].iter_rows(values_only=True) if r and r[1]
    }
    assert samenvatting[("Successen", "Successen benoemd")] == Succes.objects.count() == 1
    assert samenvatting[("Reflectie", "Acties uit reflectie")] == 1
    maanden = list(boek["Contactmomenten"].iter_rows(min_row=2, values_only=True))
    assert sum(r[-1] for r in maanden) == contacten  # one month, total 7 (not suppressed)
    factoren_blad = {
        r[1]: r[2] for r in boek["Werkende factoren"].iter_rows(min_row=2, values_only=True)
    }
    assert factoren_blad[factoren[2].naam] == 2 and factoren_blad[factoren[0].naam] == 4
