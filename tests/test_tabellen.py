"""Every data table on a page has a caption and header cells with a scope (issue 19).

The report's templates (templates/rapport/) are left to the report's own work; mails have no tables
of data.
"""

import re

from tests.conftest import ROOT

SJABLONEN = ROOT / "templates"


def _paginasjablonen():
    for pad in sorted(SJABLONEN.rglob("*.html")):
        if pad.relative_to(SJABLONEN).parts[0] not in ("rapport", "mail"):
            yield pad


def test_every_table_has_a_caption():
    zonder = []
    for pad in _paginasjablonen():
        tekst = pad.read_text()
        for tabel in re.finditer(r"<table\b[^>]*>", tekst):
            if not re.match(r"\s*<caption\b", tekst[tabel.end() :]):
                zonder.append(
                    f"{pad.relative_to(ROOT)}:{tekst[: tabel.start()].count(chr(10)) + 1}"
                )
    assert not zonder, "tabel zonder <caption>: " + ", ".join(zonder)


def test_every_header_cell_has_a_scope():
    zonder = []
    for pad in _paginasjablonen():
        for regelnummer, regel in enumerate(pad.read_text().splitlines(), 1):
            if re.search(r"<th(?=[\s>])(?![^>]*\bscope=)", regel):
                zonder.append(f"{pad.relative_to(ROOT)}:{regelnummer}")
    assert not zonder, "<th> zonder scope: " + ", ".join(zonder)
