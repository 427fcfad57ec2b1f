"""partners models: the register (partners, contacts, ties, mandates) and the network run records."""

from .netwerk import (  # noqa: F401
    AnalyseStatus,
    NetwerkAnalyse,
    NetwerkLaag,
    NetwerkScope,
    PartnerMetriek,
)
from .register import (  # noqa: F401
    Betrokkenheid,
    Bevestiging,
    Contactpersoon,
    Mandaat,
    MandaatBron,
    Netwerkrol,
    Partner,
    PartnerSoort,
    PartnerStatus,
    Relatie,
)
