"""Buurtanalyse pages: the report, the import flow, the add-forms, roles and the frozen baseline."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from buurten.analyse import services
from buurten.models import Bevinding, Buurtanalyse, IndicatorWaarde
from tests.factories import (
    BevindingFactory,
    IndicatorFactory,
    IndicatorWaardeFactory,
    UitdagingFactory,
)
from zorgnet.lib.privacy import WAARSCHUWING

pytestmark = pytest.mark.django_db


def _analyse(w, peildatum=dt.date(2025, 3, 31)):
    return services.analyse_aanmaken(
        buurt=w.buurt_a, gebruiker=w.regisseur_a, titel="Analyse Buurtegem", peildatum=peildatum
    )


def _url(naam, analyse, **extra):
    return reverse(f"buurten:{naam}", args=[analyse.buurt_id, analyse.pk])


def test_the_report_shows_indicators_findings_challenges_and_the_baseline_comparison(als, wereld):
    indicator = IndicatorFactory(naam="Aandeel 65-plussers")
    for jaar, waarde in ((2025, 20), (2026, 24)):
        IndicatorWaardeFactory(
            buurt=wereld.buurt_a,
            indicator=indicator,
            peildatum=dt.date(jaar, 1, 1),
            waarde=waarde,
            gemeente_waarde=18,
            vlaanderen_waarde=21,
        )
    v1 = _analyse(wereld)
    services.bevinding_toevoegen(
        analyse=v1, thema="D", soort="nood", tekst="Geen ontmoetingsplek.", citaat="Stil hier."
    )
    services.uitdaging_toevoegen(
        analyse=v1, titel="Eenzaamheid", kant="individueel", complexiteit="hoog"
    )
    services.baseline_vastleggen(analyse=v1, gebruiker=wereld.regisseur_a)
    v2 = _analyse(wereld, peildatum=dt.date(2026, 6, 30))
    services.bevinding_toevoegen(analyse=v2, thema="J", soort="kracht", tekst="Burenhulp loopt.")
    services.uitdaging_toevoegen(
        analyse=v2, titel="Mobiliteit", kant="collectief", complexiteit="hoog"
    )

    html = (
        als(wereld.partner_a)
        .get(reverse("buurten:buurtanalyse", args=[wereld.buurt_a.pk]))
        .content.decode()
    )
    assert "versie 2" in html
    assert "Aandeel 65-plussers" in html and "<svg" in html
    assert "+4" in html  # 24 now versus 20 in the baseline
    assert "Geen ontmoetingsplek." in html and "Stil hier." in html and "Burenhulp loopt." in html
    assert "Noden" in html and "Krachten en talenten" in html
    assert "Vergeleken met de baseline" in html
    assert "Mobiliteit" in html.split("Nieuwe uitdagingen")[1]
    # Printable, and nothing inline that the strict CSP would block.
    assert "data-afdrukken" in html and 'style="' not in html and "<script>" not in html
    # The partner reads but gets no edit buttons.
    assert "Vastleggen als baseline" not in html and "Nieuwe versie" not in html

    baseline_html = als(wereld.regisseur_a).get(_url("buurtanalyse_detail", v1)).content.decode()
    assert "bevroren als baseline" in baseline_html
    assert "Burenhulp loopt." not in baseline_html
    assert _url("bevinding_create", v1) not in baseline_html


def test_the_report_costs_a_fixed_number_of_queries(als, wereld, django_assert_max_num_queries):
    v1 = _analyse(wereld)
    services.baseline_vastleggen(analyse=v1, gebruiker=wereld.regisseur_a)
    v2 = _analyse(wereld, peildatum=dt.date(2026, 1, 1))
    client = als(wereld.regisseur_a)
    url = _url("buurtanalyse_detail", v2)

    def vul(n):
        for i in range(n):
            IndicatorWaardeFactory(buurt=wereld.buurt_a, peildatum=dt.date(2020 + i % 5, 1, 1))
            bevinding = BevindingFactory(analyse=v2, thema="ABCDEFG"[i % 7])
            uitdaging = UitdagingFactory(analyse=v2)
            uitdaging.bevindingen.add(bevinding)
            services.bevraging_toevoegen(analyse=v2, methode="enquete", datum=dt.date(2025, 5, 1))

    vul(2)
    with django_assert_max_num_queries(40) as klein:
        assert client.get(url).status_code == 200
    vul(10)
    with django_assert_max_num_queries(len(klein.captured_queries)):
        assert client.get(url).status_code == 200


def test_an_outsider_gets_a_404_also_for_a_version_of_another_buurt(als, wereld):
    v1 = _analyse(wereld)
    assert als(wereld.regisseur_b).get(_url("buurtanalyse_detail", v1)).status_code == 404
    # The analysis id of buurt A through buurt B's URL: not found either.
    andere = reverse("buurten:buurtanalyse_detail", args=[wereld.buurt_b.pk, v1.pk])
    assert als(wereld.regisseur_b).get(andere).status_code == 404
    assert als(wereld.regisseur_a).get(andere).status_code == 404


def test_only_the_regisseur_edits(als, wereld):
    v1 = _analyse(wereld)
    data = {"thema": "D", "soort": "nood", "tekst": "Iets."}
    for persona in (wereld.partner_a, wereld.coordinator):
        assert als(persona).post(_url("bevinding_create", v1), data).status_code == 403
    assert not Bevinding.objects.exists()
    antwoord = als(wereld.regisseur_a).post(_url("bevinding_create", v1), data)
    assert antwoord.status_code == 302
    assert Bevinding.objects.get().tekst == "Iets."


def test_editing_a_frozen_baseline_is_refused_in_the_views(als, wereld):
    v1 = _analyse(wereld)
    services.baseline_vastleggen(analyse=v1, gebruiker=wereld.regisseur_a)
    client = als(wereld.regisseur_a)
    for naam in ("bevinding_create", "uitdaging_create", "bevraging_create", "buurtanalyse_update"):
        antwoord = client.get(_url(naam, v1))
        assert antwoord.status_code == 403, naam
        assert "bevroren" in antwoord.content.decode()
    antwoord = client.post(
        _url("bevinding_create", v1), {"thema": "D", "soort": "nood", "tekst": "x"}
    )
    assert antwoord.status_code == 403
    assert client.post(_url("buurtanalyse_baseline", v1)).status_code == 403
    assert not Bevinding.objects.exists()


def test_the_finding_form_warns_and_refuses_identifiers_with_a_200(als, wereld):
    v1 = _analyse(wereld)
    client = als(wereld.regisseur_a)
    assert str(WAARSCHUWING) in client.get(_url("bevinding_create", v1)).content.decode()
    antwoord = client.post(
        _url("bevinding_create", v1),
        {"thema": "D", "soort": "nood", "tekst": "Mevrouw in de Kerkstraat 12 vereenzaamt."},
    )
    assert antwoord.status_code == 200
    assert "herkenbaar" in antwoord.content.decode()
    assert not Bevinding.objects.exists()


def test_htmx_gets_only_the_form_fragment(als, wereld):
    v1 = _analyse(wereld)
    antwoord = als(wereld.regisseur_a).get(_url("uitdaging_create", v1), HTTP_HX_REQUEST="true")
    html = antwoord.content.decode()
    assert 'id="formulier"' in html and "<html" not in html


def test_creating_a_version_and_freezing_the_baseline_through_the_views(als, wereld):
    client = als(wereld.regisseur_a)
    antwoord = client.post(
        reverse("buurten:buurtanalyse_create", args=[wereld.buurt_a.pk]),
        {"titel": "Start", "peildatum": "2025-03-31", "samenvatting": ""},
    )
    v1 = Buurtanalyse.objects.get()
    assert antwoord["Location"] == _url("buurtanalyse_detail", v1)
    client.post(_url("buurtanalyse_baseline", v1))
    v1.refresh_from_db()
    assert v1.is_baseline and v1.bevroren
    antwoord = client.post(
        reverse("buurten:buurtanalyse_create", args=[wereld.buurt_a.pk]),
        {"titel": "Later", "peildatum": "2024-01-01"},
    )
    assert antwoord.status_code == 200 and "vóór de baseline" in antwoord.content.decode()
    assert Buurtanalyse.objects.count() == 1


def test_the_import_flow_checks_then_confirms(als, wereld):
    IndicatorFactory(code="eenzaamheid")
    client = als(wereld.regisseur_a)
    url = reverse("buurten:indicatorwaarde_import", args=[wereld.buurt_a.pk])
    bestand = SimpleUploadedFile(
        "cijfers.csv",
        b"buurt;indicator;peildatum;waarde;bron\nBuurtegem;eenzaamheid;2025-01-01;31;x\n",
    )
    antwoord = client.post(url, {"bestand": bestand})
    assert antwoord.status_code == 200 and "1 rij is in orde" in antwoord.content.decode()
    assert not IndicatorWaarde.objects.exists()
    token = antwoord.context["token"]
    antwoord = client.post(url, {"token": token})
    assert antwoord.status_code == 302
    assert IndicatorWaarde.objects.count() == 1
    # The same token cannot be used twice.
    client.post(url, {"token": token})
    assert IndicatorWaarde.objects.count() == 1


def test_the_import_shows_row_errors_and_writes_nothing(als, wereld):
    IndicatorFactory(code="eenzaamheid")
    bestand = SimpleUploadedFile(
        "cijfers.csv",
        b"buurt;indicator;peildatum;waarde;bron\n"
        b"Buurtegem;eenzaamheid;2025-01-01;31;x\n"
        b"Buurtegem;onbekend;2025-01-01;abc;x\n",
    )
    antwoord = als(wereld.regisseur_a).post(
        reverse("buurten:indicatorwaarde_import", args=[wereld.buurt_a.pk]), {"bestand": bestand}
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "2 fouten gevonden: er is niets opgeslagen" in html
    assert "onbekende indicatorcode" in html and "is geen getal" in html
    assert 'name="token"' not in html
    assert not IndicatorWaarde.objects.exists()


def test_the_buurt_page_shows_the_analysis_section(als, wereld):
    v1 = _analyse(wereld)
    BevindingFactory(analyse=v1)
    services.fasen_instellen(buurt=wereld.buurt_a, fasen=["uitrol"])
    html = (
        als(wereld.coordinator)
        .get(reverse("buurt_detail", args=[wereld.buurt_a.pk]))
        .content.decode()
    )
    assert reverse("buurten:buurtanalyse", args=[wereld.buurt_a.pk]) in html
    assert "Analyse Buurtegem" in html and "Uitrol van acties" in html


def test_parts_of_an_editable_version_can_be_removed_but_not_from_the_baseline(als, wereld):
    v1 = _analyse(wereld)
    services.bevinding_toevoegen(analyse=v1, thema="D", soort="nood", tekst="Blijft.")
    services.uitdaging_toevoegen(analyse=v1, titel="Oud", kant="collectief", complexiteit="laag")
    services.baseline_vastleggen(analyse=v1, gebruiker=wereld.regisseur_a)
    v2 = _analyse(wereld, peildatum=dt.date(2026, 1, 1))
    client = als(wereld.regisseur_a)
    oud_in_v2 = v2.uitdagingen.get()
    html = client.get(_url("buurtanalyse_detail", v2)).content.decode()
    verwijder = reverse("buurten:uitdaging_delete", args=[wereld.buurt_a.pk, v2.pk, oud_in_v2.pk])
    assert verwijder in html
    assert client.post(verwijder).status_code == 302
    assert not v2.uitdagingen.exists() and v1.uitdagingen.count() == 1
    # The comparison now lists the baseline challenge as gone.
    html = client.get(_url("buurtanalyse_detail", v2)).content.decode()
    assert "Oud" in html.split("er niet meer zijn")[1]
    # Removing from the baseline: refused in the view and in the service.
    bevinding = v1.bevindingen.get()
    url = reverse("buurten:bevinding_delete", args=[wereld.buurt_a.pk, v1.pk, bevinding.pk])
    assert client.post(url).status_code == 403
    with pytest.raises(ValidationError, match="bevroren"):
        services.onderdeel_verwijderen(onderdeel=bevinding)
    assert v1.bevindingen.count() == 1
    # Another version's part through this version's URL: 404.
    vreemd = reverse("buurten:bevinding_delete", args=[wereld.buurt_a.pk, v2.pk, bevinding.pk])
    assert client.post(vreemd).status_code == 404


def test_model_validation_also_refuses_changes_to_a_frozen_baseline(wereld):
    v1 = _analyse(wereld)
    bevinding = BevindingFactory(analyse=v1)
    services.baseline_vastleggen(analyse=v1, gebruiker=wereld.regisseur_a)
    bevinding.tekst = "Gewijzigd via de admin."
    with pytest.raises(ValidationError, match="bevroren"):
        bevinding.full_clean()
