"""One definition per figure: the short explanation shown wherever two figures could be confused.

The selectors that count them are named in docs/features.md ("Cijfers"); pages, the network view
and the report show these texts (e.g. as a `title` or a small note) with the figure.
"""

from django.utils.translation import gettext_lazy as _

PARTNERS_IN_DE_BUURT = _(
    "Partners in de buurt: actieve partners die aan deze buurt gekoppeld zijn. Potentiële en "
    "gestopte partners tellen niet mee."
)
IN_HET_NETWERK = _(
    "In het netwerk: de partners in de laatste netwerkanalyse, alle niet-gestopte partners "
    "(ook potentiële) op het moment van die analyse."
)
RELATIES = _(
    "Relaties: samenwerkingsrelaties die een partner of de regisseur verklaarde (niet betwist, "
    "geldig in de periode)."
)
BANDEN = _(
    "Banden: de lijnen van het geanalyseerde netwerk, verklaarde relaties en waargenomen "
    "samenwerking (samen in acties, pakketten of bijeenkomsten)."
)
