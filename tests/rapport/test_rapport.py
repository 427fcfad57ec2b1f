"""The period report: figures in PDF and XLSX equal the database, suppression, who, bad input."""

import io
import zipfile
from datetime import date

import pytest
from django.db.models import Sum
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from activiteiten.models import Actie, Signaal
from buurten.models import Toegangsgebeurtenis
from tests.factories import (
    ActieFactory,
    BeleidssignaalFactory,
    BuurtFactory,
    PartnerFactory,
    SignaalFactory,
)
from tests.rapport.conftest import VAN, VANDAAG
from zorgnet.lib.kleine_aantallen import klein_aantal
from zorgnet.lib.taakrecords import TaakStatus
from zorgnet.rapport import selectors, services
from zorgnet.rapport.models import (
    RapportBestand,
    Rapportnotitie,
    RapportVoorbeeld,
)
from zorgnet.rapport.tasks import lang_rapport_maken

pytestmark = pytest.mark.django_db


def _maak(client, url, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(url, data)
    return antwoord


def _pdf_tekst(bestand: RapportBestand) -> str:
    with bestand.bestand.open("rb") as f:
        lezer = PdfReader(io.BytesIO(f.read()))
    return " ".join(" ".join(p.extract_text().split()) for p in lezer.pages)


def _werkboek(bestand: RapportBestand):
    with bestand.bestand.open("rb") as f:
        return load_workbook(io.BytesIO(f.read()))


def _blad(boek, naam) -> dict:
    """{first cell: rest of the row} of a sheet (first column unique enough in these tests)."""
    return {tuple(r[:2]): r[2:] for r in boek[naam].iter_rows(min_row=2, values_only=True)}


def test_it_puts_the_database_counts_in_the_pdf_and_xlsx(
    gegevens, als, django_capture_on_commit_callbacks
):
    w = gegevens
    url = reverse("rapport:buurt_rapport", args=[w.buurt_a.id])
    antwoord = _maak(
        als(w.regisseur_a),
        url,
        {"van": VAN.isoformat(), "tot": VANDAAG.isoformat(), "formaten": ["pdf", "xlsx"]},
        django_capture_on_commit_callbacks,
    )
    assert antwoord.status_code == 302
    pdf = RapportBestand.objects.get(formaat="pdf")
    xlsx = RapportBestand.objects.get(formaat="xlsx")
    assert pdf.status == xlsx.status == TaakStatus.KLAAR

    acties = Actie.objects.filter(buurt=w.buurt_a, startdatum__gte=VAN, startdatum__lte=VANDAAG)
    n_acties = acties.count()
    deelnemers = acties.aggregate(n=Sum("deelnemers"))["n"]
    n_signalen = Signaal.objects.filter(buurt=w.buurt_a, datum__gte=VAN).count()
    n_wonen = Signaal.objects.filter(buurt=w.buurt_a, thema="wonen").count()

    tekst = _pdf_tekst(pdf)
    assert "Buurtegem" in tekst
    assert f"In deze periode liepen {n_acties} acties" in tekst
    assert f"Acties in de periode {n_acties}" in tekst
    assert f"Deelnemers (bewoners) {deelnemers}" in tekst
    assert f"Signalen in de periode {n_signalen}" in tekst
    assert "Buren koken samen." in tekst  # the consented story
    assert "Pagina 2 van" in tekst
    assert VANDAAG.year and "Inhoud" in tekst

    boek = _werkboek(xlsx)
    assert boek.sheetnames[:2] == ["Over dit rapport", "Samenvatting"]
    acties_blad = _blad(boek, "Acties")
    for status in ("afgerond", "lopend", "gepland"):
        label = dict(Actie._meta.get_field("status").choices)[status]
        assert acties_blad[("Status", str(label))] == (acties.filter(status=status).count(),)
    bereik = {r[0]: r[1] for r in boek["Bereik"].iter_rows(min_row=2, values_only=True)}
    assert bereik["Deelnemers (bewoners)"] == deelnemers
    signalen = _blad(boek, "Signalen")
    assert signalen[("Thema", "Wonen (bv. schimmel)")] == ("•",)  # beside "< 5" (complementary)
    assert n_wonen >= 5


def test_it_suppresses_small_counts_in_pdf_and_xlsx(gegevens):
    scope = selectors.scope_voor_buurt(gegevens.buurt_a, VAN, VANDAAG)
    drie = Signaal.objects.filter(thema="eenzaamheid").count()
    assert drie == 3
    boek = load_workbook(io.BytesIO(services.rapport_xlsx(scope)))
    signalen = _blad(boek, "Signalen")
    assert signalen[("Thema", "Eenzaamheid")] == ("< 5",)
    # 6 next to the total of 9 would give away the 3: hidden as well (complementary suppression).
    assert signalen[("Thema", "Wonen (bv. schimmel)")] == ("•",)
    tekst = " ".join(
        " ".join(p.extract_text().split())
        for p in PdfReader(io.BytesIO(services.rapport_pdf(scope))).pages
    )
    assert "Eenzaamheid < 5" in tekst
    assert "Eenzaamheid 3" not in tekst
    assert "Wonen (bv. schimmel) •" in tekst and "Wonen (bv. schimmel) 6" not in tekst


def test_the_suppression_helper_is_shared_by_filter_and_export(settings):
    from zorgnet.overzicht.templatetags.zorgnet import klein_aantal as filter_

    settings.ZORGNET_KLEINE_AANTALLEN_DREMPEL = 5
    # One function: the template filter is the helper itself (templates print the int).
    assert filter_ is klein_aantal
    assert klein_aantal(4) == "< 5"
    assert klein_aantal(0) == 0 and klein_aantal(5) == 5
    assert klein_aantal(None) is None and klein_aantal("—") == "—"
    settings.ZORGNET_KLEINE_AANTALLEN_DREMPEL = 10
    assert klein_aantal(7) == "< 10"


def test_a_partner_user_cannot_generate_a_gemeente_report(wereld, als):
    w = wereld
    url = reverse("rapport:gemeente_rapport", args=[w.gemeente_1.id])
    antwoord = als(w.partner_a).post(
        url, {"van": VAN.isoformat(), "tot": VANDAAG.isoformat(), "formaten": ["pdf"]}
    )
    assert antwoord.status_code == 403
    antwoord = als(w.partner_a).post(
        reverse("rapport:buurt_rapport", args=[w.buurt_a.id]),
        {"van": VAN.isoformat(), "tot": VANDAAG.isoformat(), "formaten": ["pdf"]},
    )
    assert antwoord.status_code == 403
    assert not RapportBestand.objects.exists()


def test_it_refuses_a_period_that_ends_before_it_starts(wereld, als):
    w = wereld
    antwoord = als(w.regisseur_a).post(
        reverse("rapport:buurt_rapport", args=[w.buurt_a.id]),
        {"van": VANDAAG.isoformat(), "tot": VAN.isoformat(), "formaten": ["pdf"]},
    )
    assert antwoord.status_code == 200
    assert "ligt voor het begin" in antwoord.content.decode()
    assert not RapportBestand.objects.exists()
    url = reverse("rapport:buurt_voorbeeld", args=[w.buurt_a.id])
    omgekeerd = {"van": VANDAAG.isoformat(), "tot": VAN.isoformat()}
    for voorbeeld in (
        als(w.regisseur_a).get(url, omgekeerd),
        als(w.regisseur_a).post(url, omgekeerd),
    ):
        assert voorbeeld.status_code == 400
        assert "ligt voor het begin" in voorbeeld.content.decode()
    assert not RapportVoorbeeld.objects.exists()


def test_a_foreign_buurt_is_404_and_nothing_is_generated(wereld, als):
    w = wereld
    antwoord = als(w.regisseur_a).post(
        reverse("rapport:buurt_rapport", args=[w.buurt_b.id]),
        {"van": VAN.isoformat(), "tot": VANDAAG.isoformat(), "formaten": ["pdf"]},
    )
    assert antwoord.status_code == 404
    assert not RapportBestand.objects.exists()


def test_a_period_without_data_says_so(wereld, als, django_capture_on_commit_callbacks):
    w = wereld
    scope = selectors.scope_voor_buurt(w.buurt_a, date(2001, 1, 1), date(2001, 12, 31))
    rapport = selectors.bouw_rapport(scope)
    assert rapport.is_leeg
    tekst = " ".join(
        PdfReader(io.BytesIO(services.rapport_pdf(scope))).pages[1].extract_text().split()
    )
    assert "Geen gegevens in deze periode" in tekst
    boek = load_workbook(io.BytesIO(services.rapport_xlsx(scope)))
    assert boek.sheetnames == ["Over dit rapport", "Samenvatting"]
    over = {r[0]: r[1] for r in boek["Over dit rapport"].iter_rows(min_row=2, values_only=True)}
    assert over["Gegevens"] == "Geen gegevens in deze periode."
    with django_capture_on_commit_callbacks(execute=True):  # the preview job runs at commit
        antwoord = als(w.regisseur_a).post(
            reverse("rapport:buurt_voorbeeld", args=[w.buurt_a.id]),
            {"van": "2001-01-01", "tot": "2001-12-31"},
        )
    antwoord = als(w.regisseur_a).get(antwoord["Location"])
    assert "Geen gegevens in deze periode" in antwoord.content.decode()


def test_the_job_is_idempotent_and_routed_to_the_long_queue(gegevens):
    from zorgnet.celery import app

    bestand = RapportBestand.objects.create(
        gemeente=gegevens.gemeente_1, buurt=gegevens.buurt_a, van=VAN, tot=VANDAAG, formaat="xlsx"
    )
    lang_rapport_maken(bestand.id)
    bestand.refresh_from_db()
    naam, klaar_op = bestand.bestand.name, bestand.klaar_op
    lang_rapport_maken(bestand.id)
    bestand.refresh_from_db()
    assert bestand.status == TaakStatus.KLAAR
    assert (bestand.bestand.name, bestand.klaar_op) == (naam, klaar_op)
    route = app.amqp.router.route({}, lang_rapport_maken.name)
    assert route["queue"].name == "long"


def test_downloads_are_logged_and_the_status_fragment_polls(gegevens, als):
    w = gegevens
    bestand = RapportBestand.objects.create(
        gemeente=w.gemeente_1, buurt=w.buurt_a, van=VAN, tot=VANDAAG, formaat="pdf"
    )
    client = als(w.coordinator)
    fragment = client.get(reverse("rapport:bestand_status", args=[bestand.id])).content.decode()
    assert 'hx-trigger="every 2s"' in fragment
    services.maak_bestand(bestand_id=bestand.id)
    fragment = client.get(reverse("rapport:bestand_status", args=[bestand.id])).content.decode()
    assert "hx-trigger" not in fragment and "Downloaden" in fragment
    antwoord = client.get(reverse("rapport:bestand_download", args=[bestand.id]))
    assert antwoord.status_code == 200
    assert b"".join(antwoord.streaming_content).startswith(b"%PDF")
    log = Toegangsgebeurtenis.objects.get(actie="download", object_type="rapport")
    assert log.gebruiker == w.coordinator and log.buurt == w.buurt_a


def test_the_coordinator_generates_the_gemeente_report_and_downloads_all(
    gegevens, als, django_capture_on_commit_callbacks
):
    w = gegevens
    client = als(w.coordinator)
    antwoord = _maak(
        client,
        reverse("rapport:gemeente_rapport", args=[w.gemeente_1.id]),
        {
            "van": VAN.isoformat(),
            "tot": VANDAAG.isoformat(),
            "formaten": ["xlsx"],
            "per_buurt": "on",
        },
        django_capture_on_commit_callbacks,
    )
    assert antwoord.status_code == 302
    assert RapportBestand.objects.filter(buurt=None, gemeente=w.gemeente_1).count() == 1
    assert RapportBestand.objects.filter(buurt__gemeente=w.gemeente_1).count() == 2
    assert set(RapportBestand.objects.values_list("status", flat=True)) == {"klaar"}
    assert Toegangsgebeurtenis.objects.filter(actie="export", object_type="rapport").count() == 3
    zip_antwoord = client.get(reverse("rapport:gemeente_zip", args=[w.gemeente_1.id]))
    namen = zipfile.ZipFile(io.BytesIO(zip_antwoord.content)).namelist()
    assert len(namen) == 3 and all(n.endswith(".xlsx") for n in namen)
    gemeente = RapportBestand.objects.get(buurt=None)
    boek = _werkboek(gemeente)
    over = [r for r in boek["Over dit rapport"].iter_rows(values_only=True)]
    assert ("Buurten", "Buurtegem, Stationswijk") in over


def test_the_gemeente_overview_costs_a_fixed_number_of_queries(
    gegevens, als, django_assert_num_queries
):
    w = gegevens
    client = als(w.coordinator)
    url = reverse("rapport:gemeente_rapport", args=[w.gemeente_1.id])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as eerst:
        antwoord = client.get(url)
    assert "Buurtegem" in antwoord.content.decode()
    for i in range(3):
        buurt = BuurtFactory(gemeente=w.gemeente_1, naam=f"Extra {i}")
        ActieFactory(buurt=buurt, startdatum=VANDAAG)
        SignaalFactory(buurt=buurt)
        BeleidssignaalFactory(buurt=buurt)
        PartnerFactory(gemeente=w.gemeente_1, buurten=[buurt])
    with django_assert_num_queries(len(eerst.captured_queries)):
        antwoord = client.get(url)
    rijen = {b.naam: b for b in antwoord.context["rijen"]}
    assert rijen["Buurtegem"].n_acties == 3 and rijen["Extra 0"].n_signalen == 1


def test_the_regisseur_writes_notes_that_appear_in_the_report(wereld, als):
    w = wereld
    antwoord = als(w.regisseur_a).post(
        reverse("rapport:notitie_form", args=[w.buurt_a.id]),
        {
            "van": VAN.isoformat(),
            "tot": VANDAAG.isoformat(),
            "drempels": "Geen zaal.",
            "ondersteuning": "Een budget.",
            "volgende_stappen": "Tweede partnerscan.",
        },
    )
    assert antwoord.status_code == 302
    assert Rapportnotitie.objects.get().drempels == "Geen zaal."
    scope = selectors.scope_voor_buurt(w.buurt_a, VAN, VANDAAG)
    slugs = [o.sectie.slug for o in selectors.bouw_rapport(scope).onderdelen]
    assert slugs[-2:] == ["drempels", "stappen"]
    html = services.rapport_html(scope)
    assert "Geen zaal." in html and "Tweede partnerscan." in html


def test_the_buurt_page_links_to_the_report(wereld, als):
    antwoord = als(wereld.regisseur_a).get(reverse("buurt_detail", args=[wereld.buurt_a.id]))
    assert reverse("rapport:buurt_rapport", args=[wereld.buurt_a.id]) in antwoord.content.decode()
