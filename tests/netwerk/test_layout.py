"""The stored picture layout: components packed, isolates in their own row, no two labels
overlapping, no node outside the drawing; the SVG fits any width and explains itself."""

import itertools
import random

import pytest

from tests.factories import PartnerFactory, RelatieFactory
from zorgnet.lib.choices import Sector
from zorgnet.netwerk.layout import R_KNOOP_MAX, overlappen
from zorgnet.netwerkanalyse import services
from zorgnet.netwerkanalyse.weergave import namen_voor, netwerkbeeld_svg

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyse(wereld):
    """60 partners: a big community-structured component, three small ones and ten isolates,
    with long names (labels that cannot all fit)."""
    rng = random.Random(3)
    sectoren = list(Sector.values)
    partners = [
        PartnerFactory(
            gemeente=wereld.gemeente_1,
            naam=f"Partnerorganisatie met een lange naam {i}",
            sector=sectoren[i % len(sectoren)],
            formeel=i % 5 != 0,
            buurten=[wereld.buurt_a],
        )
        for i in range(60)
    ]
    groot, klein, eilanden = partners[:38], partners[38:50], partners[50:]
    for a, b in itertools.combinations(groot, 2):
        if rng.random() < (0.35 if a.pk % 3 == b.pk % 3 else 0.03):
            RelatieFactory(van_partner=a, naar_partner=b, intensiteit=rng.randint(1, 4))
    for groepje in (klein[:4], klein[4:8], klein[8:]):
        for a, b in zip(groepje, groepje[1:], strict=False):
            RelatieFactory(van_partner=a, naar_partner=b)
    run = services.start_analyse(buurt=wereld.buurt_a)
    services.voer_analyse_uit(analyse_id=run.pk)
    run.refresh_from_db()
    run.eilanden = eilanden
    return run


def test_no_two_labels_overlap_and_no_node_is_outside_the_drawing(analyse):
    layout = analyse.layout
    breedte, hoogte = layout["breedte"], layout["hoogte"]
    assert len(layout["posities"]) == 61  # the persona partner of buurt A too
    for x, y in layout["posities"].values():
        px, py = x * breedte, y * hoogte
        assert R_KNOOP_MAX <= px <= breedte - R_KNOOP_MAX
        assert R_KNOOP_MAX <= py <= hoogte - R_KNOOP_MAX
    vakken = [label[3] for label in layout["labels"].values()]
    assert len(vakken) >= 10  # the most important partners are named
    for vak in vakken:
        assert vak[0] >= 0 and vak[2] <= breedte and vak[1] >= 0 and vak[3] <= hoogte
    for a, b in itertools.combinations(vakken, 2):
        assert not overlappen(a, b), (a, b)


def test_isolates_sit_in_a_row_under_the_rest(analyse):
    posities = analyse.layout["posities"]
    eilanden = {str(p.pk) for p in analyse.eilanden} | {
        str(analyse.buurt.partners.get(naam="OCMW Stederen").pk)
    }
    laagste_andere = max(y for k, (x, y) in posities.items() if k not in eilanden)
    assert all(posities[k][1] > laagste_andere for k in eilanden)
    assert len({posities[k][1] for k in eilanden}) == 1  # eleven fit in one row


def test_the_svg_uses_sector_groups_and_a_fluid_width(analyse):
    namen = namen_voor({int(k) for k in analyse.metrieken["per_knoop"]})
    svg = netwerkbeeld_svg(analyse, namen=namen)
    assert 'width="100%"' in svg and f'viewBox="0 0 {analyse.layout["breedte"]} ' in svg
    assert "Onderwijs en jeugd" in svg and "Bewoners en informeel" in svg  # Dutch group names
    assert "informeel" in svg  # the outline class of informal actors
    # Only the eight coarse group colours are used for nodes.
    import re

    kleuren = set(
        re.findall(r'<circle cx="[\d.]+" cy="[\d.]+" r="[\d.]+" fill="(#[0-9A-F]{6})"', svg)
    )
    assert 1 < len(kleuren) <= 8
