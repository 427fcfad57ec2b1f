"""Selectors: scoping, network ties, mandate warnings, and fixed query counts."""

from datetime import date, timedelta

import pytest

from partners import selectors
from partners.models import Bevestiging
from tests.factories import (
    BetrokkenheidFactory,
    ContactpersoonFactory,
    MandaatFactory,
    NetwerkrolFactory,
    PartnerFactory,
    RelatieFactory,
)

pytestmark = pytest.mark.django_db


def test_partners_in_buurt_is_empty_outside_the_users_scope(wereld):
    assert list(selectors.partners_in_buurt(wereld.regisseur_a, wereld.buurt_a)) == [wereld.partner]
    assert not selectors.partners_in_buurt(wereld.regisseur_b, wereld.buurt_a).exists()


def test_network_ties_skip_disputed_ended_and_foreign_ties(wereld):
    a, b, c = (
        PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a]) for _ in range(3)
    )
    goed = RelatieFactory(van_partner=a, naar_partner=b)
    RelatieFactory(van_partner=b, naar_partner=c, bevestiging=Bevestiging.BETWIST)
    RelatieFactory(van_partner=a, naar_partner=c, tot=date.today() - timedelta(days=1))
    elders = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a2])
    RelatieFactory(van_partner=a, naar_partner=elders)
    assert list(selectors.relaties_voor_netwerk([wereld.buurt_a.id])) == [goed]


def test_it_warns_on_expired_mandates_and_fragile_roles(wereld):
    persoon = ContactpersoonFactory(partner=wereld.partner, voornaam="Roos")
    backup = ContactpersoonFactory(partner=wereld.partner, voornaam="Bert")
    MandaatFactory(
        buurt=wereld.buurt_a,
        contactpersoon=backup,
        geldig_van=date.today() - timedelta(days=100),
        geldig_tot=date.today() - timedelta(days=1),
    )
    NetwerkrolFactory(buurt=wereld.buurt_a, contactpersoon=persoon, rol="warmmaker")
    teksten = [w.tekst for w in selectors.mandaat_waarschuwingen(wereld.buurt_a)]
    assert any("verlopen" in t and "Bert" in t for t in teksten)
    assert any("Warmmaker" in t and "zonder mandaat en zonder back-up" in t for t in teksten)


def test_a_role_with_mandate_and_backup_or_shared_is_not_fragile(wereld):
    persoon = ContactpersoonFactory(partner=wereld.partner)
    backup = ContactpersoonFactory(partner=wereld.partner)
    MandaatFactory(buurt=wereld.buurt_a, contactpersoon=persoon)
    NetwerkrolFactory(buurt=wereld.buurt_a, contactpersoon=persoon, rol="leider", backup=backup)
    NetwerkrolFactory(buurt=wereld.buurt_a, contactpersoon=persoon, rol="warmmaker")
    NetwerkrolFactory(buurt=wereld.buurt_a, contactpersoon=backup, rol="warmmaker")
    assert selectors.mandaat_waarschuwingen(wereld.buurt_a) == []


def test_the_smoelenboek_costs_the_same_queries_for_more_people(wereld):
    def tel() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            list(selectors.smoelenboek(wereld.regisseur_a, wereld.buurt_a))
        return len(ctx.captured_queries)

    ContactpersoonFactory(partner=wereld.partner)
    tel()  # warm the user's membership cache
    eerst = tel()
    assert eerst <= 3
    for _ in range(5):
        p = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
        persoon = ContactpersoonFactory(partner=p)
        NetwerkrolFactory(buurt=wereld.buurt_a, contactpersoon=persoon)
    assert tel() == eerst


def test_latest_scan_is_annotated(wereld):
    BetrokkenheidFactory(
        partner=wereld.partner, buurt=wereld.buurt_a, vonk=1, gescoord_op=date(2025, 1, 1)
    )
    BetrokkenheidFactory(
        partner=wereld.partner, buurt=wereld.buurt_a, vonk=3, gescoord_op=date(2026, 1, 1)
    )
    BetrokkenheidFactory(
        partner=wereld.partner, buurt=wereld.buurt_a2, vonk=5, gescoord_op=date(2026, 6, 1)
    )
    zonder = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    partners = selectors.met_laatste_scan(
        selectors.partners_in_buurt(wereld.regisseur_a, wereld.buurt_a), wereld.buurt_a
    )
    laatste = {p.pk: (p.laatste_vonk, p.laatste_vuur) for p in partners}
    # The latest of this buurt (a later scan in another buurt does not count); none: no scan.
    assert laatste[wereld.partner.pk][0] == 3
    assert laatste[zonder.pk] == (None, None)


def test_partner_growth_is_cumulative_per_month(wereld):
    wereld.partner.actief_sinds = date(2025, 1, 5)
    wereld.partner.save()
    PartnerFactory(
        gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a], actief_sinds=date(2025, 1, 20)
    )
    PartnerFactory(
        gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a], actief_sinds=date(2025, 3, 1)
    )
    PartnerFactory(
        gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a2], actief_sinds=date(2025, 2, 1)
    )
    assert selectors.partnergroei(wereld.buurt_a) == [("2025-01", 2), ("2025-03", 3)]
