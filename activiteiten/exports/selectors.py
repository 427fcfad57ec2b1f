"""Reads for the action export (issue 11): the rows, and the export files a regisseur may see."""

from collections.abc import Iterator

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from activiteiten.acties import selectors as acties_selectors
from activiteiten.acties.models import ActieCategorie, ActieStatus, Doelgroep
from activiteiten.models import Actie, ExportBestand
from buurten.models import Buurt

CHUNK = 2_000
# Headers and values as a person reads them (issue 19): labels, not field names or codes.
KOLOMMEN = [
    gettext_noop("Nr."),
    gettext_noop("Titel"),
    gettext_noop("Categorie"),
    gettext_noop("Status"),
    gettext_noop("Datum"),
    gettext_noop("Einddatum"),
    gettext_noop("Trekker"),
    gettext_noop("Aantal deelnemers"),
    gettext_noop("Bereikte doelgroepen"),
    gettext_noop("Terugkerend"),
]


def acties_voor_export(buurt: Buurt, filters: dict) -> QuerySet[Actie]:
    """The actions of the buurt with the list page's filters (cleaned values of ActieFilter)."""
    return acties_selectors.filter_acties(acties_selectors.acties_van(buurt), **filters)


def actie_rijen(qs: QuerySet[Actie]) -> Iterator[tuple]:
    """One tuple per action, read in chunks from a server-side cursor (constant memory)."""
    qs = qs.select_related(None).prefetch_related(None).order_by("-startdatum", "-id")
    categorieen, statussen = dict(ActieCategorie.choices), dict(ActieStatus.choices)
    doelgroepen = dict(Doelgroep.choices)
    for a in qs.values_list(
        "id",
        "titel",
        "categorie",
        "status",
        "startdatum",
        "einddatum",
        "trekker__naam",
        "deelnemers",
        "doelgroepen",
        "terugkerend",
    ).iterator(chunk_size=CHUNK):
        yield (
            a[0],
            a[1],
            categorieen.get(a[2], a[2]),
            statussen.get(a[3], a[3]),
            *a[4:8],
            ", ".join(str(doelgroepen.get(d, d)) for d in a[8] or []),
            _("ja") if a[9] else _("nee"),
        )


def recente_exportbestanden(user, buurt: Buurt) -> QuerySet[ExportBestand]:
    """The user's own export files of the buurt, newest first (kept for the retention period)."""
    return ExportBestand.objects.filter(buurt=buurt, aangevraagd_door=user).select_related("buurt")


def get_exportbestand_or_404(buurt: Buurt, exportbestand_id: int) -> ExportBestand:
    """An export file of this buurt; 404 for another buurt's. The caller checks the role (403)."""
    try:
        return ExportBestand.objects.select_related("buurt", "aangevraagd_door").get(
            pk=exportbestand_id, buurt=buurt
        )
    except ExportBestand.DoesNotExist as exc:
        raise Http404(_("Dit exportbestand bestaat niet (meer).")) from exc
