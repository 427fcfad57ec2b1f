"""The modularity advice on small hand-made graphs with a known best split."""

import pytest

from activiteiten.pakketten.advies import graaf, modulariteit, voorgestelde_opsplitsing


def _twee_klieken(n: int = 4, brug: float = 1, sterk: float = 5):
    links = list(range(1, n + 1))
    rechts = list(range(n + 1, 2 * n + 1))
    paren = [(a, b, sterk) for i, a in enumerate(links) for b in links[i + 1 :]]
    paren += [(a, b, sterk) for i, a in enumerate(rechts) for b in rechts[i + 1 :]]
    paren.append((links[-1], rechts[0], brug))
    return links + rechts, paren, links, rechts


def test_it_splits_two_cliques_joined_by_one_weak_edge():
    ids, paren, links, rechts = _twee_klieken()
    assert sorted(voorgestelde_opsplitsing(ids, paren)) == sorted([links, rechts])


def test_it_splits_three_triangles_in_a_ring():
    ids = list(range(1, 10))
    paren = [(1, 2, 5), (2, 3, 5), (1, 3, 5), (4, 5, 5), (5, 6, 5), (4, 6, 5)]
    paren += [(7, 8, 5), (8, 9, 5), (7, 9, 5), (3, 4, 1), (6, 7, 1), (9, 1, 1)]
    assert sorted(voorgestelde_opsplitsing(ids, paren)) == [[1, 2, 3], [4, 5, 6], [7, 8, 9]]


def test_the_suggestion_scores_at_least_the_known_best_split():
    ids, paren, links, rechts = _twee_klieken(n=5)
    g = graaf(ids, paren)
    voorstel = voorgestelde_opsplitsing(ids, paren)
    assert modulariteit(g, voorstel) == pytest.approx(modulariteit(g, [links, rechts]))
    # One package with everything has modularity 0; a bad cut scores lower than the best one.
    assert modulariteit(g, [ids]) == pytest.approx(0)
    slecht = [links[:2] + rechts[:2], links[2:] + rechts[2:]]
    assert modulariteit(g, slecht) < modulariteit(g, voorstel)


def test_a_strong_bridge_merges_the_cliques_less_clearly():
    ids, paren_zwak, links, rechts = _twee_klieken(brug=1)
    _, paren_sterk, _, _ = _twee_klieken(brug=5)
    g_zwak, g_sterk = graaf(ids, paren_zwak), graaf(ids, paren_sterk)
    assert modulariteit(g_sterk, [links, rechts]) < modulariteit(g_zwak, [links, rechts])


def test_unassigned_activities_count_as_their_own_group():
    ids, paren, links, rechts = _twee_klieken()
    g = graaf(ids, paren)
    assert modulariteit(g, [links]) == pytest.approx(
        modulariteit(g, [links] + [[r] for r in rechts])
    )


def test_without_samenhang_there_is_no_modularity_and_every_activity_stands_alone():
    assert modulariteit(graaf([1, 2], []), [[1, 2]]) is None
    assert voorgestelde_opsplitsing([2, 1], []) == [[1], [2]]
    assert voorgestelde_opsplitsing([], []) == []
