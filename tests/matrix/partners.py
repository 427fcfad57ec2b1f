"""Partners: register, smoelenboek, partnerscan, relaties, mandaten, import/export."""

from django.core.files.base import ContentFile

from . import Regel

B = {"buurt_id": "buurt_a"}
LEZEN = Regel(get="200 404 200 200 302", post="405 405 405 405 302", kwargs=B)
BEHEER = Regel(get="200 404 403 403 302", post="200 404 403 403 302", kwargs=B)
EXPORT = Regel(get="200 404 403 200 302", post="405 405 405 405 302", kwargs=B)

REGELS = {
    "partners:partner_list": LEZEN,
    "partners:partner_create": BEHEER,
    "partners:partner_import": BEHEER,
    # Adding a gemeente partner that works elsewhere to buurt A (issue 19): the regisseur only.
    "partners:partner_toevoegen": Regel(
        get="200 404 403 403 302",
        post="302 404 403 403 302",
        kwargs={**B, "partner_id": "elders"},
    ),
    "partners:contactpersoon_import": BEHEER,
    "partners:partner_export": EXPORT,
    "partners:contactpersoon_export": EXPORT,
    "partners:partner_detail": Regel(
        get="200 404 200 200 302",
        post="405 405 405 405 302",
        kwargs={**B, "partner_id": "partner"},
    ),
    # another organisation: the partner user may not edit it
    "partners:partner_update": Regel(
        get="200 404 403 403 302",
        post="200 404 403 403 302",
        kwargs={**B, "partner_id": "ander"},
    ),
    "partners:betrokkenheid_create": Regel(
        get="200 404 403 403 302",
        post="200 404 403 403 302",
        kwargs={**B, "partner_id": "ander"},
    ),
    # their own organisation: the partner user may
    "partners:contactpersoon_create": Regel(
        get="200 404 200 403 302",
        post="200 404 200 403 302",
        kwargs={**B, "partner_id": "partner"},
    ),
    "partners:contactpersoon_update": Regel(
        get="200 404 200 403 302",
        post="200 404 200 403 302",
        kwargs={**B, "partner_id": "partner", "contactpersoon_id": "contactpersoon"},
    ),
    # A contact person's photo (issue 16): whoever sees the partner, through the logged view.
    "partners:contactpersoon_foto": Regel(
        get="200 404 200 200 302",
        post="405 405 405 405 302",
        kwargs={**B, "partner_id": "partner", "contactpersoon_id": "contactpersoon"},
    ),
    "partners:relatie_create": Regel(
        get="200 404 200 403 302",
        post="200 404 200 403 302",
        kwargs={**B, "partner_id": "partner"},
    ),
    "partners:relatie_list": LEZEN,
    "partners:relatie_import": BEHEER,
    "partners:relatie_export": EXPORT,
    # a tie declared by `ander` about `partner`: partner_a answers it
    "partners:relatie_beantwoorden": Regel(
        get="405 405 405 405 302",
        post="302 404 302 403 302",
        kwargs={**B, "relatie_id": "relatie"},
    ),
    # declared by `ander`: only the regisseur (not partner_a, the other side) may edit it
    "partners:relatie_update": Regel(
        get="200 404 403 403 302",
        post="200 404 403 403 302",
        kwargs={**B, "relatie_id": "relatie"},
    ),
    "partners:smoelenboek": LEZEN,
    "partners:mandaat_list": LEZEN,
    "partners:mandaat_create": BEHEER,
    "partners:netwerkrol_create": BEHEER,
    # A large import's job (issue 16): its status page is for the regisseur of its buurt only.
    "partners:importtaak_detail": Regel(
        get="200 404 403 403 302",
        post="405 405 405 405 302",
        kwargs={**B, "importtaak_id": "importtaak"},
    ),
}


def maak(w) -> None:
    from tests.factories import ContactpersoonFactory, PartnerFactory, RelatieFactory

    w.ander = PartnerFactory(
        gemeente=w.gemeente_1, naam="Wijkgezondheidscentrum", buurten=[w.buurt_a]
    )
    w.elders = PartnerFactory(
        gemeente=w.gemeente_1, naam="Sportdienst Stederen", buurten=[w.buurt_a2]
    )
    w.contactpersoon = ContactpersoonFactory(partner=w.partner)
    w.contactpersoon.foto.save("matrix.png", ContentFile(b"\x89PNG matrix"), save=True)
    w.relatie = RelatieFactory(van_partner=w.ander, naar_partner=w.partner)
    from partners.models import Importtaak

    w.importtaak = Importtaak.objects.create(
        buurt=w.buurt_a, soort="partners", aangevraagd_door=w.regisseur_a, rijen_totaal=10
    )
