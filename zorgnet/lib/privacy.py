"""The resident-identifier check shared by every free-text field that may describe a situation.

Signals, meeting outcomes, findings and cases describe situations, never named residents
(DESIGN.md §5). The check refuses text that looks like a national number, a phone number, an
e-mail address or a street address. It cannot recognise every name: the form also shows a warning.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WAARSCHUWING = _(
    "Beschrijf de situatie, niet de persoon: geen namen, adressen, geboortedata, "
    "telefoonnummers, e-mailadressen of rijksregisternummers van bewoners."
)

# Rijksregisternummer: YY.MM.DD-XXX.CC or 11 digits in a row.
_RIJKSREGISTER = re.compile(r"\b\d{2}[.\s]?\d{2}[.\s]?\d{2}[-\s]?\d{3}[.\s]?\d{2}\b")
# Belgian phone numbers: +32 / 0032 / 0 followed by 8-9 digits, with optional separators.
_TELEFOON = re.compile(r"(?<![\w.])(?:\+32|0032|0)\s?\(?\d{1,3}\)?(?:[\s./-]?\d{2,3}){2,4}\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_STRAATWOORDEN = (
    "straat|laan|lei|weg|steenweg|plein|dreef|kaai|markt|vest|singel|dijk|baan|pad|hof|"
    "hoek|wal|berg|veld|park|dam|gracht|rei|boulevard|avenue|rue"
)
# A street name followed by a house number ("Kerkstraat 12", "Stationsstr. 7", "Grote Markt 3").
_ADRES = re.compile(
    rf"\b[A-ZÀ-Ý][\wÀ-ÿ'-]*(?:{_STRAATWOORDEN}|str\.)\s+\d{{1,4}}[a-zA-Z]?\b"
    rf"|\b(?:{_STRAATWOORDEN.title()})\s+\d{{1,4}}[a-zA-Z]?\b"
    rf"|\b(?:{_STRAATWOORDEN})\s+(?:van\s+|de\s+|der\s+)*[A-ZÀ-Ý][\wÀ-ÿ'-]+\s+\d{{1,4}}\b",
)

_PATRONEN = [
    (_RIJKSREGISTER, _("een rijksregisternummer")),
    (_EMAIL, _("een e-mailadres")),
    (_TELEFOON, _("een telefoonnummer")),
    (_ADRES, _("een adres")),
]


def gevonden_identificatoren(tekst: str) -> list[str]:
    """What kinds of resident identifiers the text seems to contain (empty list if none)."""
    if not tekst:
        return []
    return [str(soort) for patroon, soort in _PATRONEN if patroon.search(tekst)]


def controleer_geen_identificatoren(tekst: str) -> None:
    """Validator: refuse free text that seems to identify a resident."""
    gevonden = gevonden_identificatoren(tekst)
    if gevonden:
        raise ValidationError(
            _(
                "Deze tekst lijkt %(wat)s te bevatten. Beschrijf de situatie zonder gegevens "
                "die een bewoner herkenbaar maken."
            ),
            code="identificator",
            params={"wat": ", ".join(gevonden)},
        )
