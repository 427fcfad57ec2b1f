"""Services of the buurtanalyse: versions, the frozen baseline, findings and challenges."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from buurten.analyse import services
from buurten.analyse.selectors import uitdagingen_voor
from buurten.models import Bevinding, Buurtanalyse, Uitdaging, Werkingsfase
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

BEGIN = dt.date(2025, 3, 31)


def _analyse(w, peildatum=BEGIN, **kw):
    return services.analyse_aanmaken(
        buurt=w.buurt_a, gebruiker=w.regisseur_a, titel="Analyse", peildatum=peildatum, **kw
    )


def _gevulde_analyse(w):
    analyse = _analyse(w)
    bevraging = services.bevraging_toevoegen(
        analyse=analyse, methode="buurtbabbel", datum=dt.date(2025, 3, 1), aantal_deelnemers=12
    )
    nood = services.bevinding_toevoegen(
        analyse=analyse,
        bevraging=bevraging,
        thema="D",
        soort="nood",
        tekst="Geen ontmoetingsplek.",
        citaat="We zien elkaar nooit.",
    )
    eenzaam = services.uitdaging_toevoegen(
        analyse=analyse, titel="Eenzaamheid", kant="individueel", complexiteit="hoog"
    )
    services.uitdaging_toevoegen(
        analyse=analyse,
        titel="Ontmoetingsplek",
        kant="collectief",
        complexiteit="laag",
        bevindingen=[nood],
        verwante=[eenzaam],
    )
    services.voorziening_toevoegen(
        analyse=analyse, naam="Dienst", soort="dienst", partner=w.partner
    )
    return analyse


def test_a_new_version_copies_the_previous_one_and_leaves_it_untouched(wereld):
    v1 = _gevulde_analyse(wereld)
    v2 = _analyse(wereld, peildatum=dt.date(2026, 1, 1))
    assert (v1.versie, v2.versie) == (1, 2)
    assert v2.vorige == v1
    assert v2.bevindingen.count() == v1.bevindingen.count() == 1
    assert v2.voorzieningen.get().partner == wereld.partner
    plek = v2.uitdagingen.get(titel="Ontmoetingsplek")
    assert plek.vorige.analyse == v1
    assert [b.analyse_id for b in plek.bevindingen.all()] == [v2.pk]
    assert [u.titel for u in plek.verwante.all()] == ["Eenzaamheid"]
    assert plek.verwante.get().analyse == v2
    assert v2.bevindingen.get().bevraging.analyse == v2
    # Adding to v2 does not change v1.
    services.bevinding_toevoegen(analyse=v2, thema="J", soort="kracht", tekst="Burenhulp.")
    assert v1.bevindingen.count() == 1 and v2.bevindingen.count() == 2


def test_freezing_the_baseline_makes_it_immutable(wereld):
    v1 = _gevulde_analyse(wereld)
    services.baseline_vastleggen(analyse=v1, gebruiker=wereld.regisseur_a)
    v1.refresh_from_db()
    assert v1.is_baseline and v1.bevroren and v1.bevroren_door == wereld.regisseur_a
    pogingen = [
        lambda: services.bevinding_toevoegen(analyse=v1, thema="D", soort="nood", tekst="x"),
        lambda: services.bevraging_toevoegen(
            analyse=v1, methode="enquete", datum=dt.date(2025, 1, 1)
        ),
        lambda: services.uitdaging_toevoegen(
            analyse=v1, titel="x", kant="individueel", complexiteit="laag"
        ),
        lambda: services.voorziening_toevoegen(analyse=v1, naam="x", soort="andere"),
        lambda: services.analyse_bijwerken(analyse=v1, titel="x", peildatum=BEGIN),
        lambda: services.baseline_vastleggen(analyse=v1, gebruiker=wereld.regisseur_a),
    ]
    for poging in pogingen:
        with pytest.raises(ValidationError, match="bevroren"):
            poging()
    assert Bevinding.objects.filter(analyse=v1).count() == 1
    assert Uitdaging.objects.filter(analyse=v1).count() == 2


def test_a_stale_in_memory_copy_cannot_bypass_the_freeze(wereld):
    v1 = _analyse(wereld)
    oud = Buurtanalyse.objects.get(pk=v1.pk)
    services.baseline_vastleggen(analyse=v1, gebruiker=wereld.regisseur_a)
    assert not oud.bevroren
    with pytest.raises(ValidationError, match="bevroren"):
        services.bevinding_toevoegen(analyse=oud, thema="D", soort="nood", tekst="x")


def test_there_is_one_baseline_and_later_versions_do_not_go_back_before_it(wereld):
    v1 = _analyse(wereld)
    services.baseline_vastleggen(analyse=v1, gebruiker=wereld.regisseur_a)
    v2 = _analyse(wereld, peildatum=dt.date(2026, 1, 1))
    with pytest.raises(ValidationError, match="al een baseline"):
        services.baseline_vastleggen(analyse=v2, gebruiker=wereld.regisseur_a)
    with pytest.raises(ValidationError, match="vóór de baseline"):
        _analyse(wereld, peildatum=dt.date(2024, 1, 1))
    assert Buurtanalyse.objects.filter(buurt=wereld.buurt_a).count() == 2


def test_dates_in_the_future_are_refused(wereld):
    morgen = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="toekomst"):
        _analyse(wereld, peildatum=morgen)
    analyse = _analyse(wereld)
    with pytest.raises(ValidationError, match="toekomst"):
        services.bevraging_toevoegen(analyse=analyse, methode="enquete", datum=morgen)


@pytest.mark.parametrize(
    "tekst,citaat",
    [
        ("Mevrouw in de Kerkstraat 12 is eenzaam.", ""),
        ("Eenzaamheid bij ouderen.", "Bel me op 0470 12 34 56"),
    ],
)
def test_findings_refuse_resident_identifiers(wereld, tekst, citaat):
    analyse = _analyse(wereld)
    with pytest.raises(ValidationError, match="herkenbaar"):
        services.bevinding_toevoegen(
            analyse=analyse, thema="D", soort="nood", tekst=tekst, citaat=citaat
        )
    assert not Bevinding.objects.exists()


def test_links_stay_inside_one_version(wereld):
    v1 = _gevulde_analyse(wereld)
    v2 = _analyse(wereld, peildatum=dt.date(2026, 1, 1))
    oude_bevinding = v1.bevindingen.get()
    with pytest.raises(ValidationError):
        services.uitdaging_toevoegen(
            analyse=v2,
            titel="x",
            kant="collectief",
            complexiteit="laag",
            bevindingen=[oude_bevinding],
        )
    with pytest.raises(ValidationError):
        services.bevinding_toevoegen(
            analyse=v2,
            thema="D",
            soort="nood",
            tekst="x",
            bevraging=v1.bevragingen.get(),
        )
    vreemde_partner = PartnerFactory(gemeente=wereld.gemeente_2)
    with pytest.raises(ValidationError, match="werkt niet in deze buurt"):
        services.voorziening_toevoegen(
            analyse=v2, naam="x", soort="andere", partner=vreemde_partner
        )


def test_phases_can_run_at_once_and_setting_them_is_idempotent(wereld):
    services.fasen_instellen(buurt=wereld.buurt_a, fasen=["buurtanalyse", "samenwerking"])
    services.fasen_instellen(buurt=wereld.buurt_a, fasen=["samenwerking", "uitrol"])
    services.fasen_instellen(buurt=wereld.buurt_a, fasen=["samenwerking", "uitrol"])
    assert sorted(Werkingsfase.objects.values_list("fase", flat=True)) == [
        "samenwerking",
        "uitrol",
    ]
    with pytest.raises(ValidationError):
        services.fasen_instellen(buurt=wereld.buurt_a, fasen=["onbekend"])


def test_uitdagingen_voor_gives_the_latest_version_in_scope(wereld):
    v1 = _gevulde_analyse(wereld)
    services.baseline_vastleggen(analyse=v1, gebruiker=wereld.regisseur_a)
    v2 = _analyse(wereld, peildatum=dt.date(2026, 1, 1))
    services.uitdaging_toevoegen(
        analyse=v2, titel="Mobiliteit", kant="collectief", complexiteit="hoog"
    )
    titels = [u.titel for u in uitdagingen_voor(wereld.regisseur_a, wereld.buurt_a)]
    assert titels == ["Eenzaamheid", "Mobiliteit", "Ontmoetingsplek"]
    assert {u.analyse_id for u in uitdagingen_voor(wereld.partner_a, wereld.buurt_a)} == {v2.pk}
    assert not uitdagingen_voor(wereld.regisseur_b, wereld.buurt_a).exists()
