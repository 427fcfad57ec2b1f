"""The indicator import: long format, dry run, row-level Dutch errors, all or nothing."""

import datetime as dt
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from buurten.analyse import services
from buurten.analyse.importeren import lees_bestand
from buurten.models import IndicatorWaarde
from tests.factories import IndicatorFactory, IndicatorWaardeFactory

pytestmark = pytest.mark.django_db

KOP = "buurt;indicator;peildatum;waarde;bron;gemeente;vlaanderen\n"


@pytest.fixture
def indicatoren(wereld):
    return [
        IndicatorFactory(code="aandeel_65plus", naam="Aandeel 65-plussers"),
        IndicatorFactory(code="eenzaamheid", naam="Eenzaamheid"),
    ]


def _csv(tekst: str, naam: str = "cijfers.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, tekst.encode("utf-8"))


def _importeer(w, tekst: str, *, dry_run: bool = False):
    return services.indicatorwaarden_importeren(
        buurt=w.buurt_a, rijen=lees_bestand(_csv(tekst)), gebruiker=w.regisseur_a, dry_run=dry_run
    )


def test_a_valid_file_is_checked_first_and_written_on_confirmation(wereld, indicatoren):
    tekst = (
        KOP
        + "Buurtegem;aandeel_65plus;2025-01-01;23,4;Statistiek Vlaanderen;19,8;21,1\n"
        + "buurtegem;EENZAAMHEID;01/01/2025;31;Stadsmonitor;;\n"
    )
    proef = _importeer(wereld, tekst, dry_run=True)
    assert proef.geldig and len(proef.rijen) == 2
    assert not IndicatorWaarde.objects.exists()
    echt = _importeer(wereld, tekst)
    assert echt.opgeslagen == 2
    waarde = IndicatorWaarde.objects.get(indicator__code="aandeel_65plus")
    assert str(waarde.waarde) == "23.400" and str(waarde.gemeente_waarde) == "19.800"
    assert waarde.bron == "Statistiek Vlaanderen" and waarde.ingevoerd_door == wereld.regisseur_a
    assert IndicatorWaarde.objects.get(indicator__code="eenzaamheid").vlaanderen_waarde is None


def test_an_xlsx_file_works_the_same(wereld, indicatoren):
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.append(["Buurt", "Indicator code", "Peildatum", "Waarde", "Bron"])
    blad.append(["Buurtegem", "aandeel_65plus", dt.datetime(2024, 1, 1), 22.5, "portaal"])
    buffer = BytesIO()
    boek.save(buffer)
    rijen = lees_bestand(SimpleUploadedFile("cijfers.xlsx", buffer.getvalue()))
    resultaat = services.indicatorwaarden_importeren(
        buurt=wereld.buurt_a, rijen=rijen, gebruiker=wereld.regisseur_a, dry_run=False
    )
    assert resultaat.opgeslagen == 1
    assert IndicatorWaarde.objects.get().peildatum == dt.date(2024, 1, 1)


@pytest.mark.parametrize(
    "rij,fout",
    [
        ("Buurtegem;bestaat_niet;2025-01-01;3;x", "onbekende indicatorcode ‘bestaat_niet’"),
        ("De Leefhoek;aandeel_65plus;2025-01-01;3;x", "onbekende buurt ‘De Leefhoek’"),
        ("Buurtegem;aandeel_65plus;2025-01-01;veel;x", "waarde ‘veel’ is geen getal"),
        ("Buurtegem;aandeel_65plus;2025-01-01;;x", "de waarde ontbreekt"),
        ("Buurtegem;aandeel_65plus;gisteren;3;x", "peildatum ‘gisteren’ is geen datum"),
        ("Buurtegem;aandeel_65plus;2025-01-01;3;x;twintig", "waarde gemeente ‘twintig’"),
    ],
)
def test_bad_rows_give_row_level_errors_and_nothing_is_written(wereld, indicatoren, rij, fout):
    tekst = KOP + "Buurtegem;eenzaamheid;2025-01-01;30;x\n" + rij + "\n"
    resultaat = _importeer(wereld, tekst)
    assert not resultaat.geldig
    assert resultaat.fouten[0][0] == 3
    assert fout in resultaat.fouten[0][1]
    assert not IndicatorWaarde.objects.exists()


def test_future_dates_are_refused(wereld, indicatoren):
    morgen = timezone.localdate() + dt.timedelta(days=1)
    resultaat = _importeer(wereld, KOP + f"Buurtegem;eenzaamheid;{morgen:%Y-%m-%d};3;x\n")
    assert "in de toekomst" in resultaat.fouten[0][1]
    assert not IndicatorWaarde.objects.exists()


def test_duplicates_in_the_file_and_in_the_database_are_refused(wereld, indicatoren):
    IndicatorWaardeFactory(
        buurt=wereld.buurt_a, indicator=indicatoren[1], peildatum=dt.date(2024, 1, 1)
    )
    tekst = (
        KOP
        + "Buurtegem;aandeel_65plus;2025-01-01;3;x\n"
        + "Buurtegem;aandeel_65plus;01/01/2025;4;x\n"
        + "Buurtegem;eenzaamheid;2024-01-01;4;x\n"
    )
    resultaat = _importeer(wereld, tekst)
    assert [regel for regel, _fout in resultaat.fouten] == [3, 4]
    assert "dubbele rij" in resultaat.fouten[0][1] and "rij 2" in resultaat.fouten[0][1]
    assert "al een waarde" in resultaat.fouten[1][1]
    assert IndicatorWaarde.objects.count() == 1


def test_values_inside_a_frozen_baseline_are_refused(wereld, indicatoren):
    analyse = services.analyse_aanmaken(
        buurt=wereld.buurt_a,
        gebruiker=wereld.regisseur_a,
        titel="Start",
        peildatum=dt.date(2025, 3, 31),
    )
    services.baseline_vastleggen(analyse=analyse, gebruiker=wereld.regisseur_a)
    tekst = KOP + "Buurtegem;eenzaamheid;2025-01-01;3;x\nBuurtegem;eenzaamheid;2026-01-01;3;x\n"
    resultaat = _importeer(wereld, tekst)
    assert [regel for regel, _f in resultaat.fouten] == [2]
    assert "bevroren baseline" in resultaat.fouten[0][1]
    assert not IndicatorWaarde.objects.exists()


@pytest.mark.parametrize(
    "naam,inhoud,fout",
    [
        ("x.pdf", b"%PDF", "csv- of .xlsx"),
        ("x.csv", b"", "leeg"),
        ("x.csv", b"buurt;waarde\nBuurtegem;3\n", "indicator, peildatum ontbreken"),
        ("x.csv", KOP.encode(), "geen gegevensrijen"),
        ("x.xlsx", b"geen excel", "geen leesbaar Excel"),
    ],
)
def test_unreadable_files_give_one_clear_error(naam, inhoud, fout):
    with pytest.raises(ValidationError) as exc:
        lees_bestand(SimpleUploadedFile(naam, inhoud))
    assert fout in " ".join(exc.value.messages)


def test_comma_separated_files_with_decimal_points_work(wereld, indicatoren):
    tekst = "buurt,indicator,peildatum,waarde,bron\nBuurtegem,eenzaamheid,2025-01-01,12.5,x\n"
    assert _importeer(wereld, tekst).opgeslagen == 1
    assert str(IndicatorWaarde.objects.get().waarde) == "12.500"
