"""The one reader for uploaded import files (partners, contact persons, indicator values).

One rule for every import, so a file that one import accepts the other accepts too:

- CSV encoding: UTF-8 with or without BOM; otherwise cp1252 (what Excel on Windows writes when
  "CSV" is chosen instead of "CSV UTF-8"). Bytes that neither can decode are refused.
- CSV delimiter: `;`, `,` or tab, whichever occurs most in the header row (`;` on a tie, the
  Belgian Excel default).
- Numbers: decimal comma or point (`12,5`, `1.234,5`, `12.5`), via `getal`.
- XLSX: the first sheet, values as Excel stored them.

Unreadable files raise a ValidationError with a Dutch message; rows are returned unparsed, the
import checks them and reports errors per row (row 1 is the header, as in a spreadsheet).

Bounded work (issue 16, finding 8): a file above `ZORGNET_IMPORT_MAX_MB` is refused before it is
read (`controleer_grootte`, also on content that comes back from a preview), and the rows are read
one by one and counted: past `ZORGNET_IMPORT_MAX_RIJEN` data rows the reading stops with a Dutch
message, so a 100,000-row file costs a fraction of a second, not a dry run past the time-out."""

import csv
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SCHEIDINGSTEKENS = ";,\t"


def max_bytes() -> int:
    return settings.ZORGNET_IMPORT_MAX_MB * 1024 * 1024


def controleer_grootte(grootte: int) -> None:
    """Refuse an import file (or re-posted content) above ZORGNET_IMPORT_MAX_MB, unread."""
    if grootte > max_bytes():
        raise ValidationError(
            _("Het bestand is te groot: maximaal %(mb)s MB.")
            % {"mb": settings.ZORGNET_IMPORT_MAX_MB},
            code="te_groot",
        )


def _begrensd(rijen: Iterable, max_rijen: int | None) -> Iterator:
    """The rows as they are read, stopping with a Dutch error past the header + max_rijen."""
    grens = settings.ZORGNET_IMPORT_MAX_RIJEN if max_rijen is None else max_rijen
    for nummer, rij in enumerate(rijen):
        if nummer > grens:
            raise ValidationError(
                _(
                    "Het bestand heeft meer dan %(max)s rijen. Splits het op in kleinere "
                    "bestanden van hoogstens %(max)s rijen."
                )
                % {"max": grens},
                code="te_veel_rijen",
            )
        yield rij


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


def lees_csv(inhoud: bytes, max_rijen: int | None = None) -> list[list[str]]:
    tekst = decodeer(inhoud)
    try:
        lezer = csv.reader(io.StringIO(tekst), delimiter=scheidingsteken(tekst))
        return list(_begrensd(lezer, max_rijen))
    except csv.Error as exc:  # e.g. a cell above the csv module's field size limit
        raise ValidationError(
            _("Het CSV-bestand kon niet gelezen worden: %(f)s") % {"f": exc}
        ) from exc


def lees_xlsx(inhoud: bytes, max_rijen: int | None = None) -> list[list]:
    from openpyxl import load_workbook

    try:
        boek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a broken file
        raise ValidationError(_("Dit is geen leesbaar Excel-bestand (.xlsx).")) from exc
    try:
        rijen = boek.worksheets[0].iter_rows(values_only=True)
        return [list(rij) for rij in _begrensd(rijen, max_rijen)]
    except ValidationError:
        raise
    except Exception as exc:  # a truncated workbook can open but fail while reading
        raise ValidationError(_("Dit is geen leesbaar Excel-bestand (.xlsx).")) from exc
    finally:
        boek.close()


def lees_tabel(inhoud: bytes, formaat: str, max_rijen: int | None = None) -> list[list]:
    """All rows of a CSV or XLSX file (`formaat` "csv" or "xlsx"), header row included; refused
    when larger than ZORGNET_IMPORT_MAX_MB or longer than `max_rijen` (ZORGNET_IMPORT_MAX_RIJEN)
    data rows."""
    controleer_grootte(len(inhoud))
    if formaat == "xlsx":
        return lees_xlsx(inhoud, max_rijen)
    return lees_csv(inhoud, max_rijen)


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
