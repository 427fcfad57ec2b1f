"""RelatieBuurt (a buurt's ties, denormalised) stays equal to what it derives from, whatever wrote."""

import pytest

from partners import relatiebuurten, selectors
from partners.models import Bevestiging, Partner, Relatie, RelatieBuurt
from tests.factories import BuurtFactory, PartnerFactory, RelatieFactory

pytestmark = pytest.mark.django_db


def _afgeleid() -> set[tuple[int, int, str]]:
    """What the table must hold, derived from the ties and the partner-buurt links."""
    links = list(Partner.buurten.through.objects.all())
    buurten_van: dict[int, set[int]] = {}
    for link in links:
        buurten_van.setdefault(link.partner_id, set()).add(link.buurt_id)
    return {
        (b, r.pk, r.bevestiging)
        for r in Relatie.objects.all()
        for b in buurten_van.get(r.van_partner_id, set())
        | buurten_van.get(r.naar_partner_id, set())
    }


def _tabel() -> set[tuple[int, int, str]]:
    return set(RelatieBuurt.objects.values_list("buurt_id", "relatie_id", "bevestiging"))


def test_every_write_path_keeps_the_table_equal_to_its_derivation(wereld):
    a = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    b = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a2])
    relatie = RelatieFactory(van_partner=a, naar_partner=b)  # a model save
    assert _tabel() == _afgeleid() and len(_tabel()) == 2
    relatie.bevestiging = Bevestiging.BEVESTIGD
    relatie.save()  # the copied answer follows
    assert _tabel() == _afgeleid()
    nieuw = BuurtFactory(gemeente=wereld.gemeente_1)
    a.buurten.add(nieuw)  # forward m2m add
    assert (nieuw.id, relatie.pk, Bevestiging.BEVESTIGD) in _tabel()
    assert _tabel() == _afgeleid()
    a.buurten.remove(nieuw)  # m2m remove
    assert _tabel() == _afgeleid()
    b.buurten.set([nieuw])  # set: remove + add
    assert _tabel() == _afgeleid()
    a.buurten.clear()  # clear
    assert _tabel() == _afgeleid()
    b.buurten.clear()
    assert _tabel() == _afgeleid() == set()
    a.buurten.add(wereld.buurt_a)
    assert _tabel() == _afgeleid() != set()
    wereld.buurt_a.delete()  # cascades
    relatie.delete()
    assert _tabel() == _afgeleid() == set()


def test_a_bulk_loader_fills_the_whole_table_in_one_statement(wereld):
    a = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    b = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a, wereld.buurt_a2])
    Relatie.objects.bulk_create([Relatie(van_partner=a, naar_partner=b, intensiteit=2)])
    assert _tabel() != _afgeleid()  # a bulk create sends no signal ...
    relatiebuurten.alles_vullen()  # ... so loaders (schaaldata, migration) call this
    assert _tabel() == _afgeleid() and len(_tabel()) == 2


def test_the_relation_list_counts_on_the_table(wereld):
    a = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a])
    b = PartnerFactory(gemeente=wereld.gemeente_1, buurten=[wereld.buurt_a2])
    RelatieFactory(van_partner=a, naar_partner=b)
    RelatieFactory(van_partner=b, naar_partner=a, bevestiging=Bevestiging.BETWIST)
    r = wereld.regisseur_a
    lijst = selectors.relaties_in_buurt(r, wereld.buurt_a)
    assert selectors.aantal_relaties_in_buurt(r, wereld.buurt_a) == lijst.count() >= 2
    assert selectors.aantal_relaties_in_buurt(r, wereld.buurt_a, Bevestiging.OPEN) == (
        lijst.filter(bevestiging=Bevestiging.OPEN).count()
    )
    # Outside the user's scope nothing is counted or listed.
    assert selectors.aantal_relaties_in_buurt(wereld.regisseur_b, wereld.buurt_a) == 0
    assert not selectors.relaties_in_buurt(wereld.regisseur_b, wereld.buurt_a).exists()
