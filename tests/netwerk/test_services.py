"""Services of the network analysis: start, reuse, claim, compute, fail, restart, stuck runs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import PartnerFactory, RelatieFactory
from zorgnet.lib import taakrecords
from zorgnet.lib.choices import Sector
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.netwerk.banden import WaargenomenBand
from zorgnet.netwerk.metrieken import TE_WEINIG_GEGEVENS
from zorgnet.netwerkanalyse import bronnen as netwerkbronnen
from zorgnet.netwerkanalyse import services
from zorgnet.netwerkanalyse.models import NetwerkAnalyse, PartnerMetriek
from zorgnet.netwerkanalyse.tasks import netwerk_vastgelopen_resetten

pytestmark = pytest.mark.django_db


def _netwerk(w):
    """OCMW - A - B - C in buurt A, plus an island D."""
    a, b, c, d = (
        PartnerFactory(gemeente=w.gemeente_1, naam=n, buurten=[w.buurt_a]) for n in "ABCD"
    )
    w.partner.sector = Sector.LOKAAL_BESTUUR
    w.partner.save()
    RelatieFactory(van_partner=w.partner, naar_partner=a, intensiteit=3, bevestiging="bevestigd")
    RelatieFactory(van_partner=a, naar_partner=b, intensiteit=2)
    RelatieFactory(van_partner=b, naar_partner=c, intensiteit=4)
    return a, b, c, d


def _start(w, **kw):
    return services.start_analyse(buurt=w.buurt_a, aangevraagd_door=w.regisseur_a, **kw)


def test_it_queues_a_run_and_computes_it_once(wereld, django_capture_on_commit_callbacks):
    a, b, c, d = _netwerk(wereld)
    with django_capture_on_commit_callbacks(execute=True):
        analyse = _start(wereld)
    analyse.refresh_from_db()
    assert analyse.status == TaakStatus.KLAAR, analyse.fout
    s = analyse.samenvatting
    assert (s["knopen"], s["banden"]) == (5, 3)
    assert s["eilandjes"] == [d.pk]
    assert sorted(s["articulatiepunten"]) == sorted([a.pk, b.pk])
    assert s["lokaal_bestuur"]["verbonden"] is True
    assert PartnerMetriek.objects.filter(analyse=analyse).count() == 5
    assert PartnerMetriek.objects.get(analyse=analyse, partner=d).eilandje
    assert set(analyse.layout["posities"]) == {
        str(p) for p in (wereld.partner.pk, a.pk, b.pk, c.pk, d.pk)
    }
    assert analyse.metrieken["per_laag"]["verklaard"]["3"]["banden"] == 2
    # Computing again is a no-op: the run is no longer in the queue.
    assert services.voer_analyse_uit(analyse_id=analyse.pk) is None
    assert PartnerMetriek.objects.filter(analyse=analyse).count() == 5


def test_a_second_start_reuses_the_running_run(wereld):
    _netwerk(wereld)
    eerste = _start(wereld)
    assert eerste.status == TaakStatus.WACHTEND
    assert _start(wereld).pk == eerste.pk
    assert taakrecords.claim(NetwerkAnalyse, eerste.pk)
    assert not taakrecords.claim(NetwerkAnalyse, eerste.pk)
    assert _start(wereld).pk == eerste.pk
    assert NetwerkAnalyse.objects.count() == 1


def test_it_reuses_a_finished_run_with_the_same_input_hash(
    wereld, django_capture_on_commit_callbacks
):
    a, b, c, d = _netwerk(wereld)
    with django_capture_on_commit_callbacks(execute=True):
        eerste = _start(wereld)
    with django_capture_on_commit_callbacks(execute=True):
        assert _start(wereld).pk == eerste.pk
    RelatieFactory(van_partner=c, naar_partner=d, intensiteit=1)
    with django_capture_on_commit_callbacks(execute=True):
        tweede = _start(wereld)
    assert tweede.pk != eerste.pk
    tweede.refresh_from_db()
    eerste.refresh_from_db()
    diff = tweede.metrieken["vergelijking"]
    assert diff["nieuwe_banden"] == [sorted([c.pk, d.pk])]
    assert tweede.metrieken["vorige_id"] == eerste.pk
    # The layout starts from the previous one: known partners keep their place.
    assert tweede.layout["posities"].keys() == eerste.layout["posities"].keys()


def test_observed_sources_add_ties_and_none_registered_works(
    wereld, django_capture_on_commit_callbacks, monkeypatch
):
    a, b, c, d = _netwerk(wereld)
    monkeypatch.setattr(netwerkbronnen, "BRONNEN", {})
    with django_capture_on_commit_callbacks(execute=True):
        zonder = _start(wereld, laag="waargenomen")
    zonder.refresh_from_db()
    assert zonder.samenvatting["banden"] == 0

    def bron(buurt_ids, van, tot):
        assert buurt_ids == [wereld.buurt_a.pk]
        return [WaargenomenBand(a.pk, d.pk, "pakketteam", 2.0)]

    monkeypatch.setattr(netwerkbronnen, "BRONNEN", {"test": bron})
    with django_capture_on_commit_callbacks(execute=True):
        met = _start(wereld, laag="waargenomen")
    met.refresh_from_db()
    assert met.samenvatting["banden"] == 1
    assert met.samenvatting["lagen_mix"]["waargenomen"] == 1


def test_an_empty_network_gives_too_little_data_not_an_error(
    wereld, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        analyse = services.start_analyse(buurt=wereld.buurt_a2)
    analyse.refresh_from_db()
    assert analyse.status == TaakStatus.KLAAR
    assert analyse.te_weinig_gegevens
    assert analyse.metrieken["melding"] == TE_WEINIG_GEGEVENS


@pytest.mark.parametrize("aantal", [1, 4])
def test_one_partner_or_only_isolates_finish_with_a_picture_not_an_error(wereld, aantal):
    """Buurt A has its persona partner; add none (one partner) or three more without ties."""
    for i in range(aantal - 1):
        PartnerFactory(gemeente=wereld.gemeente_1, naam=f"Alleen {i}", buurten=[wereld.buurt_a])
    analyse = _start(wereld)
    services.voer_analyse_uit(analyse_id=analyse.pk)
    analyse.refresh_from_db()
    assert analyse.status == TaakStatus.KLAAR, analyse.fout
    assert len(analyse.layout["posities"]) == aantal
    if aantal == 1:
        assert analyse.metrieken["melding"] == TE_WEINIG_GEGEVENS
    else:
        assert analyse.samenvatting["banden"] == 0
        assert len(analyse.samenvatting["eilandjes"]) == aantal
        waarden = analyse.metrieken["per_knoop"][str(wereld.partner.pk)]
        assert waarden["constraint"] is None and waarden["effectieve_omvang"] is None


def test_a_failing_run_is_marked_mislukt_and_can_be_restarted(
    wereld, django_capture_on_commit_callbacks, monkeypatch
):
    _netwerk(wereld)

    def kapot(*args, **kwargs):
        raise RuntimeError("kapotte invoer")

    monkeypatch.setattr(services, "bereken", kapot)
    with django_capture_on_commit_callbacks(execute=True):
        mislukt = _start(wereld)
    mislukt.refresh_from_db()
    assert mislukt.status == TaakStatus.MISLUKT
    assert "kon niet worden berekend" in mislukt.fout
    assert "kapotte invoer" in mislukt.fout
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        opnieuw = _start(wereld)
    opnieuw.refresh_from_db()
    assert opnieuw.pk != mislukt.pk
    assert opnieuw.status == TaakStatus.KLAAR


def test_stuck_runs_go_back_to_the_queue_then_fail(wereld, django_capture_on_commit_callbacks):
    _netwerk(wereld)
    analyse = _start(wereld)
    taakrecords.claim(NetwerkAnalyse, analyse.pk)
    NetwerkAnalyse.objects.filter(pk=analyse.pk).update(
        gestart_op=timezone.now() - timedelta(hours=2)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert netwerk_vastgelopen_resetten() == 1
    analyse.refresh_from_db()
    assert analyse.status == TaakStatus.KLAAR  # re-queued and computed in-process
    vast = _start(wereld, min_intensiteit=2)
    NetwerkAnalyse.objects.filter(pk=vast.pk).update(
        status=TaakStatus.BEZIG, pogingen=3, gestart_op=timezone.now() - timedelta(hours=2)
    )
    netwerk_vastgelopen_resetten()
    vast.refresh_from_db()
    assert vast.status == TaakStatus.MISLUKT


def test_periodic_snapshots_start_one_run_per_network(wereld, django_capture_on_commit_callbacks):
    _netwerk(wereld)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.plan_snapshots() == 2  # buurt A and gemeente 1
    with django_capture_on_commit_callbacks(execute=True):
        services.plan_snapshots()
    assert NetwerkAnalyse.objects.count() == 2  # unchanged: reused


def test_bad_parameters_are_refused_in_dutch(wereld):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="intensiteit"):
        _start(wereld, min_intensiteit=7)
    with pytest.raises(ValidationError, match="buurt of een gemeente"):
        services.start_analyse()
    assert NetwerkAnalyse.objects.count() == 0


def test_the_job_is_routed_to_the_long_queue():
    from zorgnet.celery import app
    from zorgnet.netwerkanalyse.tasks import lang_bereken_netwerk

    route = app.amqp.router.route({}, lang_bereken_netwerk.name, args=(1,), kwargs={})
    assert route["queue"].name == "long"
