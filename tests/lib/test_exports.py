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
