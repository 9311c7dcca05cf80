"""Priorities and roadmap for publishing, from :mod:`digistrat.scoring`.

The scoring package ranks initiatives and plans what starts now, next and later; this module
turns its results into the few plain values the templates show, so that templates do not depend
on the scoring package's internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from digistrat.loader import Repository
from digistrat.scoring import Ranking

BUCKETS = ("now", "next", "later", "blocked")


@dataclass(frozen=True, slots=True)
class Contribution:
    """One criterion's part in an initiative's total."""

    label: str
    score: float | None
    points: float | None
    """Weighted percentage points this criterion adds to the total."""


@dataclass(frozen=True, slots=True)
class Ranked:
    """One initiative's place in the ranking."""

    id: str
    name: str
    rank: int | None
    total: float | None
    contributions: tuple[Contribution, ...] = ()
    shown: str = "–"
    """The total as written for people: ``72%``, or a RICE/WSJF score like ``15.3``."""


@dataclass(frozen=True, slots=True)
class Slot:
    """An initiative placed on the roadmap, with the reason it sits there."""

    id: str
    name: str
    reason: str
    when: str = ""
    """The quarters it is planned to run, e.g. ``Jan–Mar 2027 to Jul–Sep 2027``."""
    first: int | None = None
    """Index (into ``Priorities.quarters``) of the quarter it starts; None if not planned."""
    last: int | None = None
    """Index of the last quarter it runs."""
    ends: date | None = None
    """The last day of the last quarter the plan gives it."""


@dataclass(frozen=True, slots=True)
class Placed:
    """An initiative on the value/effort matrix."""

    id: str
    value: float
    """Weighted total, 0 to 100."""
    effort: float
    quadrant: str
    """quick-win, big-bet, fill-in or money-pit."""


@dataclass(slots=True)
class Matrix:
    """The value/effort matrix, with the thresholds that split it into quadrants."""

    placed: list[Placed] = field(default_factory=list)
    value_at: float = 50.0
    effort_at: float | None = None


@dataclass(slots=True)
class Priorities:
    """Everything the outputs show about prioritisation."""

    model: str
    criteria: list[str]
    rows: list[Ranked]
    roadmap: dict[str, list[Slot]] = field(default_factory=dict)
    by_id: dict[str, Ranked] = field(default_factory=dict)
    matrix: Matrix = field(default_factory=Matrix)
    quarters: list[str] = field(default_factory=list)
    """Labels of the planned quarters, the current one first, e.g. ``Oct–Dec 2026``."""
    unit: str = "%"
    """``%`` when totals are percentages (weighted, value/effort); empty for RICE and WSJF."""
    bucket_of: dict[str, str] = field(default_factory=dict)


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _shown(total: float | None, unit: str) -> str:
    if total is None:
        return "–"
    return f"{total:.0f}%" if unit == "%" else f"{total:.3g}"


def _matrix(ranking: Ranking) -> Matrix:
    placed = [
        Placed(row.id, float(row.value), float(row.effort), row.quadrant)
        for row in ranking.rows
        if row.value is not None and row.effort is not None and row.quadrant
    ]
    options = ranking.options
    return Matrix(
        sorted(placed, key=lambda p: p.id),
        float(options.get("value-threshold", 50.0)),
        float(options["effort-threshold"]) if "effort-threshold" in options else None,
    )


def build(repo: Repository, today: date) -> Priorities:
    """Rank the initiatives with the repository's model and plan the roadmap."""
    from digistrat import scoring

    ranking = scoring.score(repo)
    rows = [
        Ranked(
            id=row.id,
            name=row.name,
            rank=row.rank,
            total=_num(row.total),
            contributions=tuple(
                Contribution(c.label, _num(c.score), _num(c.points))
                for c in row.contributions.values()
            ),
            shown=_shown(_num(row.total), ranking.unit),
        )
        for row in ranking.rows
    ]
    result = Priorities(
        ranking.model,
        [c.label for c in ranking.criteria],
        rows,
        by_id={r.id: r for r in rows},
        unit=ranking.unit,
    )
    result.matrix = _matrix(
        ranking if ranking.model == "value-effort" else scoring.score(repo, "value-effort")
    )
    plan = scoring.plan(repo, today, ranking)
    labels = {q.index: q.label for q in plan.quarters}
    result.quarters = [q.label for q in sorted(plan.quarters, key=lambda q: q.index)]
    for bucket in BUCKETS:
        slots = []
        for item in plan.bucket(bucket):
            when = ""
            end = item.last if item.last is not None else item.first
            if item.first is not None:
                starts, ends = labels.get(item.first, ""), labels.get(end or item.first, "")
                when = starts if starts == ends else f"{starts} to {ends}"
            slots.append(Slot(item.id, item.name, item.reason, when, item.first, end, item.end))
            result.bucket_of[item.id] = bucket
        result.roadmap[bucket] = slots
    return result
