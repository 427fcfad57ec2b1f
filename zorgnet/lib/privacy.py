"""The resident-identifier check shared by every free-text field that may describe a situation.

Signals, meeting outcomes, findings and cases describe situations, never named residents
(DESIGN.md §5). The text is normalised first (Unicode width and look-alikes by NFKC, invisible
characters removed, "[at]" read as "@"); then the check looks for person names (deduce, see
`zorgnet.lib.namen`, plus titles and "de familie X"), birth dates and ages tied to a person,
national numbers, IBANs, phone numbers (Belgian and foreign), e-mail addresses and street
addresses in any order or case. Event dates ("op 12 maart") and ages of groups are allowed.

`vondsten()` returns what was found where; `geanonimiseerd()` the text with each finding replaced
by a placeholder ("[PERSOON]", "[ADRES]", ...), offered to the user as a one-click suggestion.
Its measured quality is in the README (privacy section) and `make bench` (bench_privacy).
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from zorgnet.lib import namen

WAARSCHUWING = _(
    "Beschrijf de situatie, niet de persoon: geen namen, adressen, geboortedata, "
    "telefoonnummers, e-mailadressen, rekeningnummers of rijksregisternummers van bewoners."
)

# Kind of identifier: (reason shown in the message, placeholder in the suggestion).
SOORTEN = {
    "persoon": (_("een naam"), "[PERSOON]"),
    "adres": (_("een adres"), "[ADRES]"),
    "geboortedatum": (_("een geboortedatum"), "[GEBOORTEDATUM]"),
    "leeftijd": (_("de leeftijd van een persoon"), "[LEEFTIJD]"),
    "rijksregisternummer": (_("een rijksregisternummer"), "[RIJKSREGISTERNUMMER]"),
    "iban": (_("een rekeningnummer (IBAN)"), "[REKENINGNUMMER]"),
    "email": (_("een e-mailadres"), "[E-MAILADRES]"),
    "telefoon": (_("een telefoonnummer"), "[TELEFOONNUMMER]"),
}


@dataclass(frozen=True)
class Vondst:
    start: int
    einde: int
    soort: str


# --- normalisation ----------------------------------------------------------------------------

# Zero-width and other invisible characters (ZWSP, ZWNJ, ZWJ, LRM/RLM, word joiner, BOM, soft
# hyphen, bidi controls): dropped, so "0470\u200b12 34 56" is a phone number again.
_ONZICHTBAAR = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_AT = re.compile(
    r"\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\{\s*at\s*\}|\s+at\s+(?=[\w.-]+\s*(?:\.|\[\s*dot\s*\]|\(\s*dot\s*\)|\(\s*punt\s*\)|\[\s*punt\s*\])\s*[a-z]{2,}\b))\s*",
    re.I,
)
_DOT = re.compile(r"\s*(?:\[\s*(?:dot|punt)\s*\]|\(\s*(?:dot|punt)\s*\))\s*", re.I)


def normaliseer(tekst: str) -> str:
    """NFKC (full-width digits, ligatures, non-breaking spaces), no invisible characters,
    "[at]"/"(at)" as "@" and "[dot]"/"(punt)" as ".". Case is kept: the patterns ignore it."""
    tekst = unicodedata.normalize("NFKC", tekst or "")
    tekst = _ONZICHTBAAR.sub("", tekst)
    tekst = _AT.sub("@", tekst)
    return _DOT.sub(".", tekst)


# --- patterns ---------------------------------------------------------------------------------

_I = re.IGNORECASE
_LETTER = r"A-Za-zÀ-ÖØ-öø-ÿ"
_MAANDEN = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
# A full date: 12/03/1941, 12-3-41, 12.03.1941, 1985-07-30, 12 maart 1941.
_DATUM = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?!\d)"
    r"|\d{4}-\d{1,2}-\d{1,2}(?!\d)"
    rf"|\d{{1,2}}\s+(?:{_MAANDEN})\.?\s+\d{{4}})"
)
_VOLLEDIGE_DATUM = re.compile(rf"(?<![\d/.-]){_DATUM}", _I)
_JAAR_IN_DATUM = re.compile(r"(\d{4})|(\d{2})$")
# Birth cues: "geboren (op|in)", "geb.", "°", "geboortedatum", "geboortejaar", "né(e) le".
_GEBOORTE = re.compile(
    r"(?:\bgeboren(?:\s+(?:op|in|de|den|rond))?|\bgeb\.?|°|\bgeboorte(?:datum|jaar)\s*:?"
    r"|\bné(?:e)?\s+le)\s*"
    rf"(?:{_DATUM}|\d{{4}}\b|(?:{_MAANDEN})\s+\d{{4}}\b)",
    _I,
)

# Rijksregisternummer: YY.MM.DD-XXX.CC or 11 digits in a row.
_RIJKSREGISTER = re.compile(r"(?<![\d])\d{2}[.\s]?\d{2}[.\s]?\d{2}[-\s]?\d{3}[.\s]?\d{2}(?!\d)")
# IBAN: country code, check digits, 11-30 characters in groups (checked with mod 97).
_IBAN = re.compile(r"\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")
# Belgian phone numbers: +32 / 0032 / 0 followed by 8-9 digits, with optional separators; not
# inside a date or another number.
_TELEFOON = re.compile(
    r"(?<![\w./-])(?:\+32|0032|0)\s?\(?\d{1,3}\)?(?:[\s./-]?\d{2,3}){2,4}(?![\d/])"
    # Foreign numbers: +31 6 12345678, 0031 20 123 4567, +33 1 23 45 67 89.
    r"|(?<![\w+])(?:\+|00)(?!32)\d{2,3}[\s.-]?\(?\d{1,4}\)?(?:[\s./-]?\d{2,8}){1,5}(?!\d)"
)
_EMAIL = re.compile(r"[\w.+-]+\s*@\s*[\w-]+(?:\.[\w-]+)+\b")

_STRAATWOORDEN = (
    "straat|str\\.|laan|lei|weg|steenweg|plein|dreef|kaai|markt|vest|singel|dijk|baan|pad|hof|"
    "hoek|wal|berg|veld|park|dam|gracht|rei|boulevard|avenue|kouter|driesch|dries|meers|akker|"
    "wegel|gaarde|heide|hoeve|beek|bos|broek|straatje|plantsoen|square|kade"
)
_FRANS = r"rue|avenue|av\.|chaussée|place|boulevard|bd\.?|chemin|quai|square|allée|impasse|clos"
# A number that is a count, not a house number ("het park 2 keer", "in de straat 3 huizen").
_GEEN_HUISNUMMER = (
    r"(?!\s*(?:keer|x|maal|jaar|jaren|uur|u\b|dagen|dag|weken|week|maanden|maand|minuten|min|"
    r"kinderen|personen|mensen|bewoners|buren|huizen|gezinnen|woningen|%|euro|eur|km|meter|m\b|"
    r"procent|deelnemers|vrijwilligers|straten|tot|à|a\b|-\s*\d|op\s+\d))"
)
_HUISNUMMER = (
    rf"\d{{1,4}}(?:\s?[a-z](?![{_LETTER}]))?(?:\s*(?:bus|bte|b)\s*\d{{1,4}})?{_GEEN_HUISNUMMER}"
)
_STRAAT = rf"[{_LETTER}'-]*(?:{_STRAATWOORDEN})"
_ADRES = re.compile(
    # Kerkstraat 12, kerkstraat 12, Stationsstr. 7 bus 2, Grote Markt 3, Sint-Pietersplein 5a
    rf"\b(?:(?!(?:de|het|in|op|aan|van|een|naar|langs|bij|uit|te|ter|ten)\s)[{_LETTER}'-]+\s+)?{_STRAAT}(?![{_LETTER}])\s*,?\s+(?:nr\.?\s*)?{_HUISNUMMER}"
    # straat van Eyck 4 / Dreef der Linden 3 / Laan van Nieuw Oost 12
    rf"|\b(?:{_STRAATWOORDEN})\s+(?:van\s+|de\s+|der\s+|den\s+|het\s+|ten\s+)+"
    rf"[{_LETTER}'-]+(?:\s+[{_LETTER}'-]+)?\s+{_HUISNUMMER}"
    # 12 Kerkstraat, 12, Kerkstraat
    rf"|(?<![\d/.,-])\d{{1,4}}[a-z]?,?\s+[{_LETTER}'-]*(?:{_STRAATWOORDEN})(?![{_LETTER}])"
    # Rue de la Loi 16, 16 rue de la Loi, Avenue Louise 54
    rf"|\b(?:{_FRANS})\s+(?:[{_LETTER}'-]+\s+){{1,5}}?\d{{1,4}}\b"
    rf"|\b\d{{1,4}},?\s+(?:{_FRANS})\s+[{_LETTER}'-]+"
    # woont op nummer 14, huisnummer 7
    r"|\bhuisnummer\s*\d{1,4}\b|\bwo(?:ont|nen|onde)\s+(?:op\s+)?(?:nummer|nr\.?)\s*\d{1,4}\b",
    _I,
)

# Titles that come before a name: Mevrouw Janssens, dhr. De Smet, de heer Claes, Madame Dubois.
_TITEL = (
    r"mevrouw|mevr\.?|mw\.?|meneer|mijnheer|mr\.?|dhr\.?|de\s+heer|heer|juffrouw|mej\.?|madame|"
    r"mme\.?|monsieur|m\.|weduwe|wed\.|tante|nonkel|oom|opa|oma|bomma|bompa|moemoe|vava|meter|"
    r"peter|zuster|broeder|pater|dokter|dr\."
)
_TUSSENVOEGSEL = r"(?:(?i:van|de|der|den|het|ter|ten|te|in\s+'t|'t|d'|le|la|du|des|di|da|el|al|ben|bin|abu|von|zu)\s+)"
_NAAM = rf"[A-ZÀ-ÖØ-Þ][{_LETTER}'-]+"
_PERSOON = re.compile(
    rf"\b(?i:{_TITEL})\s+{_TUSSENVOEGSEL}*{_NAAM}(?:\s+{_TUSSENVOEGSEL}*{_NAAM})?"
    # de familie Vandenbroucke, familie El Idrissi, het gezin Peeters
    rf"|\b(?i:familie|fam\.|gezin|echtpaar|koppel)\s+{_TUSSENVOEGSEL}*{_NAAM}",
)
# An age right after a person ("Maria Janssens (82)", "Jan, 82 jaar,") or right before one
# ("de 82-jarige Janssens").
_LEEFTIJD_NA = re.compile(
    r"^\s*(?:\(\s*|,\s*)(\d{1,3})(?:\s*(?:jaar|j\.?|jr\.?))?(?=\s*[),]|\s|$)", _I
)
_LEEFTIJD_VOOR = re.compile(r"(?:\b|\()(\d{1,3})[\s-]?jarige\s+(?:(?:de|het|een)\s+)?$", _I)


def _iban_geldig(kandidaat: str) -> bool:
    code = kandidaat.replace(" ", "").upper()
    if not 15 <= len(code) <= 34:
        return False
    getal = "".join(str(int(c, 36)) for c in code[4:] + code[:4])
    return int(getal) % 97 == 1


def _ibans(tekst: str) -> list[Vondst]:
    """IBANs: the longest run of groups from a candidate that passes the mod-97 check."""
    gevonden = []
    for m in _IBAN.finditer(tekst):
        kandidaat = m.group()
        while len(kandidaat.replace(" ", "")) >= 15:
            if _iban_geldig(kandidaat):
                gevonden.append(Vondst(m.start(), m.start() + len(kandidaat), "iban"))
                break
            kandidaat = kandidaat[:-1].rstrip()
    return gevonden


def _geboortejaar(datum: str) -> int | None:
    """The year of a full date, or None; two-digit years read as 19xx/20xx."""
    gevonden = re.search(r"\d{4}", datum)
    if gevonden:
        return int(gevonden.group())
    kort = re.search(r"(\d{2})$", datum)
    if not kort:
        return None
    jaar = int(kort.group(1))
    return 2000 + jaar if jaar <= dt.date.today().year % 100 else 1900 + jaar


def _regex_vondsten(tekst: str) -> list[Vondst]:
    vondsten = [Vondst(m.start(), m.end(), "geboortedatum") for m in _GEBOORTE.finditer(tekst)]
    # A full date at least 16 years old in a situation description is somebody's birth date.
    grens = dt.date.today().year - 16
    for m in _VOLLEDIGE_DATUM.finditer(tekst):
        jaar = _geboortejaar(m.group())
        if jaar is not None and jaar <= grens:
            vondsten.append(Vondst(m.start(), m.end(), "geboortedatum"))
    for patroon, soort in (
        (_RIJKSREGISTER, "rijksregisternummer"),
        (_EMAIL, "email"),
        (_ADRES, "adres"),
    ):
        vondsten += [Vondst(m.start(), m.end(), soort) for m in patroon.finditer(tekst)]
    vondsten += _ibans(tekst)
    vondsten += [Vondst(m.start(), m.end(), "persoon") for m in _PERSOON.finditer(tekst)]
    return vondsten


def _telefoon_vondsten(tekst: str, bezet: list[Vondst]) -> list[Vondst]:
    """Phone numbers that are not part of a date, national number or IBAN found before."""
    return [
        Vondst(m.start(), m.end(), "telefoon")
        for m in _TELEFOON.finditer(tekst)
        if not any(v.start < m.end() and m.start() < v.einde for v in bezet)
    ]


def _leeftijden(tekst: str, personen: list[Vondst]) -> list[Vondst]:
    vondsten = []
    for persoon in personen:
        na = _LEEFTIJD_NA.match(tekst[persoon.einde :])
        if na:
            start = persoon.einde + na.start(1)
            vondsten.append(Vondst(start, persoon.einde + na.end(), "leeftijd"))
        voor = _LEEFTIJD_VOOR.search(tekst[max(0, persoon.start - 30) : persoon.start])
        if voor:
            begin = max(0, persoon.start - 30)
            vondsten.append(Vondst(begin + voor.start(1), begin + voor.end(1), "leeftijd"))
    return vondsten


def _samenvoegen(vondsten: list[Vondst]) -> list[Vondst]:
    """Non-overlapping findings in text order; of overlapping ones the longest wins."""
    gekozen: list[Vondst] = []
    for v in sorted(vondsten, key=lambda v: (-(v.einde - v.start), v.start)):
        if not any(v.start < g.einde and g.start < v.einde for g in gekozen):
            gekozen.append(v)
    return sorted(gekozen, key=lambda v: v.start)


def vondsten(tekst: str) -> list[Vondst]:
    """Every resident identifier in the normalised text (offsets into `normaliseer(tekst)`)."""
    tekst = normaliseer(tekst)
    if not tekst.strip():
        return []
    gevonden = _regex_vondsten(tekst)
    gevonden += [Vondst(s, e, "persoon") for s, e in namen.personen(tekst)]
    gevonden += _telefoon_vondsten(tekst, gevonden)
    personen = [v for v in gevonden if v.soort == "persoon"]
    gevonden += _leeftijden(tekst, personen)
    return _samenvoegen(gevonden)


def gevonden_identificatoren(tekst: str) -> list[str]:
    """What kinds of resident identifiers the text seems to contain, as reasons (empty if none)."""
    soorten = dict.fromkeys(v.soort for v in vondsten(tekst))
    return [str(SOORTEN[soort][0]) for soort in SOORTEN if soort in soorten]


def geanonimiseerd(tekst: str) -> str:
    """The normalised text with every finding replaced by its placeholder ("[PERSOON]", ...)."""
    schoon = normaliseer(tekst)
    for v in reversed(vondsten(tekst)):
        schoon = schoon[: v.start] + SOORTEN[v.soort][1] + schoon[v.einde :]
    return schoon


def controleer_geen_identificatoren(tekst: str) -> None:
    """Validator: refuse free text that seems to identify a resident.

    The error carries the redacted suggestion in its params ("voorstel"), which the form's
    field template offers as a one-click replacement.
    """
    gevonden = vondsten(tekst)
    if not gevonden:
        return
    soorten = dict.fromkeys(v.soort for v in gevonden)
    redenen = [str(SOORTEN[s][0]) for s in SOORTEN if s in soorten]
    raise ValidationError(
        _(
            "Deze tekst lijkt %(wat)s te bevatten. Beschrijf de situatie zonder gegevens "
            "die een bewoner herkenbaar maken."
        ),
        code="identificator",
        params={"wat": ", ".join(redenen), "voorstel": geanonimiseerd(tekst)},
    )
