"""Services of partners: validation in Dutch, nothing written on bad input, history kept."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from partners import services
from partners.models import Betrokkenheid, Bevestiging, Partner, PartnerStatus, Relatie
from tests.factories import ContactpersoonFactory, PartnerFactory, RelatieFactory
from zorgnet.lib.choices import Sector

pytestmark = pytest.mark.django_db


def _gegevens(naam: str, **extra) -> dict:
    return {"naam": naam, "sector": Sector.WELZIJN, **extra}


def test_it_creates_a_partner_in_the_buurt_with_a_start_date(wereld):
    partner = services.partner_aanmaken(buurt=wereld.buurt_a, gegevens=_gegevens("Repair Café"))
    assert partner.gemeente == wereld.gemeente_1
    assert list(partner.buurten.all()) == [wereld.buurt_a]
    assert partner.actief_sinds == date.today()
    assert partner.history.count() >= 1


def test_it_refuses_a_duplicate_name_in_the_gemeente(wereld):
    with pytest.raises(ValidationError) as fout:
        services.partner_aanmaken(buurt=wereld.buurt_a2, gegevens=_gegevens("ocmw  stederen"))
    assert "Er bestaat al een partner 'OCMW Stederen'" in str(fout.value)
    assert Partner.objects.filter(gemeente=wereld.gemeente_1).count() == 1


def test_it_suggests_a_similar_existing_name_unless_confirmed(wereld):
    with pytest.raises(ValidationError) as fout:
        services.partner_aanmaken(buurt=wereld.buurt_a, gegevens=_gegevens("OCMW Stedere"))
    assert "gelijkaardige naam: 'OCMW Stederen'" in str(fout.value)
    partner = services.partner_aanmaken(
        buurt=wereld.buurt_a, gegevens=_gegevens("OCMW Stedere"), gelijkaardig_toegestaan=True
    )
    assert partner.pk


def test_the_same_name_is_fine_in_another_gemeente(wereld):
    partner = services.partner_aanmaken(buurt=wereld.buurt_b, gegevens=_gegevens("OCMW Stederen"))
    assert partner.gemeente == wereld.gemeente_2


def test_stopping_a_partner_records_the_date(wereld):
    services.partner_bijwerken(partner=wereld.partner, gegevens={"status": PartnerStatus.GESTOPT})
    wereld.partner.refresh_from_db()
    assert wereld.partner.gestopt_op == date.today()


def test_a_tie_to_yourself_is_refused(wereld):
    with pytest.raises(ValidationError) as fout:
        services.relatie_verklaren(
            van_partner=wereld.partner, naar_partner=wereld.partner, intensiteit=2
        )
    assert "met zichzelf" in str(fout.value)
    assert not Relatie.objects.exists()


def test_a_tie_outside_the_gemeente_is_refused(wereld):
    vreemd = PartnerFactory(gemeente=wereld.gemeente_2, buurten=[wereld.buurt_b])
    with pytest.raises(ValidationError) as fout:
        services.relatie_verklaren(van_partner=wereld.partner, naar_partner=vreemd, intensiteit=2)
    assert "dezelfde gemeente" in str(fout.value)
    assert not Relatie.objects.exists()


def test_a_tie_ending_before_it_starts_is_refused(wereld):
    ander = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    with pytest.raises(ValidationError) as fout:
        services.relatie_verklaren(
            van_partner=wereld.partner,
            naar_partner=ander,
            intensiteit=2,
            sinds=date(2025, 5, 1),
            tot=date(2025, 1, 1),
        )
    assert "einddatum ligt vóór de begindatum" in str(fout.value)
    assert not Relatie.objects.exists()


def test_the_other_side_confirms_a_tie_and_it_is_kept_in_history(wereld):
    relatie = RelatieFactory(
        van_partner=PartnerFactory(gemeente=wereld.gemeente_1), naar_partner=wereld.partner
    )
    services.relatie_beantwoorden(relatie=relatie, antwoord="bevestigd", door=wereld.partner_a)
    relatie.refresh_from_db()
    assert relatie.bevestiging == Bevestiging.BEVESTIGD
    assert relatie.beantwoord_door == wereld.partner_a
    assert relatie.history.count() == 2
    with pytest.raises(ValidationError):
        services.relatie_beantwoorden(relatie=relatie, antwoord="misschien", door=wereld.partner_a)


def test_each_scan_is_a_new_row_so_the_change_shows(wereld):
    for vonk, dagen in ((1, 200), (3, 10)):
        services.betrokkenheid_scoren(
            partner=wereld.partner,
            buurt=wereld.buurt_a,
            gegevens={"vonk": vonk, "vuur": 1, "gescoord_op": date.today() - timedelta(days=dagen)},
            door=wereld.regisseur_a,
        )
    assert list(
        Betrokkenheid.objects.filter(partner=wereld.partner).values_list("vonk", flat=True)
    ) == [3, 1]


def test_a_scan_out_of_range_or_in_another_buurt_is_refused(wereld):
    with pytest.raises(ValidationError):
        services.betrokkenheid_scoren(
            partner=wereld.partner, buurt=wereld.buurt_a, gegevens={"vonk": 5, "vuur": 1}
        )
    with pytest.raises(ValidationError) as fout:
        services.betrokkenheid_scoren(
            partner=wereld.partner, buurt=wereld.buurt_a2, gegevens={"vonk": 1, "vuur": 1}
        )
    assert "werkt niet in deze buurt" in str(fout.value)
    assert not Betrokkenheid.objects.exists()


def test_a_mandate_needs_a_holder_and_a_valid_period(wereld):
    persoon = ContactpersoonFactory(partner=wereld.partner)
    basis = {"omschrijving": "Zaken aankaarten", "toegekend_door": "leidinggevende"}
    with pytest.raises(ValidationError) as fout:
        services.mandaat_toekennen(buurt=wereld.buurt_a, gegevens=basis)
    assert "houder" in str(fout.value)
    with pytest.raises(ValidationError) as fout:
        services.mandaat_toekennen(
            buurt=wereld.buurt_a,
            gegevens={
                **basis,
                "contactpersoon": persoon,
                "geldig_van": date(2026, 3, 1),
                "geldig_tot": date(2026, 1, 1),
            },
        )
    assert "einddatum" in str(fout.value)
    mandaat = services.mandaat_toekennen(
        buurt=wereld.buurt_a,
        gegevens={**basis, "contactpersoon": persoon, "niveaus": ["operationeel"]},
    )
    assert mandaat.history.count() == 1


def test_consent_date_follows_the_consent_flag(wereld):
    persoon = services.contactpersoon_opslaan(
        partner=wereld.partner,
        gegevens={"voornaam": "An", "toestemming_contactgegevens": True, "email": "an@x.invalid"},
    )
    assert persoon.toestemming_op == date.today()
    persoon = services.contactpersoon_opslaan(
        partner=wereld.partner,
        gegevens={"toestemming_contactgegevens": False},
        contactpersoon=persoon,
    )
    assert persoon.toestemming_op is None
