"""The versioned fragment cache of the buurt page and the dashboard (issue 21).

- every scoped model of the app registry is bumped on save, delete and m2m change, or listed as
  excluded with a reason (a new model cannot be forgotten);
- a warm hit skips the blocks' queries;
- a write through a service, a model save or a bulk path changes what the next request shows;
- users with different roles never share a fragment.
"""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activiteiten.acties.services import signalen_anonimiseren
from activiteiten.bijeenkomsten.services import Aanwezige, aanwezigheid_bewaren
from buurten.models import Rol
from partners.models import Bevestiging, Relatie
from partners.resources import importeren
from tests.factories import (
    ActieFactory,
    BijeenkomstFactory,
    ContactpersoonFactory,
    LidmaatschapFactory,
    PartnerFactory,
    SignaalFactory,
    UserFactory,
)
from zorgnet.lib import fragmentcache, taakrecords
from zorgnet.netwerk.metrieken import kerncijfers_van
from zorgnet.netwerkanalyse.models import NetwerkAnalyse
from zorgnet.overzicht import cache

pytestmark = pytest.mark.django_db


def _pagina(client, buurt) -> str:
    return client.get(reverse("buurt_detail", args=[buurt.id])).content.decode()


def _sectie(html: str, slug: str) -> str:
    return html.split(f'id="sectie-{slug}"', 1)[1].split("</section>", 1)[0]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _versie(scopes) -> str:
    return fragmentcache.versies(
        buurten=[i for s, i in scopes if s == "b"], gemeenten=[i for s, i in scopes if s == "g"]
    )


# --- the registry: every scoped model is bumped or excluded with a reason -----------------------
def test_every_scoped_model_is_connected_or_excluded_with_a_reason():
    scoped = {
        m._meta.label
        for m, paden in fragmentcache.scoped_modellen(cache.SCOPE_MODELLEN).items()
        if paden and not cache.is_historiek(m)
    }
    verbonden = {m._meta.label for m in fragmentcache.verbonden()}
    assert scoped == verbonden | set(cache.UITGESLOTEN)
    assert not verbonden & set(cache.UITGESLOTEN)
    assert all(len(reden) > 20 for reden in cache.UITGESLOTEN.values())
    # The models the blocks read are among them.
    for label in ("activiteiten.Actie", "partners.Partner", "netwerkanalyse.NetwerkAnalyse"):
        assert label in verbonden


# --- laziness and keys --------------------------------------------------------------------------
def test_a_warm_hit_skips_the_blocks_queries_and_a_bump_recomputes(wereld, als):
    client = als(wereld.regisseur_a)
    url = reverse("buurt_detail", args=[wereld.buurt_a.id])
    koud = _queries(client, url)
    warm = _queries(client, url)
    assert warm <= koud - 10, (koud, warm)
    fragmentcache.wijzig(buurten=[wereld.buurt_a.id])
    assert _queries(client, url) == koud
    # Another buurt's write leaves this page warm.
    fragmentcache.wijzig(buurten=[wereld.buurt_b.id])
    assert _queries(client, url) == warm


def test_the_dashboard_is_warm_on_a_hit_and_recomputes_after_a_write(wereld, als):
    client = als(wereld.coordinator)
    url = reverse("dashboard")
    koud = _queries(client, url)
    warm = _queries(client, url)
    assert warm < koud, (koud, warm)
    PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a2])
    assert _queries(client, url) == koud


def test_users_with_other_roles_never_share_a_fragment(wereld, als, client):
    SignaalFactory(buurt=wereld.buurt_a, partner=None)
    regisseur = _sectie(_pagina(als(wereld.regisseur_a), wereld.buurt_a), "acties")
    assert "Signaal loggen" in regisseur and "Open signalen: 1" in regisseur
    client.logout()
    # The partner did not log that signal: it sees neither the count nor its text, from a warm cache.
    partner = _sectie(_pagina(als(wereld.partner_a), wereld.buurt_a), "acties")
    assert "Open signalen: 1" not in partner and "Signaal loggen" in partner
    client.logout()
    coordinator = _sectie(_pagina(als(wereld.coordinator), wereld.buurt_a), "acties")
    assert "Signaal loggen" not in coordinator
    # A second regisseur of the buurt shares the regisseur's fragment (same profile).
    tweede = UserFactory()
    LidmaatschapFactory(gebruiker=tweede, buurt=wereld.buurt_a, rol=Rol.REGISSEUR)
    client.logout()
    assert _sectie(_pagina(als(tweede), wereld.buurt_a), "acties") == regisseur


# --- a write changes what the next request shows ------------------------------------------------
def _getal(html: str, label: str) -> int:
    return int(re.search(r"<strong>(\d+)</strong>\s*" + re.escape(label), html).group(1))


def test_a_new_action_shows_at_once(wereld, als):
    client = als(wereld.regisseur_a)
    _pagina(client, wereld.buurt_a)
    ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner, status="gepland")
    assert _getal(_sectie(_pagina(client, wereld.buurt_a), "acties"), "Gepland") == 1
    ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner, status="gepland")
    assert _getal(_sectie(_pagina(client, wereld.buurt_a), "acties"), "Gepland") == 2


def test_a_partner_joining_the_buurt_m2m_shows_on_page_and_dashboard(wereld, als):
    client = als(wereld.coordinator)
    voor = _getal(_sectie(_pagina(client, wereld.buurt_a), "partners"), "partners in de buurt")
    nieuw = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[], status="actief")
    _pagina(client, wereld.buurt_a)  # warm again after the partner's own save
    nieuw.buurten.add(wereld.buurt_a)  # only m2m_changed
    na = _getal(_sectie(_pagina(client, wereld.buurt_a), "partners"), "partners in de buurt")
    assert na == voor + 1
    assert "2 partners in de buurt" in client.get(reverse("dashboard")).content.decode()
    nieuw.buurten.remove(wereld.buurt_a)
    assert "1 partner in de buurt<" in client.get(reverse("dashboard")).content.decode()


def test_the_relation_import_bulk_create_shows_at_once(wereld, als):
    client = als(wereld.regisseur_a)
    PartnerFactory(gemeente=wereld.gemeente_1, naam="Buurthuis", buurten=[wereld.buurt_a])
    assert (
        _getal(_sectie(_pagina(client, wereld.buurt_a), "partners"), "relaties te bevestigen") == 0
    )
    tekst = "van;naar;intensiteit;niveaus;begindatum;einddatum;status\n"
    tekst += "Buurthuis;OCMW Stederen;2;;;;verklaard\n"
    resultaat = importeren(
        buurt=wereld.buurt_a,
        soort="relaties",
        inhoud=tekst.encode(),
        formaat="csv",
        uitvoeren=True,
        door=wereld.regisseur_a,
    )
    assert resultaat.uitgevoerd
    assert Relatie.objects.filter(bevestiging=Bevestiging.OPEN).count() == 1
    assert (
        _getal(_sectie(_pagina(client, wereld.buurt_a), "partners"), "relaties te bevestigen") == 1
    )


def test_the_attendance_bulk_create_shows_at_once(wereld, als):
    client = als(wereld.regisseur_a)
    bijeenkomst = BijeenkomstFactory(
        buurt=wereld.buurt_a, type="intervisie", datum=timezone.localdate() - timedelta(days=1)
    )
    assert "aanwezigen" not in _sectie(_pagina(client, wereld.buurt_a), "bijeenkomsten")
    persoon = ContactpersoonFactory(partner=wereld.partner)
    aanwezigheid_bewaren(
        bijeenkomst=bijeenkomst,
        aanwezigen=[Aanwezige(contactpersoon=persoon, partner=wereld.partner)],
    )
    assert "aanwezigen op 1 intervisie" in _sectie(_pagina(client, wereld.buurt_a), "bijeenkomsten")


def test_the_network_job_states_queryset_updates_show_at_once(wereld, als):
    client = als(wereld.regisseur_a)
    assert "Nog geen netwerkanalyse" in _sectie(_pagina(client, wereld.buurt_a), "netwerk")
    analyse = NetwerkAnalyse.objects.create(
        scope="buurt",
        sleutel=f"buurt:{wereld.buurt_a.pk}",
        buurt=wereld.buurt_a,
        gemeente=wereld.gemeente_1,
    )
    assert "bezig" in _sectie(_pagina(client, wereld.buurt_a), "netwerk")
    assert taakrecords.claim(NetwerkAnalyse, analyse.pk)
    samenvatting = {
        "knopen": 7,
        "banden": 3,
        "componenten": 1,
        "eilandjes": [],
        "articulatiepunten": [],
    }
    resultaat = {"samenvatting": samenvatting}
    assert taakrecords.rond_af(
        NetwerkAnalyse, analyse.pk, metrieken=resultaat, kerncijfers=kerncijfers_van(resultaat)
    )
    tekst = " ".join(_sectie(_pagina(client, wereld.buurt_a), "netwerk").split())
    assert "7 partners, 3 banden" in tekst


def test_the_retention_job_queryset_update_bumps(wereld, als):
    oud = SignaalFactory(buurt=wereld.buurt_a, datum=timezone.localdate() - timedelta(days=3000))
    scopes = {("b", wereld.buurt_a.id)}
    voor = _versie(scopes)
    assert signalen_anonimiseren() == 1
    oud.refresh_from_db()
    assert oud.omschrijving == "" and _versie(scopes) != voor


def test_a_missing_version_starts_above_any_earlier_one(wereld):
    """After eviction or a flush the version does not return to a number a fragment used."""
    sleutel = fragmentcache._versiesleutel(("b", wereld.buurt_a.id))
    fragmentcache.versies(buurten=[wereld.buurt_a.id])
    fragmentcache._cache().set(sleutel, 5, timeout=None)
    fragmentcache.wijzig(buurten=[wereld.buurt_a.id])
    assert fragmentcache._cache().get(sleutel) == 6
    fragmentcache._cache().delete(sleutel)
    fragmentcache.versies(buurten=[wereld.buurt_a.id])
    assert fragmentcache._cache().get(sleutel) > 10**18


def test_two_buurten_whose_version_numbers_meet_still_have_different_versions(wereld):
    a, b = wereld.buurt_a.id, wereld.buurt_a2.id
    fragmentcache.versies(buurten=[a, b])
    cache = fragmentcache._cache()
    cache.set(
        fragmentcache._versiesleutel(("b", b)), cache.get(fragmentcache._versiesleutel(("b", a)))
    )
    assert fragmentcache.versies(buurten=[a]) != fragmentcache.versies(buurten=[b])


def test_the_meeting_list_figures_come_from_the_cache_and_follow_a_new_meeting(wereld, als):
    """The meeting list shows the buurt page's meeting figures from the versioned cache: a warm
    request skips their queries, and a new meeting shows at once."""
    client = als(wereld.regisseur_a)
    url = reverse("activiteiten:bijeenkomst_list", args=[wereld.buurt_a.id])
    koud = _queries(client, url)
    warm = _queries(client, url)
    assert warm <= koud - 4, (koud, warm)
    voor = client.get(url).context["cijfers"]["dit_jaar"]
    BijeenkomstFactory(buurt=wereld.buurt_a, datum=timezone.localdate())
    assert client.get(url).context["cijfers"]["dit_jaar"] == voor + 1


def test_the_coordinators_signal_counts_come_from_the_cache_and_follow_each_new_signal(wereld, als):
    """The counts a coordinator gets instead of the signal list are kept per buurt version and
    period: warm, their query is skipped; a new signal, and another period, show at once."""
    client = als(wereld.coordinator)
    url = reverse("activiteiten:signaal_list", args=[wereld.buurt_a.id])
    koud = _queries(client, url)
    assert _queries(client, url) == koud - 1
    leeg = client.get(url).context["tellingen"]
    for _ in range(6):
        SignaalFactory(buurt=wereld.buurt_a, partner=None)
    zes = client.get(url).context["tellingen"]
    assert zes != leeg and zes["totaal"] == 6
    # A period before any signal: counted anew, not the whole buurt's figure.
    assert client.get(url, {"van": "2001-01-01", "tot": "2001-12-31"}).context["tellingen"] == leeg


def test_the_filter_bar_comes_from_the_cache_and_follows_a_new_package(wereld, als):
    """The action list's filter bar is kept per query and buurt version: warm, the package
    choices are not queried; a new package, and another query, show at once."""
    from activiteiten.models import Activiteitenpakket

    client = als(wereld.regisseur_a)
    url = reverse("activiteiten:actie_list", args=[wereld.buurt_a.id])
    koud = _queries(client, url)
    warm = _queries(client, url)
    assert warm == koud - 2, (koud, warm)  # the package choices and the page count
    Activiteitenpakket.objects.create(buurt=wereld.buurt_a, naam="Ontwar het bos: wandelroute")
    html = client.get(url).content.decode()
    assert "Ontwar het bos: wandelroute" in html.split('class="filters"', 1)[1].split("</form>")[0]
    gekozen = client.get(url + "?status=gepland").content.decode()
    assert re.search(r'<option value="gepland"[^>]* selected', gekozen)
    assert not re.search(r'<option value="gepland"[^>]* selected', html)


# --- list pages: the number of rows behind the pagination ------------------------------------
def _tellingen(ctx) -> int:
    return sum('COUNT(*) AS "__count"' in q["sql"] for q in ctx.captured_queries)


@pytest.mark.parametrize(
    "rol,url_naam,query,nieuw",
    [
        ("regisseur_a", "activiteiten:actie_list", "", "actie"),
        ("regisseur_a", "activiteiten:actie_list", "?status=gepland", "actie"),
        ("regisseur_a", "activiteiten:signaal_open", "", "signaal"),
        ("regisseur_a", "activiteiten:signaal_list", "?status=nieuw", "signaal"),
        ("partner_a", "activiteiten:signaal_list", "", "signaal"),
        ("regisseur_a", "activiteiten:bijeenkomst_list", "", "bijeenkomst"),
        ("regisseur_a", "partners:partner_list", "", "partner"),
        ("partner_a", "partners:partner_list", "?status=actief", "partner"),
    ],
)
def test_a_list_counts_its_rows_once_per_version_and_a_new_row_shows_at_once(
    wereld, als, rol, url_naam, query, nieuw
):
    """The pagination's count is kept under the buurt's and gemeente's versions and the query's
    own SQL: a warm request does not count, a new row (through a model save) counts at once."""
    client = als(getattr(wereld, rol))
    url = reverse(url_naam, args=[wereld.buurt_a.id]) + query
    client.get(url)
    with CaptureQueriesContext(connection) as warm:
        voor = client.get(url).context["pagina"].paginator.count
    assert _tellingen(warm) == 0
    maak = {
        "actie": lambda: ActieFactory(
            buurt=wereld.buurt_a, trekker=wereld.partner, status="gepland"
        ),
        "signaal": lambda: SignaalFactory(
            buurt=wereld.buurt_a, partner=wereld.partner, status="nieuw"
        ),
        "bijeenkomst": lambda: BijeenkomstFactory(buurt=wereld.buurt_a),
        "partner": lambda: PartnerFactory(
            gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a], status="actief"
        ),
    }[nieuw]
    maak()
    with CaptureQueriesContext(connection) as koud:
        assert client.get(url).context["pagina"].paginator.count == voor + 1
    assert _tellingen(koud) >= 1  # the meeting list also recounts its figures


def test_a_partner_status_change_recounts_the_filtered_partner_list(wereld, als):
    """A partner's own row is scoped by its gemeente: that version is in the count's key."""
    client = als(wereld.regisseur_a)
    url = reverse("partners:partner_list", args=[wereld.buurt_a.id]) + "?status=actief"
    voor = client.get(url).context["pagina"].paginator.count
    assert voor >= 1 and wereld.partner.status == "actief"
    wereld.partner.status = "gestopt"
    wereld.partner.save()
    assert client.get(url).context["pagina"].paginator.count == voor - 1


def test_users_with_different_scopes_never_share_a_count(wereld, als):
    """A partner reads only its own and referred signals; the regisseur reads them all."""
    SignaalFactory(buurt=wereld.buurt_a, partner=wereld.partner, status="nieuw")
    SignaalFactory(buurt=wereld.buurt_a, partner=None, status="nieuw")
    url = reverse("activiteiten:signaal_list", args=[wereld.buurt_a.id])
    regie = als(wereld.regisseur_a).get(url).context["pagina"].paginator.count
    partner = als(wereld.partner_a).get(url).context["pagina"].paginator.count
    assert regie == partner + 1


# --- a partner user's 'Mijn taken' --------------------------------------------------------------
def _taken(client, url, buurt) -> str:
    html = client.get(url).content.decode()
    return html.split(f'id="mijn-taken-{buurt.id}"', 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize("pagina", ["dashboard", "buurt_detail"])
def test_the_to_dos_come_from_the_cache_and_every_answer_shows_at_once(wereld, als, pagina):
    """The to-dos are cached per buurt and profile: warm, their three queries are skipped; a tie
    declared about the partner, a referral to it and the answer to the tie show at once."""
    from activiteiten.acties.services import doorverwijzen
    from partners.services import relatie_beantwoorden, relatie_verklaren

    url = reverse(pagina, args=[] if pagina == "dashboard" else [wereld.buurt_a.id])
    client = als(wereld.partner_a)
    koud = _queries(client, url)
    assert _queries(client, url) <= koud - 3
    assert "Niets te doen" in _taken(client, url, wereld.buurt_a)

    school = PartnerFactory(
        gemeente=wereld.gemeente_1, naam="School De Linde", buurten=[wereld.buurt_a]
    )
    relatie = relatie_verklaren(
        van_partner=school, naar_partner=wereld.partner, intensiteit=2, door=wereld.regisseur_a
    )
    taken = _taken(client, url, wereld.buurt_a)
    assert "School De Linde verklaarde een relatie met OCMW Stederen" in taken
    assert '<span class="label">1</span>' in taken

    doorverwijzen(
        signaal=SignaalFactory(buurt=wereld.buurt_a, partner=school),
        naar_partner=wereld.partner,
        van_partner=school,
        door=wereld.regisseur_a,
    )
    taken = _taken(client, url, wereld.buurt_a)
    assert "Doorverwijzing ontvangen" in taken and '<span class="label">2</span>' in taken

    relatie_beantwoorden(relatie=relatie, antwoord=Bevestiging.BEVESTIGD, door=wereld.partner_a)
    taken = _taken(client, url, wereld.buurt_a)
    assert "verklaarde een relatie" not in taken and '<span class="label">1</span>' in taken


def test_two_partner_organisations_never_share_their_to_dos(wereld, als, client):
    school = PartnerFactory(
        gemeente=wereld.gemeente_1, naam="School De Linde", buurten=[wereld.buurt_a]
    )
    leerkracht = UserFactory()
    LidmaatschapFactory(gebruiker=leerkracht, buurt=wereld.buurt_a, rol=Rol.PARTNER, partner=school)
    Relatie.objects.create(van_partner=wereld.partner, naar_partner=school, intensiteit=2)
    url = reverse("dashboard")
    assert "OCMW Stederen verklaarde" in _taken(als(leerkracht), url, wereld.buurt_a)
    client.logout()
    # The OCMW's user reads right after, from the same buurt version: not the school's to-dos.
    assert "Niets te doen" in _taken(als(wereld.partner_a), url, wereld.buurt_a)
