"""Rapport: buurt and gemeente reports, preview, notes, status, download, zip."""

from . import Regel

B = {"buurt_id": "buurt_a"}
G = {"gemeente_id": "gemeente_1"}
BESTAND = {"bestand_id": "rapportbestand"}

REGELS = {
    # regisseur and coordinator report on a buurt; the partner user does not
    "rapport:buurt_rapport": Regel(get="200 404 403 200 302", post="200 404 403 200 302", kwargs=B),
    # GET shows the stored preview (it only reads); POST queues the job and redirects to it
    "rapport:buurt_voorbeeld": Regel(
        get="200 404 403 200 302", post="302 404 403 302 302", kwargs=B
    ),
    "rapport:notitie_form": Regel(get="200 404 403 403 302", post="200 404 403 403 302", kwargs=B),
    # only the coordinator of the gemeente makes the gemeente report
    "rapport:gemeente_rapport": Regel(
        get="403 404 403 200 302", post="403 404 403 200 302", kwargs=G
    ),
    "rapport:gemeente_voorbeeld": Regel(
        get="403 404 403 200 302", post="403 404 403 302 302", kwargs=G
    ),
    "rapport:gemeente_zip": Regel(get="403 404 403 200 302", post="405 405 405 405 302", kwargs=G),
    "rapport:bestand_status": Regel(
        get="200 404 403 200 302", post="405 405 405 405 302", kwargs=BESTAND
    ),
    "rapport:bestand_download": Regel(
        get="200 404 403 200 302", post="405 405 405 405 302", kwargs=BESTAND
    ),
}


def maak(w) -> None:
    from django.core.files.base import ContentFile

    from tests.factories import RapportBestandFactory

    w.rapportbestand = RapportBestandFactory(buurt=w.buurt_a, status="klaar")
    w.rapportbestand.bestand.save("matrix.pdf", ContentFile(b"%PDF-1.4 matrix"), save=True)
