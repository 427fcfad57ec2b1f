"""Journey: the regisseur imports a ties file with one bad row, sees the error, fixes it, imports,
runs the network analysis, opens the picture, selects a partner and sees its ego network."""

import pytest

from partners.models import Relatie
from tests.factories import PartnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KOP = "van;naar;intensiteit;status\n"
NAMEN = ["Buurthuis De Kring", "Bibliotheek Stederen", "Huisarts De Linde", "Chiro Buurtegem"]


def _bestand(tekst: str) -> dict:
    return {"name": "relaties.csv", "mimeType": "text/csv", "buffer": tekst.encode()}


def test_import_ties_then_explore_the_network(pagina, wereld):
    w = wereld
    p = {n: PartnerFactory(gemeente=w.gemeente_1, naam=n, buurten=[w.buurt_a]) for n in NAMEN}
    goed = (
        "Buurthuis De Kring;Bibliotheek Stederen;Samen uitvoeren;bevestigd\n"
        "Bibliotheek Stederen;Huisarts De Linde;2;verklaard\n"
        "Huisarts De Linde;Chiro Buurtegem;1;bevestigd\n"
    )
    pagina.aanmelden(w.regisseur_a)
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/relaties/")
    pagina.click("a:has-text('Relaties importeren')")

    pagina.set_input_files("#id_bestand", _bestand(KOP + goed + "Chiro Buurtegem;Onbestaand;2;\n"))
    pagina.click("button:has-text('Controleren')")
    fout = pagina.inner_text("#importresultaat .fout")
    assert "Rij 5" in fout and "Geen partner 'Onbestaand' in deze buurt" in fout
    assert pagina.query_selector("button:has-text('Bevestigen en importeren')") is None
    assert Relatie.objects.count() == 0

    pagina.set_input_files("#id_bestand", _bestand(KOP + goed))
    pagina.click("button:has-text('Controleren')")
    assert "Controle geslaagd: 3 rijen (3 nieuw" in pagina.inner_text("#importresultaat")
    pagina.click("button:has-text('Bevestigen en importeren')")
    assert "3 rijen geïmporteerd" in pagina.inner_text(".meldingen")
    assert Relatie.objects.count() == 3

    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/netwerk/")
    pagina.click("#netwerkstatus button[type=submit]")
    pagina.wait_for_selector("svg.netwerkbeeld")
    bib = p["Bibliotheek Stederen"]
    pagina.click(f"#knoop-{bib.id}")
    pagina.wait_for_selector(f"#partnerpaneel .partnerpaneel[data-partner='{bib.id}']")
    paneel = pagina.inner_text("#partnerpaneel")
    assert "Ego-netwerk" in paneel and "2 partners binnen bereik" in paneel
    # The picture was swapped: the partner is selected, partners outside its ego network dimmed.
    pagina.wait_for_selector(f"svg.netwerkbeeld #knoop-{bib.id}.gekozen")
    pagina.wacht_op_htmx()
    chiro = p["Chiro Buurtegem"]
    assert "gedimd" in pagina.get_attribute(f"svg.netwerkbeeld #knoop-{chiro.id}", "class")
    pagina.click("#partnerpaneel a:has-text('2 stappen')")
    pagina.wait_for_selector("#partnerpaneel :text('3 partners binnen bereik')")
    pagina.wacht_op_htmx()
    assert "gedimd" not in pagina.get_attribute(f"svg.netwerkbeeld #knoop-{chiro.id}", "class")
