"""Report requests travel through the broker to a real worker (files on the long queue, the
preview on the default queue)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.conftest import wacht_tot
from tests.factories import ActieFactory
from zorgnet.rapport.models import RapportBestand, RapportVoorbeeld


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_report_is_made_by_the_worker_while_the_status_polls(celery_worker_proces, wereld, als):
    w = wereld
    ActieFactory(
        buurt=w.buurt_a,
        trekker=w.partner,
        status="afgerond",
        deelnemers=9,
        startdatum=date.today() - timedelta(days=2),
    )
    client = als(w.regisseur_a)
    client.post(
        reverse("rapport:buurt_rapport", args=[w.buurt_a.id]),
        {
            "van": (date.today() - timedelta(days=30)).isoformat(),
            "tot": date.today().isoformat(),
            "formaten": ["xlsx"],
        },
    )
    bestand = RapportBestand.objects.get()
    status_url = reverse("rapport:bestand_status", args=[bestand.id])
    assert wacht_tot(lambda: "Klaar" in client.get(status_url).content.decode(), seconden=60), (
        celery_worker_proces.log.read_text()[-3000:]
    )
    bestand.refresh_from_db()
    assert bestand.status == "klaar" and bestand.bestand
    assert "lang_rapport_maken" in celery_worker_proces.log.read_text()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_preview_is_made_by_the_worker_while_the_page_polls(celery_worker_proces, wereld, als):
    w = wereld
    periode = {
        "van": (date.today() - timedelta(days=30)).isoformat(),
        "tot": date.today().isoformat(),
    }
    client = als(w.coordinator)
    antwoord = client.post(reverse("rapport:gemeente_voorbeeld", args=[w.gemeente_1.id]), periode)
    pagina = antwoord["Location"]
    assert wacht_tot(
        lambda: client.get(pagina, headers={"HX-Request": "true"}).get("HX-Refresh") == "true",
        seconden=60,
    ), celery_worker_proces.log.read_text()[-3000:]
    tekst = client.get(pagina).content.decode()
    assert "Voorbeeld van" in tekst and "Gemeente Stederen" in tekst
    assert RapportVoorbeeld.objects.get().status == "klaar"
    assert "voorbeeld_maken" in celery_worker_proces.log.read_text()
