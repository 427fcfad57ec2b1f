"""Services for actions and signals: the workflow table, referrals, bundling, bad input."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from activiteiten.acties import services
from activiteiten.acties.kaders import zaai_kaders
from activiteiten.models import (
    TOEGESTANE_OVERGANGEN,
    Actie,
    ActieStatus,
    Beleidssignaal,
    Doorverwijzing,
    FrameworkElement,
    Signaal,
    SignaalStatus,
)
from tests.factories import PartnerFactory, SignaalFactory

pytestmark = pytest.mark.django_db

ALLE = [(van, naar) for van in SignaalStatus.values for naar in SignaalStatus.values]


def test_it_allows_exactly_the_transitions_in_the_table(wereld):
    for van, naar in ALLE:
        signaal = SignaalFactory(buurt=wereld.buurt_a, partner=wereld.partner, status=van)
        if naar in TOEGESTANE_OVERGANGEN[van]:
            services.signaal_status_wijzigen(signaal=signaal, status=naar)
            assert Signaal.objects.get(pk=signaal.pk).status == naar
        else:
            with pytest.raises(ValidationError, match="kan niet van"):
                services.signaal_status_wijzigen(signaal=signaal, status=naar)
            assert Signaal.objects.get(pk=signaal.pk).status == van, (van, naar)


def test_the_table_leads_every_status_to_an_end():
    # From every status, a final status (no successors) is reachable: no dead loops only.
    eind = {s for s, volgende in TOEGESTANE_OVERGANGEN.items() if not volgende}
    assert eind == {SignaalStatus.BELEIDSREACTIE}
    for start in SignaalStatus.values:
        gezien, rand = {start}, [start]
        while rand:
            for volgende in TOEGESTANE_OVERGANGEN[rand.pop()]:
                if volgende not in gezien:
                    gezien.add(volgende)
                    rand.append(volgende)
        assert gezien & eind, start


def test_a_signal_with_an_identifier_is_refused_and_not_written(wereld):
    for tekst in (
        "Mevrouw op Kerkstraat 12 heeft hulp nodig",
        "bel haar op 0470 12 34 56",
        "rijksregister 85.07.30-033.28",
        "mail naar jan.peeters@example.be",
    ):
        with pytest.raises(ValidationError) as fout:
            services.signaal_loggen(
                signaal=Signaal(
                    buurt=wereld.buurt_a,
                    kanaal="huisbezoek",
                    thema="eenzaamheid",
                    omschrijving=tekst,
                    partner=wereld.partner,
                ),
                door=wereld.partner_a,
            )
        assert "omschrijving" in fout.value.message_dict
        assert "herkenbaar" in " ".join(fout.value.message_dict["omschrijving"])
    assert Signaal.objects.count() == 0


def test_a_referral_to_a_partner_outside_the_buurt_is_refused(wereld):
    signaal = SignaalFactory(buurt=wereld.buurt_a, partner=wereld.partner)
    buiten = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a2])
    with pytest.raises(ValidationError) as fout:
        services.doorverwijzen(signaal=signaal, naar_partner=buiten, van_partner=wereld.partner)
    assert "in deze buurt actief" in str(fout.value)
    assert Doorverwijzing.objects.count() == 0
    assert Signaal.objects.get(pk=signaal.pk).status == SignaalStatus.NIEUW


def test_a_referral_moves_the_signal_and_can_be_repeated(wereld):
    signaal = SignaalFactory(buurt=wereld.buurt_a, partner=wereld.partner)
    tweede = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    derde = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    services.doorverwijzen(signaal=signaal, naar_partner=tweede, van_partner=wereld.partner)
    services.doorverwijzen(signaal=signaal, naar_partner=derde, van_partner=tweede, warm=False)
    assert Signaal.objects.get(pk=signaal.pk).status == SignaalStatus.DOORVERWEZEN
    assert signaal.doorverwijzingen.count() == 2


def test_a_partner_cannot_refer_to_itself(wereld):
    signaal = SignaalFactory(buurt=wereld.buurt_a, partner=wereld.partner)
    with pytest.raises(ValidationError, match="naar zichzelf"):
        services.doorverwijzen(
            signaal=signaal, naar_partner=wereld.partner, van_partner=wereld.partner
        )


def test_a_finished_action_in_the_future_is_refused(wereld):
    morgen = timezone.localdate() + timedelta(days=1)
    for status in (ActieStatus.AFGEROND, ActieStatus.GEBORGD):
        with pytest.raises(ValidationError) as fout:
            services.actie_bewaren(
                actie=Actie(
                    buurt=wereld.buurt_a,
                    titel="Buurtfeest",
                    status=status,
                    startdatum=morgen,
                    trekker=wereld.partner,
                )
            )
        assert "toekomst" in str(fout.value)
    # A planned action may lie in the future.
    services.actie_bewaren(
        actie=Actie(
            buurt=wereld.buurt_a,
            titel="Buurtfeest",
            status=ActieStatus.GEPLAND,
            startdatum=morgen,
            trekker=wereld.partner,
        )
    )
    assert Actie.objects.count() == 1


def test_an_action_refuses_co_partners_outside_the_buurt_and_photos_without_consent(wereld):
    buiten = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a2])
    actie = Actie(buurt=wereld.buurt_a, titel="Soepmoment", trekker=wereld.partner)
    with pytest.raises(ValidationError, match="in deze buurt"):
        services.actie_bewaren(actie=actie, co_partners=[buiten])
    assert Actie.objects.count() == 0
    actie.verhaal_foto = "acties/foto.jpg"
    with pytest.raises(ValidationError) as fout:
        services.actie_bewaren(actie=actie)
    assert "toestemming" in str(fout.value)
    assert Actie.objects.count() == 0


def test_actions_are_tagged_with_framework_elements_stored_as_data(wereld):
    zaai_kaders()
    zaai_kaders()  # idempotent
    assert (
        FrameworkElement.objects.filter(framework__code="bouwstenen-zorgzame-buurten-b").count()
        == 8
    )
    bouwsteen = FrameworkElement.objects.get(
        framework__code="functies-buurtgerichte-zorg", nummer=8
    )
    pijler = FrameworkElement.objects.get(framework__code="pijlers-zorgzame-buurten", nummer=2)
    tweede = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    actie = services.actie_bewaren(
        actie=Actie(buurt=wereld.buurt_a, titel="Infomoment", trekker=wereld.partner),
        co_partners=[tweede, wereld.partner],
        bouwstenen=[bouwsteen],
        pijlers=[pijler],
    )
    assert list(actie.bouwstenen.all()) == [bouwsteen]
    assert list(actie.pijlers.all()) == [pijler]
    # The trekker is not also a co-partner.
    assert list(actie.co_partners.all()) == [tweede]
    with pytest.raises(ValidationError, match="soort kader"):
        services.actie_bewaren(actie=actie, pijlers=[bouwsteen])


def _drie_signalen(wereld):
    return [
        SignaalFactory(buurt=wereld.buurt_a, partner=wereld.partner, thema="mobiliteit")
        for _ in range(3)
    ]


def test_bundling_signals_into_a_beleidssignaal_and_following_it_up(wereld):
    signalen = _drie_signalen(wereld)
    bundel = services.beleidssignaal_bundelen(
        buurt=wereld.buurt_a,
        titel="Mobiliteit",
        boodschap="Ouderen geraken niet naar de markt.",
        signalen=signalen,
        door=wereld.regisseur_a,
    )
    assert set(bundel.signalen.values_list("status", flat=True)) == {SignaalStatus.GEBUNDELD}
    vandaag = timezone.localdate()
    services.beleidssignaal_opvolgen(beleidssignaal=bundel, verstuurd_op=vandaag)
    assert set(bundel.signalen.values_list("status", flat=True)) == {SignaalStatus.GESIGNALEERD}
    services.beleidssignaal_opvolgen(
        beleidssignaal=bundel, verstuurd_op=vandaag, reactie="We bekijken een belbus."
    )
    assert set(bundel.signalen.values_list("status", flat=True)) == {SignaalStatus.BELEIDSREACTIE}


def test_bundling_refuses_foreign_or_already_bundled_signals_and_writes_nothing(wereld):
    signalen = _drie_signalen(wereld)
    vreemd = SignaalFactory(buurt=wereld.buurt_b)
    with pytest.raises(ValidationError, match="uit deze buurt"):
        services.beleidssignaal_bundelen(
            buurt=wereld.buurt_a, titel="X", boodschap="Y", signalen=[*signalen, vreemd]
        )
    with pytest.raises(ValidationError, match="minstens"):
        services.beleidssignaal_bundelen(
            buurt=wereld.buurt_a, titel="X", boodschap="Y", signalen=signalen[:1]
        )
    assert Beleidssignaal.objects.count() == 0
    assert set(Signaal.objects.values_list("status", flat=True)) == {SignaalStatus.NIEUW}
    services.beleidssignaal_bundelen(
        buurt=wereld.buurt_a, titel="X", boodschap="Y", signalen=signalen
    )
    with pytest.raises(ValidationError, match="al gebundeld"):
        services.beleidssignaal_bundelen(
            buurt=wereld.buurt_a, titel="Z", boodschap="Y", signalen=signalen[:2]
        )
    assert Beleidssignaal.objects.count() == 1


def test_a_response_needs_a_sent_date(wereld):
    bundel = services.beleidssignaal_bundelen(
        buurt=wereld.buurt_a, titel="X", boodschap="Y", signalen=_drie_signalen(wereld)
    )
    with pytest.raises(ValidationError, match="verstuurd"):
        services.beleidssignaal_opvolgen(beleidssignaal=bundel, verstuurd_op=None, reactie="Ok")
    assert set(bundel.signalen.values_list("status", flat=True)) == {SignaalStatus.GEBUNDELD}
