"""Meeting services: attendance rules, outcomes that create actions and signals, series, bad input."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from activiteiten.bijeenkomsten import services
from activiteiten.bijeenkomsten.services import Aanwezige, reeksdatums
from activiteiten.models import (
    Aanwezigheid,
    Actie,
    ActieStatus,
    Bijeenkomst,
    Signaal,
    SignaalStatus,
    Uitkomst,
)
from tests.factories import (
    BijeenkomstFactory,
    ContactpersoonFactory,
    PartnerFactory,
    ReeksFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def buurt(wereld):
    w = wereld
    w.buurtwerk = PartnerFactory(gemeente=w.gemeente_1, naam="Buurtwerk", buurten=[w.buurt_a])
    w.an = ContactpersoonFactory(partner=w.partner, voornaam="An")
    w.bert = ContactpersoonFactory(partner=w.buurtwerk, voornaam="Bert")
    w.buiten = PartnerFactory(gemeente=w.gemeente_1, naam="Stationsdienst", buurten=[w.buurt_a2])
    w.cas = ContactpersoonFactory(partner=w.buiten, voornaam="Cas")
    w.meeting = BijeenkomstFactory(buurt=w.buurt_a, type="supportersmeeting")
    return w


# --- bijeenkomst ----------------------------------------------------------------------------------
def test_end_before_start_is_refused_and_nothing_is_written(wereld):
    with pytest.raises(ValidationError) as fout:
        services.bijeenkomst_bewaren(
            bijeenkomst=Bijeenkomst(
                buurt=wereld.buurt_a, type="intervisie", begintijd=time(15), eindtijd=time(14)
            )
        )
    assert "einde ligt voor" in str(fout.value)
    assert not Bijeenkomst.objects.exists()


def test_na_levels_belong_to_a_supportersmeeting_only(wereld):
    with pytest.raises(ValidationError) as fout:
        services.bijeenkomst_bewaren(
            bijeenkomst=Bijeenkomst(buurt=wereld.buurt_a, type="intervisie", zorgniveau="bezorgd")
        )
    assert "supportersmeeting" in str(fout.value)
    meeting = services.bijeenkomst_bewaren(
        bijeenkomst=Bijeenkomst(
            buurt=wereld.buurt_a,
            type="supportersmeeting",
            zorgniveau="bezorgd",
            handelingsniveau="netwerk",
            responsniveau="eenzijdige_acties",
        ),
        door=wereld.regisseur_a,
    )
    assert meeting.aangemaakt_door == wereld.regisseur_a


def test_the_situation_of_a_supportersmeeting_may_not_identify_a_resident(wereld):
    with pytest.raises(ValidationError):
        services.bijeenkomst_bewaren(
            bijeenkomst=Bijeenkomst(
                buurt=wereld.buurt_a,
                type="supportersmeeting",
                situatie="Het gezin op Kerkstraat 12 heeft hulp nodig.",
            )
        )
    assert not Bijeenkomst.objects.exists()


# --- aanwezigheid ---------------------------------------------------------------------------------
def test_attendance_ticks_contacts_adds_new_people_and_counts(buurt):
    w = buurt
    services.aanwezigheid_bewaren(
        bijeenkomst=w.meeting,
        aanwezigen=[
            Aanwezige(contactpersoon=w.an),
            Aanwezige(contactpersoon=w.bert),
            Aanwezige(contactpersoon=w.an),  # ticked twice: counted once
            # someone of an organisation outside the buurt: name and organisation as text
            Aanwezige(naam="Cas", organisatie="Stationsdienst", nieuw=True),
            Aanwezige(naam="Leerkracht", organisatie="School", nieuw=True),
        ],
        aantal_bewoners=4,
        aantal_anderen=2,
    )
    rijen = list(w.meeting.aanwezigheden.all())
    assert len(rijen) == 4
    assert {r.partner_id for r in rijen} == {w.partner.id, w.buurtwerk.id, None}
    nieuw = {str(r) for r in rijen if r.nieuw}
    assert nieuw == {"Cas", "Leerkracht"}
    w.meeting.refresh_from_db()
    assert (w.meeting.aantal_bewoners, w.meeting.aantal_anderen) == (4, 2)


@pytest.mark.parametrize(
    "wie",
    ["contactpersoon_buiten", "contactpersoon_buiten_nieuw", "partner_buiten", "naam_zonder_nieuw"],
)
def test_someone_outside_the_buurt_is_refused_or_must_be_marked_new(buurt, wie):
    """A contact or partner of another buurt is never linked to the meeting (issue 16, finding
    5), not even marked 'nieuw'; a name without 'nieuw' must be marked new."""
    w = buurt
    services.aanwezigheid_bewaren(
        bijeenkomst=w.meeting, aanwezigen=[Aanwezige(contactpersoon=w.an)]
    )
    fout_rij, melding = {
        "contactpersoon_buiten": (Aanwezige(contactpersoon=w.cas), "werkt niet in deze buurt"),
        "contactpersoon_buiten_nieuw": (
            Aanwezige(contactpersoon=w.cas, nieuw=True),
            "werkt niet in deze buurt",
        ),
        "partner_buiten": (
            Aanwezige(partner=w.buiten, naam="Cas", nieuw=True),
            "werkt niet in deze buurt",
        ),
        "naam_zonder_nieuw": (
            Aanwezige(naam="Onbekende", organisatie="Elders"),
            "duid aan dat het om iemand nieuw gaat",
        ),
    }[wie]
    with pytest.raises(ValidationError) as fout:
        services.aanwezigheid_bewaren(
            bijeenkomst=w.meeting,
            aanwezigen=[Aanwezige(contactpersoon=w.bert), fout_rij],
            aantal_bewoners=9,
        )
    assert melding in str(fout.value)
    # Nothing written: the old list and counts stay.
    assert list(w.meeting.aanwezigheden.values_list("contactpersoon", flat=True)) == [w.an.id]
    w.meeting.refresh_from_db()
    assert w.meeting.aantal_bewoners == 0


def test_negative_counts_are_refused(buurt):
    with pytest.raises(ValidationError):
        services.aanwezigheid_bewaren(bijeenkomst=buurt.meeting, aanwezigen=[], aantal_bewoners=-1)


# --- uitkomsten -----------------------------------------------------------------------------------
def test_an_action_outcome_creates_an_action_with_the_owner_as_trekker(buurt):
    w = buurt
    deadline = timezone.localdate() + timedelta(days=10)
    uitkomst = services.uitkomst_toevoegen(
        bijeenkomst=w.meeting,
        soort="actie",
        omschrijving="Talenteninterviews",
        eigenaar=w.buurtwerk,
        deadline=deadline,
        door=w.regisseur_a,
    )
    actie = uitkomst.actie
    assert actie.buurt == w.buurt_a and actie.trekker == w.buurtwerk
    assert actie.titel == "Talenteninterviews" and actie.status == ActieStatus.GEPLAND
    assert actie.startdatum == deadline and actie.aangemaakt_door == w.regisseur_a


def test_an_action_without_owner_is_refused_and_nothing_is_written(buurt):
    with pytest.raises(ValidationError) as fout:
        services.uitkomst_toevoegen(
            bijeenkomst=buurt.meeting, soort="actie", omschrijving="Iemand doet iets"
        )
    assert "eigenaar" in fout.value.message_dict
    assert not Actie.objects.exists() and not Uitkomst.objects.exists()


def test_an_owner_outside_the_buurt_is_refused(buurt):
    with pytest.raises(ValidationError):
        services.uitkomst_toevoegen(
            bijeenkomst=buurt.meeting, soort="actie", omschrijving="X", eigenaar=buurt.buiten
        )
    assert not Actie.objects.exists()


def test_a_signal_outcome_creates_a_signal_with_the_meetings_levels(buurt):
    w = buurt
    w.meeting.zorgniveau = "bezorgd"
    w.meeting.responsniveau = "eenzijdige_acties"
    w.meeting.save()
    uitkomst = services.uitkomst_toevoegen(
        bijeenkomst=w.meeting,
        soort="signaal",
        omschrijving="Kinderen komen vaak zonder ontbijt naar school.",
        thema="armoede",
        eigenaar=w.partner,
        door=w.regisseur_a,
    )
    signaal = uitkomst.signaal
    assert signaal.buurt == w.buurt_a and signaal.kanaal == "bijeenkomst"
    assert signaal.status == SignaalStatus.NIEUW and signaal.partner == w.partner
    assert (signaal.zorgniveau, signaal.responsniveau) == ("bezorgd", "eenzijdige_acties")
    assert signaal.gemeld_door == w.regisseur_a


def test_a_signal_outcome_gets_the_same_identifier_check(buurt):
    with pytest.raises(ValidationError) as fout:
        services.uitkomst_toevoegen(
            bijeenkomst=buurt.meeting,
            soort="signaal",
            omschrijving="Mevrouw, tel 0470 12 34 56, is alleen.",
            thema="eenzaamheid",
        )
    assert "telefoonnummer" in str(fout.value)
    assert not Signaal.objects.exists() and not Uitkomst.objects.exists()


def test_a_signal_outcome_needs_a_theme(buurt):
    with pytest.raises(ValidationError) as fout:
        services.uitkomst_toevoegen(bijeenkomst=buurt.meeting, soort="signaal", omschrijving="X")
    assert "thema" in fout.value.message_dict
    assert not Signaal.objects.exists()


def test_seeds_and_insights_create_nothing_else(buurt):
    services.uitkomst_toevoegen(
        bijeenkomst=buurt.meeting, soort="zaadje", omschrijving="Sportclub contacteren"
    )
    services.uitkomst_toevoegen(
        bijeenkomst=buurt.meeting, soort="inzicht", omschrijving="Samen werkt beter"
    )
    assert Uitkomst.objects.count() == 2
    assert not Actie.objects.exists() and not Signaal.objects.exists()


# --- reeksen --------------------------------------------------------------------------------------
def test_monthly_series_keep_the_weekday_position():
    # 13 January 2026 is the second Tuesday.
    datums = reeksdatums(date(2026, 1, 13), "maandelijks", na=None, aantal=4)
    assert datums == [date(2026, 1, 13), date(2026, 2, 10), date(2026, 3, 10), date(2026, 4, 14)]
    assert all(d.weekday() == 1 for d in datums)
    # A fifth Friday falls back to the last Friday of a month that has only four.
    assert reeksdatums(date(2026, 1, 30), "maandelijks", na=None, aantal=2)[1] == date(2026, 2, 27)


@given(
    eerste=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
    frequentie=st.sampled_from(["wekelijks", "tweewekelijks", "maandelijks"]),
    aantal=st.integers(min_value=1, max_value=30),
)
def test_series_dates_are_increasing_after_the_cutoff(eerste, frequentie, aantal):
    na = eerste + timedelta(days=40)
    datums = reeksdatums(eerste, frequentie, na=na, aantal=aantal)
    assert len(datums) == aantal
    assert all(d > na for d in datums)
    assert datums == sorted(set(datums))
    assert all(d.weekday() == eerste.weekday() for d in datums)


def test_planning_continues_after_the_last_planned_meeting(wereld):
    reeks = ReeksFactory(
        buurt=wereld.buurt_a,
        eerste_datum=date(2026, 1, 13),
        begintijd=time(13, 30),
        plaats="Buurthuis",
    )
    eerste = services.reeks_plannen(reeks=reeks, aantal=3)
    tweede = services.reeks_plannen(reeks=reeks, aantal=2)
    datums = [b.datum for b in eerste + tweede]
    assert datums == reeksdatums(date(2026, 1, 13), "maandelijks", na=None, aantal=5)
    assert all(b.plaats == "Buurthuis" and b.begintijd == time(13, 30) for b in eerste)
    assert reeks.bijeenkomsten.count() == 5


def test_planning_too_many_is_refused(wereld):
    reeks = ReeksFactory(buurt=wereld.buurt_a)
    with pytest.raises(ValidationError):
        services.reeks_plannen(reeks=reeks, aantal=0)
    with pytest.raises(ValidationError):
        services.reeks_plannen(reeks=reeks, aantal=services.MAX_TE_PLANNEN + 1)
    assert not Bijeenkomst.objects.exists()


def test_aanwezigheid_rows_need_someone(buurt):
    services.aanwezigheid_bewaren(
        bijeenkomst=buurt.meeting, aanwezigen=[Aanwezige(naam="  "), Aanwezige()]
    )
    assert not Aanwezigheid.objects.exists()
