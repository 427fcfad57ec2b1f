"""Failure tests: a database error halfway an import leaves nothing behind.

(The worker-killed-during-a-network-job test belongs with the network feature and is added there.)
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.urls import reverse

from buurten.analyse import services as analyse_services
from buurten.analyse.importeren import lees_bestand
from buurten.models import IndicatorWaarde
from partners.models import Partner
from partners.resources import importeren
from tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db

PARTNERS = "naam;sector\n" + "".join(f"Vereniging {i};welzijn\n" for i in range(6))


class Teller:
    """Wraps a method: calls the original, and raises DatabaseError on call number `bij`."""

    def __init__(self, origineel, bij: int | None = None):
        self.origineel, self.bij, self.aantal = origineel, bij, 0

    def __call__(self, *args, **kwargs):
        self.aantal += 1
        if self.bij is not None and self.aantal == self.bij:
            raise DatabaseError("verbinding verbroken (test)")
        return self.origineel(*args, **kwargs)


def test_a_database_error_halfway_the_partner_import_writes_nothing(als, wereld, monkeypatch):
    # How many saves the dry run makes, so the error hits the real run after three rows.
    teller = Teller(Partner.save)
    monkeypatch.setattr(Partner, "save", lambda self, *a, **k: teller(self, *a, **k))
    importeren(
        buurt=wereld.buurt_a,
        soort="partners",
        inhoud=PARTNERS.encode(),
        formaat="csv",
        uitvoeren=False,
    )
    proef = teller.aantal
    assert proef >= 6
    voor = Partner.objects.count(), Partner.history.count()

    fout = Teller(teller.origineel, bij=proef + 4)  # the 4th row of the real run fails
    monkeypatch.setattr(Partner, "save", lambda self, *a, **k: fout(self, *a, **k))
    antwoord = als(wereld.regisseur_a).post(
        reverse("partners:partner_import", args=[wereld.buurt_a.id]),
        {"bestand": SimpleUploadedFile("partners.csv", PARTNERS.encode()), "importeren": "1"},
    )
    assert fout.aantal >= proef + 4, "de fout werd niet geraakt"
    assert antwoord.status_code == 200
    assert (Partner.objects.count(), Partner.history.count()) == voor
    assert not Partner.objects.filter(naam__startswith="Vereniging").exists()
    assert not wereld.buurt_a.partners.filter(naam__startswith="Vereniging").exists()


def test_a_database_error_halfway_the_indicator_import_writes_nothing(wereld, monkeypatch):
    IndicatorFactory(code="aandeel_65plus")
    tekst = "buurt;indicator;peildatum;waarde\n" + "".join(
        f"Buurtegem;aandeel_65plus;{2015 + i}-01-01;{20 + i}\n" for i in range(6)
    )
    rijen = lees_bestand(SimpleUploadedFile("cijfers.csv", tekst.encode()))
    origineel = IndicatorWaarde.objects.bulk_create

    def half_en_dan_kapot(objecten, *args, **kwargs):
        origineel(objecten[:3], *args, **kwargs)  # the first rows really reach the database
        raise DatabaseError("schijf vol (test)")

    monkeypatch.setattr(IndicatorWaarde.objects, "bulk_create", half_en_dan_kapot)
    with pytest.raises(DatabaseError):
        analyse_services.indicatorwaarden_importeren(
            buurt=wereld.buurt_a, rijen=rijen, gebruiker=wereld.regisseur_a, dry_run=False
        )
    assert not IndicatorWaarde.objects.exists()
