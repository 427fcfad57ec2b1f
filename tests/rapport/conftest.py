"""Report fixtures: media in a temporary folder, a fixed clock, and report data in buurt A."""

from datetime import timedelta

import pytest

from tests.conftest import VASTE_NU
from tests.factories import ActieFactory, SignaalFactory

# Not date.today(): evaluated at import, it went stale when a run crossed midnight. The report
# tests run with the clock pinned to this day instead.
VANDAAG = VASTE_NU.date()
VAN = VANDAAG - timedelta(days=60)


@pytest.fixture(autouse=True)
def _vaste_klok(request):
    """Every report test runs on VANDAAG, except those with a real worker (its own clock)."""
    if request.node.get_closest_marker("worker") is None:
        request.getfixturevalue("vaste_klok")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def gegevens(wereld):
    """Actions and signals in buurt A during the period, and some outside it."""
    w = wereld
    ActieFactory(
        buurt=w.buurt_a,
        trekker=w.partner,
        status="afgerond",
        deelnemers=37,
        startdatum=VANDAAG - timedelta(days=10),
        doelgroepen=["ouderen"],
        verhaal="Buren koken samen.",
        toestemming_verhaal=True,
    )
    ActieFactory(
        buurt=w.buurt_a,
        trekker=w.partner,
        status="lopend",
        deelnemers=3,
        startdatum=VANDAAG - timedelta(days=5),
    )
    ActieFactory(
        buurt=w.buurt_a, trekker=w.partner, status="gepland", startdatum=VANDAAG - timedelta(days=1)
    )
    ActieFactory(
        buurt=w.buurt_a,
        trekker=w.partner,
        status="afgerond",
        deelnemers=99,
        startdatum=VANDAAG - timedelta(days=400),
    )  # outside the period
    for _ in range(3):
        SignaalFactory(buurt=w.buurt_a, thema="eenzaamheid", datum=VANDAAG - timedelta(days=3))
    for _ in range(6):
        SignaalFactory(buurt=w.buurt_a, thema="wonen", datum=VANDAAG - timedelta(days=4))
    return w
