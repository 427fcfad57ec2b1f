"""Fuzzing the imports: random CSV/XLSX content, wrong encodings and huge cells never give a
server error, and a refused file writes nothing (not even part of it)."""

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from partners.resources import RESOURCES
from tests.factories import IndicatorFactory

from .fuzz import TEKST, rijen_tellen

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
INDICATORKOLOMMEN = ["buurt", "indicator", "peildatum", "waarde", "bron", "gemeente", "vlaanderen"]
PLAUSIBEL = st.sampled_from(
    [
        "Buurtegem",
        "welzijn",
        "organisatie",
        "ja",
        "nee",
        "actief",
        "23,4",
        "2025-01-01",
        "01/01/2025",
        "aandeel_65plus",
        "geografische_buurt",
        "https://voorbeeld.be",
        "",
    ]
)
# huge cells, one beyond the csv module's field size limit (131072)
CEL = st.one_of(PLAUSIBEL, PLAUSIBEL, TEKST, st.sampled_from(["y" * 100_000, "z" * 140_000]))
ILLEGAAL_IN_XLSX = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def _tabel(kolommen: list[str]):
    kop = st.one_of(
        st.just(kolommen),
        st.lists(st.one_of(st.sampled_from(kolommen), TEKST), max_size=10),
    )
    return kop.flatmap(
        lambda k: st.tuples(
            st.just(k), st.lists(st.lists(CEL, min_size=0, max_size=len(k) + 2), max_size=6)
        )
    )


def _csv(tabel, scheiding: str, codering: str) -> bytes:
    kop, rijen = tabel
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=scheiding)
    schrijver.writerow(kop)
    schrijver.writerows(rijen)
    return uit.getvalue().encode(codering, errors="replace")


def _xlsx(tabel) -> bytes:
    kop, rijen = tabel
    boek = Workbook()
    blad = boek.active
    for rij in [kop, *rijen]:
        blad.append([ILLEGAAL_IN_XLSX.sub("", c)[:32_000] for c in rij])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def bestanden(kolommen: list[str]):
    """(file name, bytes): CSV in several encodings and separators, XLSX, broken XLSX, noise."""
    tabel = _tabel(kolommen)
    csv_bestand = st.builds(
        _csv,
        tabel,
        st.sampled_from([";", ",", "\t"]),
        st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"]),
    ).map(lambda b: ("bestand.csv", b))
    xlsx_bestand = tabel.map(lambda t: ("bestand.xlsx", _xlsx(t)))
    kapot_xlsx = st.one_of(
        st.binary(max_size=2000),
        # a truncated workbook (a fraction, since the zip bytes vary with the clock)
        st.tuples(tabel, st.floats(0, 1)).map(lambda t: (b := _xlsx(t[0]))[: int(len(b) * t[1])]),
    ).map(lambda b: ("bestand.xlsx", b))
    ruis = st.tuples(st.sampled_from(["bestand.csv", "bestand.txt", "x"]), st.binary(max_size=3000))
    return st.one_of(csv_bestand, csv_bestand, xlsx_bestand, kapot_xlsx, ruis)


def test_random_files_never_break_the_partner_import(wereld, client):
    client.force_login(wereld.regisseur_a)
    url = reverse("partners:partner_import", args=[wereld.buurt_a.id])

    @FUZZ
    @given(bestand=bestanden(RESOURCES["partners"].KOLOMMEN), importeren=st.booleans())
    def post(bestand, importeren):
        naam, inhoud = bestand
        data = {"bestand": SimpleUploadedFile(naam, inhoud)}
        if importeren:
            data["importeren"] = "1"
        voor = rijen_tellen()
        antwoord = client.post(url, data)
        assert antwoord.status_code in (200, 302)
        na = rijen_tellen()
        if antwoord.status_code == 200:
            assert na == voor, "een geweigerd bestand schreef toch rijen"

    post()


def test_random_files_never_break_the_indicator_import(wereld, client):
    IndicatorFactory(code="aandeel_65plus")
    client.force_login(wereld.regisseur_a)
    url = reverse("buurten:indicatorwaarde_import", args=[wereld.buurt_a.id])

    @FUZZ
    @given(bestand=bestanden(INDICATORKOLOMMEN))
    def post(bestand):
        naam, inhoud = bestand
        voor = rijen_tellen()
        antwoord = client.post(url, {"bestand": SimpleUploadedFile(naam, inhoud)})
        assert antwoord.status_code == 200
        assert rijen_tellen() == voor, "de proefimport schreef rijen"
        token = antwoord.context["token"]
        if token:  # a valid file: confirming writes all rows or none
            bevestigd = client.post(url, {"token": token})
            assert bevestigd.status_code in (200, 302)
            if bevestigd.status_code == 200:
                assert rijen_tellen() == voor

    post()


@pytest.mark.parametrize(
    "inhoud",
    [
        b"\x9d\x81;buurt\n",  # not UTF-8, and undefined in cp1252
        ("buurt;indicator\nBuurtegem;" + "z" * 140_000 + "\n").encode(),  # cell above csv limit
        b"\nnaam;sector\nBuurthuis;welzijn\n",  # an empty first row instead of column names
    ],
)
@pytest.mark.parametrize("naam", ["partners:partner_import", "buurten:indicatorwaarde_import"])
def test_unreadable_csv_files_get_a_dutch_message(wereld, client, naam, inhoud):
    """Found by the fuzzing above: these gave a server error."""
    client.force_login(wereld.regisseur_a)
    url = reverse(naam, args=[wereld.buurt_a.id])
    antwoord = client.post(url, {"bestand": SimpleUploadedFile("cijfers.csv", inhoud)})
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors or antwoord.context.get("resultaat")
