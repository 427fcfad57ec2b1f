"""The on-screen report preview: made by a job, served as stored, cheap to GET, scoped, failing
readably (issue 11: the preview rendered the whole report inside the request)."""

import html
import re
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tests.factories import ActieFactory, BuurtFactory, SignaalFactory
from tests.rapport.conftest import VAN, VANDAAG
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.rapport import selectors, services
from zorgnet.rapport.models import RapportVoorbeeld
from zorgnet.rapport.tasks import voorbeeld_maken

pytestmark = pytest.mark.django_db

PERIODE = {"van": VAN.isoformat(), "tot": VANDAAG.isoformat()}


def _tekst(antwoord) -> str:
    """The visible text of a page, whitespace collapsed."""
    tekst = re.sub(r"<[^>]+>", " ", antwoord.content.decode())
    return " ".join(html.unescape(tekst).split())


def _url(w, naam="buurt"):
    if naam == "buurt":
        return reverse("rapport:buurt_voorbeeld", args=[w.buurt_a.id])
    return reverse("rapport:gemeente_voorbeeld", args=[w.gemeente_1.id])


def _vraag(client, url, capture, **extra):
    """POST as the report page does; the job runs in-process when the transaction commits."""
    with capture(execute=True):
        return client.post(url, {**PERIODE, **extra})


def _maak_voorbeeld(w, buurt=True) -> RapportVoorbeeld:
    """A finished preview made through the service and the job, as the page would."""
    voorbeeld = services.vraag_voorbeeld_aan(
        gebruiker=None,
        gemeente=w.gemeente_1,
        buurt=w.buurt_a if buurt else None,
        van=VAN,
        tot=VANDAAG,
        vernieuwen=True,
    )
    voorbeeld_maken(voorbeeld.pk)
    voorbeeld.refresh_from_db()
    assert voorbeeld.status == TaakStatus.KLAAR
    return voorbeeld


def test_the_report_page_asks_for_the_preview_and_the_job_makes_it(
    gegevens, als, django_capture_on_commit_callbacks
):
    w = gegevens
    client = als(w.regisseur_a)
    pagina = client.get(reverse("rapport:buurt_rapport", args=[w.buurt_a.id])).content.decode()
    assert f'method="post" action="{_url(w)}"' in pagina  # the button posts (it starts a job)

    antwoord = _vraag(client, _url(w), django_capture_on_commit_callbacks)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"{_url(w)}?van={VAN.isoformat()}&tot={VANDAAG.isoformat()}"
    voorbeeld = RapportVoorbeeld.objects.get()
    assert voorbeeld.status == TaakStatus.KLAAR and voorbeeld.buurt == w.buurt_a
    assert voorbeeld.aangevraagd_door == w.regisseur_a

    tekst = _tekst(client.get(antwoord["Location"]))
    tijdstip = timezone.localtime(voorbeeld.klaar_op)
    assert f"Voorbeeld van {tijdstip.day} " in tekst and f"{tijdstip:%H:%M}" in tekst
    assert "Vernieuwen" in tekst
    # the report itself, rendered by the job from the report templates, with the database figures
    assert "Acties in de periode 3" in tekst and "Deelnemers (bewoners) 40" in tekst
    assert "Buren koken samen." in tekst
    # small-number suppression is part of that rendering: 3 signals on loneliness show as "< 5"
    assert "Eenzaamheid < 5" in tekst and "Eenzaamheid 3" not in tekst
    assert "Wonen (bv. schimmel) •" in tekst  # hidden next to a small count (complementary)


def test_the_coordinator_previews_the_gemeente(gegevens, als, django_capture_on_commit_callbacks):
    w = gegevens
    client = als(w.coordinator)
    antwoord = _vraag(client, _url(w, "gemeente"), django_capture_on_commit_callbacks)
    voorbeeld = RapportVoorbeeld.objects.get()
    assert voorbeeld.buurt is None and voorbeeld.gemeente == w.gemeente_1
    tekst = _tekst(client.get(antwoord["Location"]))
    assert "Gemeente Stederen" in tekst and "Buurtegem, Stationswijk" in tekst
    assert "Voorbeeld van" in tekst


def test_a_get_only_reads_and_offers_to_make_the_preview(gegevens, als):
    w = gegevens
    antwoord = als(w.regisseur_a).get(_url(w), PERIODE)
    assert antwoord.status_code == 200
    tekst = _tekst(antwoord)
    assert "Er is nog geen voorbeeld voor deze periode." in tekst
    assert "Voorbeeld maken" in tekst and "Voorbeeld van" not in tekst
    assert 'method="post"' in antwoord.content.decode()
    assert not RapportVoorbeeld.objects.exists()


def test_asking_again_reuses_a_current_preview_and_vernieuwen_makes_a_new_one(
    gegevens, als, settings, django_capture_on_commit_callbacks
):
    w = gegevens
    client = als(w.regisseur_a)
    _vraag(client, _url(w), django_capture_on_commit_callbacks)
    eerste = RapportVoorbeeld.objects.get()
    _vraag(client, _url(w), django_capture_on_commit_callbacks)
    assert list(RapportVoorbeeld.objects.all()) == [eerste]  # current: no new job

    ActieFactory(buurt=w.buurt_a, trekker=w.partner, startdatum=VANDAAG, deelnemers=1)
    assert "Acties in de periode 3" in _tekst(client.get(_url(w), PERIODE))  # as stored
    _vraag(client, _url(w), django_capture_on_commit_callbacks, vernieuwen="1")
    tweede = RapportVoorbeeld.objects.get()  # the new one replaced the old one
    assert tweede.pk != eerste.pk and tweede.status == TaakStatus.KLAAR
    assert "Acties in de periode 4" in _tekst(client.get(_url(w), PERIODE))

    # Older than ZORGNET_RAPPORT_VOORBEELD_VERS_MINUTEN: shown with a note, and asking makes a new one.
    settings.ZORGNET_RAPPORT_VOORBEELD_VERS_MINUTEN = 15
    RapportVoorbeeld.objects.update(klaar_op=timezone.now() - timedelta(minutes=16))
    assert "ouder dan 15 minuten" in _tekst(client.get(_url(w), PERIODE))
    _vraag(client, _url(w), django_capture_on_commit_callbacks)
    derde = RapportVoorbeeld.objects.get()
    assert derde.pk != tweede.pk and derde.is_vers
    assert "ouder dan" not in _tekst(client.get(_url(w), PERIODE))


def test_one_preview_at_a_time_per_scope_and_period(gegevens, als):
    w = gegevens
    # Queued as if a worker will pick it up (created directly: no in-process job fires).
    lopend = RapportVoorbeeld.objects.create(
        gemeente=w.gemeente_1, buurt=w.buurt_a, van=VAN, tot=VANDAAG
    )
    for vernieuwen in ("", "1"):
        als(w.regisseur_a).post(_url(w), {**PERIODE, "vernieuwen": vernieuwen})
    assert list(RapportVoorbeeld.objects.all()) == [lopend]
    # The database enforces it too (two requests at the same moment), also for the gemeente (NULL).
    with pytest.raises(IntegrityError), transaction.atomic():
        RapportVoorbeeld.objects.create(
            gemeente=w.gemeente_1, buurt=w.buurt_a, van=VAN, tot=VANDAAG, status="bezig"
        )
    RapportVoorbeeld.objects.create(gemeente=w.gemeente_1, van=VAN, tot=VANDAAG)
    with pytest.raises(IntegrityError), transaction.atomic():
        RapportVoorbeeld.objects.create(gemeente=w.gemeente_1, van=VAN, tot=VANDAAG)
    # other periods and other buurten are independent
    RapportVoorbeeld.objects.create(gemeente=w.gemeente_1, buurt=w.buurt_a, van=VAN, tot=VAN)
    RapportVoorbeeld.objects.create(gemeente=w.gemeente_1, buurt=w.buurt_a2, van=VAN, tot=VANDAAG)


def test_the_job_is_idempotent_and_runs_on_the_default_queue(gegevens):
    from zorgnet.celery import app

    voorbeeld = _maak_voorbeeld(gegevens)
    html, klaar_op = voorbeeld.html, voorbeeld.klaar_op
    assert services.maak_voorbeeld(voorbeeld_id=voorbeeld.pk) is None
    voorbeeld_maken(voorbeeld.pk)
    voorbeeld.refresh_from_db()
    assert (voorbeeld.html, voorbeeld.klaar_op) == (html, klaar_op)
    # interactive: it does not wait behind network analyses and gemeente PDFs on "long"
    assert app.amqp.router.route({}, voorbeeld_maken.name)["queue"].name == "default"


# Queries of a preview GET: session, user, memberships, the buurt, the newest preview (and, while a
# new one is made or after a failure, the newest finished one). Whatever the size of the report.
# "klaar": serving a finished preview also writes its access event (issue 16).
VOORBEELD_QUERIES = {"leeg": 5, "klaar": 6, "fragment": 6}


def test_the_preview_get_never_renders_the_report_and_costs_fixed_queries(
    gegevens, als, monkeypatch, django_assert_num_queries
):
    w = gegevens
    client = als(w.regisseur_a)
    client.get(_url(w), PERIODE)  # warm the session
    with django_assert_num_queries(VOORBEELD_QUERIES["leeg"]):
        assert client.get(_url(w), PERIODE).status_code == 200
    _maak_voorbeeld(w)

    def niet_hier(*args, **kwargs):
        raise AssertionError("the preview page rendered the report")

    monkeypatch.setattr(selectors, "bouw_rapport", niet_hier)
    with django_assert_num_queries(VOORBEELD_QUERIES["klaar"]):
        klein = client.get(_url(w), PERIODE)
    assert "Acties in de periode 3" in _tekst(klein)
    monkeypatch.undo()

    # Ten times the data: a larger preview, the same queries to serve it.
    for i in range(30):
        ActieFactory(buurt=w.buurt_a, trekker=w.partner, startdatum=VANDAAG, deelnemers=i)
        SignaalFactory(buurt=w.buurt_a, thema="wonen", datum=VANDAAG)
    for i in range(3):
        BuurtFactory(gemeente=w.gemeente_1, naam=f"Extra {i}")
    groot = _maak_voorbeeld(w)
    monkeypatch.setattr(selectors, "bouw_rapport", niet_hier)
    with django_assert_num_queries(VOORBEELD_QUERIES["klaar"]):
        antwoord = client.get(_url(w), PERIODE)
    assert "Acties in de periode 33" in _tekst(antwoord)
    assert len(groot.html) > len(klein.content.decode()) // 2  # the snapshot did grow

    # while a new one is made: the status and the previous preview, one query more
    RapportVoorbeeld.objects.create(gemeente=w.gemeente_1, buurt=w.buurt_a, van=VAN, tot=VANDAAG)
    with django_assert_num_queries(VOORBEELD_QUERIES["klaar"] + 1):
        antwoord = client.get(_url(w), PERIODE)
    assert "Het voorbeeld wordt gemaakt." in _tekst(antwoord)
    assert "Acties in de periode 33" in _tekst(antwoord)
    # the polling fragment does not read the stored HTML
    with django_assert_num_queries(VOORBEELD_QUERIES["fragment"]) as vastgelegd:
        client.get(_url(w), PERIODE, headers={"HX-Request": "true"})
    assert not any('"html"' in q["sql"].split("FROM")[0] for q in vastgelegd.captured_queries)


def test_the_status_fragment_polls_until_the_job_is_done(gegevens, als):
    w = gegevens
    voorbeeld = RapportVoorbeeld.objects.create(
        gemeente=w.gemeente_1, buurt=w.buurt_a, van=VAN, tot=VANDAAG
    )
    client = als(w.regisseur_a)
    pagina = client.get(_url(w), PERIODE).content.decode()
    assert 'id="voorbeeldstatus"' in pagina and 'hx-trigger="every 1s"' in pagina
    assert "Het voorbeeld wordt gemaakt." in pagina
    fragment = client.get(_url(w), PERIODE, headers={"HX-Request": "true"})
    assert "HX-Refresh" not in fragment and "<html" not in fragment.content.decode()
    assert 'hx-trigger="every 1s"' in fragment.content.decode()
    voorbeeld_maken(voorbeeld.pk)  # the "worker" finishes
    fragment = client.get(_url(w), PERIODE, headers={"HX-Request": "true"})
    assert fragment["HX-Refresh"] == "true"
    assert "hx-trigger" not in fragment.content.decode()


def test_a_failed_job_says_so_keeps_the_previous_preview_and_can_be_retried(
    gegevens, als, monkeypatch, django_capture_on_commit_callbacks
):
    w = gegevens
    vorige = _maak_voorbeeld(w)
    client = als(w.regisseur_a)

    def kapot(scope):
        raise RuntimeError("sjabloon stuk")

    monkeypatch.setattr(services, "voorbeeld_html", kapot)
    _vraag(client, _url(w), django_capture_on_commit_callbacks, vernieuwen="1")
    mislukt = RapportVoorbeeld.objects.exclude(pk=vorige.pk).get()
    assert mislukt.status == TaakStatus.MISLUKT
    assert mislukt.fout.startswith("Het voorbeeld kon niet worden gemaakt.")
    assert "RuntimeError: sjabloon stuk" in mislukt.fout
    vorige.refresh_from_db()
    assert vorige.status == TaakStatus.KLAAR and vorige.html  # nothing lost

    antwoord = client.get(_url(w), PERIODE)
    tekst = _tekst(antwoord)
    assert "Het voorbeeld kon niet worden gemaakt." in tekst
    assert "Opnieuw proberen" in tekst and "Hieronder staat het vorige voorbeeld" in tekst
    assert "Acties in de periode 3" in tekst
    assert 'role="alert"' in antwoord.content.decode()

    monkeypatch.undo()
    _vraag(client, _url(w), django_capture_on_commit_callbacks, vernieuwen="1")
    nieuw = RapportVoorbeeld.objects.get()  # the retry replaced both
    assert nieuw.status == TaakStatus.KLAAR and nieuw.pk not in (vorige.pk, mislukt.pk)
    assert "kon niet worden gemaakt" not in _tekst(client.get(_url(w), PERIODE))


def test_a_stuck_job_shows_as_failed_and_a_new_request_takes_over(
    gegevens, als, django_capture_on_commit_callbacks
):
    w = gegevens
    vast = RapportVoorbeeld.objects.create(
        gemeente=w.gemeente_1, buurt=w.buurt_a, van=VAN, tot=VANDAAG, status="bezig"
    )
    RapportVoorbeeld.objects.filter(pk=vast.pk).update(
        gestart_op=timezone.now() - timedelta(hours=1)
    )
    client = als(w.regisseur_a)
    antwoord = client.get(_url(w), PERIODE)
    tekst = _tekst(antwoord)
    assert "Het voorbeeld werd niet op tijd gemaakt." in tekst and "Opnieuw proberen" in tekst
    assert 'hx-trigger="every' not in antwoord.content.decode()  # it does not poll forever
    _vraag(client, _url(w), django_capture_on_commit_callbacks, vernieuwen="1")
    assert RapportVoorbeeld.objects.get().status == TaakStatus.KLAAR
    # the old job, should it still finish, finds its preview taken away and stores nothing
    assert services.maak_voorbeeld(voorbeeld_id=vast.pk) is None


def test_the_preview_is_served_only_within_the_scope(gegevens, client):
    w = gegevens
    _maak_voorbeeld(w, buurt=True)
    _maak_voorbeeld(w, buurt=False)
    buurt, gemeente = _url(w), _url(w, "gemeente")
    verwacht = {
        (w.regisseur_a, buurt): 200,
        (w.coordinator, buurt): 200,
        (w.partner_a, buurt): 403,
        (w.regisseur_b, buurt): 404,
        (w.coordinator, gemeente): 200,
        (w.regisseur_a, gemeente): 403,
        (w.partner_a, gemeente): 403,
        (w.regisseur_b, gemeente): 404,
    }
    for (gebruiker, url), status in verwacht.items():
        client.force_login(gebruiker)
        antwoord = client.get(url, PERIODE)
        assert antwoord.status_code == status, (gebruiker.username, url)
        assert ("Acties in de periode" in _tekst(antwoord)) == (status == 200)
        antwoord = client.post(url, PERIODE)
        assert antwoord.status_code == (302 if status == 200 else status)
    assert RapportVoorbeeld.objects.count() == 2  # the refused POSTs queued nothing
