"""The fictional demo data set (DOMAIN.md §7), loaded capability by capability.

Each capability keeps its demo data beside its models in `demo.py` with `laad(ctx: dict) -> None`;
they run in this order and share `ctx` (gemeenten, buurten, users, partners, ...). Idempotent:
loading twice changes nothing.
"""

from django.db import transaction

from activiteiten.acties import demo as acties
from activiteiten.bijeenkomsten import demo as bijeenkomsten
from activiteiten.pakketten import demo as pakketten
from activiteiten.reflectie import demo as reflectie
from buurten import demo as buurten
from buurten.analyse import demo as buurtanalyse
from partners import demo as partners
from zorgnet.netwerkanalyse import demo as netwerkanalyse
from zorgnet.rapport import demo as rapport

LADERS = [
    buurten,
    partners,
    buurtanalyse,
    acties,
    pakketten,
    bijeenkomsten,
    reflectie,
    netwerkanalyse,
    rapport,
]


@transaction.atomic
def laad_demo() -> dict:
    """Load every capability's demo data; returns the shared context (with `logins`)."""
    ctx: dict = {}
    for module in LADERS:
        module.laad(ctx)
    return ctx
