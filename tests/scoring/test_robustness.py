"""Robustness: a constructed fragile pair and a robust pair are reported as such."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction
from pathlib import Path

import pytest
from scoring_helpers import initiative, make_repo

from digistrat.scoring import robustness, score
from digistrat.scoring.result import Column, Contribution, Ranking, Row
from digistrat.scoring.robustness import (
    MAX_CORNER_CRITERIA,
    SAMPLES,
    Move,
    RankRange,
    Reorder,
    Robustness,
    _corners,
    reorder,
)

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


# An independent oracle: rankings built in memory from random whole-number scores, and every
# answer of `robustness` recomputed here from first principles with exact fractions. Scales of
# 1, 2, 4, 5 or 10 and whole-number weights keep every total a whole number of millionths, so
# equal totals are exactly equal in the code's floating point too.


def _oracle_ranking(rng: random.Random, k: int, n: int) -> Ranking:
    criteria = []
    for i in range(k):
        low = rng.choice([0, 0, 1, -2])
        high = low + rng.choice([1, 2, 4, 5, 10])
        direction = rng.choice(["higher-is-better", "lower-is-better"])
        criteria.append(Column(f"c{i}", f"C{i}", float(rng.randint(1, 60)), low, high, direction))
    total_weight = sum(Fraction(c.weight or 0) for c in criteria)
    for c in criteria:  # weights as percentage points, as `score` gives them
        object.__setattr__(c, "weight", float(Fraction(c.weight or 0) * 100 / total_weight))
    entries = []
    names = ["Alpha", "beta", "Gamma", "delta", "Echo", "echo", "Fox", "golf"]
    for j in range(n):
        scores = {c.id: rng.randint(int(c.min or 0), int(c.max or 0)) for c in criteria}
        # every third initiative copies another's scores, so that ties happen
        if j % 3 == 2:
            scores = dict(entries[rng.randrange(j)][2])
        entries.append((f"i{j}", names[j % len(names)], scores))
    raw = [Fraction(round((c.weight or 0) * 1e6), 10**6) for c in criteria]

    def total(scores: dict[str, int]) -> Fraction:
        return sum(
            (w * _part(c, scores[c.id]) for w, c in zip(raw, criteria, strict=True)), Fraction(0)
        )

    ordered = sorted(entries, key=lambda e: (-total(e[2]), e[1].casefold(), e[0]))
    rows = [
        Row(
            ident,
            name,
            rank,
            float(total(scores)),
            {c.id: Contribution(c.id, c.label, scores[c.id], None) for c in criteria},
            "improve",
            "project",
            "proposed",
            None,
        )
        for rank, (ident, name, scores) in enumerate(ordered, start=1)
    ]
    return Ranking("weighted", criteria, rows, "%")


def _part(c: Column, score: float) -> Fraction:
    assert c.min is not None and c.max is not None
    share = (Fraction(score) - Fraction(c.min)) / (Fraction(c.max) - Fraction(c.min))
    return 1 - share if c.direction == "lower-is-better" else share


def _parts_of(ranking: Ranking, row: Row) -> list[Fraction]:
    return [_part(c, row.contributions[c.id].score or 0) for c in ranking.criteria]


def _expected_ranges(ranking: Ranking, band: int) -> tuple[dict[str, tuple[int, int]], int]:
    weights = [Fraction(c.weight or 0) for c in ranking.criteria]
    edges = [(max(Fraction(0), w - band), w + band) for w in weights]
    best = {r.id: r.rank or 0 for r in ranking.rows}
    worst = dict(best)
    tried = 0
    for corner in itertools.product(*edges):
        if sum(corner) == 0:
            continue
        tried += 1
        order = sorted(
            ranking.rows,
            key=lambda r: (
                -sum(w * p for w, p in zip(corner, _parts_of(ranking, r), strict=True)),
                r.name.casefold(),
                r.id,
            ),
        )
        for position, r in enumerate(order, start=1):
            best[r.id] = min(best[r.id], position)
            worst[r.id] = max(worst[r.id], position)
    return {i: (best[i], worst[i]) for i in best}, tried


def _least_move(weights: list[Fraction], d: list[Fraction]) -> Fraction | None:
    """The least weight to move for the margin Σ w·d to reach zero: fill the criterion where
    the lower one is strongest (smallest d) from the others, largest d first."""
    gap = sum(w * x for w, x in zip(weights, d, strict=True))
    lowest = min(d)
    if sum(weights) * lowest >= 0:
        return None
    moved = Fraction(0)
    for w, x in sorted(zip(weights, d, strict=True), key=lambda p: -p[1]):
        rate = x - lowest
        if gap <= 0 or rate <= 0:
            break
        give = min(w, gap / rate)
        moved += give
        gap -= give * rate
    return moved


@pytest.mark.parametrize("seed", range(40))
def test_robustness_agrees_with_a_brute_force_oracle(seed: int) -> None:
    rng = random.Random(seed)
    ranking = _oracle_ranking(rng, k=rng.randint(1, 4), n=rng.randint(2, 7))
    band = rng.choice([0, 5, 10, 40])
    top = rng.randint(1, 8)
    rb = robustness(ranking, band=band, top=top)
    n = len(ranking.rows)
    assert rb.applicable and rb.note == "" and rb.band == band and rb.top == min(top, n)
    assert rb.method == "corners"

    ranges, tried = _expected_ranges(ranking, band)
    assert {i: (r.best, r.worst) for i, r in rb.ranges.items()} == ranges
    assert all(rb.ranges[r.id] == RankRange(r.id, r.rank, *ranges[r.id]) for r in ranking.rows)
    assert rb.weightings == tried

    weights = [Fraction(c.weight or 0) for c in ranking.criteria]
    rows, parts = ranking.rows, [_parts_of(ranking, r) for r in ranking.rows]
    expected_pairs = []
    candidates = []
    for x in range(rb.top):
        for y in range(x + 1, n):
            d = [p - q for p, q in zip(parts[x], parts[y], strict=True)]
            gap = sum(w * v for w, v in zip(weights, d, strict=True))
            least = _least_move(weights, d) if gap > 0 else Fraction(0)
            if gap > 0 and least is not None:
                candidates.append((least, rows[x].id, rows[y].id))
            if y == x + 1 and y < rb.top:
                if gap == 0:
                    verdict = "tied"
                elif least is None:
                    verdict = "robust"
                else:
                    corner = [
                        w + band if v < 0 else max(Fraction(0), w - band)
                        for w, v in zip(weights, d, strict=True)
                    ]
                    ahead = sum(w * v for w, v in zip(corner, d, strict=True)) < 0
                    verdict = "fragile" if ahead else "holds"
                expected_pairs.append((rows[x].id, rows[y].id, float(gap), least, verdict))
    assert len(rb.pairs) == len(expected_pairs)
    for pair, (above, below, gap, least, verdict) in zip(rb.pairs, expected_pairs, strict=True):
        assert (pair.above, pair.below, pair.verdict) == (above, below, verdict)
        assert pair.gap == pytest.approx(gap, abs=1e-6)
        if least is None:
            assert pair.points is None and pair.moves == ()
        else:
            assert pair.points == pytest.approx(float(least), abs=1e-5)
    assert rb.ties == [(p[0], p[1]) for p in expected_pairs if p[4] == "tied"]
    if not candidates:
        assert rb.smallest is None
    else:
        least_points = min(c[0] for c in candidates)
        first = next(c for c in candidates if c[0] - least_points < Fraction(1, 10**7))
        assert rb.smallest is not None
        assert (rb.smallest.above, rb.smallest.below) == (first[1], first[2])
        assert rb.smallest.points == pytest.approx(float(least_points), abs=1e-5)


def test_the_corners_are_every_mask_once_one_bit_at_a_time() -> None:
    for k in (1, 3, MAX_CORNER_CRITERIA):
        masks, method = _corners(k)
        assert method == "corners" and sorted(masks) == list(range(1 << k))
        assert masks[0] == 0
        assert all(bin(p ^ q).count("1") == 1 for p, q in itertools.pairwise(masks))
    masks, method = _corners(MAX_CORNER_CRITERIA + 1)
    assert method == "sampled" and len(masks) == SAMPLES
    assert _corners(MAX_CORNER_CRITERIA + 1) == (masks, method)  # the same sample every time


def test_ten_criteria_are_tried_at_every_corner_and_eleven_are_sampled() -> None:
    for k, method, weightings in ((10, "corners", 1024), (11, "sampled", SAMPLES)):
        ranking = _oracle_ranking(random.Random(k), k=k, n=3)
        rb = robustness(ranking, band=5, top=2)
        assert (rb.method, rb.weightings) == (method, weightings)


def test_the_reported_figures_are_rounded_to_six_places() -> None:
    # A gap of a third of a point; no weighting reorders them (b is never stronger).
    r = reorder("a", "b", [1.0, 1 / 3], [1.0, 0.0], [50.0, 1.0], ["x", "y"])
    assert r == Reorder("a", "b", 0.333333, None)
    # b draws level by moving a ninth of a point... shown to six places, moves too.
    r = reorder("a", "b", [0.0, 1.0], [1.0, 0.0], [50.0, 50.0 + 1 / 9], ["x", "y"])
    assert r.gap == 0.111111 and r.points == 0.055556
    assert r.moves == (Move("y", "x", 0.055556),)
    # Equal totals: level already, nothing to move.
    assert reorder("a", "b", [0.5, 0.5], [0.5, 0.5], [50.0, 50.0], ["x", "y"]) == Reorder(
        "a", "b", 0.0, 0.0
    )


def test_not_applicable_says_why(tmp_path: Path) -> None:
    one = make_repo(tmp_path / "one", {"x": initiative("X", scores={"a": 1, "b": 1})}, TWO)
    assert robustness(score(one)) == Robustness(
        False, "fewer than two initiatives have a complete set of scores"
    )
    rice = make_repo(
        tmp_path / "rice",
        {"x": initiative("X", effort=1, scores={"reach": 1})},
        "scoring:\n  model: rice\n",
    )
    assert robustness(score(rice)) == Robustness(
        False, "robustness applies to the weighted model, not rice"
    )


def test_the_corner_with_every_weight_at_zero_is_skipped_not_the_end() -> None:
    """Three equal weights (33⅓ each) and a band of 40: the lowest corner takes every weight to
    zero, which ranks nothing; it is skipped and the other seven corners are still tried."""
    rng = random.Random(3)
    ranking = _oracle_ranking(rng, k=3, n=6)
    for c in ranking.criteria:
        object.__setattr__(c, "weight", 100 / 3)
    rb = robustness(ranking, band=40, top=3)
    ranges, tried = _expected_ranges(ranking, 40)
    assert tried == rb.weightings == 7
    assert {i: (r.best, r.worst) for i, r in rb.ranges.items()} == ranges


def test_the_default_band_is_ten_points_and_the_top_five(tmp_path: Path) -> None:
    ranking = _oracle_ranking(random.Random(5), k=2, n=7)
    rb = robustness(ranking)
    assert (rb.band, rb.top) == (10, 5)
    assert rb == robustness(ranking, band=10, top=5)


def test_a_small_weight_can_fall_to_zero_at_the_favourable_corner() -> None:
    """Weights 5 and 95, band 10: at the corner most favourable to B the first weight is 0,
    not below and not 1, so B's tiny lead on the second criterion (0.005 × 105) puts it ahead:
    fragile. Were the first weight kept at 1 point, A's lead there (1 × 1) would hold."""
    criteria = [Column("c0", "C0", 5.0, 0, 1), Column("c1", "C1", 95.0, 0, 1000)]

    def row(ident: str, rank: int, c0: int, c1: int) -> Row:
        contributions = {
            "c0": Contribution("c0", "C0", c0, None),
            "c1": Contribution("c1", "C1", c1, None),
        }
        total = 5 * c0 + 95 * c1 / 1000
        return Row(
            ident, ident.upper(), rank, total, contributions, "improve", "project", "proposed", None
        )

    ranking = Ranking("weighted", criteria, [row("a", 1, 1, 0), row("b", 2, 0, 5)], "%")
    [pair] = robustness(ranking, band=10, top=2).pairs
    assert (pair.above, pair.below, pair.verdict) == ("a", "b", "fragile")
