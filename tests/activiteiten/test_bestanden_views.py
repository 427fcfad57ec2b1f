"""Stored files leave only through scoped, logged download views (issue 16, findings 1 and 2):
the draaiboek and story photo of an action, a contact person's photo, and no /media/ route."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from activiteiten.models import Actie
from buurten.models import Toegangsgebeurtenis
from tests.factories import ActieFactory, ContactpersoonFactory
from tests.lib.test_bestanden import SVG_MET_SCRIPT, jpeg_met_exif, pdf, png

pytestmark = pytest.mark.django_db


def _id(waarde) -> str:
    """Test ids from the file name only (the bytes differ per run: zip timestamps)."""
    return waarde if isinstance(waarde, str) else "inhoud"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _gegevens(actie, **extra):
    return {
        "titel": actie.titel,
        "startdatum": actie.startdatum.isoformat(),
        "status": actie.status,
        "categorie": actie.categorie,
        "trekker": actie.trekker_id,
        **extra,
    }


def _upload(naam, inhoud):
    return SimpleUploadedFile(naam, inhoud, content_type="text/html")


@pytest.fixture
def actie(wereld):
    return ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner, titel="Buurtfeest")


def _bewerk(client, actie, **bestanden):
    url = reverse("activiteiten:actie_update", args=(actie.buurt_id, actie.pk))
    return client.post(url, _gegevens(actie, terugkerend="on", **bestanden))


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [
        ("draaiboek.html", b"<script>fetch('/buurten/1/signalen/')</script>"),
        ("draaiboek.js", b"alert(1)"),
        ("draaiboek.svg", SVG_MET_SCRIPT),
        ("draaiboek.pdf", png()),  # a PNG with a wrong extension
    ],
    ids=_id,
)
def test_een_vijandig_draaiboek_wordt_geweigerd_en_niets_bewaard(als, wereld, actie, naam, inhoud):
    antwoord = _bewerk(als(wereld.partner_a), actie, draaiboek=_upload(naam, inhoud))
    assert antwoord.status_code == 200
    assert "bestand" in antwoord.context["form"].errors["draaiboek"][0]
    actie.refresh_from_db()
    assert not actie.draaiboek and not actie.terugkerend


def test_een_te_groot_draaiboek_wordt_geweigerd(als, wereld, actie, settings):
    settings.ZORGNET_UPLOAD_MAX_MB = 1
    groot = _upload("draaiboek.pdf", pdf() + b"0" * (1024 * 1024))
    antwoord = _bewerk(als(wereld.partner_a), actie, draaiboek=groot)
    assert "te groot" in antwoord.context["form"].errors["draaiboek"][0]
    actie.refresh_from_db()
    assert not actie.draaiboek


def test_draaiboek_en_foto_onder_onraadbare_naam_en_via_de_downloadview(als, wereld, actie):
    client = als(wereld.partner_a)
    antwoord = _bewerk(
        client,
        actie,
        draaiboek=_upload("Draaiboek buurtfeest.pdf", pdf()),
        verhaal_foto=_upload("ik.jpg", jpeg_met_exif()),
        toestemming_verhaal="on",
    )
    assert antwoord.status_code == 302, antwoord.context["form"].errors
    actie.refresh_from_db()
    assert actie.draaiboek.name.startswith("draaiboeken/")
    assert "buurtfeest" not in actie.draaiboek.name.lower()
    assert actie.verhaal_foto.name.startswith("acties/")

    # The detail page links to the views, never to a storage path.
    detail = client.get(reverse("activiteiten:actie_detail", args=(actie.buurt_id, actie.pk)))
    html = detail.content.decode()
    draaiboek_url = reverse("activiteiten:actie_draaiboek", args=(actie.buurt_id, actie.pk))
    foto_url = reverse("activiteiten:actie_foto", args=(actie.buurt_id, actie.pk))
    assert draaiboek_url in html and foto_url in html
    assert actie.draaiboek.name not in html and "/media/" not in html

    antwoord = client.get(draaiboek_url)
    assert antwoord.status_code == 200
    assert antwoord["Content-Disposition"] == 'attachment; filename="draaiboek-buurtfeest.pdf"'
    assert antwoord["X-Content-Type-Options"] == "nosniff"
    assert antwoord["Content-Type"] == "application/pdf"
    assert b"".join(antwoord.streaming_content) == pdf()
    foto = client.get(foto_url)
    assert foto["Content-Type"] == "image/jpeg"
    assert b"geheime omschrijving" not in b"".join(foto.streaming_content)

    gelogd = Toegangsgebeurtenis.objects.filter(gebruiker=wereld.partner_a, actie="download")
    assert {g.object_type for g in gelogd} == {"actie_draaiboek", "actie_foto"}


def test_bestanden_buiten_de_scope_antwoorden_404(als, wereld, actie):
    actie.draaiboek.save("x.pdf", ContentFile(pdf()))
    url = reverse("activiteiten:actie_draaiboek", args=(actie.buurt_id, actie.pk))
    assert als(wereld.regisseur_b).get(url).status_code == 404
    # Another buurt's id in the URL does not reach this buurt's action either.
    vreemd = reverse("activiteiten:actie_draaiboek", args=(wereld.buurt_b.pk, actie.pk))
    assert als(wereld.regisseur_b).get(vreemd).status_code == 404
    assert not Toegangsgebeurtenis.objects.filter(actie="download").exists()


def test_media_wordt_nergens_geserveerd(client, wereld, actie, settings):
    actie.draaiboek.save("x.pdf", ContentFile(pdf()))
    assert client.get(f"/media/{actie.draaiboek.name}").status_code == 404
    client.force_login(wereld.regisseur_a)
    assert client.get(f"/media/{actie.draaiboek.name}").status_code == 404


def test_een_oud_bestand_met_een_raadbare_naam_blijft_werken_via_de_view(als, wereld, actie):
    # Files stored before the unguessable names keep their path; only the view serves them.
    Actie.objects.filter(pk=actie.pk).update(draaiboek="draaiboeken/oud-draaiboek.pdf")
    actie.refresh_from_db()
    actie.draaiboek.storage.save("draaiboeken/oud-draaiboek.pdf", ContentFile(pdf()))
    url = reverse("activiteiten:actie_draaiboek", args=(actie.buurt_id, actie.pk))
    assert b"".join(als(wereld.coordinator).get(url).streaming_content) == pdf()


def test_smoelenboekfoto_via_de_downloadview(als, wereld):
    persoon = ContactpersoonFactory(partner=wereld.partner, voornaam="An")
    url = reverse(
        "partners:contactpersoon_update", args=(wereld.buurt_a.pk, wereld.partner.pk, persoon.pk)
    )
    client = als(wereld.regisseur_a)
    gegevens = {"voornaam": "An", "foto": _upload("an.png", png())}
    assert client.post(url, gegevens).status_code == 302
    persoon.refresh_from_db()
    assert persoon.foto.name.startswith("smoelenboek/")
    foto_url = reverse(
        "partners:contactpersoon_foto", args=(wereld.buurt_a.pk, wereld.partner.pk, persoon.pk)
    )
    html = client.get(reverse("partners:smoelenboek", args=(wereld.buurt_a.pk,))).content
    assert foto_url in html.decode()
    assert client.get(foto_url)["Content-Type"] == "image/png"
    assert als(wereld.regisseur_b).get(foto_url).status_code == 404
    assert Toegangsgebeurtenis.objects.filter(object_type="contactpersoon_foto").count() == 1
    # An SVG with a script is refused as a photo.
    svg = {"voornaam": "An", "foto": _upload("an.svg", SVG_MET_SCRIPT)}
    assert als(wereld.regisseur_a).post(url, svg).status_code == 200
    persoon.refresh_from_db()
    assert persoon.foto.name.endswith(".png")


def test_media_heeft_ook_in_debug_geen_route(settings):
    """`make run` serves with DEBUG on: even then no URL pattern serves MEDIA_ROOT."""
    import importlib

    from django.urls import clear_url_caches
    from django.views.static import serve

    import zorgnet.urls

    settings.DEBUG = True
    try:
        patronen = importlib.reload(zorgnet.urls).urlpatterns
        assert not [p for p in patronen if getattr(p, "callback", None) is serve]
        assert not [p for p in patronen if "media" in str(p.pattern)]
    finally:
        settings.DEBUG = False
        importlib.reload(zorgnet.urls)
        clear_url_caches()


def test_admin_linkt_bestanden_naar_de_downloadview(client, wereld, actie):
    """The admin's change forms link a stored file to its download view, never to /media/."""
    from tests.factories import UserFactory

    actie.draaiboek.save("x.pdf", ContentFile(pdf()))
    persoon = ContactpersoonFactory(partner=wereld.partner)
    persoon.foto.save("ik.png", ContentFile(png()))
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    pagina = client.get(reverse("admin:activiteiten_actie_change", args=(actie.pk,)))
    html = pagina.content.decode()
    assert reverse("activiteiten:actie_draaiboek", args=(actie.buurt_id, actie.pk)) in html
    assert "/media/" not in html and actie.draaiboek.name not in html

    pagina = client.get(reverse("admin:partners_contactpersoon_change", args=(persoon.pk,)))
    html = pagina.content.decode()
    buurt_id = wereld.partner.buurten.order_by("id").values_list("id", flat=True).first()
    foto_url = reverse(
        "partners:contactpersoon_foto", args=(buurt_id, wereld.partner.pk, persoon.pk)
    )
    assert foto_url in html
    assert "/media/" not in html and persoon.foto.name not in html
    assert client.get(foto_url).status_code == 200
