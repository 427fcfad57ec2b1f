"""The buurt section and the two report sections of the activity packages."""

from datetime import date, timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from activiteiten.pakketten import services
from tests.factories import ActiviteitFactory
from zorgnet.lib.choices import Coordinatievorm, Intensiteit, Schaal
from zorgnet.rapport.sectie import Scope
from zorgnet.rapport.secties import activiteitenpakketten, context_en_doelen, rapportsecties

pytestmark = pytest.mark.django_db


def _scope(w, buurt=None) -> Scope:
    buurt = buurt or w.buurt_a
    vandaag = timezone.localdate()
    return Scope(
        buurt_ids=(buurt.pk,),
        gemeente_id=buurt.gemeente_id,
        van=vandaag - timedelta(days=30),
        tot=vandaag,
        titel=buurt.naam,
    )


def test_both_report_sections_are_registered_in_order():
    slugs = {s.slug: s.volgorde for s in rapportsecties()}
    assert slugs["context_en_doelen"] == 10 and slugs["activiteitenpakketten"] == 30


def test_context_en_doelen_lists_goals_and_the_reasons_for_changes(wereld):
    assert context_en_doelen.context_en_doelen(_scope(wereld)) is None
    doel = services.doel_aanmaken(buurt=wereld.buurt_a, titel="Ontmoeting", termijn="kort")
    services.doel_wijzigen(doel=doel, titel="Ontmoeting+", termijn="lang", reden="Uit de babbels.")
    g = context_en_doelen.context_en_doelen(_scope(wereld))
    assert [d["titel"] for d in g["doelen"]] == ["Ontmoeting+"]
    assert [(w["versie"], w["reden"]) for w in g["wijzigingen"]] == [(2, "Uit de babbels.")]
    assert context_en_doelen.context_en_doelen(_scope(wereld, wereld.buurt_b)) is None
    bladen = context_en_doelen._context_bladen(g)
    assert any(rij[4] == "Uit de babbels." for rij in bladen["Doelwijzigingen"][1])
    assert dict(context_en_doelen._context_kerncijfers(g))["Bijgestuurde doelen in de periode"] == 1
    html = render_to_string("rapport/secties/context_en_doelen.html", {"s": g})
    assert "Uit de babbels." in html


def test_a_goal_change_outside_the_period_is_not_reported(wereld):
    doel = services.doel_aanmaken(buurt=wereld.buurt_a, titel="Oud", termijn="kort")
    services.doel_wijzigen(doel=doel, titel="Nieuw", termijn="kort", reden="Vroeger.")
    scope = Scope(
        (wereld.buurt_a.pk,), wereld.gemeente_1.pk, date(2000, 1, 1), date(2000, 6, 30), "X"
    )
    assert context_en_doelen.context_en_doelen(scope)["wijzigingen"] == []


def test_activiteitenpakketten_counts_packages_by_scale_and_intensity(wereld):
    assert activiteitenpakketten.activiteitenpakketten(_scope(wereld)) is None
    for naam, schaal, intensiteit in [
        ("A", Schaal.GELEEFDE_BUURT, Intensiteit.SAMEN_UITVOEREN),
        ("B", Schaal.GELEEFDE_BUURT, Intensiteit.INFO_DELEN),
        ("C", Schaal.LOKALE_REGIO, Intensiteit.INFO_DELEN),
    ]:
        services.pakket_opslaan(
            buurt=wereld.buurt_a,
            naam=naam,
            activiteiten=[ActiviteitFactory(buurt=wereld.buurt_a)],
            team=[wereld.partner],
            ideale_schaal=schaal,
            intensiteit=intensiteit,
            coordinatie=Coordinatievorm.CENTRAAL,
        )
    g = activiteitenpakketten.activiteitenpakketten(_scope(wereld))
    assert dict(g["per_schaal"])["Geleefde buurt"] == 2
    assert dict(g["per_schaal"])["'Lokale' regio"] == 1
    assert dict(g["per_intensiteit"])["Info delen"] == 2
    assert [p["team"] for p in g["pakketten"]] == [1, 1, 1]
    bladen = activiteitenpakketten._pakket_bladen(g)
    assert len(bladen["Pakketten"][1]) == 3
    assert dict(activiteitenpakketten._pakket_kerncijfers(g))["Activiteitenpakketten"] == 3
    html = render_to_string("rapport/secties/activiteitenpakketten.html", {"s": g})
    assert "<svg" in html and "style=" not in html


def test_the_buurt_page_shows_the_pakketten_section(wereld, als):
    services.pakket_opslaan(
        buurt=wereld.buurt_a,
        naam="Ontmoeting & het kleine helpen",
        activiteiten=[ActiviteitFactory(buurt=wereld.buurt_a)],
        ideale_schaal=Schaal.GELEEFDE_BUURT,
        intensiteit=Intensiteit.SAMEN_UITVOEREN,
        coordinatie=Coordinatievorm.DECENTRAAL,
    )
    html = als(wereld.coordinator).get(reverse("buurt_detail", args=[wereld.buurt_a.id]))
    assert "Ontmoeting &amp; het kleine helpen" in html.content.decode()
