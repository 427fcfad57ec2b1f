"""Figures and the network source: who met whom, trainings per year, intervisie averages, the
report section's data, and the demo."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from activiteiten.bijeenkomsten import selectors, services
from activiteiten.bijeenkomsten.services import Aanwezige
from tests.factories import BijeenkomstFactory, ContactpersoonFactory, PartnerFactory
from zorgnet.netwerkanalyse.bronnen import waargenomen_banden
from zorgnet.rapport.sectie import Scope
from zorgnet.rapport.secties import bijeenkomsten as rapport
from zorgnet.rapport.secties import rapportsecties

pytestmark = pytest.mark.django_db


@pytest.fixture
def netwerk(wereld):
    w = wereld
    w.p2 = PartnerFactory(gemeente=w.gemeente_1, naam="Buurtwerk", buurten=[w.buurt_a])
    w.p3 = PartnerFactory(gemeente=w.gemeente_1, naam="Thuiszorg", buurten=[w.buurt_a])
    w.c1 = ContactpersoonFactory(partner=w.partner)
    w.c1b = ContactpersoonFactory(partner=w.partner)
    w.c2 = ContactpersoonFactory(partner=w.p2)
    w.c3 = ContactpersoonFactory(partner=w.p3)
    return w


def _meeting(w, dagen_geleden, personen, **velden):
    b = BijeenkomstFactory(
        buurt=w.buurt_a, datum=timezone.localdate() - timedelta(days=dagen_geleden), **velden
    )
    services.aanwezigheid_bewaren(
        bijeenkomst=b, aanwezigen=[Aanwezige(contactpersoon=p) for p in personen]
    )
    return b


def test_who_met_whom_counts_partner_pairs_per_meeting(netwerk):
    w = netwerk
    eerste = _meeting(w, 30, [w.c1, w.c1b, w.c2])
    tweede = _meeting(w, 10, [w.c1, w.c2, w.c3])
    paren = selectors.wie_ontmoette_wie([w.buurt_a.id])
    ab = tuple(sorted((w.partner.id, w.p2.id)))
    assert sorted(paren[ab]) == [eerste.datum, tweede.datum]  # two people of one partner: one pair
    assert len(paren) == 3
    # Period filter.
    paren = selectors.wie_ontmoette_wie([w.buurt_a.id], van=tweede.datum)
    # Only the second meeting's three partners remain (an empty result must not pass).
    assert len(paren) == 3 and all(datums == [tweede.datum] for datums in paren.values())


def test_co_attendance_is_registered_as_a_network_source(netwerk):
    w = netwerk
    _meeting(w, 5, [w.c1, w.c2])
    _meeting(w, 5, [w.c3], type="training")
    banden = [b for b in waargenomen_banden([w.buurt_a.id]) if b.bron == "co_aanwezigheid"]
    assert len(banden) == 1
    assert {banden[0].partner_a, banden[0].partner_b} == {w.partner.id, w.p2.id}
    assert waargenomen_banden([w.buurt_b.id]) == []


def test_co_attendance_is_weighted_by_meeting_size(netwerk):
    """Newman's collaboration weighting: 1/(n-1) per meeting of n partners."""
    w = netwerk
    _meeting(w, 20, [w.c1, w.c2])  # two partners: the pair gets 1
    _meeting(w, 10, [w.c1, w.c1b, w.c2, w.c3])  # three partners (two people of one): 1/2 each
    gewicht: dict[tuple[int, int], float] = {}
    for band in selectors.co_aanwezigheid_banden([w.buurt_a.id]):
        paar = (band.partner_a, band.partner_b)
        gewicht[paar] = gewicht.get(paar, 0) + band.gewicht
    ab = tuple(sorted((w.partner.id, w.p2.id)))
    ac = tuple(sorted((w.partner.id, w.p3.id)))
    assert gewicht[ab] == pytest.approx(1.5)
    assert gewicht[ac] == pytest.approx(0.5)


def test_people_trained_per_year_are_cumulative(wereld):
    for jaar, n in ((2023, 10), (2023, 5), (2025, 7)):
        b = BijeenkomstFactory(buurt=wereld.buurt_a, type="training", datum=date(jaar, 5, 1))
        services.aanwezigheid_bewaren(bijeenkomst=b, aanwezigen=[], aantal_anderen=n)
    # Another buurt's training does not count.
    b = BijeenkomstFactory(buurt=wereld.buurt_b, type="training", datum=date(2024, 5, 1))
    services.aanwezigheid_bewaren(bijeenkomst=b, aanwezigen=[], aantal_anderen=50)
    assert selectors.getraind_per_jaar([wereld.buurt_a.id]) == [(2023, 15, 15), (2025, 7, 22)]


def test_intervisie_average_ignores_meetings_without_attendance(netwerk):
    w = netwerk
    _meeting(w, 40, [w.c1, w.c2], type="intervisie")
    _meeting(w, 10, [w.c1, w.c2, w.c3, w.c1b], type="thema_intervisie")
    BijeenkomstFactory(
        buurt=w.buurt_a, type="intervisie", datum=timezone.localdate() - timedelta(days=3)
    )
    BijeenkomstFactory(
        buurt=w.buurt_a, type="intervisie", datum=timezone.localdate() + timedelta(days=20)
    )
    assert selectors.intervisie_gemiddelde([w.buurt_a.id]) == (2, 3.0)


def test_report_section_is_registered_and_suppresses_small_resident_counts(netwerk):
    w = netwerk
    sectie = next(s for s in rapportsecties() if s.slug == "bijeenkomsten")
    assert sectie.volgorde == 70 and sectie.template == "rapport/secties/bijeenkomsten.html"
    vandaag = timezone.localdate()
    scope = Scope(
        buurt_ids=(w.buurt_a.id,),
        gemeente_id=w.gemeente_1.id,
        van=vandaag - timedelta(days=365),
        tot=vandaag,
        titel="Buurtegem",
    )
    assert sectie.gegevens(scope) is None
    meeting = _meeting(w, 20, [w.c1, w.c2], type="supportersmeeting")
    services.aanwezigheid_bewaren(
        bijeenkomst=meeting, aanwezigen=[Aanwezige(contactpersoon=w.c1)], aantal_bewoners=3
    )
    training = _meeting(w, 50, [w.c1, w.c2, w.c3], type="training")
    services.uitkomst_toevoegen(
        bijeenkomst=meeting,
        soort="actie",
        omschrijving="Huisbezoek",
        eigenaar=w.p2,
        deadline=vandaag - timedelta(days=1),
    )
    g = rapport.gegevens(scope)
    assert g["aantal"] == 2 and g["getraind"] == 3 and g["bewoners"] == 3
    assert g["trainingen"] == [(training.datum, training.titel, 3)]
    assert g["opvolging"] == {"totaal": 1, "klaar": 0, "te_laat": 1}
    kern = dict(rapport.kerncijfers(g))
    assert kern["Bewoners bereikt op bijeenkomsten"] == "< 5"
    bladen = rapport.bladen(g)
    rij = next(r for r in bladen["Bijeenkomsten"][1] if r[0] == "Supportersmeeting")
    assert rij[3] == "< 5"
    from django.template.loader import render_to_string

    html = render_to_string(sectie.template, {"s": g})
    assert "&lt; 5" in html and "Tweedaagse" not in html and "Huisbezoek" not in html
