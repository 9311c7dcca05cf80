"""Priorities and roadmap for publishing, from :mod:`digistrat.scoring`.

The scoring package ranks initiatives and plans what starts now, next and later; this module
turns its results into the few plain values the templates show, so that templates do not depend
on the scoring package's internals.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from digistrat.loader import Repository

BUCKETS = ("now", "next", "later")


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
    value: float | None = None
    effort: float | None = None
    quadrant: str | None = None


@dataclass(frozen=True, slots=True)
class Slot:
    """An initiative placed on the roadmap, with the reason it sits there."""

    id: str
    name: str
    reason: str


@dataclass(slots=True)
class Priorities:
    """Everything the outputs show about prioritisation."""

    model: str
    criteria: list[str]
    rows: list[Ranked]
    roadmap: dict[str, list[Slot]] = field(default_factory=dict)
    by_id: dict[str, Ranked] = field(default_factory=dict)
    bucket_of: dict[str, str] = field(default_factory=dict)


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _contributions(row: Any) -> tuple[Contribution, ...]:
    raw = getattr(row, "contributions", None) or ()
    items = raw.values() if isinstance(raw, dict) else raw
    out = []
    for c in items:
        label = getattr(c, "label", None) or getattr(c, "criterion", None) or getattr(c, "id", "")
        out.append(
            Contribution(
                str(label),
                _num(getattr(c, "score", None)),
                _num(getattr(c, "points", getattr(c, "weighted", None))),
            )
        )
    return tuple(out)


def _criteria_labels(ranking: Any) -> list[str]:
    labels = []
    for c in getattr(ranking, "criteria", None) or ():
        labels.append(str(getattr(c, "label", None) or getattr(c, "id", c)))
    return labels


def _unscored(repo: Repository) -> Priorities:
    """Initiatives in name order, roadmap by status: used only if scoring is unavailable."""
    rows = [Ranked(i, e.name, None, None) for i, e in sorted(repo.initiatives.items())]
    result = Priorities("none", [], rows, by_id={r.id: r for r in rows})
    place = {"in-progress": "now", "approved": "next", "proposed": "later"}
    for bucket in BUCKETS:
        result.roadmap[bucket] = [
            Slot(r.id, r.name, "")
            for r in rows
            if place.get(repo.initiatives[r.id].status) == bucket
        ]
        for slot in result.roadmap[bucket]:
            result.bucket_of[slot.id] = bucket
    return result


def build(repo: Repository, today: date) -> Priorities:
    """Rank the initiatives and plan the roadmap."""
    try:
        scoring: Any = importlib.import_module("digistrat.scoring")
    except ImportError:
        return _unscored(repo)
    ranking = scoring.score(repo)
    rows = []
    for row in ranking.rows:
        rows.append(
            Ranked(
                id=str(row.id),
                name=str(row.name),
                rank=getattr(row, "rank", None),
                total=_num(getattr(row, "total", None)),
                contributions=_contributions(row),
                value=_num(getattr(row, "value", None)),
                effort=_num(getattr(row, "effort", None)),
                quadrant=getattr(row, "quadrant", None),
            )
        )
    result = Priorities(str(ranking.model), _criteria_labels(ranking), rows)
    result.by_id = {r.id: r for r in rows}
    plan = scoring.plan(repo, today)
    names = {i: e.name for i, e in repo.initiatives.items()}
    for bucket in BUCKETS:
        slots = []
        for item in getattr(plan, bucket, None) or ():
            ident = str(getattr(item, "id", item))
            reason = str(getattr(item, "reason", "") or "")
            slots.append(Slot(ident, names.get(ident, ident), reason))
            result.bucket_of[ident] = bucket
        result.roadmap[bucket] = slots
    return result
