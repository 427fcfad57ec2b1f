"""The buurt overview and the dashboard: fixed query counts, one definition per figure, and the
speed helpers they rely on (cached choice labels, inline select options, planner settings)."""

import pytest
from django import forms
from django.db import connection
from django.db.models import Model
from django.forms.renderers import DjangoTemplates
from django.urls import reverse

from activiteiten.models import Actie, Signaal
from buurten.models import Buurt
from partners.models import Partner, PartnerStatus, Relatie
from tests.factories import ActieFactory, PartnerFactory, RelatieFactory
from zorgnet.lib import cijfers
from zorgnet.lib.choices import label

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _zonder_fragmentcache(settings):
    """These counts are the cold path: what a page costs when its fragments must be computed
    (the warm path is tested in tests/overzicht/test_fragmentcache.py)."""
    settings.ZORGNET_FRAGMENTCACHE = False


# The buurt overview for its regisseur: session, user, memberships, buurt, then the sections.
# Was 31 on the Flanders-scale set (partner access checked twice, the buurt's partner ids read
# for the tie count, three reflection counts), then 26 (a buurt without packages no longer reads
# relations between packages and samenhang for their warnings).
OVERZICHT_QUERIES = 24
# The dashboard of a coordinator: session, user, memberships, buurten, partner figures, open
# signals, meeting reminders, coordinated gemeenten (once for three blocks), and the buurt and
# gemeente ids the fragment cache's key is made of.
DASHBOARD_QUERIES = 9


def _vul(wereld, n: int) -> None:
    for _ in range(n):
        a = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
        b = PartnerFactory(
            gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a], status=PartnerStatus.POTENTIEEL
        )
        RelatieFactory(van_partner=a, naar_partner=b)
        ActieFactory(buurt=wereld.buurt_a, trekker=a)


def test_the_buurt_overview_costs_a_fixed_number_of_queries(als, wereld, django_assert_num_queries):
    client = als(wereld.regisseur_a)
    url = reverse("buurt_detail", args=[wereld.buurt_a.id])
    _vul(wereld, 2)
    client.get(url)
    with django_assert_num_queries(OVERZICHT_QUERIES):
        assert client.get(url).status_code == 200
    _vul(wereld, 8)
    with django_assert_num_queries(OVERZICHT_QUERIES):
        assert client.get(url).status_code == 200


def test_the_dashboard_counts_partners_in_de_buurt_as_defined(
    als, wereld, django_assert_num_queries
):
    _vul(wereld, 3)  # 3 active and 3 potential partners more in buurt A
    PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a], status="gestopt")
    client = als(wereld.coordinator)
    client.get(reverse("dashboard"))
    with django_assert_num_queries(DASHBOARD_QUERIES):
        antwoord = client.get(reverse("dashboard"))
    actief = Partner.objects.filter(buurten=wereld.buurt_a, status=PartnerStatus.ACTIEF).count()
    assert actief == wereld.buurt_a.partners.count() - 4
    html = antwoord.content.decode()
    kaart = html.split(f">{wereld.buurt_a.naam}</a>", 1)[1].split("</li>", 1)[0]
    assert f"{actief} partners in de buurt" in kaart
    assert str(cijfers.PARTNERS_IN_DE_BUURT) in html  # the explanation, as a title
    # The overview shows the same figure under the same name.
    overzicht = client.get(reverse("buurt_detail", args=[wereld.buurt_a.id]))
    assert f"<strong>{actief}</strong> partners in de buurt" in overzicht.content.decode()


@pytest.mark.parametrize("model", [Partner, Relatie, Actie, Signaal, Buurt])
def test_cached_labels_equal_djangos_for_every_choice_and_an_unknown_value(model):
    for veld in model._meta.concrete_fields:
        if not veld.choices:
            continue
        for waarde, _label in [*veld.flatchoices, ("geen-keuze", "")]:
            obj = model(**{veld.attname: waarde})
            assert getattr(obj, f"get_{veld.name}_display")() == label(model, veld.name, waarde)
            assert label(model, veld.name, waarde) == Model._get_FIELD_display(obj, veld)


def test_select_options_render_as_django_renders_them():
    class Formulier(forms.Form):
        een = forms.ChoiceField(choices=[("a", "A & B"), ("b", "B")], initial="b")
        meer = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], initial=["x", "y"])
        groep = forms.ChoiceField(
            choices=[("", "---"), ("Groep", [("1", "Een")])], widget=forms.Select(attrs={"k": 1})
        )

    def normaal(html: str) -> str:
        return " ".join(html.split()).replace("> <", "><")

    for naam in ("een", "meer", "groep"):
        ons = str(Formulier()[naam])
        django = Formulier(renderer=DjangoTemplates())[naam].as_widget()
        assert normaal(ons) == normaal(django)


def test_postgresql_connections_get_the_oltp_planner_settings():
    if connection.vendor != "postgresql":
        pytest.skip("planner settings are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"


def test_a_section_title_links_only_to_a_page_that_opens_for_the_user(als, wereld):
    """The partner sees the report section but not a link to the report page (403 for it)."""
    url = reverse("buurt_detail", args=[wereld.buurt_a.id])
    rapport = reverse("rapport:buurt_rapport", args=[wereld.buurt_a.id])
    partner = als(wereld.partner_a)
    assert f'href="{rapport}"' not in partner.get(url).content.decode()
    assert partner.get(rapport).status_code == 403
    assert f'href="{rapport}"' in als(wereld.regisseur_a).get(url).content.decode()


def test_the_partner_dashboard_costs_the_same_queries_with_or_without_waiting_ties(als, wereld):
    """Ties waiting for the partner's answer are joined with their partners, not prefetched:
    the same count with none and with three (it differed on the Flanders-scale set)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = als(wereld.partner_a)
    url = reverse("dashboard")
    client.get(url)

    def tel() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    zonder = tel()
    for _ in range(3):
        ander = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
        RelatieFactory(van_partner=ander, naar_partner=wereld.partner)
    html = client.get(url).content.decode()
    assert html.count("verklaarde een relatie met OCMW Stederen") == 3
    assert tel() == zonder
