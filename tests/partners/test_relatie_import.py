"""The tie import: dry run with Dutch row errors, nothing written while a row fails, the relation
export in the same columns (round trip), and a from/to edge list of a network-mapping tool."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from partners.models import BeantwoordAls, Bevestiging, Relatie, RelatieBuurt
from partners.resources import importeren
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

KOP = "van;naar;intensiteit;niveaus;begindatum;einddatum;status\n"


@pytest.fixture
def partners(wereld):
    namen = ["Buurthuis", "Bibliotheek", "Huisarts De Linde"]
    ps = {
        n: PartnerFactory(gemeente=wereld.gemeente_1, naam=n, buurten=[wereld.buurt_a])
        for n in namen
    }
    ps["elders"] = PartnerFactory(
        gemeente=wereld.gemeente_1, naam="Elders", buurten=[wereld.buurt_a2]
    )
    return ps


def _importeer(w, tekst: str, uitvoeren=True, formaat="csv", inhoud=None):
    return importeren(
        buurt=w.buurt_a,
        soort="relaties",
        inhoud=inhoud if inhoud is not None else tekst.encode(),
        formaat=formaat,
        uitvoeren=uitvoeren,
        door=w.regisseur_a,
    )


def test_every_kind_of_bad_row_is_a_dutch_error_and_nothing_is_written(wereld, partners):
    tekst = (
        KOP
        + "Buurthuis;Bibliotheek;2;;;;\n"  # good
        + "Buurthuis;Onbekend;2;;;;\n"  # unknown partner
        + "Buurthuis;Elders;2;;;;\n"  # partner of another buurt
        + "Bibliotheek;bibliotheek;2;;;;\n"  # self-tie
        + "buurthuis;Bibliotheek;3;;;;\n"  # duplicate of row 2
        + "Bibliotheek;Huisarts De Linde;7;;;;\n"  # unknown intensity
        + "Huisarts De Linde;Buurthuis;Info delen;;2025-05-01;2025-01-01;\n"  # end before start
        + "Huisarts De Linde;Bibliotheek;1;;31/02/2025;;\n"  # malformed date
        + "Bibliotheek;Buurthuis;1;tactisch;;;\n"  # unknown level
        + "Buurthuis;Huisarts De Linde;1;;;;misschien\n"  # unknown status
    )
    resultaat = _importeer(wereld, tekst)
    assert not resultaat.uitgevoerd
    fouten = {f.rij: " ".join(f.meldingen) for f in resultaat.fouten}
    assert sorted(fouten) == list(range(3, 12))
    assert "Geen partner 'Onbekend' in deze buurt" in fouten[3]
    assert "Geen partner 'Elders' in deze buurt" in fouten[4]
    assert "met zichzelf" in fouten[5]
    assert "Dubbele rij" in fouten[6] and "rij 2" in fouten[6]
    assert "Onbekende intensiteit '7'" in fouten[7]
    assert "einddatum ligt vóór de begindatum" in fouten[8]
    assert "'31/02/2025' is geen datum" in fouten[9]
    assert "Onbekend niveau 'tactisch'" in fouten[10]
    assert "Onbekende status 'misschien'" in fouten[11]
    assert Relatie.objects.count() == 0


@pytest.mark.parametrize("inhoud", [b"", b"\x00\x01\x02\xff\xfe binary", b"van;naar\n"])
def test_an_empty_or_binary_file_is_refused(wereld, partners, inhoud):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        _importeer(wereld, "", inhoud=inhoud, formaat="xlsx" if b"\x00" in inhoud else "csv")
    assert Relatie.objects.count() == 0


def test_a_clean_file_imports_in_one_go_with_history_and_the_export_round_trips(
    wereld, partners, als
):
    tekst = (
        KOP
        + "Buurthuis;Bibliotheek;Samen uitvoeren;strategisch, operationeel;2024-01-01;;bevestigd\n"
        + f"{partners['Bibliotheek'].pk};Huisarts De Linde;2;;;2024-12-31;verklaard\n"
    )
    proef = _importeer(wereld, tekst, uitvoeren=False)
    assert proef.ok and proef.nieuw == 2 and Relatie.objects.count() == 0
    resultaat = _importeer(wereld, tekst)
    assert resultaat.uitgevoerd and resultaat.nieuw == 2
    sterk = Relatie.objects.get(van_partner=partners["Buurthuis"])
    assert (sterk.intensiteit, sterk.niveaus) == (4, ["strategisch", "operationeel"])
    assert sterk.bevestiging == Bevestiging.BEVESTIGD
    assert sterk.beantwoord_als == BeantwoordAls.IMPORT
    assert sterk.beantwoord_door == wereld.regisseur_a == sterk.verklaard_door
    assert sterk.history.first().history_change_reason == "Relatie-import"
    # The bulk create sent no post_save: the import itself filled the buurt's tie rows.
    assert set(RelatieBuurt.objects.values_list("relatie_id", "bevestiging")) >= {
        (r.pk, r.bevestiging) for r in Relatie.objects.all()
    }
    assert RelatieBuurt.objects.filter(buurt=wereld.buurt_a).count() == 2
    # The export has the import's columns: importing it again changes nothing.
    antwoord = als(wereld.regisseur_a).get(
        reverse("partners:relatie_export", args=[wereld.buurt_a.pk])
    )
    export = b"".join(antwoord.streaming_content)
    assert export.decode("utf-8-sig").splitlines()[0] == KOP.strip() + ";toelichting"
    opnieuw = _importeer(wereld, "", inhoud=export)
    assert opnieuw.uitgevoerd and (opnieuw.nieuw, opnieuw.bijgewerkt) == (0, 2)
    assert Relatie.objects.count() == 2


def test_a_from_to_edge_list_from_a_mapping_tool_imports_as_xlsx(wereld, partners):
    boek = Workbook()
    blad = boek.active
    blad.append(["From", "To", "Type"])
    blad.append(["Buurthuis", "Bibliotheek", "samenwerking"])
    blad.append(["Bibliotheek", "Huisarts De Linde", "samenwerking"])
    buffer = io.BytesIO()
    boek.save(buffer)
    resultaat = _importeer(wereld, "", inhoud=buffer.getvalue(), formaat="xlsx")
    assert resultaat.uitgevoerd, resultaat.fouten
    assert set(Relatie.objects.values_list("intensiteit", "bevestiging")) == {(1, "open")}


def test_the_page_shows_row_errors_then_imports_the_fixed_file(wereld, partners, als):
    client = als(wereld.regisseur_a)
    url = reverse("partners:relatie_import", args=[wereld.buurt_a.pk])
    fout = KOP + "Buurthuis;Bibliotheek;2;;;;\nBuurthuis;Niemand;2;;;;\n"
    pagina = client.post(
        url, {"bestand": SimpleUploadedFile("r.csv", fout.encode()), "controleren": "1"}
    )
    assert "Geen partner &#x27;Niemand&#x27; in deze buurt" in pagina.content.decode()
    assert Relatie.objects.count() == 0
    goed = KOP + "Buurthuis;Bibliotheek;2;;;;\n"
    pagina = client.post(
        url, {"bestand": SimpleUploadedFile("r.csv", goed.encode()), "controleren": "1"}
    )
    assert pagina.context["bevestig"]
    antwoord = client.post(url, {**pagina.context["bevestig"], "importeren": "1"})
    assert antwoord.status_code == 302
    assert Relatie.objects.count() == 1
