"""Reading indicator files (CSV or XLSX) in the documented long format into raw rows.

One row per (buurt, indicator, peildatum), as a statistics portal exports it:

    buurt;indicator;peildatum;waarde;bron;gemeente;vlaanderen
    Buurtegem;aandeel_65plus;2025-01-01;23,4;Statistiek Vlaanderen;19,8;21,1

`gemeente` and `vlaanderen` (the comparison values) are optional. Separators `;` `,` or tab;
decimal comma or point (zorgnet.lib.importbestand); dates as 2025-01-01 or 01/01/2025. Validation happens in the service.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zorgnet.lib import importbestand

# Accepted column headings (lowercase, spaces/underscores ignored) -> field.
KOLOMMEN = {
    "buurt": "buurt",
    "indicator": "indicator",
    "indicatorcode": "indicator",
    "code": "indicator",
    "peildatum": "peildatum",
    "datum": "peildatum",
    "waarde": "waarde",
    "value": "waarde",
    "bron": "bron",
    "gemeente": "gemeente",
    "waardegemeente": "gemeente",
    "gemeentewaarde": "gemeente",
    "vlaanderen": "vlaanderen",
    "waardevlaanderen": "vlaanderen",
    "vlaanderenwaarde": "vlaanderen",
}
VERPLICHT = ("buurt", "indicator", "peildatum", "waarde")


@dataclass(frozen=True)
class RuweRij:
    """One data row of the file: its line number and the cells by field name (unparsed)."""

    regel: int
    cellen: dict

    def get(self, veld: str):
        return self.cellen.get(veld)


def _veld(kop) -> str | None:
    sleutel = str(kop or "").strip().lower().replace(" ", "").replace("_", "").replace("-", "")
    return KOLOMMEN.get(sleutel)


def _naar_rijen(tabel: list[list]) -> list[RuweRij]:
    if not tabel:
        raise ValidationError(_("Het bestand is leeg."))
    velden = [_veld(kop) for kop in tabel[0]]
    ontbrekend = [v for v in VERPLICHT if v not in velden]
    if ontbrekend:
        raise ValidationError(
            _(
                "De kolommen %(kolommen)s ontbreken in de eerste rij. Verwacht: "
                "buurt, indicator, peildatum, waarde, bron (en optioneel gemeente, vlaanderen)."
            )
            % {"kolommen": ", ".join(ontbrekend)}
        )
    rijen = []
    for nummer, rij in enumerate(tabel[1:], start=2):
        if importbestand.is_leeg(rij):
            continue
        cellen = {veld: cel for veld, cel in zip(velden, rij, strict=False) if veld}
        rijen.append(RuweRij(regel=nummer, cellen=cellen))
    if not rijen:
        raise ValidationError(_("Het bestand bevat geen gegevensrijen."))
    return rijen


def lees_bestand(bestand) -> list[RuweRij]:
    """The data rows of an uploaded .csv or .xlsx file; a Dutch ValidationError if unreadable.
    Encoding, delimiter and decimal rules are the shared ones of zorgnet.lib.importbestand."""
    formaat = importbestand.formaat_van(getattr(bestand, "name", ""))
    if formaat is None:
        raise ValidationError(_("Kies een .csv- of .xlsx-bestand."))
    importbestand.controleer_grootte(bestand.size or 0)  # before reading (it had no cap)
    return _naar_rijen(importbestand.lees_tabel(bestand.read(), formaat))
