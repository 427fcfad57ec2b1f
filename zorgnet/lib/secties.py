"""Registry of the sections on the buurt overview and the dashboard.

The buurt page belongs to `buurten`, but its content comes from apps that depend on `buurten`.
Each app registers its section in `AppConfig.ready()`, so the dependency direction stays
buurten <- partners <- activiteiten and no app edits another app's template.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

# The sections of a buurt, in the order of the werking's cycle (DESIGN.md §1).
BUURTSECTIES: list[tuple[str, Any]] = [
    ("buurtanalyse", _("Buurtanalyse")),
    ("partners", _("Partners")),
    ("pakketten", _("Activiteitenpakketten")),
    ("acties", _("Acties en signalen")),
    ("bijeenkomsten", _("Bijeenkomsten")),
    ("netwerk", _("Netwerk")),
    ("rapport", _("Rapport")),
]


@dataclass(frozen=True)
class Sectie:
    """Content for one slot: a template fragment, its context and the link to the full page."""

    slug: str
    template: str
    context: Callable[..., dict] = field(default=lambda request, buurt: {})
    url_name: str | None = None
    volgorde: int = 0


_buurt: dict[str, Sectie] = {}
_dashboard: dict[str, Sectie] = {}


def registreer_buurtsectie(sectie: Sectie) -> None:
    _buurt[sectie.slug] = sectie


def registreer_dashboardblok(sectie: Sectie) -> None:
    _dashboard[sectie.slug] = sectie


def buurtsecties() -> list[tuple[str, Any, Sectie | None]]:
    """(slug, title, registered section or None) for every slot, in cycle order."""
    return [(slug, titel, _buurt.get(slug)) for slug, titel in BUURTSECTIES]


def dashboardblokken() -> list[Sectie]:
    return sorted(_dashboard.values(), key=lambda s: (s.volgorde, s.slug))
