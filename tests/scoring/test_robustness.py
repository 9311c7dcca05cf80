"""Robustness: a constructed fragile pair and a robust pair are reported as such."""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring_helpers import initiative, make_repo

from digistrat.scoring import robustness, score
from digistrat.scoring.robustness import reorder

TWO = """\
scoring:
  criteria:
    - {id: a, label: Access, weight: 50, max: 10}
    - {id: b, label: Burden, weight: 50, max: 10}
"""


@pytest.fixture
def ranking(tmp_path: Path):  # type: ignore[no-untyped-def]
    repo = make_repo(
        tmp_path,
        {
            "alpha": initiative("Alpha", scores={"a": 9, "b": 8}),  # 85
            "beta": initiative("Beta", scores={"a": 8, "b": 8}),  # 80, never above alpha
            "gamma": initiative("Gamma", scores={"a": 10, "b": 4}),  # 70
            "delta": initiative("Delta", scores={"a": 4, "b": 9.8}),  # 69, one point behind
        },
        TWO,
    )
    return score(repo)


def test_rank_ranges_at_the_corners(ranking) -> None:  # type: ignore[no-untyped-def]
    rb = robustness(ranking, band=10, top=4)
    assert rb.applicable and rb.method == "corners" and rb.weightings == 4
    ranges = {i: (r.best, r.worst) for i, r in rb.ranges.items()}
    assert ranges == {"alpha": (1, 1), "beta": (2, 2), "gamma": (3, 4), "delta": (3, 4)}


def test_fragile_pair_smallest_change(ranking) -> None:  # type: ignore[no-untyped-def]
    rb = robustness(ranking, band=10, top=4)
    s = rb.smallest
    assert s is not None and (s.above, s.below) == ("gamma", "delta")
    assert s.gap == pytest.approx(1)
    # moving t points from Access to Burden closes the gap at rate 0.6 + 0.58 per point
    assert s.points == pytest.approx(1 / 1.18, abs=1e-6)
    assert [(m.source, m.target) for m in s.moves] == [("a", "b")]


def test_robust_pair_cannot_be_reordered(ranking) -> None:  # type: ignore[no-untyped-def]
    rb = robustness(ranking, band=10, top=4)
    pairs = {(p.above, p.below): p.points for p in rb.pairs}
    assert pairs[("alpha", "beta")] is None  # alpha is at least as good on every criterion
    assert pairs[("gamma", "delta")] == pytest.approx(1 / 1.18, abs=1e-6)


def test_a_narrow_band_keeps_every_rank(ranking) -> None:  # type: ignore[no-untyped-def]
    rb = robustness(ranking, band=0.5, top=4)
    assert all(r.best == r.worst == r.rank for r in rb.ranges.values())


def test_the_moves_found_really_draw_level() -> None:
    weights = [5.0, 45.0, 50.0]
    a, b = [1.0, 1.0, 0.2], [0.0, 0.1, 0.9]
    r = reorder("a", "b", a, b, weights, ["x", "y", "z"])
    assert r.points is not None
    moved = dict(zip(["x", "y", "z"], weights, strict=True))
    for m in r.moves:
        moved[m.source] -= m.points
        moved[m.target] += m.points
    assert min(moved.values()) >= -1e-9 and sum(moved.values()) == pytest.approx(100)
    new_gap = sum(moved[k] * (p - q) for k, p, q in zip("xyz", a, b, strict=True))
    assert new_gap == pytest.approx(0, abs=1e-6)
    # greedy from the strongest source first: x (rate 1.7) is used up before y (rate 1.6)
    assert [m.source for m in r.moves] == ["x", "y"]


def test_many_criteria_are_sampled_deterministically(tmp_path: Path) -> None:
    criteria = "".join(
        f"    - {{id: c{i}, label: C{i}, weight: {i + 1}, max: 10}}\n" for i in range(11)
    )
    files = {
        f"i{n}": initiative(f"I{n}", scores={f"c{i}": (n * 7 + i * 3) % 11 for i in range(11)})
        for n in range(12)
    }
    ranking = score(make_repo(tmp_path, files, "scoring:\n  criteria:\n" + criteria))
    first, second = robustness(ranking), robustness(ranking)
    assert first.method == "sampled" and first.weightings == 1024
    assert first.ranges == second.ranges and first.smallest == second.smallest


def test_other_models_are_not_assessed(tmp_path: Path) -> None:
    repo = make_repo(
        tmp_path, {"x": initiative("X", effort=1, scores={"reach": 1})}, "scoring:\n  model: rice\n"
    )
    assert not robustness(score(repo)).applicable


def test_each_neighbouring_pair_gets_a_verdict(ranking) -> None:  # type: ignore[no-untyped-def]
    rb = robustness(ranking, band=10, top=4)
    verdicts = {(p.above, p.below): (p.verdict, p.points) for p in rb.pairs}
    assert verdicts[("alpha", "beta")] == ("robust", None)
    # beta over gamma: a 10-point band cannot swap them (the most favourable corner, Access 60
    # and Burden 40, still leaves beta 4 points ahead); moving 10 ÷ 0.6 points would
    assert verdicts[("beta", "gamma")][0] == "holds"
    assert verdicts[("beta", "gamma")][1] == pytest.approx(50 / 3, abs=1e-6)
    assert verdicts[("gamma", "delta")][0] == "fragile"


def test_verdicts_in_plain_english(ranking) -> None:  # type: ignore[no-untyped-def]
    from digistrat.scoring.report import robustness_sentences

    text = "\n".join(robustness_sentences(robustness(ranking, band=10, top=4), ranking))
    assert "Alpha above Beta: robust under any weights" in text
    assert "Beta above Gamma: holds within ±10 points" in text
    assert "Gamma above Delta: fragile, the order flips within ±10 points" in text
    assert "would put Delta above Gamma (now 1 point apart)" in text


def test_fragile_needs_the_other_weights_lowered(tmp_path: Path) -> None:
    """A pair that only swaps when the band also takes weight away from the leader's strength.

    Alpha leads by 10 points (Access 1.0 vs 0.2, Burden 0.2 vs 0.8, weights 50/50). At the
    corner most favourable to Beta (Access 40, Burden 60) Beta is 4 points ahead, so the pair
    is fragile; raising Burden alone (Access 50, Burden 60) would leave Beta 4 points behind.
    """
    repo = make_repo(
        tmp_path,
        {
            "alpha": initiative("Alpha", scores={"a": 10, "b": 2}),  # 60
            "beta": initiative("Beta", scores={"a": 2, "b": 8}),  # 50
        },
        TWO,
    )
    rb = robustness(score(repo), band=10, top=2)
    [pair] = rb.pairs
    assert (pair.above, pair.below, pair.gap) == ("alpha", "beta", pytest.approx(10))
    assert pair.verdict == "fragile"
    # a narrower band (5 points: Access 45, Burden 55) leaves Alpha 3 points ahead
    [narrow] = robustness(score(repo), band=5, top=2).pairs
    assert narrow.verdict == "holds"
