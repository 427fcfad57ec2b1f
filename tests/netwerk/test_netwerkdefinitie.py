"""One definition of "the network": the job, the report's partner and network sections and the
relation list all count the same declared ties (partners.selectors.netwerkrelaties)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from partners import selectors
from partners.models import BeantwoordAls, Bevestiging, Relatie
from partners.services import relatie_beantwoorden
from tests.factories import PartnerFactory, RelatieFactory
from zorgnet.netwerkanalyse import services
from zorgnet.netwerkanalyse.selectors import netwerk_invoer
from zorgnet.rapport.sectie import Scope
from zorgnet.rapport.secties import netwerk as netwerksectie
from zorgnet.rapport.secties import partners as partnersectie

pytestmark = pytest.mark.django_db

VANDAAG = date.today()
DAG = timedelta(days=1)


def _paren(banden) -> set[tuple[int, int]]:
    return {(min(b.a, b.b), max(b.a, b.b)) for b in banden}


@pytest.fixture
def banden(wereld):
    """Six partners of buurt A; one tie of every kind between them."""
    p = {
        n: PartnerFactory(gemeente=wereld.gemeente_1, naam=n, buurten=[wereld.buurt_a])
        for n in "ABCDEF"
    }
    soorten = {
        "bevestigd": RelatieFactory(
            van_partner=p["A"], naar_partner=p["B"], bevestiging="bevestigd"
        ),
        "open": RelatieFactory(van_partner=p["B"], naar_partner=p["C"]),
        "betwist": RelatieFactory(
            van_partner=p["C"], naar_partner=p["D"], bevestiging=Bevestiging.BETWIST
        ),
        "beeindigd": RelatieFactory(
            van_partner=p["D"],
            naar_partner=p["E"],
            sinds=VANDAAG - 90 * DAG,
            tot=VANDAAG - 30 * DAG,
        ),
        "toekomstig": RelatieFactory(
            van_partner=p["E"], naar_partner=p["F"], sinds=VANDAAG + 30 * DAG
        ),
        # both directions declared: one tie in the network
        "wederzijds": RelatieFactory(van_partner=p["C"], naar_partner=p["B"]),
    }
    return p, soorten


def _paar(r: Relatie) -> tuple[int, int]:
    return (min(r.van_partner_id, r.naar_partner_id), max(r.van_partner_id, r.naar_partner_id))


def test_disputed_ended_and_future_ties_are_not_in_the_network(wereld, banden):
    _p, s = banden
    verwacht = {_paar(s["bevestigd"]), _paar(s["open"])}
    invoer = netwerk_invoer(buurt=wereld.buurt_a)
    assert _paren(invoer.banden) == verwacht
    relaties = list(selectors.relaties_voor_netwerk([wereld.buurt_a.id]))
    assert selectors.verklaarde_paren(relaties) == verwacht
    assert {r.pk for r in relaties} == {s["bevestigd"].pk, s["open"].pk, s["wederzijds"].pk}


def test_the_period_decides_which_ties_were_running(wereld, banden):
    _p, s = banden
    # 60 days ago the ended tie ran; the future one had not begun.
    toen = netwerk_invoer(buurt=wereld.buurt_a, van=VANDAAG - 60 * DAG, tot=VANDAAG - 60 * DAG)
    assert _paar(s["beeindigd"]) in _paren(toen.banden)
    # A period reaching into the future includes the tie that starts then; disputed never counts.
    later = netwerk_invoer(buurt=wereld.buurt_a, van=VANDAAG, tot=VANDAAG + 60 * DAG)
    assert _paar(s["toekomstig"]) in _paren(later.banden)
    assert _paar(s["betwist"]) not in _paren(later.banden) | _paren(toen.banden)
    assert selectors.netwerkperiode(None, None) == (VANDAAG, VANDAAG)
    assert selectors.netwerkperiode(None, VANDAAG - DAG) == (VANDAAG - DAG, VANDAAG - DAG)


def test_open_and_confirmed_ties_keep_their_state_in_the_job(
    wereld, banden, django_capture_on_commit_callbacks
):
    p, _s = banden
    with django_capture_on_commit_callbacks(execute=True):
        analyse = services.start_analyse(buurt=wereld.buurt_a)
    analyse.refresh_from_db()
    staat = {(min(b[0], b[1]), max(b[0], b[1])): b[5] for b in analyse.metrieken["banden"]}
    assert staat == {
        tuple(sorted((p["A"].pk, p["B"].pk))): True,
        tuple(sorted((p["B"].pk, p["C"].pk))): False,
    }


def test_report_partner_and_network_sections_count_the_same_ties(
    wereld, banden, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.start_analyse(buurt=wereld.buurt_a)
    vandaag = timezone.localdate()
    scope = Scope(
        buurt_ids=(wereld.buurt_a.id,),
        gemeente_id=wereld.gemeente_1.id,
        van=vandaag - 90 * DAG,
        tot=vandaag,
        titel="A",
    )
    partners = partnersectie.partners_gegevens(scope)
    netwerk = netwerksectie.gegevens(scope)
    assert partners["relaties"] == netwerk["verklaarde_banden"] == 2


def test_a_regisseur_answering_is_recorded_as_answering_on_behalf(wereld, banden):
    _p, s = banden
    relatie = relatie_beantwoorden(
        relatie=s["open"], antwoord="bevestigd", door=wereld.regisseur_a, buurt=wereld.buurt_a
    )
    assert relatie.beantwoord_als == BeantwoordAls.REGISSEUR
    assert relatie.beantwoord_door == wereld.regisseur_a


def test_the_partner_answering_is_recorded_as_the_partner(wereld):
    ander = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    relatie = RelatieFactory(van_partner=ander, naar_partner=wereld.partner)
    relatie = relatie_beantwoorden(
        relatie=relatie, antwoord="betwist", door=wereld.partner_a, buurt=wereld.buurt_a
    )
    assert relatie.beantwoord_als == BeantwoordAls.PARTNER
