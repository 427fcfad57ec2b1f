"""'Ontwar het bos' (issue 19): step statuses that follow the data, a square labelled samenhang
matrix, the advice's wording without packages, and the finished demo example in Buurtegem."""

import re

import pytest
from django.urls import reverse

from activiteiten.pakketten import selectors, services
from tests.factories import (
    ActiviteitFactory,
    BuurtanalyseFactory,
    DoelFactory,
    PartnerFactory,
    UitdagingFactory,
)
from zorgnet.lib import fragmentcache
from zorgnet.lib.choices import Coordinatievorm, Intensiteit, Schaal

pytestmark = pytest.mark.django_db


def _statussen(buurt) -> dict[int, str]:
    return {s.nummer: s.status for s in selectors.stappen(buurt)}


def _pakket(w, naam, acts, team=(), niveaus=(), pakket=None):
    return services.pakket_opslaan(
        pakket=pakket,
        buurt=w.buurt_a,
        naam=naam,
        activiteiten=acts,
        team=team,
        ideale_schaal=Schaal.GEOGRAFISCHE_BUURT,
        intensiteit=Intensiteit.ACTIVITEITEN_AFSTEMMEN,
        coordinatie=Coordinatievorm.DECENTRAAL,
        niveaus=niveaus,
    )


def test_each_step_status_follows_what_was_filled_in(wereld, django_assert_num_queries):
    w = wereld
    assert set(_statussen(w.buurt_a).values()) == {"open"}
    analyse = BuurtanalyseFactory(buurt=w.buurt_a)
    assert _statussen(w.buurt_a)[1] == "bezig"  # an analysis, no challenge yet
    UitdagingFactory(analyse=analyse)
    assert _statussen(w.buurt_a)[1] == "klaar"

    a = ActiviteitFactory(buurt=w.buurt_a, naam="A")
    assert _statussen(w.buurt_a)[2] == "bezig"  # an activity, no goal
    DoelFactory(buurt=w.buurt_a)
    b = ActiviteitFactory(buurt=w.buurt_a, naam="B")
    assert _statussen(w.buurt_a)[2] == "klaar"

    assert _statussen(w.buurt_a)[3] == "open"
    services.samenhang_instellen(buurt=w.buurt_a, gewichten={(a.pk, b.pk): 4})
    assert _statussen(w.buurt_a)[3] == "bezig"
    team = [PartnerFactory(gemeente=w.gemeente_1, buurten=[w.buurt_a]) for _ in range(2)]
    p1 = _pakket(w, "Een", [a], team=team, niveaus=["operationeel"])
    assert _statussen(w.buurt_a)[3] == "bezig"  # B is in no package yet
    p2 = _pakket(w, "Twee", [b])
    s = _statussen(w.buurt_a)
    assert s[3] == "klaar" and s[4] == "bezig"  # package Twee has no team
    p2 = _pakket(w, "Twee", [b], team=team, niveaus=["structureel"], pakket=p2)
    assert _statussen(w.buurt_a)[4] == "klaar"

    assert _statussen(w.buurt_a)[5] == "open"
    services.pakketrelatie_opslaan(pakket_a=p1, pakket_b=p2, intensiteit=Intensiteit.INFO_DELEN)
    assert _statussen(w.buurt_a)[5] == "klaar"

    assert _statussen(w.buurt_a)[6] == "open"
    services.ideaal_vastleggen(pakket=p1)
    assert _statussen(w.buurt_a)[6] == "bezig"
    services.ideaal_vastleggen(pakket=p2)
    assert _statussen(w.buurt_a)[6] == "klaar"
    # Every status above came from the versioned cache, so each of those writes raised the
    # buurt's version. After a write: the hand-set statuses, the buurt's flags and counts, the
    # packages (three queries); warm: the hand-set statuses alone.
    fragmentcache.wijzig(buurten=[w.buurt_a.id])
    with django_assert_num_queries(3):
        selectors.stappen(w.buurt_a)
    with django_assert_num_queries(1):
        assert _statussen(w.buurt_a) == {n: "klaar" for n in range(1, 7)}


def test_a_status_set_by_hand_wins_until_it_is_set_back_to_automatic(wereld, als):
    client = als(wereld.regisseur_a)
    url = reverse("activiteiten:pakket_stap_status", args=[wereld.buurt_a.id, 2])
    client.post(url, {"status": "klaar"})
    stap = selectors.stappen(wereld.buurt_a)[1]
    assert (stap.status, stap.ingesteld, stap.automatisch_label) == ("klaar", True, "Nog te doen")
    html = client.get(reverse("activiteiten:pakket_stap", args=[wereld.buurt_a.id, 2])).content
    assert "Status zelf ingesteld: Klaar." in html.decode()
    client.post(url, {"status": "automatisch"})
    stap = selectors.stappen(wereld.buurt_a)[1]
    assert (stap.status, stap.ingesteld) == ("open", False)
    html = client.get(reverse("activiteiten:pakket_stap", args=[wereld.buurt_a.id, 2])).content
    assert "Status volgens wat is ingevuld: Nog te doen." in html.decode()


def _matrix(html: str) -> list[list[str]]:
    tabel = html.split('<table class="samenhangmatrix">', 1)[1].split("</table>", 1)[0]
    return [re.findall(r"<t[hd][ >]", rij) for rij in re.findall(r"<tr>(.*?)</tr>", tabel, re.S)]


def test_the_samenhang_matrix_is_square_labelled_and_symmetric(wereld, als):
    # Created in an order that differs from the display order (by name), as a real buurt does.
    acts = [ActiviteitFactory(buurt=wereld.buurt_a, naam=n) for n in ("C", "A", "D", "B")]
    services.samenhang_instellen(buurt=wereld.buurt_a, gewichten={(acts[0].pk, acts[1].pk): 4})
    html = (
        als(wereld.regisseur_a)
        .get(reverse("activiteiten:pakket_stap", args=[wereld.buurt_a.id, 3]))
        .content.decode()
    )
    tabel = html.split('<table class="samenhangmatrix">', 1)[1].split("</table>", 1)[0]
    assert "<caption>" in tabel
    kop = re.findall(r'<th scope="col">([^<]*)</th>', tabel)
    rijen = re.findall(r'<th scope="row">([^<]*)</th>', tabel)
    assert kop == ["Activiteit", "A", "B", "C", "D"] and rijen == ["A", "B", "C", "D"]
    cellen = _matrix(html)
    assert len(cellen) == 5 and all(len(rij) == 5 for rij in cellen)  # header + 4 rows, 1 + 4 cols
    # Every pair has exactly one input, above the diagonal; 4 activities: 6 pairs.
    assert len(re.findall(r'<input type="number" name="g_', tabel)) == 6
    assert tabel.count("matrix-diagonaal") == 4
    # C–A is above the diagonal in row A and mirrored in row C.
    a, c = acts[1], acts[0]
    assert f'name="g_{min(a.pk, c.pk)}_{max(a.pk, c.pk)}" value="4"' in tabel
    rij_c = re.search(r'<th scope="row">C</th>(.*?)</tr>', tabel, re.S).group(1)
    assert '<td class="matrix-onder">4</td>' in rij_c


def test_the_matrix_selector_is_square_with_the_same_order():
    class A:
        def __init__(self, pk):
            self.pk = pk

    acts = [A(3), A(1), A(2)]
    matrix = selectors.samenhang_matrix(acts, [(1, 3, 5)])
    assert [r for r, _c in matrix] == acts
    assert all([c.kolom for c in cellen] == acts for _r, cellen in matrix)
    soorten = [[c.soort[0] for c in cellen] for _r, cellen in matrix]
    assert soorten == [["d", "b", "b"], ["o", "d", "b"], ["o", "o", "d"]]
    assert matrix[0][1][1].gewicht == matrix[1][1][0].gewicht == 5


def test_without_packages_the_advice_says_what_to_do_instead(wereld, als):
    client = als(wereld.regisseur_a)
    url = reverse("activiteiten:pakket_stap", args=[wereld.buurt_a.id, 3])
    html = client.get(url).content.decode()
    assert "De huidige opsplitsing volgt het advies" not in html
    assert "Voeg eerst activiteiten toe in stap 2." in html
    a, b = (ActiviteitFactory(buurt=wereld.buurt_a) for _ in range(2))
    html = client.get(url).content.decode()
    assert "De huidige opsplitsing volgt het advies" not in html  # each alone = the "advice"
    assert "Vul eerst de samenhang tussen de activiteiten in" in html
    services.samenhang_instellen(buurt=wereld.buurt_a, gewichten={(a.pk, b.pk): 5})
    html = client.get(url).content.decode()
    assert "De huidige opsplitsing volgt het advies" not in html
    assert "Er zijn nog geen pakketten. Neem het voorstel over" in html
    services.advies_overnemen(buurt=wereld.buurt_a)
    html = client.get(url).content.decode()
    assert "De huidige opsplitsing volgt het advies" in html and "nog geen pakketten" not in html
