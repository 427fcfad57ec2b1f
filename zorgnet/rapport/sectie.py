"""The contract of a report section: what a report covers (`Scope`) and what one section gives.

The sections themselves live in `zorgnet/rapport/secties/`, one module each, listed in order in
`secties/__init__.py`. A section appears only when its data exists (`gegevens` returns None when
there is nothing to say for the scope and period).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

Blad = tuple[list[str], list[list[Any]]]  # (header, rows) of one XLSX sheet


@dataclass(frozen=True)
class Scope:
    """What a report covers: one buurt, or every buurt of a gemeente, over a period."""

    buurt_ids: tuple[int, ...]
    gemeente_id: int
    van: date
    tot: date
    titel: str  # "Buurtegem" or "Gemeente Stederen"
    # Name brokers and fragile links (the regisseur ticked "namen opnemen" for this report);
    # otherwise the report gives their number and the picture without names (DOMAIN §6).
    namen_opnemen: bool = False
    # What several sections share within one build of the report (e.g. the action aggregates):
    # filled on first use, so one pass gathers it once for PDF, XLSX and preview alike.
    gedeeld: dict = field(default_factory=dict, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class RapportSectie:
    """One section: data for the scope, an HTML fragment (screen and PDF) and its XLSX sheets.

    - gegevens(scope) -> dict | None: everything the fragment shows; None omits the section.
    - template: fragment rendered with `s` = that dict (charts as server-rendered SVG).
    - bladen(gegevens) -> {sheet title: (header, rows)}: the numbers behind every chart.
    - kerncijfers(gegevens) -> [(label, value)]: lines for the one-page summary.
    Counts of signals or residents must pass through `klein_aantal` (shown as "< 5").
    """

    slug: str
    titel: str
    volgorde: int
    gegevens: Callable[[Scope], dict | None]
    template: str
    bladen: Callable[[dict], dict[str, Blad]] = field(default=lambda gegevens: {})
    kerncijfers: Callable[[dict], list[tuple[str, Any]]] = field(default=lambda gegevens: [])
