"""partners models: the register (partners, contacts, ties, mandates) and the network run records."""

from .register import (  # noqa: F401
    Bevestiging,
    Contactpersoon,
    Partner,
    PartnerSoort,
    PartnerStatus,
    Relatie,
)
