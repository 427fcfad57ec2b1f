"""The network section of the report: figures from the latest snapshot in the period."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from partners.models import Relatie
from tests.netwerk.test_services import _netwerk
from zorgnet.netwerkanalyse import services
from zorgnet.netwerkanalyse.models import NetwerkAnalyse
from zorgnet.rapport.sectie import Scope
from zorgnet.rapport.secties import rapportsecties
from zorgnet.rapport.secties.netwerk import bladen, gegevens, kerncijfers

pytestmark = pytest.mark.django_db


def _scope(w, van: date, tot: date, *, namen: bool = False) -> Scope:
    return Scope(
        buurt_ids=(w.buurt_a.id,),
        gemeente_id=w.gemeente_1.id,
        van=van,
        tot=tot,
        titel="A",
        namen_opnemen=namen,
    )


def _analyse(w, capture) -> NetwerkAnalyse:
    with capture(execute=True):
        analyse = services.start_analyse(buurt=w.buurt_a, aangevraagd_door=w.regisseur_a)
    analyse.refresh_from_db()
    return analyse


def test_the_section_is_registered():
    assert "netwerk" in {s.slug for s in rapportsecties()}


def test_it_reports_the_snapshot_of_the_period(wereld, django_capture_on_commit_callbacks):
    a, b, c, d = _netwerk(wereld)
    _analyse(wereld, django_capture_on_commit_callbacks)
    vandaag = timezone.localdate()
    g = gegevens(_scope(wereld, vandaag - timedelta(days=90), vandaag, namen=True))
    assert g["partners"] == 5
    assert g["banden"] == Relatie.objects.count() == 3
    assert g["eilandjes"] == [d.naam]
    assert sorted(g["kwetsbaar"]) == sorted([a.naam, b.naam])
    assert dict(g["intensiteit_mix"])["Samen uitvoeren"] == 1
    assert "<svg" in g["svg"]
    assert ("Partners in het netwerk", 5) in kerncijfers(g)
    assert ["Samenwerkingsbanden", 3] in next(iter(bladen(g).values()))[1]
    assert g["vorige"] is None


def test_a_period_before_any_snapshot_has_no_section(wereld, django_capture_on_commit_callbacks):
    _netwerk(wereld)
    _analyse(wereld, django_capture_on_commit_callbacks)
    assert gegevens(_scope(wereld, date(2020, 1, 1), date(2020, 12, 31))) is None


def test_it_compares_with_the_snapshot_before_the_period(
    wereld, django_capture_on_commit_callbacks
):
    a, b, c, d = _netwerk(wereld)
    eerste = _analyse(wereld, django_capture_on_commit_callbacks)
    NetwerkAnalyse.objects.filter(pk=eerste.pk).update(
        klaar_op=timezone.now() - timedelta(days=200)
    )
    Relatie.objects.create(van_partner=c, naar_partner=d, intensiteit=2)
    _analyse(wereld, django_capture_on_commit_callbacks)
    vandaag = timezone.localdate()
    g = gegevens(_scope(wereld, vandaag - timedelta(days=90), vandaag))
    assert g["banden"] == 4
    assert g["vorige"]["banden"] == 3
    assert ("Nieuwe banden sinds vorige meting", 1) in kerncijfers(g)


def test_without_namen_opnemen_it_gives_counts_and_a_picture_without_names(
    wereld, django_capture_on_commit_callbacks
):
    from django.template.loader import render_to_string

    a, b, c, d = _netwerk(wereld)
    _analyse(wereld, django_capture_on_commit_callbacks)
    vandaag = timezone.localdate()
    g = gegevens(_scope(wereld, vandaag - timedelta(days=90), vandaag))
    html = render_to_string("rapport/secties/netwerk.html", {"s": g})
    for partner in (a, b, c, d):
        assert f"<title>{partner.naam} (" not in g["svg"]
    assert "Als deze partners wegvallen" not in html and "zonder samenwerkingsband:" not in html
    assert len(g["kwetsbaar"]) == 2 and len(g["eilandjes"]) == 1
    assert "kwetsbare schakels" in html
    met_namen = gegevens(_scope(wereld, vandaag - timedelta(days=90), vandaag, namen=True))
    met_html = render_to_string("rapport/secties/netwerk.html", {"s": met_namen})
    assert "Als deze partners wegvallen" in met_html and f"<title>{a.naam} (" in met_namen["svg"]
