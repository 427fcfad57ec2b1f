"""Complementary suppression: no hidden count can be derived from the figures shown beside it."""

import html as html_lib
import itertools
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from activiteiten.models import SignaalStatus
from tests.factories import SignaalFactory
from zorgnet.lib.kleine_aantallen import AFGESCHERMD, afschermen, kolom_afschermen
from zorgnet.rapport.sectie import Scope
from zorgnet.rapport.secties.signalen import signalen_gegevens

D = 5


@pytest.fixture(autouse=True)
def _drempel(settings):
    settings.ZORGNET_KLEINE_AANTALLEN_DREMPEL = D


def _mogelijk(weergave):
    """The values a reader can think a shown figure has."""
    if weergave == f"< {D}":
        return range(1, D)
    if weergave == AFGESCHERMD:
        return range(D, 60)
    return [int(weergave)]


def assert_niet_af_te_leiden(groepen):
    """groepen: (shown total, [shown cells]). Every "< 5" cell keeps two or more possible values
    over all assignments that fit every group at once (the reader's view)."""
    cellen = sorted({c for _t, leden in groepen for c in leden})
    for _naam, weergave in cellen:
        assert weergave in (f"< {D}", AFGESCHERMD) or str(weergave).isdigit(), weergave
    opties = [_mogelijk(w) for _n, w in cellen]
    waarden_per_cel = {c: set() for c in cellen}
    for keuze in itertools.product(*opties):
        toewijzing = dict(zip(cellen, keuze, strict=True))
        if all(sum(toewijzing[c] for c in leden) in _mogelijk(totaal) for totaal, leden in groepen):
            for c, v in toewijzing.items():
                waarden_per_cel[c].add(v)
    for cel, waarden in waarden_per_cel.items():
        if cel[1] == f"< {D}":
            assert len(waarden) >= 2, f"{cel} is af te leiden: {waarden}"


@pytest.mark.parametrize(
    ("waarden", "totaal"),
    [([6, 1], 7), ([6, 1, 8], 15), ([1, 1, 9], 11), ([5, 1], 6), ([2, 3, 0, 7], 12), ([4], 4)],
)
def test_afschermen_laat_niets_afleiden(waarden, totaal):
    sleutels = list(range(len(waarden)))
    weergave, totalen_weg = afschermen(
        dict(zip(sleutels, waarden, strict=True)), [(totaal, sleutels)]
    )
    getoond_totaal = AFGESCHERMD if totalen_weg else (totaal if totaal >= D else f"< {D}")
    cellen = [(k, weergave[k]) for k in sleutels]
    if getoond_totaal != AFGESCHERMD:
        assert_niet_af_te_leiden([(getoond_totaal, cellen)])
    assert all(
        weergave[k] == waarden[k]
        for k in sleutels
        if waarden[k] == 0 or waarden[k] >= D
        if weergave[k] != AFGESCHERMD
    )


def test_het_voorbeeld_uit_het_issue():
    """Open 7 next to "Nieuw 6" and "in behandeling < 5": Nieuw is hidden as well."""
    weergave, totalen_weg = afschermen(
        {"nieuw": 6, "in_behandeling": 1}, [(7, ["nieuw", "in_behandeling"])]
    )
    assert weergave == {"nieuw": AFGESCHERMD, "in_behandeling": "< 5"} and not totalen_weg


# --- the coordinator's pages and the report --------------------------------------------------
def _signalen(buurt):
    gisteren = timezone.localdate() - timedelta(days=1)
    for status, thema, aantal in [
        (SignaalStatus.NIEUW, "eenzaamheid", 6),
        (SignaalStatus.IN_BEHANDELING, "armoede", 1),
        (SignaalStatus.OPGELOST, "eenzaamheid", 5),
        (SignaalStatus.OPGELOST, "overlast", 3),
    ]:
        for _ in range(aantal):
            SignaalFactory(buurt=buurt, status=status, thema=thema, datum=gisteren)


def _rijen(html, kop):
    deel = html.split(f"<h2>{kop}</h2>", 1)[1].split("</section>", 1)[0]
    rijen = re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td>", deel)
    return [(label, html_lib.unescape(w.strip())) for label, w in rijen]


@pytest.mark.django_db
def test_de_paginas_van_de_coordinator_laten_niets_afleiden(als, wereld):
    _signalen(wereld.buurt_a)
    client = als(wereld.coordinator)
    buurtpagina = client.get(reverse("buurt_detail", args=[wereld.buurt_a.id])).content.decode()
    open_getoond = re.search(r"Open signalen: ([^<]+)<", buurtpagina).group(1).replace("&lt;", "<")
    tellingen = client.get(reverse("activiteiten:signaal_list", args=[wereld.buurt_a.id]))
    html = tellingen.content.decode()
    status = _rijen(html, "Per status")
    thema = _rijen(html, "Per thema")
    kanaal = _rijen(html, "Per kanaal")
    totaal = html_lib.unescape(re.search(r"Signalen: ([^ ]+(?: 5)?) ·", html).group(1))
    assert open_getoond == "7" and ("In behandeling", "< 5") in status
    open_cellen = [c for c in status if c[0] in ("Nieuw", "In behandeling")]
    assert_niet_af_te_leiden(
        [(open_getoond, open_cellen), (totaal, status), (totaal, thema), (totaal, kanaal)]
    )


@pytest.mark.django_db
def test_de_regisseur_ziet_de_exacte_aantallen(als, wereld):
    _signalen(wereld.buurt_a)
    html = als(wereld.regisseur_a).get(reverse("buurt_detail", args=[wereld.buurt_a.id]))
    assert "Open signalen: 7<" in html.content.decode()


@pytest.mark.django_db
def test_het_rapport_laat_niets_afleiden(wereld):
    _signalen(wereld.buurt_a)
    vandaag = timezone.localdate()
    scope = Scope(
        (wereld.buurt_a.id,), wereld.gemeente_1.id, vandaag - timedelta(days=30), vandaag, "x"
    )
    g = signalen_gegevens(scope)
    status, thema = g["per_status"], g["per_thema"]
    assert ("In behandeling", "< 5") in status
    assert_niet_af_te_leiden([(g["totaal"], status), (g["totaal"], thema)])


@pytest.mark.parametrize("kolom", [[6, 1, 0], [3, 12, 9], [2, 2, 20], [40, 7, 1, 1]])
def test_een_kolom_per_buurt_tegen_het_gemeentetotaal(kolom):
    getoond = kolom_afschermen(kolom)
    assert_niet_af_te_leiden([(sum(kolom), list(enumerate(getoond)))])
