"""partners models: the register (partners, contacts, ties, mandates) and the network run records."""

from .netwerk import (  # noqa: F401
    AnalyseStatus,
    NetwerkAnalyse,
    NetwerkLaag,
    NetwerkScope,
    PartnerMetriek,
)
from .register import (  # noqa: F401
    Bevestiging,
    Contactpersoon,
    Partner,
    PartnerSoort,
    PartnerStatus,
    Relatie,
)
