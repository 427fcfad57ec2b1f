"""Talking points computed from the data of the other capabilities, the trend per factor and the
contact-moment tally (issue 22)."""

from datetime import date, timedelta

import pytest

from activiteiten.models import Capaciteit, Reflectiemoment
from activiteiten.reflectie import selectors, services
from tests.factories import (
    ActiviteitenpakketFactory,
    ActiviteitFactory,
    BijeenkomstFactory,
    ContactpersoonFactory,
    MandaatFactory,
    NetwerkrolFactory,
    PartnerFactory,
    RelatieFactory,
    UitkomstFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reflectiekaders")]
VANDAAG = date.today()


def _moment(w, titel="Reflectie", datum=None, **velden) -> Reflectiemoment:
    m = Reflectiemoment(
        buurt=w.buurt_a,
        titel=titel,
        datum=datum or VANDAAG,
        periode_van=VANDAAG - timedelta(days=90),
        periode_tot=VANDAAG,
        **velden,
    )
    return services.reflectie_aanmaken(moment=m, partners=[w.partner])


def _soorten(punten) -> list[str]:
    return [p.soort for p in punten]


def test_a_quiet_buurt_has_no_talking_points(wereld):
    assert selectors.gespreksonderwerpen(_moment(wereld)) == []


def test_a_role_resting_on_one_person_and_an_expired_mandate(wereld):
    w = wereld
    persoon = ContactpersoonFactory(partner=w.partner, voornaam="Els", achternaam="Maes")
    NetwerkrolFactory(buurt=w.buurt_a, contactpersoon=persoon, rol="warmmaker")
    MandaatFactory(
        buurt=w.buurt_a,
        contactpersoon=persoon,
        geldig_van=VANDAAG - timedelta(days=400),
        geldig_tot=VANDAAG - timedelta(days=5),
    )
    punten = selectors.gespreksonderwerpen(_moment(w))
    assert sorted(_soorten(punten)) == ["kwetsbare_rol", "verlopen"]
    assert any("Warmmaker" in p.tekst and "Els Maes" in p.tekst for p in punten)


def test_most_ties_only_sharing_information(wereld):
    w = wereld
    partners = [PartnerFactory(gemeente=w.gemeente_1, buurten=[w.buurt_a]) for _ in range(3)]
    RelatieFactory(van_partner=w.partner, naar_partner=partners[0], intensiteit=2)
    RelatieFactory(van_partner=w.partner, naar_partner=partners[1], intensiteit=1)
    RelatieFactory(van_partner=w.partner, naar_partner=partners[2], intensiteit=4)
    punten = selectors.gespreksonderwerpen(_moment(w))
    assert _soorten(punten) == ["info_delen"]
    assert "2 van de 3 banden" in punten[0].tekst
    RelatieFactory(van_partner=partners[0], naar_partner=partners[1], intensiteit=3)
    assert selectors.gespreksonderwerpen(_moment(w, "Tweede")) == []  # 2 of 4: not most


def test_meetings_without_an_agreed_action(wereld):
    w = wereld
    zonder = BijeenkomstFactory(buurt=w.buurt_a, datum=VANDAAG - timedelta(days=10), titel="Stil")
    met = BijeenkomstFactory(buurt=w.buurt_a, datum=VANDAAG - timedelta(days=20), titel="Actief")
    UitkomstFactory(bijeenkomst=met, soort="actie", eigenaar=w.partner)
    BijeenkomstFactory(buurt=w.buurt_a, datum=VANDAAG - timedelta(days=200), titel="Oud")
    punten = selectors.gespreksonderwerpen(_moment(w))
    assert _soorten(punten) == ["bijeenkomst_zonder_actie"]
    assert "Stil" in punten[0].tekst and "Actief" not in punten[0].tekst
    assert "Oud" not in punten[0].tekst and zonder.titel in punten[0].tekst


def test_partners_with_a_capacity_but_in_no_team(wereld):
    w = wereld
    in_team = PartnerFactory(gemeente=w.gemeente_1, buurten=[w.buurt_a], naam="Buurtwerk")
    activiteit = ActiviteitFactory(buurt=w.buurt_a)
    Capaciteit.objects.create(activiteit=activiteit, partner=w.partner)
    Capaciteit.objects.create(activiteit=activiteit, partner=in_team)
    ActiviteitenpakketFactory(buurt=w.buurt_a).team.set([in_team])
    punten = selectors.gespreksonderwerpen(_moment(w))
    assert _soorten(punten) == ["capaciteit_zonder_team"]
    assert w.partner.naam in punten[0].tekst and "Buurtwerk" not in punten[0].tekst
    assert w.partner.naam in punten[0].voorstel


def test_low_scores_and_a_tension_leaning_to_one_pole(wereld):
    m = _moment(wereld, samen_scoren=True)
    factor = selectors.factoren()[2]
    veld = selectors.spanningsvelden()[1]
    services.scores_bewaren(
        moment=m, deelnemer="samen", waarden={factor.id: (1, ""), veld.id: (5, "")}
    )
    punten = selectors.gespreksonderwerpen(m)
    assert _soorten(punten) == ["lage_factor", "spanningsveld"]
    assert factor.naam in punten[0].tekst
    assert veld.pool_rechts in punten[1].tekst


def test_the_trend_per_factor_follows_the_sessions_in_date_order(wereld):
    f1, f2 = selectors.factoren()[:2]
    later = _moment(wereld, "Later", datum=VANDAAG, samen_scoren=True)
    eerder = _moment(wereld, "Eerder", datum=VANDAAG - timedelta(days=100), samen_scoren=True)
    services.scores_bewaren(moment=eerder, deelnemer="samen", waarden={f1.id: (2, "")})
    services.scores_bewaren(
        moment=later, deelnemer="samen", waarden={f1.id: (4, ""), f2.id: (3, "")}
    )
    trend = selectors.factortrend([wereld.buurt_a.id])
    assert len(trend["labels"]) == 2
    assert [(f.naam, w) for f, w in trend["rijen"]] == [
        (f1.naam, [2.0, 4.0]),
        (f2.naam, [None, 3.0]),
    ]
    grafieken = selectors.trendgrafieken(trend)
    assert len(grafieken) == 2 and all(str(g).startswith("<svg") for _f, g in grafieken)


def test_the_contact_tally_per_month_and_kind(wereld):
    w = wereld
    for datum, soort, n in [
        (date(2026, 3, 2), "koffieklets", 2),
        (date(2026, 3, 20), "koffieklets", 3),
        (date(2026, 3, 21), "huisbezoek", 1),
        (date(2026, 4, 1), "telefoontje", 4),
    ]:
        services.contactmoment_tellen(buurt=w.buurt_a, soort=soort, datum=datum, aantal=n)
    services.contactmoment_tellen(buurt=w.buurt_b, soort="koffieklets", datum=date(2026, 3, 3))
    t = selectors.contacttelling([w.buurt_a.id], van=date(2026, 3, 1), tot=date(2026, 4, 30))
    assert [code for code, _l in t["soorten"]] == ["koffieklets", "huisbezoek", "telefoontje"]
    assert t["maanden"] == [(date(2026, 3, 1), [5, 1, 0], 6), (date(2026, 4, 1), [0, 0, 4], 4)]
    assert t["totaal"] == 10
