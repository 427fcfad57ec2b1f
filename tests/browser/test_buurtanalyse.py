"""Journey: import indicators, add a finding, freeze the baseline, make a new version, compare."""

import datetime as dt
import os

import pytest
from django.utils import timezone

from buurten.models import Buurtanalyse, IndicatorWaarde
from tests.factories import IndicatorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _bestand(tmp_path, naam, rijen):
    pad = tmp_path / naam
    pad.write_text(
        "buurt;indicator;peildatum;waarde;bron;gemeente;vlaanderen\n" + "".join(rijen),
        encoding="utf-8",
    )
    return str(pad)


def _importeer(pagina, pad, aantal):
    pagina.click("text=Indicatoren importeren")
    pagina.set_input_files("#id_bestand", pad)
    pagina.click("text=Controleren")
    assert f"{aantal} rij" in pagina.inner_text("#resultaat")
    pagina.click("#bevestig-import")
    assert "geïmporteerd" in pagina.inner_text(".meldingen")


def test_regisseur_builds_a_baseline_and_compares_a_new_version(pagina, wereld, tmp_path):
    IndicatorFactory(code="eenzaamheid", naam="Voelt zich eenzaam", eenheid="%")
    pagina.aanmelden(wereld.regisseur_a)
    pagina.goto(f"{pagina.basis}/buurten/{wereld.buurt_a.pk}/")
    pagina.click("#sectie-buurtanalyse h2 a")
    assert "Buurtanalyse Buurtegem" in pagina.inner_text("h1")

    # The first version.
    pagina.click("text=Buurtanalyse starten")
    pagina.fill("#id_titel", "De start")
    pagina.fill("#id_peildatum", "2025-03-31")
    pagina.click("button[type=submit]:has-text('Opslaan')")
    assert "versie 1" in pagina.inner_text(".paginakop")

    # A file with one bad row is refused as a whole; the corrected file goes in.
    slecht = _bestand(
        tmp_path,
        "slecht.csv",
        [
            "Buurtegem;eenzaamheid;2025-01-01;31;monitor;27;28\n",
            "Buurtegem;onbekend;2025-01-01;x;m;;\n",
        ],
    )
    pagina.click("text=Indicatoren importeren")
    pagina.set_input_files("#id_bestand", slecht)
    pagina.click("text=Controleren")
    assert "er is niets opgeslagen" in pagina.inner_text("#resultaat")
    assert "onbekende indicatorcode" in pagina.inner_text("#resultaat")
    assert IndicatorWaarde.objects.count() == 0
    pagina.click(".paginakop a")
    _importeer(
        pagina,
        _bestand(tmp_path, "begin.csv", ["Buurtegem;eenzaamheid;2025-01-01;31;monitor;27;28\n"]),
        1,
    )
    assert "Voelt zich eenzaam" in pagina.inner_text("#indicatoren")
    assert pagina.locator("#indicatoren svg").count() == 1

    # A finding, with the warning not to name residents.
    pagina.click("#bevinding-toevoegen")
    assert "geen namen" in pagina.inner_text(".waarschuwing")
    pagina.select_option("#id_thema", "D")
    pagina.check("input[name=soort][value=nood]")
    pagina.fill("#id_tekst", "Er is geen ontmoetingsplek in de dorpskern.")
    pagina.fill("#id_citaat", "We zien elkaar alleen nog op begrafenissen.")
    pagina.click("button[type=submit]:has-text('Opslaan')")
    assert "Er is geen ontmoetingsplek" in pagina.inner_text("#bevindingen")

    # Freeze the baseline: the edit links disappear and the form URL is refused.
    pagina.click("#baseline-vastleggen")
    assert pagina.is_visible("#baseline-label")
    assert pagina.locator("#bevinding-toevoegen").count() == 0
    v1 = Buurtanalyse.objects.get()
    antwoord = pagina.goto(
        f"{pagina.basis}/buurten/{wereld.buurt_a.pk}/analyse/{v1.pk}/bevindingen/nieuw/"
    )
    assert antwoord.status == 403
    pagina.go_back()

    # A new version, new figures, and the comparison with the baseline.
    pagina.goto(f"{pagina.basis}/buurten/{wereld.buurt_a.pk}/analyse/")
    pagina.click("text=Nieuwe versie")
    pagina.fill("#id_titel", "Na een jaar")
    pagina.click("button[type=submit]:has-text('Opslaan')")
    assert "versie 2" in pagina.inner_text(".paginakop")
    later = min(timezone.localdate(), dt.date(2026, 1, 1))
    _importeer(
        pagina,
        _bestand(
            tmp_path, "later.csv", [f"Buurtegem;eenzaamheid;{later:%Y-%m-%d};26;monitor;26;27\n"]
        ),
        1,
    )
    vergelijking = pagina.inner_text("#vergelijking")
    assert "Vergeleken met de baseline" in vergelijking
    assert "-5" in pagina.inner_text("#indicatoren .verschil")
    # The copied finding is in the new version; the baseline keeps its own.
    assert "Er is geen ontmoetingsplek" in pagina.inner_text("#bevindingen")
    if os.environ.get("ZORGNET_SCHERMAFDRUK"):
        pagina.screenshot(path=os.environ["ZORGNET_SCHERMAFDRUK"], full_page=True)
    assert Buurtanalyse.objects.filter(is_baseline=True).count() == 1
