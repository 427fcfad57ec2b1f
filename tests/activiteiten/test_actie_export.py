"""The action export (issue 11): regisseur only, scoped to the buurt, logged, streamed."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from activiteiten.exports import views as export_views
from activiteiten.models import ExportBestand
from buurten.models import Toegangsactie, Toegangsgebeurtenis
from tests.factories import ActieFactory

pytestmark = pytest.mark.django_db


def _url(buurt, **query):
    url = reverse("activiteiten:actie_export", kwargs={"buurt_id": buurt.id})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _csv(antwoord) -> list[list[str]]:
    tekst = b"".join(antwoord.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(tekst), delimiter=";"))


def test_it_streams_only_the_actions_of_the_buurt_and_logs_it(wereld, als):
    eigen = [ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner) for _ in range(3)]
    ActieFactory(buurt=wereld.buurt_b, titel="Vreemde actie")
    ActieFactory(buurt=wereld.buurt_a2, titel="Andere buurt")

    antwoord = als(wereld.regisseur_a).get(_url(wereld.buurt_a))

    assert antwoord.status_code == 200
    assert antwoord.streaming
    assert antwoord["Content-Type"].startswith("text/csv")
    rijen = _csv(antwoord)
    assert rijen[0] == export_views.KOLOMMEN
    assert sorted(int(r[0]) for r in rijen[1:]) == sorted(a.id for a in eigen)
    assert all(r[6] == wereld.partner.naam for r in rijen[1:])
    log = Toegangsgebeurtenis.objects.get(actie=Toegangsactie.EXPORT, object_type="acties")
    assert log.gebruiker == wereld.regisseur_a
    assert log.buurt == wereld.buurt_a


def test_it_applies_the_list_filters(wereld, als):
    ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner, status="lopend")
    idee = ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner, status="idee")

    rijen = _csv(als(wereld.regisseur_a).get(_url(wereld.buurt_a, status="idee")))

    assert [int(r[0]) for r in rijen[1:]] == [idee.id]


@pytest.mark.parametrize(
    "persona, status", [("partner_a", 403), ("coordinator", 403), ("regisseur_b", 404)]
)
def test_it_is_for_the_regisseur_of_the_buurt_only(wereld, als, persona, status):
    ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner)

    assert als(getattr(wereld, persona)).get(_url(wereld.buurt_a)).status_code == status
    assert not Toegangsgebeurtenis.objects.filter(actie=Toegangsactie.EXPORT).exists()


def test_it_costs_a_fixed_number_of_queries(wereld, als):
    client = als(wereld.regisseur_a)
    ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner)
    een = _tel(client, wereld.buurt_a)
    assert een <= 8
    ActieFactory.create_batch(30, buurt=wereld.buurt_a, trekker=wereld.partner)
    assert _tel(client, wereld.buurt_a) == een


def _tel(client, buurt) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        b"".join(client.get(_url(buurt)).streaming_content)
    return len(ctx.captured_queries)


def test_it_writes_xlsx_up_to_the_threshold_inside_the_request(wereld, als, settings):
    settings.ZORGNET_XLSX_JOB_VANAF = 3
    acties = ActieFactory.create_batch(3, buurt=wereld.buurt_a, trekker=wereld.partner)

    klein = als(wereld.regisseur_a).get(_url(wereld.buurt_a, formaat="xlsx"))

    assert klein.status_code == 200
    assert klein["Content-Type"].startswith("application/vnd.openxmlformats")
    blad = load_workbook(io.BytesIO(klein.content), read_only=True)["acties"]
    rijen = list(blad.iter_rows(values_only=True))
    assert list(rijen[0]) == export_views.KOLOMMEN
    assert sorted(r[0] for r in rijen[1:]) == sorted(a.id for a in acties)
    assert not ExportBestand.objects.exists()


def test_invalid_filters_export_nothing(wereld, als):
    ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner)

    antwoord = als(wereld.regisseur_a).get(
        _url(wereld.buurt_a, van="2026-05-01", tot="2026-01-01", formaat="xlsx"), follow=True
    )

    assert antwoord.redirect_chain[-1][0].startswith(
        reverse("activiteiten:actie_list", kwargs={"buurt_id": wereld.buurt_a.id})
    )
    assert "ongeldig" in antwoord.content.decode()
    assert not Toegangsgebeurtenis.objects.filter(actie=Toegangsactie.EXPORT).exists()
    assert not ExportBestand.objects.exists()
