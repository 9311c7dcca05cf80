"""How much the weighted ranking depends on the exact weights (§10: make the process visible).

Two questions, both answered deterministically:

* **Rank range.** Each weight may move up or down by ``band`` percentage points (never below
  zero), and the weights are then renormalised. Because renormalising divides every total by
  the same number, the order depends only on the raw weights. Whether one initiative can pass
  another anywhere in that box of weights is a linear question, settled at a corner of the box
  (each weight at one edge of its band), so every swap the band allows shows up at some corner.
  With up to ten criteria every corner is tried (2^k of them, visited in Gray-code order so
  that each step changes one weight and updates every total in one pass); with more criteria a
  fixed, seeded sample of corners is tried. Each initiative's best and worst rank over those
  weightings is reported. (A rank reached only by several swaps at once strictly inside the
  box can be missed: the range is what the edges of the band produce, not a proof.)
* **Smallest change that reorders the top.** For each initiative A among the first N (the
  ``top`` option) and each initiative B ranked below it, A stays ahead while ``Σ w_i (a_i − b_i)
  > 0``, where ``a_i`` and ``b_i`` are their positions on criterion i's scale (0 to 1). Moving
  ``t`` points of weight from criterion i to criterion j changes that margin by ``t (b_i − a_i)
  − t (b_j − a_j)``, so the cheapest way to close the gap moves weight into the criterion where
  B is strongest relative to A, taken first from the criteria where A is strongest (no weight
  below zero): exact, not sampled. The smallest such change over all pairs is the answer; if no
  weighting can put B above A, the pair is robust.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace

from digistrat.scoring.result import Column, Ranking, Row

MAX_CORNER_CRITERIA = 10
"""Up to this many criteria, every corner of the weight box is tried (1,024 at most)."""
SAMPLES = 1024
"""Corners sampled (with a fixed seed) when there are more criteria."""
SEED = 20210601
_EPS = 1e-9
_SCALE = 1e6


@dataclass(frozen=True, slots=True)
class RankRange:
    """How far one initiative's rank moves when the weights move within the band."""

    id: str
    rank: int
    best: int
    worst: int


@dataclass(frozen=True, slots=True)
class Move:
    """Points of weight moved from one criterion to another."""

    source: str
    target: str
    points: float


@dataclass(frozen=True, slots=True)
class Reorder:
    """The smallest change of weights that would put ``below`` above ``above``."""

    above: str
    below: str
    gap: float
    """Their current difference in total, in percentage points."""
    points: float | None
    """Total points of weight to move (the order flips just beyond this); None if no weighting
    can reorder them."""
    moves: tuple[Move, ...] = ()
    verdict: str = ""
    """For neighbouring pairs: ``tied`` (equal totals), ``fragile`` (some weighting within the
    band puts ``below`` ahead: an exact test at the corner of the band that favours it most),
    ``holds`` (not within the band, but a larger change would) or ``robust`` (no weighting)."""


@dataclass(slots=True)
class Robustness:
    """The robustness of a weighted ranking."""

    applicable: bool
    note: str = ""
    band: float = 10.0
    top: int = 5
    method: str = "corners"
    """``corners`` (every corner tried) or ``sampled`` (a seeded sample of corners)."""
    weightings: int = 0
    """How many weightings were tried."""
    ranges: dict[str, RankRange] = field(default_factory=dict)
    smallest: Reorder | None = None
    """The cheapest reordering of the top ``top`` between initiatives whose totals differ
    (None if no weighting can reorder it)."""
    ties: list[tuple[str, str]] = field(default_factory=list)
    """Neighbours in the top ``top`` with equal totals: any change of weights that separates
    them decides their order (until then it follows their names)."""
    pairs: list[Reorder] = field(default_factory=list)
    """For each neighbouring pair in the top ``top``: what it would take to swap them."""


def _parts(columns: list[Column], row: Row) -> list[float]:
    out = []
    for c in columns:
        con = row.contributions[c.id]
        assert con.score is not None and c.min is not None and c.max is not None
        share = (con.score - c.min) / (c.max - c.min)
        out.append(1 - share if c.direction == "lower-is-better" else share)
    return out


def robustness(ranking: Ranking, band: float = 10.0, top: int = 5) -> Robustness:
    """Rank ranges within ``band`` points and the smallest reordering of the top ``top``."""
    if ranking.model != "weighted":
        return Robustness(False, f"robustness applies to the weighted model, not {ranking.model}")
    rows = [r for r in ranking.rows if r.rank is not None]
    if len(rows) < 2 or not ranking.criteria:
        return Robustness(False, "fewer than two initiatives have a complete set of scores")
    columns = ranking.criteria
    weights = [c.weight or 0.0 for c in columns]
    parts = [_parts(columns, r) for r in rows]
    result = Robustness(True, band=band, top=min(top, len(rows)))
    _ranges(result, rows, parts, weights, band)
    _reorders(result, rows, parts, weights, [c.id for c in columns])
    return result


def _corners(k: int) -> tuple[list[int], str]:
    """Corner bit-masks in Gray-code order (each differs from the last in one bit), or a
    seeded sample when there are too many."""
    if k <= MAX_CORNER_CRITERIA:
        return [c ^ (c >> 1) for c in range(1 << k)], "corners"
    rng = random.Random(SEED)
    return [rng.getrandbits(k) for _ in range(SAMPLES)], "sampled"


def _ranges(
    out: Robustness, rows: list[Row], parts: list[list[float]], weights: list[float], band: float
) -> None:
    n, k = len(rows), len(weights)
    low = [max(0.0, w - band) for w in weights]
    high = [w + band for w in weights]
    # Work in name order, so that a stable sort on the totals alone breaks ties by name and id.
    by_name = sorted(range(n), key=lambda j: (rows[j].name.casefold(), rows[j].id))
    # Totals are kept in millionths of a point, offset by a half, so that math.floor rounds
    # them: totals equal but for floating-point noise then compare equal.
    columns = [[parts[j][i] * _SCALE for j in by_name] for i in range(k)]
    totals = [0.5 + sum(low[i] * parts[j][i] * _SCALE for i in range(k)) for j in by_name]
    best = [n] * n
    worst = [0] * n
    masks, out.method = _corners(k)
    state = 0
    tried = 0
    for mask in masks:
        changed = mask ^ state
        for i in range(k):
            if changed >> i & 1:
                step = (high[i] - low[i]) * (1 if mask >> i & 1 else -1)
                totals = [t + step * c for t, c in zip(totals, columns[i], strict=True)]
        state = mask
        if sum(high[i] if mask >> i & 1 else low[i] for i in range(k)) <= _EPS:
            continue  # every weight at zero: no ranking at all
        tried += 1
        keys = list(map(math.floor, totals))
        order = sorted(range(n), key=keys.__getitem__, reverse=True)  # stable: ties by name
        position = sorted(range(n), key=order.__getitem__)  # the inverse permutation
        best = list(map(min, best, position))
        worst = list(map(max, worst, position))
    out.weightings = tried
    for index, j in enumerate(by_name):
        row = rows[j]
        assert row.rank is not None
        out.ranges[row.id] = RankRange(
            row.id, row.rank, min(best[index] + 1, row.rank), max(worst[index] + 1, row.rank)
        )


def reorder(
    above: str, below: str, a: list[float], b: list[float], weights: list[float], ids: list[str]
) -> Reorder:
    """The least weight to move (in points) for ``below`` to draw level with ``above``; just
    beyond it, ``below`` goes ahead. None when no weighting puts ``below`` ahead."""
    d = [x - y for x, y in zip(a, b, strict=True)]
    gap = sum(w * x for w, x in zip(weights, d, strict=True))
    if gap <= _EPS:
        return Reorder(above, below, 0.0, 0.0)
    sink = min(range(len(d)), key=lambda i: (d[i], i))
    if sum(w * (x - d[sink]) for w, x in zip(weights, d, strict=True)) <= gap + _EPS:
        return Reorder(above, below, round(gap, 6), None)  # at best they draw level
    remaining = gap
    moves: list[Move] = []
    for i in sorted(range(len(d)), key=lambda i: (-d[i], i)):
        rate = d[i] - d[sink]
        if rate <= _EPS or remaining <= _EPS:
            break
        give = min(weights[i], remaining / rate)
        if give > _EPS:
            moves.append(Move(ids[i], ids[sink], give))
            remaining -= give * rate
    if remaining > _EPS:
        return Reorder(above, below, round(gap, 6), None)
    moved = tuple(Move(m.source, m.target, round(m.points, 6)) for m in moves)
    return Reorder(above, below, round(gap, 6), round(sum(m.points for m in moves), 6), moved)


def _reorders(
    out: Robustness, rows: list[Row], parts: list[list[float]], weights: list[float], ids: list[str]
) -> None:
    top = out.top
    best: Reorder | None = None
    for x in range(top):
        for y in range(x + 1, len(rows)):
            r = reorder(rows[x].id, rows[y].id, parts[x], parts[y], weights, ids)
            if y == x + 1 and y < top:
                out.pairs.append(replace(r, verdict=_verdict(r, parts[x], parts[y], weights, out)))
                if r.gap == 0:
                    out.ties.append((r.above, r.below))
            if r.gap == 0 or r.points is None:
                continue
            if best is None or r.points < (best.points or 0) - _EPS:
                best = r
    out.smallest = best


def _verdict(
    r: Reorder, a: list[float], b: list[float], weights: list[float], out: Robustness
) -> str:
    if r.gap == 0:
        return "tied"
    if r.points is None:
        return "robust"
    # The weighting in the band most favourable to b: up where b is stronger, down elsewhere.
    d = [y - x for x, y in zip(a, b, strict=True)]
    corner = [
        w + out.band if di > 0 else max(0.0, w - out.band) for w, di in zip(weights, d, strict=True)
    ]
    return "fragile" if sum(w * di for w, di in zip(corner, d, strict=True)) > _EPS else "holds"
