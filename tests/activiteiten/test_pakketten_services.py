"""Services and warnings of the activity packages: bad input writes nothing, the method's warnings."""

import pytest
from django.core.exceptions import ValidationError

from activiteiten.models import (
    Activiteit,
    Activiteitenpakket,
    Capaciteit,
    Doel,
    DoelVersie,
    PakketRelatie,
    Samenhang,
    Starttemplate,
    ToCSoort,
)
from activiteiten.pakketten import selectors, services
from tests.factories import (
    ActieFactory,
    ActiviteitFactory,
    BuurtanalyseFactory,
    PartnerFactory,
    UitdagingFactory,
)
from zorgnet.lib.choices import Coordinatievorm, Intensiteit, Schaal

pytestmark = pytest.mark.django_db


def _pakket(w, naam, activiteiten, team=(), **extra):
    velden = {
        "ideale_schaal": Schaal.GEOGRAFISCHE_BUURT,
        "intensiteit": Intensiteit.ACTIVITEITEN_AFSTEMMEN,
        "coordinatie": Coordinatievorm.DECENTRAAL,
    }
    velden.update(extra)
    return services.pakket_opslaan(
        buurt=w.buurt_a, naam=naam, activiteiten=activiteiten, team=team, **velden
    )


def _waarschuwingen(w):
    return selectors.overzicht(w.regisseur_a, w.buurt_a)["waarschuwingen"]


# --- bad input --------------------------------------------------------------------------------
def test_it_refuses_a_package_without_activities(wereld):
    with pytest.raises(ValidationError, match="minstens één activiteit"):
        _pakket(wereld, "Leeg", [])
    assert not Activiteitenpakket.objects.exists()


def test_it_refuses_a_team_member_outside_the_gemeente(wereld):
    act = ActiviteitFactory(buurt=wereld.buurt_a)
    buiten = PartnerFactory(gemeente=wereld.gemeente_2, naam="Vreemde partner")
    with pytest.raises(ValidationError, match="Vreemde partner werkt niet in deze buurt"):
        _pakket(wereld, "Pakket", [act], team=[wereld.partner, buiten])
    assert not Activiteitenpakket.objects.exists()
    assert Activiteit.objects.get().pakket is None


def test_it_refuses_a_relation_of_a_package_with_itself(wereld):
    pakket = _pakket(wereld, "Pakket", [ActiviteitFactory(buurt=wereld.buurt_a)])
    with pytest.raises(ValidationError, match="relatie met zichzelf"):
        services.pakketrelatie_opslaan(
            pakket_a=pakket, pakket_b=pakket, intensiteit=Intensiteit.INFO_DELEN
        )
    assert not PakketRelatie.objects.exists()


@pytest.mark.parametrize("gewicht", [-1, 6, 99])
def test_it_refuses_weights_outside_the_range_and_writes_nothing(wereld, gewicht):
    a, b, c = (ActiviteitFactory(buurt=wereld.buurt_a) for _ in range(3))
    with pytest.raises(ValidationError, match="buiten het toegelaten bereik"):
        services.samenhang_instellen(
            buurt=wereld.buurt_a, gewichten={(a.pk, b.pk): 3, (b.pk, c.pk): gewicht}
        )
    assert not Samenhang.objects.exists()


def test_it_refuses_samenhang_with_an_activity_of_another_buurt(wereld):
    a = ActiviteitFactory(buurt=wereld.buurt_a)
    vreemd = ActiviteitFactory(buurt=wereld.buurt_b)
    with pytest.raises(ValidationError, match="hoort niet bij deze buurt"):
        services.samenhang_instellen(buurt=wereld.buurt_a, gewichten={(a.pk, vreemd.pk): 3})
    assert not Samenhang.objects.exists()


def test_samenhang_is_stored_once_per_pair_and_zero_removes_it(wereld):
    a, b = ActiviteitFactory(buurt=wereld.buurt_a), ActiviteitFactory(buurt=wereld.buurt_a)
    services.samenhang_instellen(buurt=wereld.buurt_a, gewichten={(b.pk, a.pk): 2})
    services.samenhang_instellen(buurt=wereld.buurt_a, gewichten={(a.pk, b.pk): 4})
    assert list(Samenhang.objects.values_list("gewicht", flat=True)) == [4]
    services.samenhang_instellen(buurt=wereld.buurt_a, gewichten={(a.pk, b.pk): 0})
    assert not Samenhang.objects.exists()


# --- goals ------------------------------------------------------------------------------------
def test_every_goal_change_keeps_a_version_with_its_reason(wereld):
    uitdaging = UitdagingFactory(analyse=BuurtanalyseFactory(buurt=wereld.buurt_a))
    doel = services.doel_aanmaken(
        buurt=wereld.buurt_a, titel="Ontmoeting", termijn="kort", uitdagingen=[uitdaging]
    )
    with pytest.raises(ValidationError, match="reden"):
        services.doel_wijzigen(doel=doel, titel="Ander doel", termijn="lang", reden="  ")
    assert Doel.objects.get().titel == "Ontmoeting"
    services.doel_wijzigen(
        doel=doel, titel="Ontmoeting en zorgzaamheid", termijn="lang", reden="Bevraging."
    )
    doel.refresh_from_db()
    assert doel.versie == 2 and doel.titel == "Ontmoeting en zorgzaamheid"
    assert list(DoelVersie.objects.order_by("versie").values_list("titel", "reden")) == [
        ("Ontmoeting", "Eerste versie"),
        ("Ontmoeting en zorgzaamheid", "Bevraging."),
    ]
    assert list(doel.uitdagingen.all()) == [uitdaging]


def test_a_goal_cannot_link_a_challenge_of_another_buurt(wereld):
    vreemd = UitdagingFactory(analyse=BuurtanalyseFactory(buurt=wereld.buurt_b))
    with pytest.raises(ValidationError, match="hoort niet bij deze buurt"):
        services.doel_aanmaken(
            buurt=wereld.buurt_a, titel="X", termijn="kort", uitdagingen=[vreemd]
        )
    assert not Doel.objects.exists()


def test_the_theory_of_change_is_a_tree_under_an_impact(wereld):
    b = wereld.buurt_a
    impact = services.toc_element_toevoegen(buurt=b, soort=ToCSoort.IMPACT, titel="Impact")
    tussen = services.toc_element_toevoegen(
        buurt=b, soort=ToCSoort.TUSSENDOEL, titel="Tussendoel", ouder=impact
    )
    services.toc_element_toevoegen(
        buurt=b, soort=ToCSoort.INDICATOR, titel="Indicator", ouder=tussen
    )
    with pytest.raises(ValidationError):
        services.toc_element_toevoegen(buurt=b, soort=ToCSoort.TUSSENDOEL, titel="Los")
    assert [(d, e.titel) for d, e in selectors.toc_boom(b)] == [
        (0, "Impact"),
        (1, "Tussendoel"),
        (2, "Indicator"),
    ]


def test_start_templates_are_seeded_and_create_goal_and_activities(wereld):
    from activiteiten.pakketten.sjablonen import zaai_starttemplates

    zaai_starttemplates()  # idempotent; a flushing transactional test may have run before
    zaai_starttemplates()
    template = Starttemplate.objects.get(
        doel="Eenzaamheid en sociale isolatie detecteren en tegengaan"
    )
    assert "Gesloten houding buurtbewoners" in template.drempels
    assert Starttemplate.objects.count() >= 10
    doel = services.starttemplate_toepassen(buurt=wereld.buurt_a, template=template)
    services.starttemplate_toepassen(buurt=wereld.buurt_a, template=template)
    assert doel.titel == template.doel
    assert sorted(Activiteit.objects.values_list("naam", flat=True)) == sorted(template.acties)


# --- warnings ---------------------------------------------------------------------------------
def test_it_warns_about_team_size_outside_six_to_eight(wereld):
    act = ActiviteitFactory(buurt=wereld.buurt_a)
    team = [PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a]) for _ in range(9)]
    for p in team:
        Capaciteit.objects.create(activiteit=act, partner=p)
    klein = _pakket(wereld, "Klein", [act], team=team[:3])
    groot = _pakket(wereld, "Groot", [ActiviteitFactory(buurt=wereld.buurt_a)], team=team)
    Activiteit.objects.filter(pakket=groot).update(pakket=None)
    act.pakket = groot
    act.save()
    goed_act = ActiviteitFactory(buurt=wereld.buurt_a)
    for p in team[:7]:
        Capaciteit.objects.create(activiteit=goed_act, partner=p)
    goed = _pakket(wereld, "Goed", [goed_act], team=team[:7])
    w = _waarschuwingen(wereld)
    assert any("Team van 3 partners" in t for t in w[klein.pk])
    assert any("Team van 9 partners" in t for t in w[groot.pk])
    assert w[goed.pk] == []


def test_it_asks_niet_nodige_partner_for_a_team_member_without_activity(wereld):
    act = ActiviteitFactory(buurt=wereld.buurt_a)
    nodig = PartnerFactory(gemeente=wereld.gemeente_1, naam="Nodig", buurten=[wereld.buurt_a])
    los = PartnerFactory(gemeente=wereld.gemeente_1, naam="Los", buurten=[wereld.buurt_a])
    Capaciteit.objects.create(activiteit=act, partner=nodig)
    pakket = _pakket(wereld, "P", [act], team=[nodig, los])
    teksten = _waarschuwingen(wereld)[pakket.pk]
    assert any("Niet-nodige partner? Los" in t for t in teksten)
    assert not any("Nodig is" in t for t in teksten)


def test_it_says_herbekijk_de_opsplitsing_for_samen_uitvoeren_on_every_level(wereld):
    p1 = _pakket(wereld, "Een", [ActiviteitFactory(buurt=wereld.buurt_a)])
    p2 = _pakket(wereld, "Twee", [ActiviteitFactory(buurt=wereld.buurt_a)])
    services.pakketrelatie_opslaan(
        pakket_a=p2,
        pakket_b=p1,
        intensiteit=Intensiteit.SAMEN_UITVOEREN,
        gezamenlijke_niveaus=["strategisch", "structureel"],
    )
    assert not any("Herbekijk" in t for t in _waarschuwingen(wereld)[p1.pk])
    services.pakketrelatie_opslaan(
        pakket_a=p1,
        pakket_b=p2,
        intensiteit=Intensiteit.SAMEN_UITVOEREN,
        gezamenlijke_niveaus=["operationeel", "strategisch", "structureel"],
    )
    assert PakketRelatie.objects.count() == 1
    w = _waarschuwingen(wereld)
    assert any("Herbekijk de opsplitsing" in t for t in w[p1.pk])
    assert any("Herbekijk de opsplitsing" in t for t in w[p2.pk])


def test_it_warns_when_a_package_is_larger_than_a_strongly_coherent_one(wereld):
    a, b = ActiviteitFactory(buurt=wereld.buurt_a), ActiviteitFactory(buurt=wereld.buurt_a)
    klein = _pakket(wereld, "Klein", [a], ideale_schaal=Schaal.GELEEFDE_BUURT)
    groot = _pakket(wereld, "Groot", [b], ideale_schaal=Schaal.GEMEENTE_STAD_RAND)
    services.samenhang_instellen(buurt=wereld.buurt_a, gewichten={(a.pk, b.pk): 2})
    assert not any("Grotere schaal" in t for t in _waarschuwingen(wereld)[groot.pk])
    services.samenhang_instellen(buurt=wereld.buurt_a, gewichten={(a.pk, b.pk): 5})
    w = _waarschuwingen(wereld)
    assert any("Grotere schaal dan het sterk samenhangende pakket Klein" in t for t in w[groot.pk])
    assert not any("Grotere schaal" in t for t in w[klein.pk])


# --- advice -----------------------------------------------------------------------------------
def test_accepting_the_advice_splits_two_cliques_into_two_packages(wereld):
    links = [ActiviteitFactory(buurt=wereld.buurt_a, naam=f"L{i}") for i in range(3)]
    rechts = [ActiviteitFactory(buurt=wereld.buurt_a, naam=f"R{i}") for i in range(3)]
    gewichten = {}
    for groep in (links, rechts):
        for i, x in enumerate(groep):
            for y in groep[i + 1 :]:
                gewichten[(x.pk, y.pk)] = 5
    gewichten[(links[0].pk, rechts[0].pk)] = 1
    services.samenhang_instellen(buurt=wereld.buurt_a, gewichten=gewichten)
    # A poor current split: per function, mixing both cliques.
    alles = _pakket(wereld, "Alles", links + rechts)
    voor = selectors.samenhang_advies(wereld.regisseur_a, wereld.buurt_a)
    assert not voor.zelfde
    assert voor.voorstel_modulariteit > voor.huidige_modulariteit
    services.advies_overnemen(buurt=wereld.buurt_a)
    groepen = sorted(
        sorted(a.naam for a in p.activiteiten.all())
        for p in Activiteitenpakket.objects.filter(buurt=wereld.buurt_a)
        if p.activiteiten.exists()
    )
    assert groepen == [["L0", "L1", "L2"], ["R0", "R1", "R2"]]
    assert Activiteitenpakket.objects.filter(pk=alles.pk).exists()  # reused, not recreated
    na = selectors.samenhang_advies(wereld.regisseur_a, wereld.buurt_a)
    assert na.zelfde and na.huidige_modulariteit == pytest.approx(na.voorstel_modulariteit)


def test_an_actie_can_belong_to_a_package_and_survives_its_removal(wereld):
    pakket = _pakket(wereld, "P", [ActiviteitFactory(buurt=wereld.buurt_a)])
    actie = ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner, pakket=pakket)
    pakket.delete()
    actie.refresh_from_db()
    assert actie.pakket is None


def test_package_teams_are_an_observed_collaboration_source(wereld):
    from zorgnet.netwerkanalyse.bronnen import waargenomen_banden

    p1, p2, p3 = (
        PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a]) for _ in range(3)
    )
    _pakket(wereld, "P", [ActiviteitFactory(buurt=wereld.buurt_a)], team=[p1, p2, p3])
    banden = {
        (b.partner_a, b.partner_b)
        for b in waargenomen_banden([wereld.buurt_a.pk])
        if b.bron == "pakketteam"
    }
    assert banden == {(p1.pk, p2.pk), (p1.pk, p3.pk), (p2.pk, p3.pk)}
    assert not [b for b in waargenomen_banden([wereld.buurt_b.pk]) if b.bron == "pakketteam"]
