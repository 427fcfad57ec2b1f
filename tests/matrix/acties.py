"""Actions, signals, referrals and beleidssignalen (issue 6).

Signals are visible to the regisseur and to partners that logged or received them; coordinators
get counts on the list page and a 403 on everything else about individual signals.
"""

from django.core.files.base import ContentFile

from tests.factories import (
    ActieFactory,
    BeleidssignaalFactory,
    DoorverwijzingFactory,
    ExportBestandFactory,
    PartnerFactory,
    SignaalFactory,
)

from . import Regel

GET_ONLY = "405 405 405 405 302"
A = {"buurt_id": "buurt_a"}
ACTIE = {**A, "actie_id": "actie_a"}
SIGNAAL = {**A, "signaal_id": "signaal_a"}
EXPORT = {**A, "exportbestand_id": "exportbestand_a"}

REGELS = {
    "activiteiten:actie_list": Regel(get="200 404 200 200 302", post=GET_ONLY, kwargs=A),
    "activiteiten:actie_create": Regel(
        get="200 404 200 403 302", post="200 404 200 403 302", kwargs=A
    ),
    "activiteiten:actie_detail": Regel(get="200 404 200 200 302", post=GET_ONLY, kwargs=ACTIE),
    "activiteiten:actie_update": Regel(
        get="200 404 200 403 302", post="200 404 200 403 302", kwargs=ACTIE
    ),
    # The action's files (issue 16): whoever reads the action, through the logged view.
    "activiteiten:actie_draaiboek": Regel(get="200 404 200 200 302", post=GET_ONLY, kwargs=ACTIE),
    "activiteiten:actie_foto": Regel(get="200 404 200 200 302", post=GET_ONLY, kwargs=ACTIE),
    "activiteiten:signaal_list": Regel(
        get="200 404 200 200 302", post=GET_ONLY, kwargs=A, query="status=nieuw"
    ),
    "activiteiten:signaal_create": Regel(
        get="200 404 200 403 302", post="200 404 200 403 302", kwargs=A
    ),
    "activiteiten:signaal_open": Regel(get="200 404 403 403 302", post=GET_ONLY, kwargs=A),
    "activiteiten:signaal_detail": Regel(get="200 404 200 403 302", post=GET_ONLY, kwargs=SIGNAAL),
    "activiteiten:signaal_status": Regel(get=GET_ONLY, post="200 404 200 403 302", kwargs=SIGNAAL),
    "activiteiten:doorverwijzing_create": Regel(
        get="200 404 200 403 302", post="200 404 200 403 302", kwargs=SIGNAAL
    ),
    "activiteiten:doorverwijzing_uitkomst": Regel(
        get=GET_ONLY,
        post="302 404 302 403 302",
        kwargs={**A, "doorverwijzing_id": "doorverwijzing_a"},
    ),
    "activiteiten:beleidssignaal_list": Regel(get="200 404 200 200 302", post=GET_ONLY, kwargs=A),
    "activiteiten:beleidssignaal_create": Regel(
        get="200 404 403 403 302", post="200 404 403 403 302", kwargs=A
    ),
    # A large XLSX export made by a job: its status page and download are for the regisseur only.
    "activiteiten:exportbestand_detail": Regel(
        get="200 404 403 403 302", post=GET_ONLY, kwargs=EXPORT
    ),
    "activiteiten:exportbestand_download": Regel(
        get="200 404 403 403 302", post=GET_ONLY, kwargs=EXPORT
    ),
    "activiteiten:beleidssignaal_detail": Regel(
        get="200 404 200 200 302",
        post="200 404 403 403 302",
        kwargs={**A, "beleidssignaal_id": "beleidssignaal_a"},
    ),
}


def maak(w) -> None:
    w.partner_twee = PartnerFactory(
        gemeente=w.gemeente_1, naam="Buurtwerk Stederen", buurten=[w.buurt_a]
    )
    w.actie_a = ActieFactory(buurt=w.buurt_a, trekker=w.partner)
    w.actie_a.draaiboek.save("matrix.pdf", ContentFile(b"%PDF matrix"), save=False)
    w.actie_a.verhaal_foto.save("matrix.png", ContentFile(b"\x89PNG matrix"), save=True)
    w.signaal_a = SignaalFactory(buurt=w.buurt_a, partner=w.partner)
    w.doorverwijzing_a = DoorverwijzingFactory(
        signaal=w.signaal_a, van_partner=w.partner, naar_partner=w.partner_twee
    )
    w.beleidssignaal_a = BeleidssignaalFactory(buurt=w.buurt_a)
    w.exportbestand_a = ExportBestandFactory(
        buurt=w.buurt_a, aangevraagd_door=w.regisseur_a, status="klaar", aantal_rijen=0
    )
    w.exportbestand_a.bestand.save("matrix.xlsx", ContentFile(b"PK matrix"), save=True)
