"""The signal-text probe (issue 16, findings 4 and 10).

Two signals of buurt A carry a unique marker in their text: `qzmerka` (logged by A's partner
OCMW Stederen, referred to Buurtwerk Stederen) and `qzmerku` (raised as an outcome of a meeting,
owned by OCMW Stederen). Every GET URL of the project (the authorization matrix's rows, so a new
URL is probed as soon as it has its row) plus the PDF, CSV and XLSX variants, the report preview
and report files, the status POST and the outcomes fragment, and the admin's signal pages are
rendered as each persona. The probe fails when

- a marker appears for a persona that may not read that signal (the table `MAG_LEZEN` below is
  the oracle, written out by hand from DESIGN §5, not computed by the code under test);
- a marker appears without a `bekeken` access event for that signal and user written by that
  request;
- a marker is missing where a permitted reader must see it (`MOET_TONEN`), so the probe cannot
  pass by rendering nothing.

PDFs are read with pdftotext, XLSX with openpyxl, ZIP members one by one. One world per module:
the matrix world (`matrixwereld`) plus the probe's personas and markers.
"""

import io
import shutil
import subprocess
import zipfile

import pytest
from django.db import transaction
from django.urls import reverse
from openpyxl import load_workbook

from buurten.models import Rol, Toegangsgebeurtenis
from tests import test_autorisatiematrix as matrix
from tests.factories import LidmaatschapFactory, UserFactory

REGELS = matrix.REGELS
matrixwereld = matrix.matrixwereld  # the matrix world, built once for this module too

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext ontbreekt")

MERK_A = "qzmerka"  # signaal_a: logged by `partner`, referred to `partner_twee`
MERK_U = "qzmerku"  # a meeting outcome of kind signaal, owned by `partner`

# Who may read which signal's text (DESIGN §5: the regisseur, the partner that logged it, the
# partners it was referred to). Everyone else sees that a signal exists, never its text.
MAG_LEZEN = {
    "regisseur_a": {MERK_A, MERK_U},
    "partner_a": {MERK_A, MERK_U},  # OCMW Stederen logged A and owns U
    "partner_doorverwezen": {MERK_A},  # Buurtwerk Stederen received A by referral
    "partner_ander": set(),  # another organisation of the buurt
    "lezer": set(),
    "coordinator": set(),
    "regisseur_a2": set(),  # another buurt of the same gemeente
    "regisseur_b": set(),  # a buurt of another gemeente
    "beheerder": {MERK_A, MERK_U},  # superuser: in the app like a regisseur, and the admin
    "medewerker": set(),  # staff with admin rights on signals but no role in the buurt
}

# Where a permitted reader must find the marker (probe key -> markers).
MOET_TONEN = {
    "regisseur_a": {
        "activiteiten:signaal_detail": {MERK_A},
        "signaalstatus (ongeldig)": {MERK_A},
        "toegang:geschiedenis_list": {MERK_A},
        "activiteiten:bijeenkomst_detail": {MERK_U},
        "activiteiten:bijeenkomst_verslag": {MERK_U},
        "activiteiten:bijeenkomst_verslag?formaat=pdf": {MERK_U},
        "uitkomsten (fragment)": {MERK_U},
    },
    "partner_a": {
        "activiteiten:signaal_detail": {MERK_A},
        "activiteiten:bijeenkomst_detail": {MERK_U},
        "activiteiten:bijeenkomst_verslag?formaat=pdf": {MERK_U},
    },
    "partner_doorverwezen": {"activiteiten:signaal_detail": {MERK_A}},
    "beheerder": {"beheer: signaal": {MERK_A}, "beheer: geschiedenis": {MERK_A}},
}

# Extra variants of matrix URLs (query strings) that render another format.
VARIANTEN = {
    "activiteiten:bijeenkomst_verslag": ["formaat=pdf"],
    "activiteiten:bijeenkomst_blad": ["formaat=pdf"],
    "activiteiten:actie_export": ["formaat=xlsx"],
    "partners:partner_export": ["formaat=xlsx"],
    "partners:contactpersoon_export": ["formaat=xlsx"],
    "toegang:contactpersoon_gegevens": ["formaat=csv"],
    "toegang:geschiedenis_list": ["soort=signaal"],
    "toegang:toegangsgebeurtenis_list": ["actie=bekeken"],
}
NIET_PROBEREN = {"logout"}  # its GET is refused anyway; nothing to read


@pytest.fixture(scope="module")
def proefwereld(matrixwereld, django_db_blocker):
    """The matrix world plus the probe's personas, the two marked signals, a finished report
    preview and report files (made directly: the world's transaction never commits)."""
    from activiteiten.bijeenkomsten import services as bijeenkomsten_services
    from zorgnet.rapport import services as rapport_services
    from zorgnet.rapport.forms import PeriodeForm

    w = matrixwereld
    with django_db_blocker.unblock(), transaction.atomic():
        w.partner_doorverwezen = UserFactory(username="partner_doorverwezen")
        LidmaatschapFactory(
            gebruiker=w.partner_doorverwezen,
            buurt=w.buurt_a,
            rol=Rol.PARTNER,
            partner=w.partner_twee,
        )
        w.partner_ander = UserFactory(username="partner_ander")
        LidmaatschapFactory(
            gebruiker=w.partner_ander, buurt=w.buurt_a, rol=Rol.PARTNER, partner=w.ander
        )
        w.lezer = UserFactory(username="lezer")
        LidmaatschapFactory(gebruiker=w.lezer, buurt=w.buurt_a, rol=Rol.LEZER)
        w.regisseur_a2 = UserFactory(username="regisseur_a2")
        LidmaatschapFactory(gebruiker=w.regisseur_a2, buurt=w.buurt_a2, rol=Rol.REGISSEUR)
        w.beheerder = UserFactory(username="beheerder", is_staff=True, is_superuser=True)
        w.medewerker = _medewerker()

        # A second version with the marker: the history tab and the admin show the change.
        w.signaal_a.omschrijving = f"Situatie {MERK_A} bij de speeltuin"
        w.signaal_a.beleidssignaal = w.beleidssignaal_a
        w.signaal_a.save()
        w.uitkomst_u = bijeenkomsten_services.uitkomst_toevoegen(
            bijeenkomst=w.bijeenkomst_a,
            soort="signaal",
            omschrijving=f"Vereenzaming in de straat {MERK_U}",
            thema="eenzaamheid",
            eigenaar=w.partner,
        )
        periode = PeriodeForm.uit_query({})
        assert periode.is_valid()
        van, tot = periode.cleaned_data["van"], periode.cleaned_data["tot"]
        for buurt in (w.buurt_a, None):
            voorbeeld = rapport_services.vraag_voorbeeld_aan(
                gebruiker=w.regisseur_a, gemeente=w.gemeente_1, buurt=buurt, van=van, tot=tot
            )
            rapport_services.maak_voorbeeld(voorbeeld_id=voorbeeld.pk)
        w.rapportbestanden = rapport_services.vraag_rapport_aan(
            gebruiker=w.regisseur_a,
            gemeente=w.gemeente_1,
            buurt=w.buurt_a,
            van=van,
            tot=tot,
            formaten=["pdf", "xlsx"],
        )
        for bestand in w.rapportbestanden:
            rapport_services.maak_bestand(bestand_id=bestand.pk)
    return w


def _medewerker():
    from django.contrib.auth.models import Permission

    medewerker = UserFactory(username="medewerker", is_staff=True)
    medewerker.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="activiteiten", codename__in=["view_signaal", "change_signaal"]
        )
    )
    return medewerker


# --- what a response says, whatever its format -----------------------------------------------
def _inhoud(antwoord) -> bytes:
    if getattr(antwoord, "streaming", False):
        return b"".join(antwoord.streaming_content)
    return antwoord.content


def _tekst(data: bytes, soort: str) -> str:
    if data.startswith(b"%PDF"):
        uit = subprocess.run(["pdftotext", "-q", "-", "-"], input=data, capture_output=True)
        # the matrix world's placeholder files are no real PDF: read them as bytes
        return (
            uit.stdout.decode("utf-8", "replace")
            if uit.returncode == 0
            else data.decode("utf-8", "replace")
        )
    if data.startswith(b"PK") and zipfile.is_zipfile(io.BytesIO(data)):
        archief = zipfile.ZipFile(io.BytesIO(data))
        if any(n.startswith("xl/") for n in archief.namelist()):
            boek = load_workbook(io.BytesIO(data), read_only=True)
            return "\n".join(
                " ".join(str(c) for c in rij if c is not None)
                for blad in boek.worksheets
                for rij in blad.iter_rows(values_only=True)
            )
        return "\n".join(_tekst(archief.read(n), "") for n in archief.namelist())
    return data.decode("utf-8", "replace")


# --- the probes ------------------------------------------------------------------------------
def _proeven(w):
    """(key, method, url, data, headers) for everything a persona could read."""
    for naam in sorted(REGELS):
        if naam in NIET_PROBEREN:
            continue
        regel = REGELS[naam]
        url = reverse(naam, kwargs={k: getattr(w, v).pk for k, v in regel.kwargs.items()})
        yield naam, "get", url + (f"?{regel.query}" if regel.query else ""), None, {}
        for query in VARIANTEN.get(naam, []):
            yield f"{naam}?{query}", "get", f"{url}?{query}", None, {}
    a = {"buurt_id": w.buurt_a.pk}
    status = reverse("activiteiten:signaal_status", kwargs={**a, "signaal_id": w.signaal_a.pk})
    yield "signaalstatus (ongeldig)", "post", status, {"status": "onzin"}, {}
    uitkomst = reverse(
        "activiteiten:uitkomst_create", kwargs={**a, "bijeenkomst_id": w.bijeenkomst_a.pk}
    )
    yield (
        "uitkomsten (fragment)",
        "post",
        uitkomst,
        {"soort": "zaadje"},
        {"HTTP_HX_REQUEST": "true"},
    )
    for bestand in w.rapportbestanden:
        url = reverse("rapport:bestand_download", kwargs={"bestand_id": bestand.pk})
        yield f"rapportbestand ({bestand.formaat})", "get", url, None, {}
    beheer = f"/beheer/activiteiten/signaal/{w.signaal_a.pk}/"
    versie = w.signaal_a.history.order_by("history_id").last().history_id
    yield "beheer: signaal", "get", beheer + "change/", None, {}
    yield "beheer: geschiedenis", "get", beheer + "history/", None, {}
    yield "beheer: versie", "get", f"{beheer}history/{versie}/", None, {}


def _signaal_id(w, merk: str) -> int:
    return w.signaal_a.pk if merk == MERK_A else w.uitkomst_u.signaal_id


@pytest.mark.django_db
@pytest.mark.parametrize("persona", sorted(MAG_LEZEN))
def test_the_signal_text_probe(persona, proefwereld, client):
    w = proefwereld
    gebruiker = getattr(w, persona)
    client.force_login(gebruiker)
    fouten, gezien = [], {}
    for sleutel, methode, url, data, kop in _proeven(w):
        laatste = Toegangsgebeurtenis.objects.order_by("-id").values_list("id", flat=True).first()
        antwoord = getattr(client, methode)(url, data or {}, **kop)
        if antwoord.status_code != 200:
            continue
        tekst = _tekst(_inhoud(antwoord), antwoord.get("Content-Type", "")).lower()
        for merk in (MERK_A, MERK_U):
            if merk not in tekst:
                continue
            gezien.setdefault(sleutel, set()).add(merk)
            if merk not in MAG_LEZEN[persona]:
                fouten.append(f"{sleutel}: toont {merk} aan {persona}")
                continue
            gelogd = Toegangsgebeurtenis.objects.filter(
                id__gt=laatste or 0,
                gebruiker=gebruiker,
                actie="bekeken",
                object_type="signaal",
                object_id=str(_signaal_id(w, merk)),
            ).exists()
            if not gelogd:
                fouten.append(f"{sleutel}: {persona} las {merk} zonder toegangsgebeurtenis")
    for sleutel, merken in MOET_TONEN.get(persona, {}).items():
        ontbreekt = merken - gezien.get(sleutel, set())
        if ontbreekt:
            fouten.append(f"{sleutel}: {persona} zou {sorted(ontbreekt)} moeten zien")
    assert not fouten, "\n".join(fouten)
