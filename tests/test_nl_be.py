"""nl-BE wherever a person looks (issue 19): Dutch month names, labels instead of codes in exports,
correct plurals."""

import csv
import io
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests.conftest import ROOT
from tests.factories import ActieFactory


def test_no_template_formats_a_date_with_the_english_cased_month():
    """Django's "M" is "Dec" even in Dutch; "N" is Django's Dutch abbreviation ("dec")."""
    fouten = []
    for pad in (ROOT / "templates").rglob("*.html"):
        for formaat in re.findall(r'\|date:"([^"]*)"', pad.read_text()):
            if re.search(r"(?<!\\)M", formaat):
                fouten.append(f"{pad.relative_to(ROOT)}: {formaat}")
    assert not fouten


@pytest.mark.django_db
def test_the_action_export_has_human_headers_and_labels_not_codes(als, wereld, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ActieFactory(
        buurt=wereld.buurt_a,
        trekker=wereld.partner,
        titel="Buurtwandeling",
        categorie="wijkwerking_outreach",
        status="afgerond",
        doelgroepen=["kinderen_jongeren", "ouderen"],
    )
    url = reverse("activiteiten:actie_export", args=[wereld.buurt_a.id]) + "?formaat=csv"
    antwoord = als(wereld.regisseur_a).get(url)
    tekst = b"".join(antwoord.streaming_content).decode("utf-8-sig")
    kop, rij = list(csv.reader(io.StringIO(tekst), delimiter=";"))[:2]
    assert kop == [
        "Nr.",
        "Titel",
        "Categorie",
        "Status",
        "Datum",
        "Einddatum",
        "Trekker",
        "Aantal deelnemers",
        "Bereikte doelgroepen",
        "Terugkerend",
    ]
    assert rij[2] == "Wijkwerking / outreach" and rij[3] == "Afgerond"
    assert rij[8] == "Kinderen en jongeren, Ouderen" and rij[9] == "nee"
    assert "wijkwerking_outreach" not in tekst and "kinderen_jongeren" not in tekst


@pytest.mark.parametrize(
    "aantallen,verwacht",
    [
        ((1, 1, 1, 1, 1), "1 partner, 1 band, 1 verbonden groep. 1 eilandje, 1 kwetsbare schakel."),
        (
            (5, 4, 2, 0, 3),
            "5 partners, 4 banden, 2 verbonden groepen. 0 eilandjes, 3 kwetsbare schakels.",
        ),
    ],
)
def test_the_network_summary_uses_real_plurals(aantallen, verwacht):
    knopen, banden, componenten, eilandjes, schakels = aantallen
    kerncijfers = {  # the run's small summary: lists are stored as their length
        "knopen": knopen,
        "banden": banden,
        "componenten": componenten,
        "eilandjes": eilandjes,
        "articulatiepunten": schakels,
    }
    html = render_to_string(
        "netwerkanalyse/netwerkanalyse_sectie.html",
        {"ctx": {"snapshot": {"kerncijfers": kerncijfers, "te_weinig_gegevens": False}}},
    )
    tekst = " ".join(html.split())
    assert verwacht.replace(" ", "") in tekst.replace(" ", "")
    assert "(en)" not in tekst and "(s)" not in tekst


@pytest.mark.django_db
def test_the_widget_texts_come_from_the_template_not_from_the_script(als, wereld):
    """static/js/keuzelijst.js reads its placeholder and empty-list texts from the body (where
    gettext reaches them); its own strings are only a fallback."""
    html = als(wereld.regisseur_a).get(reverse("dashboard")).content.decode()
    body = re.search(r"<body[^>]*>", html).group(0)
    for attribuut in ("data-zoek-placeholder", "data-zoek-geen", "data-filter-placeholder"):
        assert re.search(attribuut + r'="[^"]+"', body), attribuut
