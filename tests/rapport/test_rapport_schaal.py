"""The report at scale and finished (issues 19 and 21): one data pass per scope whose query count
does not grow with the number of buurten, the network drawn per sector group when it is large, and
a workbook with widths, frozen and filterable headers, typed cells and nl-BE number formats."""

import io
from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from tests.factories import (
    ActieFactory,
    BeleidssignaalFactory,
    BevindingFactory,
    BijeenkomstFactory,
    BuurtanalyseFactory,
    BuurtFactory,
    GemeenteFactory,
    IndicatorFactory,
    IndicatorWaardeFactory,
    PartnerFactory,
    RelatieFactory,
    SignaalFactory,
    UitdagingFactory,
)
from tests.rapport.conftest import VAN, VANDAAG
from zorgnet.lib.choices import Sector
from zorgnet.netwerkanalyse import services as netwerk
from zorgnet.rapport import selectors, services, xlsx

pytestmark = pytest.mark.django_db


def _gemeente(aantal: int, capture):
    """A gemeente of `aantal` buurten, each with what every section reads, and a network run."""
    gemeente = GemeenteFactory()
    indicator = IndicatorFactory()
    for i in range(aantal):
        buurt = BuurtFactory(gemeente=gemeente, naam=f"Buurt {i}")
        a = PartnerFactory(gemeente=gemeente, buurten=[buurt], sector=Sector.ZORG)
        b = PartnerFactory(gemeente=gemeente, buurten=[buurt], formeel=False)
        RelatieFactory(van_partner=a, naar_partner=b)
        ActieFactory(
            buurt=buurt,
            trekker=a,
            status="afgerond",
            deelnemers=12,
            startdatum=VANDAAG - timedelta(days=9),
            doelgroepen=["ouderen", "kinderen_jongeren"],
            verhaal="Buren koken samen.",
            toestemming_verhaal=True,
        )
        ActieFactory(buurt=buurt, trekker=b, startdatum=VANDAAG - timedelta(days=3))
        SignaalFactory(buurt=buurt, datum=VANDAAG - timedelta(days=2))
        BeleidssignaalFactory(buurt=buurt, verstuurd_op=VANDAAG - timedelta(days=1))
        basis = BuurtanalyseFactory(buurt=buurt, versie=1, is_baseline=True, peildatum=VAN)
        nu = BuurtanalyseFactory(buurt=buurt, versie=2, peildatum=VANDAAG - timedelta(days=30))
        for versie in (basis, nu):
            BevindingFactory(analyse=versie)
            UitdagingFactory(analyse=versie)
            IndicatorWaardeFactory(buurt=buurt, indicator=indicator, peildatum=versie.peildatum)
        BijeenkomstFactory(buurt=buurt, datum=VANDAAG - timedelta(days=4))
    with capture(execute=True):
        netwerk.start_analyse(gemeente=gemeente)
    return gemeente


def _queries(functie) -> int:
    with CaptureQueriesContext(connection) as ctx:
        functie()
    return len(ctx.captured_queries)


def test_the_report_costs_the_same_queries_for_two_and_five_buurten(
    django_capture_on_commit_callbacks,
):
    tellingen = {}
    for aantal in (2, 5):
        gemeente = _gemeente(aantal, django_capture_on_commit_callbacks)
        scope = selectors.scope_voor_gemeente(gemeente, VAN, VANDAAG)
        rapport = selectors.bouw_rapport(scope)
        slugs = {o.sectie.slug for o in rapport.onderdelen}
        assert {"acties", "bereik", "partners", "netwerk", "signalen", "buurtanalyse"} <= slugs
        tellingen[aantal] = (
            _queries(lambda s=scope: services.voorbeeld_html(s)),
            _queries(lambda s=scope: services.rapport_bladen(s)),
        )
    assert tellingen[2] == tellingen[5]


def test_the_sections_count_what_the_database_holds(django_capture_on_commit_callbacks):
    gemeente = _gemeente(3, django_capture_on_commit_callbacks)
    rapport = selectors.bouw_rapport(selectors.scope_voor_gemeente(gemeente, VAN, VANDAAG))
    per = {o.sectie.slug: o.gegevens for o in rapport.onderdelen}
    assert per["acties"]["aantal"] == 6 and per["acties"]["afgerond"] == 3
    assert per["bereik"]["deelnemers"] == 36
    assert dict(per["bereik"]["bereikt"]) == {"Ouderen": 3, "Kinderen en jongeren": 3}
    assert per["uitkomsten"]["afgerond"] == 3 and len(per["uitkomsten"]["verhalen"]) == 3
    assert (per["partners"]["aantal"], per["partners"]["informeel"]) == (6, 3)
    assert per["partners"]["relaties"] == 3 and per["partners"]["over_sectoren"] == 3
    assert len(per["signalen"]["beleidssignalen"]) == 3
    analyse = per["buurtanalyse"]["per_buurt"]
    assert [b["versie"] for b in analyse] == [2, 2, 2]
    assert all(b["noden"] == 1 and len(b["uitdagingen"]) == 1 for b in analyse)
    assert all(b["vergelijking"]["per_thema"][0]["noden_baseline"] == 1 for b in analyse)


def test_a_large_network_is_drawn_per_sector_group(django_capture_on_commit_callbacks, monkeypatch):
    gemeente = _gemeente(2, django_capture_on_commit_callbacks)
    scope = selectors.scope_voor_gemeente(gemeente, VAN, VANDAAG)
    nu, _vorige = selectors.netwerkmetingen(scope)
    assert not nu.groot
    klein = selectors.bouw_rapport(scope)
    volledig = next(o for o in klein.onderdelen if o.sectie.slug == "netwerk").gegevens
    assert "groepenbeeld" not in volledig["svg"] and not volledig["per_groep"]

    monkeypatch.setattr(selectors, "NETWERKBEELD_MAX_KNOPEN", 2)
    groot = selectors.bouw_rapport(selectors.scope_voor_gemeente(gemeente, VAN, VANDAAG))
    g = next(o for o in groot.onderdelen if o.sectie.slug == "netwerk").gegevens
    assert g["per_groep"] and "groepenbeeld" in g["svg"]
    assert "Zorg" in g["svg"] and "2 partners" in g["svg"]  # two zorg partners in two buurten
    assert g["partners"] == volledig["partners"] and g["banden"] == volledig["banden"]


def test_the_workbook_has_widths_frozen_filterable_headers_and_typed_cells(
    django_capture_on_commit_callbacks,
):
    gemeente = _gemeente(2, django_capture_on_commit_callbacks)
    boek = load_workbook(
        io.BytesIO(services.rapport_xlsx(selectors.scope_voor_gemeente(gemeente, VAN, VANDAAG)))
    )
    namen = boek.sheetnames
    assert len({n.lower() for n in namen}) == len(namen) and all(len(n) <= 31 for n in namen)
    for blad in boek.worksheets:
        assert blad.freeze_panes == "A2", blad.title
        assert blad.auto_filter.ref.startswith("A1:"), blad.title
        assert blad["A1"].font.b, blad.title
        assert blad.column_dimensions["A"].width >= 8, blad.title
    over = {r[0].value: r[1] for r in boek["Over dit rapport"].iter_rows(min_row=2)}
    assert over["Periode van"].value == datetime.combine(VAN, datetime.min.time())
    assert over["Periode van"].number_format == xlsx.DATUM
    assert boek["Over dit rapport"].column_dimensions["B"].width >= len("Buurt 0, Buurt 1")
    acties = {(r[0].value, r[1].value): r[2] for r in boek["Acties"].iter_rows(min_row=2)}
    afgerond = acties[("Status", "Afgerond")]
    assert afgerond.value == 2 and afgerond.data_type == "n"
    assert afgerond.number_format == xlsx.GEHEEL
    netwerkblad = {r[0].value: r[1] for r in boek["Netwerk"].iter_rows(min_row=2)}
    assert netwerkblad["Dichtheid"].number_format == xlsx.PROCENT
    assert 0 < netwerkblad["Dichtheid"].value <= 1
    assert netwerkblad["Aandeel banden over sectoren heen"].number_format == xlsx.PROCENT


def test_cells_and_sheet_names_follow_one_rule():
    bezet: set[str] = set()
    lang = "Een heel lange titel van een blad dat niet past"
    namen = [xlsx.bladnaam(t, bezet) for t in ("Acties", "acties", lang, lang, "Wat? [ja]")]
    assert namen[:2] == ["Acties", "acties 2"]
    assert len(namen[2]) == len(namen[3]) == 31 and namen[2] != namen[3]
    assert namen[4] == "Wat- -ja-"
    boek = load_workbook(
        io.BytesIO(
            xlsx.werkboek(
                {
                    "Blad": (
                        ["Datum", "Aandeel", "Getal", "Tekst", "Maand"],
                        [
                            [
                                date(2026, 3, 1),
                                xlsx.Aandeel(0.25),
                                3.456,
                                "=1+1",
                                xlsx.Maand(2026, 5, 1),
                            ]
                        ],
                    )
                }
            )
        )
    )
    datum, aandeel, getal, tekst, maand = boek["Blad"][2]
    assert (datum.number_format, aandeel.number_format) == (xlsx.DATUM, xlsx.PROCENT)
    assert (aandeel.value, getal.value, getal.number_format) == (0.25, 3.456, xlsx.DECIMAAL)
    assert tekst.value == "'=1+1" and tekst.data_type == "s"  # never a formula
    assert maand.number_format == xlsx.MAAND


def test_the_request_returns_before_the_job_and_the_rows_poll_until_done(
    gegevens, als, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from zorgnet.rapport.models import RapportBestand
    from zorgnet.rapport.tasks import lang_rapport_maken

    client = als(gegevens.regisseur_a)
    url = reverse("rapport:buurt_rapport", args=[gegevens.buurt_a.id])
    with django_capture_on_commit_callbacks(execute=False) as wachtend:
        antwoord = client.post(
            url, {"van": VAN.isoformat(), "tot": VANDAAG.isoformat(), "formaten": ["pdf", "xlsx"]}
        )
    assert antwoord.status_code == 302 and len(wachtend) == 2  # queued, not made in the request
    bestanden = list(RapportBestand.objects.order_by("formaat"))
    assert {b.status for b in bestanden} == {"wachtend"}
    pagina = client.get(antwoord["Location"]).content.decode()
    for bestand in bestanden:
        status_url = reverse("rapport:bestand_status", args=[bestand.id])
        assert f'hx-get="{status_url}" hx-trigger="every 2s"' in pagina
    xlsx_bestand = next(b for b in bestanden if b.formaat == "xlsx")
    lang_rapport_maken(xlsx_bestand.id)
    fragment = client.get(reverse("rapport:bestand_status", args=[xlsx_bestand.id]))
    assert (
        "hx-trigger" not in fragment.content.decode() and "Downloaden" in fragment.content.decode()
    )
