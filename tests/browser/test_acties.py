"""Journey: a partner logs an action and a signal on a phone; the regisseur refers the signal and
bundles three signals into a beleidssignaal."""

import pytest

from activiteiten.models import Actie, Beleidssignaal, Doorverwijzing, Signaal, SignaalStatus
from tests.factories import PartnerFactory, SignaalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _past_op_het_scherm(pagina) -> bool:
    return pagina.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_partner_logs_on_a_phone_and_regisseur_refers_and_bundles(pagina, wereld):
    w = wereld
    buurtwerk = PartnerFactory(
        gemeente=w.gemeente_1, naam="Buurtwerk Stederen", buurten=[w.buurt_a]
    )
    pagina.set_viewport_size({"width": 390, "height": 844})

    # --- partner on a phone: log an action from the buurt page --------------------------------
    pagina.aanmelden(w.partner_a)
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/")
    pagina.click("#sectie-acties >> text=Actie loggen")
    assert _past_op_het_scherm(pagina)
    pagina.fill("#id_titel", "Soep op het plein")
    pagina.select_option("#id_status", "afgerond")
    pagina.fill("#id_deelnemers", "35")
    pagina.click("#inhoud form button[type=submit]")
    assert pagina.inner_text("h1") == "Soep op het plein"
    actie = Actie.objects.get()
    assert actie.trekker == w.partner and actie.deelnemers == 35

    # --- and a signal; first with an identifier, which is refused -----------------------------
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/")
    pagina.click("#sectie-acties >> text=Signaal loggen")
    assert _past_op_het_scherm(pagina)
    assert "niet de persoon" in pagina.inner_text(".waarschuwing")
    pagina.select_option("#id_thema", "eenzaamheid")
    pagina.select_option("#id_kanaal", "huisbezoek")
    pagina.fill("#id_omschrijving", "De man op Dorpsstraat 14 komt niet meer buiten.")
    pagina.click("#inhoud form button[type=submit]")
    assert "herkenbaar" in pagina.inner_text("#inhoud form")
    assert Signaal.objects.count() == 0
    pagina.fill("#id_omschrijving", "Oudere man komt sinds de winter niet meer buiten.")
    pagina.click("#inhoud form button[type=submit]")
    assert "Eenzaamheid" in pagina.inner_text("h1")
    signaal = Signaal.objects.get()
    assert signaal.partner == w.partner

    # --- regisseur: refer the signal from the open queue --------------------------------------
    pagina.click("text=Afmelden")
    pagina.set_viewport_size({"width": 1280, "height": 900})
    pagina.aanmelden(w.regisseur_a)
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/signalen/open/")
    pagina.click("td >> text=Eenzaamheid")
    pagina.click("text=Doorverwijzen")
    pagina.select_option("#id_naar_partner", str(buurtwerk.id))
    pagina.click("#inhoud form button[type=submit]")
    assert pagina.inner_text("#signaal-status") == "Doorverwezen"
    assert Doorverwijzing.objects.get().naar_partner == buurtwerk

    # --- bundle three signals into a beleidssignaal --------------------------------------------
    andere = [SignaalFactory(buurt=w.buurt_a, thema="eenzaamheid") for _ in range(2)]
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/beleidssignalen/nieuw/")
    pagina.fill("#id_titel", "Eenzaamheid bij ouderen")
    pagina.fill("#id_boodschap", "Drie partners zien ouderen die niet meer buitenkomen.")
    for s in [signaal, *andere]:
        pagina.check(f"input[name=signalen][value='{s.id}']")
    pagina.click("#inhoud form button[type=submit]")
    assert pagina.inner_text("h1") == "Eenzaamheid bij ouderen"
    bundel = Beleidssignaal.objects.get()
    assert bundel.signalen.count() == 3
    assert set(bundel.signalen.values_list("status", flat=True)) == {SignaalStatus.GEBUNDELD}
