"""Export helpers: streamed CSV (constant memory) and write-only XLSX.

Every CSV and XLSX file zorgnet writes goes through `csv_rijen` or `xlsx_schrijven`, and both pass
each cell through `veilige_cel` (issue 16, findings 6 and 7):

- **No formulas from user text.** Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage
  return would be a live formula in a spreadsheet (`=HYPERLINK(...)`); it gets a leading `'` and
  stays text. Numbers (int, float, Decimal) stay numbers, and so does text that is only a number
  (`-5`, `+3,5`).
- **Only characters XML can hold.** Control characters (`\x0b`, `\x1b`, ...) that a partner
  pasted are removed, so an XLSX (and the report job) never fails on them; tab, newline and
  carriage return inside a cell stay.
"""

import contextlib
import csv
import re
from collections.abc import Iterable, Iterator
from io import BytesIO

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.functional import Promise
from django.utils.http import content_disposition_header

FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")
_ALLEEN_GETAL = re.compile(r"[+-]?(\d[\d.]*(,\d+)?|\d*[.,]\d+)")
# What XML 1.0 cannot hold (openpyxl refuses it): C0 controls except tab, LF and CR; U+FFFE/FFFF.
ONGELDIG_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def veilige_tekst(tekst: str) -> str:
    """Text as it may go into a spreadsheet cell: no XML-illegal characters, never a formula."""
    tekst = ONGELDIG_IN_XML.sub("", tekst)
    if tekst.startswith(FORMULETEKENS) and not _ALLEEN_GETAL.fullmatch(tekst):
        return "'" + tekst
    return tekst


def veilige_cel(waarde):
    """One cell of any export: text made safe (veilige_tekst), a lazily translated label as its
    text, everything else unchanged."""
    if isinstance(waarde, Promise):
        waarde = str(waarde)
    return veilige_tekst(waarde) if isinstance(waarde, str) else waarde


def veilige_rij(rij: Iterable) -> list:
    return [veilige_cel(waarde) for waarde in rij]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_rijen(kop: list[str], rijen: Iterable[Iterable]) -> Iterator[str]:
    """Yield CSV lines one by one (with a BOM so Excel opens UTF-8 correctly)."""
    schrijver = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + schrijver.writerow(veilige_rij(kop))
    for rij in rijen:
        yield schrijver.writerow(veilige_rij(rij))


def csv_response(
    bestandsnaam: str, kop: list[str], rijen: Iterable[Iterable]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_rijen(kop, rijen), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, bestandsnaam)
    return response


def download(inhoud: bytes | str, bestandsnaam: str, content_type: str) -> HttpResponse:
    """A file the browser saves rather than shows. Django builds the header, so a name with
    accents or quotes (a buurt's name) is encoded correctly instead of breaking the header."""
    response = HttpResponse(inhoud, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, bestandsnaam)
    return response


def xlsx_response(
    bestandsnaam: str, bladen: dict[str, tuple[list[str], Iterable[Iterable]]]
) -> HttpResponse:
    """A small workbook built in memory and answered as a download."""
    return download(xlsx_bytes(bladen), bestandsnaam, XLSX_CONTENT_TYPE)


def xlsx_schrijven(bladen: dict[str, tuple[list[str], Iterable[Iterable]]], doel) -> int:
    """Write a workbook with one sheet per entry to `doel` (a path or a binary file), in
    openpyxl's write-only mode: rows go to disk as they come, so memory stays constant however many
    rows the iterables yield. Returns the number of data rows written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    boek = Workbook(write_only=True)
    aantal = 0
    try:
        for titel, (kop, rijen) in bladen.items():
            blad = boek.create_sheet(title=ONGELDIG_IN_XML.sub("", str(titel))[:31])
            koprij = []
            for waarde in kop:
                cel = WriteOnlyCell(blad, value=veilige_cel(str(waarde)))
                cel.font = Font(bold=True)
                koprij.append(cel)
            blad.append(koprij)
            for rij in rijen:
                blad.append(veilige_rij(rij))
                aantal += 1
        boek.save(doel)
    except BaseException:
        _tijdelijke_bladen_wissen(boek)
        raise
    return aantal


def _tijdelijke_bladen_wissen(boek) -> None:
    """openpyxl streams each write-only sheet into its own temporary file and removes it only on a
    successful save (or at process exit): after a failure, remove them now, so a long-running
    worker keeps no half-written rows on disk. Best effort: the original error is what matters."""
    for blad in boek.worksheets:
        schrijver = getattr(blad, "_writer", None)
        if schrijver is None:
            continue
        rijen = getattr(blad, "_rows", None)
        if rijen is not None:
            with contextlib.suppress(Exception):
                rijen.close()  # ends the sheet's XML while its file is still open
        with contextlib.suppress(Exception):
            schrijver.close()
        with contextlib.suppress(OSError, ValueError):
            schrijver.cleanup()


def xlsx_bytes(bladen: dict[str, tuple[list[str], Iterable[Iterable]]]) -> bytes:
    """The same workbook in memory, for small files answered inside a request."""
    buffer = BytesIO()
    xlsx_schrijven(bladen, buffer)
    return buffer.getvalue()


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
