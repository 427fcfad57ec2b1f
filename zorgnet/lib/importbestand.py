"""The one reader for uploaded import files (partners, contact persons, indicator values).

One rule for every import, so a file that one import accepts the other accepts too:

- CSV encoding: UTF-8 with or without BOM; otherwise cp1252 (what Excel on Windows writes when
  "CSV" is chosen instead of "CSV UTF-8"). Bytes that neither can decode are refused.
- CSV delimiter: `;`, `,` or tab, whichever occurs most in the header row (`;` on a tie, the
  Belgian Excel default).
- Numbers: decimal comma or point (`12,5`, `1.234,5`, `12.5`), via `getal`.
- XLSX: the first sheet, values as Excel stored them.

Unreadable files raise a ValidationError with a Dutch message; rows are returned unparsed, the
import checks them and reports errors per row (row 1 is the header, as in a spreadsheet)."""

import csv
import io
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SCHEIDINGSTEKENS = ";,\t"


def decodeer(inhoud: bytes) -> str:
    try:
        return inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return inhoud.decode("cp1252")
    except UnicodeDecodeError as exc:  # found by fuzzing: cp1252 leaves 5 bytes undefined
        raise ValidationError(
            _("Het CSV-bestand kon niet gelezen worden: bewaar het als UTF-8.")
        ) from exc


def scheidingsteken(tekst: str) -> str:
    eerste = tekst.splitlines()[0] if tekst.strip() else ""
    # max() keeps the first of equal counts, so a tie (or an empty line) gives ';'.
    return max(SCHEIDINGSTEKENS, key=eerste.count) if eerste else ";"


def lees_csv(inhoud: bytes) -> list[list[str]]:
    tekst = decodeer(inhoud)
    try:
        return list(csv.reader(io.StringIO(tekst), delimiter=scheidingsteken(tekst)))
    except csv.Error as exc:  # e.g. a cell above the csv module's field size limit
        raise ValidationError(
            _("Het CSV-bestand kon niet gelezen worden: %(f)s") % {"f": exc}
        ) from exc


def lees_xlsx(inhoud: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        boek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a broken file
        raise ValidationError(_("Dit is geen leesbaar Excel-bestand (.xlsx).")) from exc
    try:
        return [list(rij) for rij in boek.worksheets[0].iter_rows(values_only=True)]
    except Exception as exc:  # a truncated workbook can open but fail while reading
        raise ValidationError(_("Dit is geen leesbaar Excel-bestand (.xlsx).")) from exc
    finally:
        boek.close()


def lees_tabel(inhoud: bytes, formaat: str) -> list[list]:
    """All rows of a CSV or XLSX file (`formaat` "csv" or "xlsx"), header row included."""
    return lees_xlsx(inhoud) if formaat == "xlsx" else lees_csv(inhoud)


def formaat_van(naam: str) -> str | None:
    """ "csv" or "xlsx" from a file name (.txt counts as CSV); None for anything else."""
    naam = (naam or "").lower()
    if naam.endswith(".xlsx"):
        return "xlsx"
    if naam.endswith((".csv", ".txt")):
        return "csv"
    return None


def is_leeg(rij) -> bool:
    return all(c is None or str(c).strip() == "" for c in rij)


def tekst(cel) -> str:
    return "" if cel is None else str(cel).strip()


def getal(cel) -> Decimal | None:
    """A Decimal from a cell ('12,5', '1.234,5', 12.5); None when empty; ValueError otherwise."""
    if cel is None or tekst(cel) == "":
        return None
    if isinstance(cel, int | float | Decimal) and not isinstance(cel, bool):
        waarde = Decimal(str(cel))
    else:
        schoon = tekst(cel).replace(" ", "").replace("\u00a0", "")
        if "," in schoon:  # a decimal comma: any points are thousands separators
            schoon = schoon.replace(".", "").replace(",", ".")
        try:
            waarde = Decimal(schoon)
        except InvalidOperation as exc:
            raise ValueError(schoon) from exc
    if not waarde.is_finite():
        raise ValueError(str(cel))
    return waarde
