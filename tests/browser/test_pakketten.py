"""Journey: the regisseur walks the six steps of 'Ontwar het bos' for a new challenge, accepts the
suggested split, and leaves and resumes the flow at any step."""

import pytest

from activiteiten.models import Activiteit, Activiteitenpakket, Afwijking, PakketRelatie
from activiteiten.pakketten.sjablonen import zaai_starttemplates
from buurten.models import Uitdaging
from tests.factories import BuurtanalyseFactory, PartnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_regisseur_walks_the_six_steps_and_accepts_the_suggested_split(pagina, wereld):
    w = wereld
    zaai_starttemplates()  # a transactional test before this one may have flushed the seed
    BuurtanalyseFactory(buurt=w.buurt_a)
    for naam in ("LDC De Kring", "Buurtcomité", "Huisartsenpraktijk"):
        PartnerFactory(gemeente=w.gemeente_1, naam=naam, buurten=[w.buurt_a])
    basis = f"{pagina.basis}/buurten/{w.buurt_a.id}/pakketten/"
    pagina.aanmelden(w.regisseur_a)

    # --- step 1: a new challenge ----------------------------------------------------------------
    pagina.goto(basis)
    pagina.click("text=Ontwar het bos: de zes stappen")
    pagina.fill("#id_titel", "Eenzaamheid bij ouderen")
    pagina.select_option("#id_complexiteit", "hoog")
    pagina.click("#uitdaging-form button[type=submit]")
    assert "Eenzaamheid bij ouderen" in pagina.inner_text(".uitdagingen")
    uitdaging = Uitdaging.objects.get(titel="Eenzaamheid bij ouderen")
    pagina.select_option("#id_status_1", "klaar")
    pagina.click("text=Status bewaren")

    # --- step 2: goals and activities from a start template, plus own activities ----------------
    pagina.click(".pakketstappen >> text=2. Doelen en activiteiten")
    pagina.select_option(
        "#id_sjabloon-template",
        label="Veel alleenstaanden & eenzaamheidsgevoelens → "
        "Eenzaamheid en sociale isolatie detecteren en tegengaan",
    )
    pagina.select_option("#id_sjabloon-uitdaging", str(uitdaging.id))
    pagina.click("#sjabloon-form button[type=submit]")
    for naam in ("Huisbezoeken", "Warme doorverwijzing"):
        pagina.fill("#id_act-naam", naam)
        pagina.select_option("#id_act-uitdaging", str(uitdaging.id))
        pagina.click("#activiteit-form button[type=submit]")
    assert Activiteit.objects.filter(buurt=w.buurt_a, uitdaging=uitdaging).count() == 6
    assert "Soep- of koffie-rondes" in pagina.inner_text("#inhoud .tabel-wrap")

    # --- step 3: samenhang as a matrix: two cliques joined by one weak edge -------------------
    pagina.click(".pakketstappen >> text=3. Samenhangende pakketten")
    ids = {a.naam: a.pk for a in Activiteit.objects.filter(buurt=w.buurt_a)}
    ontmoeting = ["Buurtbabbels", "Soep- of koffie-rondes", "Wandelingen"]
    zorg = ["Huisbezoeken", "Warme doorverwijzing", "Inhaken op bestaande initiatieven"]
    for groep in (ontmoeting, zorg):
        for i, a in enumerate(groep):
            for b in groep[i + 1 :]:
                x, y = sorted([ids[a], ids[b]])
                pagina.fill(f"input[name=g_{x}_{y}]", "5")
    x, y = sorted([ids["Wandelingen"], ids["Huisbezoeken"]])
    pagina.fill(f"input[name=g_{x}_{y}]", "1")
    pagina.click("#matrix-form button[type=submit]")
    assert pagina.inner_text(".modulariteit-huidig") == "–"
    pagina.click("text=Voorstel overnemen")
    assert "De huidige opsplitsing volgt het advies" in pagina.inner_text("#advies")
    groepen = sorted(
        sorted(p.activiteiten.values_list("naam", flat=True))
        for p in Activiteitenpakket.objects.filter(buurt=w.buurt_a)
    )
    assert groepen == sorted([sorted(ontmoeting), sorted(zorg)])

    # --- leave and resume: the overview remembers where we are --------------------------------
    pagina.goto(f"{pagina.basis}/buurten/{w.buurt_a.id}/")
    pagina.goto(basis)
    assert "Klaar" in pagina.inner_text(".pakketstappen li.stap-klaar")

    # --- step 4: scale, team, intensity and coordination of a package --------------------------
    pagina.click(".pakketstappen >> text=4. Binnen elk pakket")
    pakket = Activiteitenpakket.objects.get(activiteiten__naam="Buurtbabbels")
    pagina.click(f".pakketkaart >> text={pakket.naam}")
    pagina.click("text=Pakket bewerken")
    pagina.fill("#pakket-form #id_naam", "Ontmoeting & het kleine helpen")
    pagina.select_option("#id_ideale_schaal", "geleefde_buurt")
    pagina.select_option("#id_team", label="LDC De Kring")
    pagina.select_option("#id_intensiteit", "4")
    pagina.check("#pakket-form input[value=operationeel]")
    pagina.click("#pakket-form button[type=submit]")
    assert "Niet-nodige partner? LDC De Kring" in pagina.inner_text("#inhoud")
    pagina.click("text=Huidig plan vastleggen als ideaal")
    pakket.refresh_from_db()
    assert pakket.ideaal_plan["schaal"] == "geleefde_buurt"

    # --- step 5: between packages; 'samen uitvoeren' on every level warns -----------------------
    pagina.goto(f"{basis}stappen/5/")
    andere = Activiteitenpakket.objects.exclude(pk=pakket.pk).get(buurt=w.buurt_a)
    pagina.select_option("#id_relatie-pakket_a", str(pakket.id))
    pagina.select_option("#id_relatie-pakket_b", str(andere.id))
    pagina.select_option("#id_relatie-intensiteit", "4")
    for niveau in ("strategisch", "structureel", "operationeel"):
        pagina.check(f"#relatie-form input[value={niveau}]")
    pagina.click("#relatie-form button[type=submit]")
    assert PakketRelatie.objects.count() == 1
    assert "Herbekijk de opsplitsing" in pagina.inner_text(".pakketkaarten")

    # --- step 6: a deviation from the ideal plan ---------------------------------------------
    pagina.click(".pakketstappen >> text=6. Toets aan de realiteit")
    pagina.click(".pakketkaart >> text=Ontmoeting & het kleine helpen")
    pagina.click("text=Afwijking toevoegen")
    pagina.select_option("#id_afw-aspect", "team")
    pagina.fill("#id_afw-omschrijving", "Huisarts schuift niet aan")
    pagina.fill("#id_afw-reden", "Geen tijd")
    pagina.fill("#id_afw-implicatie", "Minder signalen")
    pagina.fill("#id_afw-opvang", "Maandelijks telefonisch contact")
    pagina.click("#afwijking-form button[type=submit]")
    assert Afwijking.objects.filter(pakket=pakket).count() == 1
    assert "Huisarts schuift niet aan" in pagina.inner_text("#inhoud")
