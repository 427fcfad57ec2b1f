"""Export helpers: streamed CSV (constant memory) and write-only XLSX."""

import csv
from collections.abc import Iterable, Iterator
from io import BytesIO

from django.http import StreamingHttpResponse


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_rijen(kop: list[str], rijen: Iterable[Iterable]) -> Iterator[str]:
    """Yield CSV lines one by one (with a BOM so Excel opens UTF-8 correctly)."""
    schrijver = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + schrijver.writerow(kop)
    for rij in rijen:
        yield schrijver.writerow(rij)


def csv_response(
    bestandsnaam: str, kop: list[str], rijen: Iterable[Iterable]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_rijen(kop, rijen), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response


def xlsx_bytes(bladen: dict[str, tuple[list[str], Iterable[Iterable]]]) -> bytes:
    """A workbook with one sheet per entry, written in openpyxl's write-only (streaming) mode."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    boek = Workbook(write_only=True)
    for titel, (kop, rijen) in bladen.items():
        blad = boek.create_sheet(title=titel[:31])
        koprij = []
        for waarde in kop:
            cel = WriteOnlyCell(blad, value=waarde)
            cel.font = Font(bold=True)
            koprij.append(cel)
        blad.append(koprij)
        for rij in rijen:
            blad.append(list(rij))
    buffer = BytesIO()
    boek.save(buffer)
    return buffer.getvalue()


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
