"""Consent flags hold in every view and export: contact details, stories and their photo."""

import pytest
from django.urls import reverse

from tests.factories import ActieFactory, ContactpersoonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def personen(wereld):
    return (
        ContactpersoonFactory(
            partner=wereld.partner,
            voornaam="Met",
            email="met@toestemming.be",
            telefoon="0470 00 00 01",
            toestemming_contactgegevens=True,
        ),
        ContactpersoonFactory(
            partner=wereld.partner,
            voornaam="Zonder",
            email="zonder@geheim.be",
            telefoon="0470 99 99 99",
            toestemming_contactgegevens=False,
        ),
    )


PAGINAS = [
    ("partners:smoelenboek", False),
    ("partners:partner_detail", True),
    ("partners:contactpersoon_export", False),
]


@pytest.mark.parametrize("naam,met_partner", PAGINAS)
@pytest.mark.parametrize("persona", ["regisseur_a", "partner_a", "coordinator"])
def test_contact_details_only_with_consent(als, wereld, personen, naam, met_partner, persona):
    args = [wereld.buurt_a.id] + ([wereld.partner.id] if met_partner else [])
    antwoord = als(getattr(wereld, persona)).get(reverse(naam, args=args))
    if antwoord.status_code == 403:  # a partner user may not export
        assert naam.endswith("_export") and persona == "partner_a"
        return
    inhoud = b"".join(antwoord.streaming_content) if antwoord.streaming else antwoord.content
    tekst = inhoud.decode()
    assert "Zonder" in tekst  # the person is listed ...
    assert "zonder@geheim.be" not in tekst and "0470 99 99 99" not in tekst  # ... without details
    assert "met@toestemming.be" in tekst


def test_contact_details_only_with_consent_in_the_xlsx_export(als, wereld, personen):
    from io import BytesIO

    from openpyxl import load_workbook

    url = reverse("partners:contactpersoon_export", args=[wereld.buurt_a.id]) + "?formaat=xlsx"
    boek = load_workbook(BytesIO(als(wereld.regisseur_a).get(url).content), read_only=True)
    cellen = {str(c) for blad in boek for rij in blad.iter_rows(values_only=True) for c in rij}
    assert "zonder@geheim.be" not in cellen and "met@toestemming.be" in cellen


def test_a_story_is_shown_only_with_consent(als, wereld):
    zonder = ActieFactory(
        buurt=wereld.buurt_a, trekker=wereld.partner, verhaal="Het verhaal van de buurtsoep."
    )
    met = ActieFactory(
        buurt=wereld.buurt_a,
        trekker=wereld.partner,
        verhaal="Het verhaal van het buurtfeest.",
        toestemming_verhaal=True,
    )
    client = als(wereld.coordinator)
    html = client.get(reverse("activiteiten:actie_detail", args=[wereld.buurt_a.id, zonder.id]))
    assert "buurtsoep" not in html.content.decode()
    assert "geen toestemming" in html.content.decode()
    html = client.get(reverse("activiteiten:actie_detail", args=[wereld.buurt_a.id, met.id]))
    assert "buurtfeest" in html.content.decode()
