"""The report's sections, one module each, in the order they appear in the report.

A section is a `RapportSectie` (zorgnet/rapport/sectie.py); adding one means writing its module and
naming it here.
"""

from zorgnet.rapport.sectie import RapportSectie
from zorgnet.rapport.secties import (
    acties,
    activiteitenpakketten,
    bereik,
    bijeenkomsten,
    buurtanalyse,
    contactmomenten,
    context_en_doelen,
    drempels,
    netwerk,
    partners,
    reflectie,
    signalen,
    stappen,
    successen,
    uitkomsten,
)

SECTIES: list[RapportSectie] = [
    context_en_doelen.SECTIE,
    buurtanalyse.SECTIE,
    activiteitenpakketten.SECTIE,
    acties.SECTIE,
    contactmomenten.SECTIE,
    bereik.SECTIE,
    partners.SECTIE,
    netwerk.SECTIE,
    bijeenkomsten.SECTIE,
    signalen.SECTIE,
    successen.SECTIE,
    uitkomsten.SECTIE,
    reflectie.SECTIE,
    drempels.SECTIE,
    stappen.SECTIE,
]


def rapportsecties() -> list[RapportSectie]:
    return SECTIES
