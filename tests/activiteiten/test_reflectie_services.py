"""Reflection cycle writes (issue 22): bad input gives a Dutch message and writes nothing; partners
contribute for their own organisation only; follow-ups go through the actions and goals services."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from activiteiten.models import (
    Actie,
    Contactmoment,
    DoelVersie,
    FrameworkSoort,
    GeoogsteUitkomst,
    Reflectiemoment,
    Reflectieopvolging,
    Reflectiescore,
    Succes,
    Toestemming,
    Verhaal,
    Voortgangsindicator,
)
from activiteiten.reflectie import selectors, services
from activiteiten.reflectie.kaders import REFLECTIEKADERS, zaai_reflectiekaders
from tests.factories import ActieFactory, DoelFactory, PartnerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reflectiekaders")]


@pytest.fixture
def moment(wereld):
    tweede = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    vandaag = date.today()
    m = Reflectiemoment(
        buurt=wereld.buurt_a,
        titel="Reflectie",
        periode_van=vandaag - timedelta(days=90),
        periode_tot=vandaag,
        samen_scoren=False,
    )
    return services.reflectie_aanmaken(moment=m, partners=[wereld.partner, tweede])


def test_the_frameworks_are_seeded_with_the_exact_counts():
    assert len(selectors.factoren()) == 9
    assert len(selectors.spanningsvelden()) == 6
    assert len(selectors.vragen()) == 5
    velden = selectors.spanningsvelden()
    assert velden[0].pool_links == "grootte en diversiteit van netwerk"
    assert velden[0].pool_rechts == "coördinatie en borging"
    categorieen = {e.framework.naam for e in selectors.elementen(FrameworkSoort.UITKOMSTEN)}
    assert categorieen == {"Buurtbewoners", "Partners", "Externe partners", "Eigen organisatie"}
    zaai_reflectiekaders()  # idempotent
    assert len(selectors.factoren()) == 9
    assert sum(len(k["elementen"]) for k in REFLECTIEKADERS) == 9 + 6 + 5 + 4 + 2 + 2 + 2


def test_a_reflection_without_participants_is_refused(wereld):
    m = Reflectiemoment(
        buurt=wereld.buurt_a, titel="Alleen", periode_van=date(2026, 1, 1), periode_tot=date.today()
    )
    with pytest.raises(ValidationError) as fout:
        services.reflectie_aanmaken(moment=m, partners=[])
    assert "minstens één deelnemende partner" in str(fout.value)
    assert not Reflectiemoment.objects.exists()


def test_a_partner_from_another_buurt_cannot_take_part(wereld):
    vreemd = PartnerFactory(gemeente=wereld.gemeente_2, buurten=[wereld.buurt_b])
    m = Reflectiemoment(
        buurt=wereld.buurt_a, titel="X", periode_van=date(2026, 1, 1), periode_tot=date.today()
    )
    with pytest.raises(ValidationError):
        services.reflectie_aanmaken(moment=m, partners=[vreemd])
    assert not Reflectiemoment.objects.exists()


@pytest.mark.parametrize("slecht", [0, 6, "drie", None])
def test_a_score_outside_1_to_5_refuses_the_whole_set(moment, wereld, slecht):
    f1, f2 = selectors.factoren()[:2]
    with pytest.raises(ValidationError) as fout:
        services.scores_bewaren(
            moment=moment,
            deelnemer=f"p{wereld.partner.id}",
            waarden={f1.id: (4, ""), f2.id: (slecht, "")},
        )
    assert "tussen 1 en 5" in str(fout.value)
    assert not Reflectiescore.objects.exists()


def test_scores_per_participant_replace_only_their_own(moment, wereld):
    f1 = selectors.factoren()[0]
    veld = selectors.spanningsvelden()[0]
    services.scores_bewaren(moment=moment, deelnemer="regisseur", waarden={f1.id: (2, "")})
    services.scores_bewaren(
        moment=moment,
        deelnemer=f"p{wereld.partner.id}",
        waarden={f1.id: (4, ""), veld.id: (5, "Te groot om te coördineren")},
    )
    services.scores_bewaren(
        moment=moment, deelnemer=f"p{wereld.partner.id}", waarden={f1.id: (5, "")}
    )
    tabel = selectors.scoretabel(moment)
    assert sorted(s.waarde for s in tabel["factoren"][0].scores) == [2, 5]
    assert tabel["factoren"][0].gemiddelde == 3.5
    assert tabel["spanningsvelden"][0].scores == []


def test_a_partner_that_does_not_take_part_cannot_score(moment, wereld):
    buiten = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    with pytest.raises(ValidationError):
        services.scores_bewaren(
            moment=moment, deelnemer=f"p{buiten.id}", waarden={selectors.factoren()[0].id: (3, "")}
        )
    with pytest.raises(ValidationError):
        services.scores_bewaren(moment=moment, deelnemer="samen", waarden={})
    assert not Reflectiescore.objects.exists()


def test_an_answer_naming_a_resident_by_phone_is_refused(moment):
    v1, v2 = selectors.vragen()[:2]
    with pytest.raises(ValidationError) as fout:
        services.antwoorden_bewaren(
            moment=moment, antwoorden={v1.id: "Goed.", v2.id: "Bel mevrouw op 0470 12 34 56."}
        )
    assert "telefoonnummer" in str(fout.value)
    assert not moment.antwoorden.exists()


def test_a_follow_up_becomes_an_action_through_the_actions_service(moment, wereld):
    opvolging = services.opvolging_als_actie(
        moment=moment,
        actie=Actie(titel="Back-up zoeken", trekker=wereld.partner, categorie="ontmoeting"),
        aanleiding="Rol op één persoon",
        door=wereld.regisseur_a,
    )
    actie = Actie.objects.get()
    assert opvolging.actie == actie and actie.buurt == wereld.buurt_a
    assert actie.aangemaakt_door == wereld.regisseur_a


def test_a_follow_up_with_a_bad_action_writes_nothing(moment, wereld):
    vreemd = PartnerFactory(gemeente=wereld.gemeente_2, buurten=[wereld.buurt_b])
    with pytest.raises(ValidationError):
        services.opvolging_als_actie(moment=moment, actie=Actie(titel="X", trekker=vreemd))
    assert not Actie.objects.exists() and not Reflectieopvolging.objects.exists()


def test_a_goal_change_is_versioned_with_the_reflection_as_reason(moment, wereld):
    doel = DoelFactory(buurt=wereld.buurt_a, titel="Oud doel")
    services.opvolging_als_doelwijziging(
        moment=moment,
        doel=doel,
        titel="Bijgestuurd doel",
        termijn="kort",
        omschrijving="",
        reden="Te breed",
    )
    doel.refresh_from_db()
    assert doel.titel == "Bijgestuurd doel" and doel.versie == 2
    assert "Reflectie" in DoelVersie.objects.get(doel=doel, versie=2).reden
    with pytest.raises(ValidationError):
        services.opvolging_als_doelwijziging(
            moment=moment, doel=doel, titel="Y", termijn="kort", omschrijving="", reden=" "
        )
    assert Reflectieopvolging.objects.count() == 1


def test_a_partner_adds_a_success_for_its_own_work_only(wereld):
    ander = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    eigen_actie = ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner)
    andere_actie = ActieFactory(buurt=wereld.buurt_a, trekker=ander)
    eigen = {wereld.partner.id}
    succes = services.succes_bewaren(
        succes=Succes(
            buurt=wereld.buurt_a,
            titel="Gelukt",
            partner=wereld.partner,
            actie=eigen_actie,
            in_rapport=True,
        ),
        eigen=eigen,
    )
    assert succes.in_rapport is False  # the regisseur curates
    for slecht in (
        Succes(buurt=wereld.buurt_a, titel="Niet van mij", partner=ander),
        Succes(
            buurt=wereld.buurt_a, titel="Andere actie", partner=wereld.partner, actie=andere_actie
        ),
    ):
        with pytest.raises(ValidationError):
            services.succes_bewaren(succes=slecht, eigen=eigen)
    assert Succes.objects.count() == 1


def test_a_contact_moment_has_a_count_and_never_a_future_date(wereld):
    services.contactmoment_tellen(buurt=wereld.buurt_a, soort="koffieklets", aantal=3)
    for velden in (
        {"aantal": 0},
        {"datum": date.today() + timedelta(days=1)},
        {"soort": "onbekend"},
        {"partner": wereld.partner, "eigen": set()},
    ):
        with pytest.raises(ValidationError):
            services.contactmoment_tellen(buurt=wereld.buurt_a, **{"soort": "huisbezoek", **velden})
    telling = selectors.contacttelling([wereld.buurt_a.id])
    assert telling["totaal"] == 3 and Contactmoment.objects.count() == 1


@pytest.mark.parametrize(
    "tekst",
    ["Mevrouw in de Kerkstraat 12 komt nu buiten.", "Mail naar jan.peeters@example.be voor meer."],
)
def test_an_outcome_naming_a_resident_is_refused(wereld, tekst):
    categorie = selectors.uitkomstcategorieen().first()
    with pytest.raises(ValidationError) as fout:
        services.uitkomst_bewaren(
            uitkomst=GeoogsteUitkomst(
                buurt=wereld.buurt_a, categorie=categorie, voor_wie="ouderen", wat_veranderde=tekst
            )
        )
    assert "herkenbaar" in str(fout.value)
    assert not GeoogsteUitkomst.objects.exists()


def test_an_outcome_is_for_a_doelgroep_and_links_within_the_buurt(wereld):
    categorie = selectors.uitkomstcategorieen().first()
    vreemd_doel = DoelFactory(buurt=wereld.buurt_b)
    with pytest.raises(ValidationError):
        services.uitkomst_bewaren(
            uitkomst=GeoogsteUitkomst(
                buurt=wereld.buurt_a, categorie=categorie, voor_wie="jan", wat_veranderde="Meer"
            )
        )
    with pytest.raises(ValidationError):
        services.uitkomst_bewaren(
            uitkomst=GeoogsteUitkomst(
                buurt=wereld.buurt_a, categorie=categorie, voor_wie="ouderen", wat_veranderde="Meer"
            ),
            doelen=[vreemd_doel],
        )
    assert not GeoogsteUitkomst.objects.exists()


def test_a_story_without_consent_cannot_go_into_the_report(wereld):
    verhaal = services.verhaal_bewaren(
        verhaal=Verhaal(buurt=wereld.buurt_a, titel="T", tekst="Buren koken samen.")
    )
    with pytest.raises(ValidationError) as fout:
        services.verhaal_voor_rapport(verhaal=verhaal, in_rapport=True)
    assert "geen toestemming" in str(fout.value)
    verhaal.refresh_from_db()
    assert verhaal.in_rapport is False
    Verhaal.objects.filter(pk=verhaal.pk).update(toestemming=Toestemming.INTERN)
    with pytest.raises(ValidationError):
        services.verhaal_voor_rapport(verhaal=verhaal, in_rapport=True)
    Verhaal.objects.filter(pk=verhaal.pk).update(toestemming=Toestemming.RAPPORT)
    assert services.verhaal_voor_rapport(verhaal=verhaal, in_rapport=True).in_rapport


def test_a_story_text_naming_a_resident_is_refused(wereld):
    with pytest.raises(ValidationError):
        services.verhaal_bewaren(
            verhaal=Verhaal(buurt=wereld.buurt_a, titel="T", tekst="Rijksregister 85.07.30-033.28")
        )
    assert not Verhaal.objects.exists()


def test_at_most_three_indicators_per_goal(wereld):
    doel = DoelFactory(buurt=wereld.buurt_a)
    for i in range(3):
        services.indicator_bewaren(
            indicator=Voortgangsindicator(
                buurt=wereld.buurt_a, doel=doel, naam=f"I{i}", streefwaarde=10
            )
        )
    with pytest.raises(ValidationError) as fout:
        services.indicator_bewaren(
            indicator=Voortgangsindicator(
                buurt=wereld.buurt_a, doel=doel, naam="I4", streefwaarde=1
            )
        )
    assert "hoogstens 3" in str(fout.value)
    actie = ActieFactory(buurt=wereld.buurt_a, trekker=wereld.partner)
    with pytest.raises(ValidationError):
        services.indicator_bewaren(
            indicator=Voortgangsindicator(
                buurt=wereld.buurt_a, doel=doel, actie=actie, naam="Beide", streefwaarde=1
            )
        )
    assert Voortgangsindicator.objects.count() == 3


def test_a_partner_adds_outcomes_and_stories_only_for_its_own_organisation(wereld):
    ander = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    categorie = selectors.uitkomstcategorieen().first()
    eigen = {wereld.partner.id}
    with pytest.raises(ValidationError):
        services.uitkomst_bewaren(
            uitkomst=GeoogsteUitkomst(
                buurt=wereld.buurt_a,
                categorie=categorie,
                voor_wie="ouderen",
                wat_veranderde="Meer contact",
                partner=ander,
            ),
            eigen=eigen,
        )
    with pytest.raises(ValidationError):
        services.verhaal_bewaren(
            verhaal=Verhaal(buurt=wereld.buurt_a, titel="T", tekst="Tekst", partner=None),
            eigen=eigen,
        )
    verhaal = services.verhaal_bewaren(
        verhaal=Verhaal(
            buurt=wereld.buurt_a,
            titel="T",
            tekst="Tekst",
            partner=wereld.partner,
            toestemming=Toestemming.RAPPORT,
            in_rapport=True,
        ),
        eigen=eigen,
    )
    assert not verhaal.in_rapport  # the regisseur picks
    assert not GeoogsteUitkomst.objects.exists() and Verhaal.objects.count() == 1
