"""The weighted matrix: each criterion's score placed on its own scale, weighted, summed.

Arithmetic is exact (fractions), so a published matrix entered as written gives exactly its
published totals: 70 is 70, not 69.99999999999999.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

from digistrat.findings import Finding
from digistrat.loader import Repository
from digistrat.models import Initiative
from digistrat.models.strategy import Criterion
from digistrat.scoring.config import MISSING, OUT_OF_SCALE, Config, exact
from digistrat.scoring.result import Column, Contribution

NAME = "weighted"
FORMULA = """\
weighted (the default): a weighted matrix, as many trusts publish.
  For each criterion i with weight w_i and scale min_i to max_i:
    part_i = (score_i - min_i) / (max_i - min_i)      higher-is-better
    part_i = (max_i - score_i) / (max_i - min_i)      lower-is-better (cost, risk)
  total = 100 x sum(w_i x part_i) / sum(w_i)            shown as a percentage
  Weights are normalised, so 50/25/25 and 2/1/1 are the same. A score outside its scale is
  used as written (so published totals are reproduced) and reported. A missing score makes
  the total missing, never zero."""


@dataclass(slots=True)
class Evaluated:
    """One initiative under a model, before ranking."""

    id: str
    total: Fraction | None
    contributions: dict[str, Contribution]
    missing: tuple[str, ...] = ()
    value: Fraction | None = None
    quadrant: str | None = None
    problems: list[Finding] = field(default_factory=list)


def columns(config: Config) -> list[Column]:
    """The criteria as output columns, weights in percentage points."""
    return [
        Column(
            c.id,
            c.label,
            float(config.weights.get(c.id, Fraction(0)) * 100),
            c.min,
            c.max,
            c.direction,
        )
        for c in config.criteria
    ]


def part(c: Criterion, score: float) -> Fraction:
    """Where a score sits on its criterion's scale: 0 at the worst end, 1 at the best."""
    return _part(c.min, c.max, c.direction == "lower-is-better", score)


@lru_cache(maxsize=4096)
def _part(low: float, high: float, lower_is_better: bool, score: float) -> Fraction:
    """:func:`part`, remembered: scores repeat across initiatives, and fractions are slow."""
    share = (exact(score) - exact(low)) / (exact(high) - exact(low))
    return 1 - share if lower_is_better else share


@lru_cache(maxsize=4096)
def _points(weight: Fraction, share: Fraction) -> Fraction:
    return 100 * weight * share


def missing_finding(repo: Repository, ident: str, missing: list[str], model: str) -> Finding:
    """D003: the initiative has no score for some of the model's inputs.

    A warning, as in ``check`` (the rule D003): a new proposal is often not scored yet. It is
    listed as not ranked, never given a rank, and the warning stays until it is scored."""
    path, line, col = repo.where("initiatives", ident, "scores")
    names = ", ".join(f"`{m}`" for m in missing)
    return Finding(
        MISSING[0],
        MISSING[1],
        "warning",
        path,
        line,
        col,
        f"`{ident}` has no score for {names}, so it is not ranked: its {model} total is "
        "missing (not zero)",
        "Add under `scores:` " + ", ".join(f"`{m}: <number>`" for m in missing) + ".",
    )


Sums = dict[tuple[float | None, ...], tuple[Fraction, tuple[float, ...]]]
"""Scores (one per criterion, None where missing) → their exact total and each criterion's
points, for one configuration: initiatives often share scores, and fractions are slow."""


def evaluate_one(
    repo: Repository, config: Config, ident: str, ini: Initiative, sums: Sums | None = None
) -> Evaluated:
    """The weighted total of one initiative, with each criterion's contribution.

    ``sums``, if given, remembers the arithmetic between calls with the same ``config``."""
    scores = tuple(ini.scores.get(c.id) for c in config.criteria)
    known = sums.get(scores) if sums is not None else None
    if known is None:
        known = _sum(config, scores)
        if sums is not None:
            sums[scores] = known
    total, points = known
    parts: dict[str, Contribution] = {}
    missing: list[str] = []
    problems: list[Finding] = []
    for c, score, pts in zip(config.criteria, scores, points, strict=True):
        if score is None:
            missing.append(c.id)
            parts[c.id] = Contribution(c.id, c.label, None, None)
            continue
        outside = not c.min <= score <= c.max
        if outside:
            path, line, col = repo.where("initiatives", ident, "scores", c.id)
            problems.append(
                Finding(
                    OUT_OF_SCALE[0],
                    OUT_OF_SCALE[1],
                    "error",
                    path,
                    line,
                    col,
                    f"the `{c.id}` score of `{ident}` is {score:g}, outside its scale "
                    f"({c.min:g} to {c.max:g}); the total uses it as written",
                    f"Use a score from {c.min:g} to {c.max:g}, or widen the scale of "
                    f"`{c.id}` in strategy.yaml for every initiative.",
                )
            )
        parts[c.id] = Contribution(c.id, c.label, score, pts, outside)
    if missing:
        problems.append(missing_finding(repo, ident, missing, "weighted"))
    return Evaluated(ident, None if missing else total, parts, tuple(missing), problems=problems)


def _sum(config: Config, scores: tuple[float | None, ...]) -> tuple[Fraction, tuple[float, ...]]:
    """The exact total of the scores present, and each one's points (0.0 where missing)."""
    total = Fraction(0)
    points = []
    for c, score in zip(config.criteria, scores, strict=True):
        pts = Fraction(0) if score is None else _points(config.weights[c.id], part(c, score))
        total += pts
        points.append(float(pts))
    return total, tuple(points)


def evaluate(repo: Repository, config: Config) -> list[Evaluated]:
    """Every initiative's weighted total."""
    sums: Sums = {}
    return [evaluate_one(repo, config, i, ini, sums) for i, ini in sorted(repo.initiatives.items())]
