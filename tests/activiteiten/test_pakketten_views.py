"""Views of the activity packages: the six steps, fixed query counts, bad input re-rendered in Dutch."""

import pytest
from django.urls import reverse

from activiteiten.models import Activiteitenpakket, Capaciteit, DoelVersie, Samenhang
from activiteiten.pakketten import services
from tests.factories import ActiviteitFactory, DoelFactory, PartnerFactory
from zorgnet.lib import fragmentcache
from zorgnet.lib.choices import Coordinatievorm, Intensiteit, Schaal

pytestmark = pytest.mark.django_db


def _pakketten(w, n: int, start: int = 0):
    for i in range(start, start + n):
        act = ActiviteitFactory(buurt=w.buurt_a)
        team = [PartnerFactory(gemeente=w.gemeente_1, buurten=[w.buurt_a]) for _ in range(2)]
        for p in team:
            Capaciteit.objects.create(activiteit=act, partner=p)
        services.pakket_opslaan(
            buurt=w.buurt_a,
            naam=f"Pakket {i}",
            activiteiten=[act],
            team=team,
            ideale_schaal=Schaal.GELEEFDE_BUURT,
            intensiteit=Intensiteit.INFO_DELEN,
            coordinatie=Coordinatievorm.DECENTRAAL,
        )


def test_the_overview_shows_cards_with_warnings_at_a_fixed_query_count(
    wereld, als, django_assert_max_num_queries
):
    client = als(wereld.regisseur_a)
    url = reverse("activiteiten:pakket_list", args=[wereld.buurt_a.id])
    _pakketten(wereld, 2)
    client.get(url)
    # The step statuses come from the versioned cache: computed anew in both measured requests
    # (here by a bump, below by the new packages' own writes).
    fragmentcache.wijzig(buurten=[wereld.buurt_a.id])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as twee:
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    assert "Team van 2 partners" in antwoord.content.decode()
    _pakketten(wereld, 5, start=2)
    with django_assert_max_num_queries(len(twee)):
        antwoord = client.get(url)
    assert antwoord.content.decode().count('class="kaart pakketkaart"') == 7


@pytest.mark.parametrize("stap", [1, 2, 3, 4, 5, 6])
def test_every_step_opens_at_any_time_and_shows_the_step_list(wereld, als, stap):
    antwoord = als(wereld.partner_a).get(
        reverse("activiteiten:pakket_stap", args=[wereld.buurt_a.id, stap])
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert 'aria-current="step"' in html and "Toets aan de realiteit" in html
    assert "Status bewaren" not in html  # readers see, only the regisseur changes


def test_a_step_status_is_kept_so_the_flow_can_be_resumed(wereld, als):
    client = als(wereld.regisseur_a)
    client.post(
        reverse("activiteiten:pakket_stap_status", args=[wereld.buurt_a.id, 3]), {"status": "bezig"}
    )
    html = client.get(
        reverse("activiteiten:pakket_list", args=[wereld.buurt_a.id])
    ).content.decode()
    assert 'class="stap-bezig"' in html


def test_a_package_without_activities_is_refused_with_a_dutch_error(wereld, als):
    antwoord = als(wereld.regisseur_a).post(
        reverse("activiteiten:pakket_create", args=[wereld.buurt_a.id]),
        {
            "naam": "Leeg",
            "ideale_schaal": "geleefde_buurt",
            "intensiteit": 2,
            "coordinatie": "centraal",
        },
    )
    assert antwoord.status_code == 200
    assert "minstens één activiteit" in antwoord.content.decode()
    assert not Activiteitenpakket.objects.exists()


def test_matrix_weights_outside_the_range_are_refused_and_nothing_is_written(wereld, als):
    a, b, c = (ActiviteitFactory(buurt=wereld.buurt_a) for _ in range(3))
    antwoord = als(wereld.regisseur_a).post(
        reverse("activiteiten:samenhang_matrix", args=[wereld.buurt_a.id]),
        {f"g_{a.pk}_{b.pk}": "3", f"g_{a.pk}_{c.pk}": "9"},
    )
    assert antwoord.status_code == 200
    assert "buiten het toegelaten bereik" in antwoord.content.decode()
    assert not Samenhang.objects.exists()


def test_the_matrix_saves_pairs_and_the_advice_shows_both_modularities(wereld, als):
    a, b = ActiviteitFactory(buurt=wereld.buurt_a), ActiviteitFactory(buurt=wereld.buurt_a)
    client = als(wereld.regisseur_a)
    antwoord = client.post(
        reverse("activiteiten:samenhang_matrix", args=[wereld.buurt_a.id]),
        {f"g_{a.pk}_{b.pk}": "4"},
    )
    assert antwoord.status_code == 302
    assert Samenhang.objects.get().gewicht == 4
    html = client.get(
        reverse("activiteiten:pakket_stap", args=[wereld.buurt_a.id, 3])
    ).content.decode()
    assert "modulariteit-huidig" in html and "Voorstel overnemen" in html


def test_changing_a_goal_without_a_reason_is_refused(wereld, als):
    doel = services.doel_aanmaken(buurt=wereld.buurt_a, titel="Oud", termijn="kort")
    url = reverse("activiteiten:doel_update", args=[wereld.buurt_a.id, doel.id])
    client = als(wereld.regisseur_a)
    antwoord = client.post(url, {"titel": "Nieuw", "termijn": "kort", "reden": ""})
    assert antwoord.status_code == 200 and DoelVersie.objects.count() == 1
    client.post(url, {"titel": "Nieuw", "termijn": "kort", "reden": "Na de bevraging."})
    assert "Na de bevraging." in client.get(url).content.decode()


def test_a_foreign_goal_is_a_404(wereld, als):
    doel = DoelFactory(buurt=wereld.buurt_b)
    antwoord = als(wereld.regisseur_a).get(
        reverse("activiteiten:doel_update", args=[wereld.buurt_a.id, doel.id])
    )
    assert antwoord.status_code == 404


def test_actions_can_be_filtered_by_package_and_show_it(wereld, als):
    from tests.factories import ActieFactory, ActiviteitenpakketFactory

    pakket = ActiviteitenpakketFactory(buurt=wereld.buurt_a, naam="Toeleiding naar zorg")
    ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner, pakket=pakket, titel="In pakket")
    ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner, titel="Los")
    ActiviteitenpakketFactory(buurt=wereld.buurt_b, naam="Vreemd pakket")
    url = reverse("activiteiten:actie_list", args=[wereld.buurt_a.id])
    client = als(wereld.regisseur_a)
    html = client.get(url, {"pakket": pakket.pk}).content.decode()
    assert "In pakket" in html and ">Los<" not in html
    assert "Toeleiding naar zorg" in html and "Vreemd pakket" not in html


def test_an_action_refuses_a_package_of_another_buurt(wereld):
    from django.core.exceptions import ValidationError

    from activiteiten.acties import services as acties_services
    from tests.factories import ActieFactory, ActiviteitenpakketFactory

    actie = ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner)
    actie.pakket = ActiviteitenpakketFactory(buurt=wereld.buurt_b)
    with pytest.raises(ValidationError, match="hoort niet bij deze buurt"):
        acties_services.actie_bewaren(actie=actie)
