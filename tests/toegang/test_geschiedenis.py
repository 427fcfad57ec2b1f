"""The regisseur's history tab: who changed what and when, paginated, in fixed queries."""

import pytest
from django.urls import reverse

from buurten.models import Rol
from tests.factories import (
    BeleidssignaalFactory,
    ContactpersoonFactory,
    LidmaatschapFactory,
    MandaatFactory,
    PartnerFactory,
    RelatieFactory,
    SignaalFactory,
    UserFactory,
)
from zorgnet.toegang import selectors

pytestmark = pytest.mark.django_db


def _url(buurt, **query):
    url = reverse("toegang:geschiedenis_list", args=[buurt.id])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_it_lists_who_changed_what_with_the_diff(als, wereld):
    persoon = ContactpersoonFactory(partner=wereld.partner, functie="Maatschappelijk werker")
    persoon.functie = "Teamleider"
    persoon._history_user = wereld.regisseur_a
    persoon.save()
    html = als(wereld.regisseur_a).get(_url(wereld.buurt_a)).content.decode()
    assert "Teamleider" in html and "Maatschappelijk werker" in html
    assert "functie" in html
    assert wereld.regisseur_a.get_full_name() in html  # the name people know, not the login


def test_it_reads_in_dutch_with_names_and_local_times(als, wereld):
    """Issue 19: simple-history's "Changed"/"Created", user ids and UTC timestamps with
    microseconds are shown as "Gewijzigd", names and local nl-BE times."""
    from datetime import UTC, datetime

    ander = PartnerFactory(gemeente=wereld.gemeente_1, naam="Buurthuis", buurten=[wereld.buurt_a])
    relatie = RelatieFactory(van_partner=ander, naar_partner=wereld.partner)
    relatie.beantwoord_door = wereld.partner_a
    relatie.beantwoord_op = datetime(2025, 12, 1, 10, 15, 30, 123456, tzinfo=UTC)
    relatie._history_user = wereld.partner_a
    relatie.save()
    html = als(wereld.regisseur_a).get(_url(wereld.buurt_a, soort="relatie")).content.decode()
    assert "Aangemaakt" in html and "Gewijzigd" in html
    assert "Created" not in html and "Changed" not in html
    assert "1 dec 2025 11:15" in html  # Brussels time, Dutch month (Django's nl), no seconds
    assert "123456" not in html and "+00:00" not in html
    naam = wereld.partner_a.get_full_name()
    assert f"{naam}</td>" in html  # who
    assert f"→ {naam}</li>" in html  # the foreign key's new value, not the user's id


def test_it_covers_every_sensitive_object_type_of_the_buurt_only(als, wereld):
    ander = PartnerFactory(gemeente=wereld.gemeente_1, naam="Buurthuis", buurten=[wereld.buurt_a])
    RelatieFactory(van_partner=wereld.partner, naar_partner=ander)
    MandaatFactory(buurt=wereld.buurt_a, contactpersoon__partner=wereld.partner)
    SignaalFactory(buurt=wereld.buurt_a)
    BeleidssignaalFactory(buurt=wereld.buurt_a, titel="Te weinig zitbanken")
    LidmaatschapFactory(gebruiker=UserFactory(), buurt=wereld.buurt_a, rol=Rol.LEZER)
    # Another buurt: not shown.
    BeleidssignaalFactory(buurt=wereld.buurt_b, titel="Elders in Gemeentegem")
    rijen = list(selectors.geschiedenis_van(wereld.buurt_a))
    soorten = {r["bron"] for r in rijen}
    assert soorten == set(selectors.SOORTEN)
    html = als(wereld.regisseur_a).get(_url(wereld.buurt_a)).content.decode()
    assert "Te weinig zitbanken" in html
    assert "Elders in Gemeentegem" not in html


def test_it_filters_by_object_type(als, wereld):
    BeleidssignaalFactory(buurt=wereld.buurt_a, titel="Te weinig zitbanken")
    html = als(wereld.regisseur_a).get(_url(wereld.buurt_a, soort="partner")).content.decode()
    assert "OCMW Stederen" in html
    assert "Te weinig zitbanken" not in html


def test_signal_free_text_is_hidden_from_someone_who_cannot_read_the_signal(wereld):
    signaal = SignaalFactory(buurt=wereld.buurt_a, omschrijving="Eerste versie van de situatie")
    signaal.omschrijving = "Tweede versie van de situatie"
    signaal.save()
    rijen = list(selectors.geschiedenis_van(wereld.buurt_a, soort="signaal"))
    # The regisseur may read every signal of the buurt.
    regels = selectors.geschiedenis_regels(wereld.regisseur_a, wereld.buurt_a, rijen)
    assert any("Tweede versie van de situatie" in str(r.wijzigingen) for r in regels)
    # A partner user whose organisation neither logged nor received it may not.
    regels = selectors.geschiedenis_regels(wereld.partner_a, wereld.buurt_a, rijen)
    tekst = str([r.wijzigingen for r in regels])
    assert "versie van de situatie" not in tekst
    assert "verborgen" in tekst


def test_only_the_regisseur_sees_it(als, wereld):
    assert als(wereld.partner_a).get(_url(wereld.buurt_a)).status_code == 403
    assert als(wereld.coordinator).get(_url(wereld.buurt_a)).status_code == 403
    assert als(wereld.regisseur_b).get(_url(wereld.buurt_a)).status_code == 404


def _maak_geschiedenis(wereld, n: int) -> None:
    for i in range(n):
        persoon = ContactpersoonFactory(partner=wereld.partner)
        persoon.functie = f"functie {i}"
        persoon.save()
        signaal = SignaalFactory(buurt=wereld.buurt_a)
        signaal.status = "in_behandeling"
        signaal.save()
        RelatieFactory(
            van_partner=wereld.partner,
            naar_partner=PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a]),
        )
        MandaatFactory(buurt=wereld.buurt_a, contactpersoon=persoon)
        BeleidssignaalFactory(buurt=wereld.buurt_a)


def test_the_page_costs_a_fixed_number_of_queries(als, wereld, django_assert_max_num_queries):
    client = als(wereld.regisseur_a)
    _maak_geschiedenis(wereld, 3)
    client.get(_url(wereld.buurt_a))  # warm up (session, content types)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as weinig:
        assert client.get(_url(wereld.buurt_a)).status_code == 200
    _maak_geschiedenis(wereld, 12)
    with CaptureQueriesContext(connection) as veel:
        antwoord = client.get(_url(wereld.buurt_a))
    assert antwoord.status_code == 200
    assert len(antwoord.context["regels"]) == 25
    assert len(veel) <= len(weinig) + 2  # at most more object types on the page
    with django_assert_max_num_queries(25):
        client.get(_url(wereld.buurt_a, pagina=2))
