"""A large XLSX export travels through the Redis broker to a real worker on the long queue."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from activiteiten.exports.selectors import KOLOMMEN
from activiteiten.models import ExportBestand
from tests.conftest import wacht_tot
from tests.factories import ActieFactory


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_large_xlsx_export_is_written_by_the_worker_while_the_status_polls(
    celery_worker_proces, wereld, als, settings
):
    settings.ZORGNET_XLSX_JOB_VANAF = 3  # read by the view, in this process
    acties = ActieFactory.create_batch(6, buurt=wereld.buurt_a, trekker=wereld.partner)
    client = als(wereld.regisseur_a)

    antwoord = client.get(
        reverse("activiteiten:actie_export", args=[wereld.buurt_a.id]) + "?formaat=xlsx"
    )

    bestand = ExportBestand.objects.get()
    assert antwoord.status_code == 302
    status_url = reverse("activiteiten:exportbestand_detail", args=[wereld.buurt_a.id, bestand.id])
    try:
        assert wacht_tot(
            lambda: "Klaar" in client.get(status_url, HTTP_HX_REQUEST="true").content.decode(),
            seconden=60,
        ), celery_worker_proces.log.read_text()[-3000:]
        bestand.refresh_from_db()
        assert bestand.status == "klaar" and bestand.aantal_rijen == 6
        # The worker stored the file under its MEDIA_ROOT, the same default as this process's.
        with bestand.bestand.open("rb") as f:
            rijen = list(load_workbook(io.BytesIO(f.read()), read_only=True)["acties"].values)
        assert list(rijen[0]) == KOLOMMEN
        assert sorted(r[0] for r in rijen[1:]) == sorted(a.id for a in acties)
        assert "lang_export_maken" in celery_worker_proces.log.read_text()
    finally:
        bestand.refresh_from_db()
        if bestand.bestand:
            bestand.bestand.delete(save=False)
