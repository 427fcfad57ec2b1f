"""Chart axes: enough decimals for the data, nl-BE decimal comma, dates thinned out."""

import re

from django.utils import translation

from zorgnet.lib.svg import decimalen_voor, lijngrafiek


def test_decimals_follow_the_tick_step():
    assert [decimalen_voor(s) for s in (20, 1, 0.5, 0.25, 0.015, 0.0)] == [0, 0, 1, 2, 3, 0]


def test_a_small_density_gets_distinct_ticks_with_a_decimal_comma():
    with translation.override("nl-be"):
        svg = lijngrafiek(["1/1/2026", "1/2/2026"], {"dichtheid": [0.03, 0.031]})
    ticks = re.findall(r'text-anchor="end">([^<]+)<', svg)
    assert ticks == ["0,000", "0,015", "0,031"]
    assert len(set(ticks)) == 3


def test_many_dates_are_thinned_to_five_or_six_labels():
    labels = [f"{d:02d}/01/2026" for d in range(1, 21)]
    svg = lijngrafiek(labels, {"x": list(range(20))})
    getoond = [lab for lab in labels if f">{lab}<" in svg]
    assert 4 <= len(getoond) <= 6 and labels[-1] in getoond
