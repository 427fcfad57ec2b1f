"""The report workbook: one sheet per table, each with a bold, frozen and filterable header row,
column widths that fit the content, and typed cells with nl-BE number formats (Excel and
LibreOffice show the codes below with the reader's own separators: 1.234,5 in nl-BE).

Cells: int -> "#,##0"; float and Decimal -> "#,##0.00"; `Aandeel` (a fraction 0..1) -> "0.0%";
date -> "dd/mm/yyyy"; `Maand` -> "mm/yyyy"; text through `veilige_cel` (never a formula). Sheet
names are unique (case-insensitively, as Excel compares them) and at most 31 characters.
"""

import re
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from typing import Any

from zorgnet.lib.exports import ONGELDIG_IN_XML, veilige_cel
from zorgnet.rapport.sectie import Blad

GEHEEL = "#,##0"
DECIMAAL = "#,##0.00"
PROCENT = "0.0%"
DATUM = "dd/mm/yyyy"
MAAND = "mm/yyyy"
_ONGELDIG_IN_BLADNAAM = re.compile(r"[\[\]:*?/\\]")
MAX_BREEDTE = 60


class Aandeel(float):
    """A fraction between 0 and 1, shown as a percentage in the workbook."""


class Maand(date):
    """The first day of a month, shown as mm/yyyy."""


def bladnaam(titel: str, bezet: set[str]) -> str:
    """A sheet name Excel accepts: no []:*?/\\, at most 31 characters, unique case-insensitively.
    Adds the name (lower case) to `bezet`."""
    naam = _ONGELDIG_IN_BLADNAAM.sub("-", ONGELDIG_IN_XML.sub("", str(titel))).strip()[:31]
    naam = naam or "Blad"
    basis, i = naam, 2
    while naam.lower() in bezet:
        achter = f" {i}"
        naam = basis[: 31 - len(achter)] + achter
        i += 1
    bezet.add(naam.lower())
    return naam


def _formaat(waarde: Any) -> str | None:
    if isinstance(waarde, bool):
        return None
    if isinstance(waarde, Aandeel):
        return PROCENT
    if isinstance(waarde, int):
        return GEHEEL
    if isinstance(waarde, float | Decimal):
        return DECIMAAL
    if isinstance(waarde, Maand):
        return MAAND
    if isinstance(waarde, date | datetime):
        return DATUM
    return None


def _cel(waarde: Any) -> Any:
    if hasattr(waarde, "_proxy____cast"):  # a lazy translation
        waarde = str(waarde)
    if isinstance(waarde, Aandeel):
        return float(waarde)
    if isinstance(waarde, Maand):
        return date(waarde.year, waarde.month, 1)
    if isinstance(waarde, datetime) and waarde.tzinfo is not None:
        return waarde.replace(tzinfo=None)  # Excel has no time zones: the local time as shown
    return veilige_cel(waarde)


def _breedte(waarde: Any) -> int:
    if waarde is None:
        return 0
    if isinstance(waarde, date | datetime):
        return 11
    if isinstance(waarde, float | Decimal):
        return len(f"{waarde:,.2f}")
    if isinstance(waarde, int):
        return len(f"{waarde:,}")
    return max((len(regel) for regel in str(waarde).splitlines()), default=0)


def werkboek(bladen: dict[str, Blad]) -> bytes:
    """Write the sheets (title -> (header, rows)) as an XLSX file (openpyxl, write-only mode)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    boek = Workbook(write_only=True)
    bezet: set[str] = set()
    vet, vulling = Font(bold=True), PatternFill("solid", fgColor="E4EEEA")
    for titel, (kop, rijen) in bladen.items():
        blad = boek.create_sheet(title=bladnaam(titel, bezet))
        kop = [str(k) for k in kop]
        rijen = [list(r) for r in rijen]
        kolommen = max([len(kop), *(len(r) for r in rijen)], default=1) or 1
        for i in range(kolommen):
            inhoud = [kop[i] if i < len(kop) else ""] + [r[i] for r in rijen if i < len(r)]
            breedte = min(max(max(_breedte(w) for w in inhoud) + 2, 8), MAX_BREEDTE)
            blad.column_dimensions[get_column_letter(i + 1)].width = breedte
        blad.freeze_panes = "A2"
        blad.auto_filter.ref = f"A1:{get_column_letter(kolommen)}{len(rijen) + 1}"
        koprij = []
        for waarde in kop:
            cel = WriteOnlyCell(blad, value=veilige_cel(waarde))
            cel.font, cel.fill = vet, vulling
            koprij.append(cel)
        blad.append(koprij)
        lang = Alignment(wrap_text=True, vertical="top")
        for rij in rijen:
            cellen = []
            for waarde in rij:
                cel = WriteOnlyCell(blad, value=_cel(waarde))
                formaat = _formaat(waarde)
                if formaat:
                    cel.number_format = formaat
                elif isinstance(waarde, str) and len(waarde) > MAX_BREEDTE:
                    cel.alignment = lang
                cellen.append(cel)
            blad.append(cellen)
    buffer = BytesIO()
    boek.save(buffer)
    return buffer.getvalue()
