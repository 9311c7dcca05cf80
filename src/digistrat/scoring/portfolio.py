"""The portfolio mix (§10 Mixed portfolios): maintain / improve / transform and core /
experiment, by number of initiatives and by share of the total effort."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from digistrat.scoring.result import Row

CATEGORIES = ("maintain", "improve", "transform")
TYPES = ("core", "experiment")


@dataclass(frozen=True, slots=True)
class Share:
    """One group of the portfolio."""

    group: str
    count: int
    effort: float
    """Sum of the effort of its initiatives that state one."""
    effort_share: float | None
    """Percentage of the total effort (None when no initiative states an effort)."""


@dataclass(slots=True)
class Portfolio:
    """The mix of the initiatives shown."""

    count: int
    total_effort: float
    categories: list[Share] = field(default_factory=list)
    types: list[Share] = field(default_factory=list)
    without_effort: list[str] = field(default_factory=list)
    """Ids of initiatives with no effort (counted, but not in the effort shares)."""


def portfolio(rows: Iterable[Row]) -> Portfolio:
    """Counts and effort shares by category and by type."""
    items = list(rows)
    total = sum(r.effort or 0.0 for r in items)

    def shares(groups: tuple[str, ...], attr: str) -> list[Share]:
        out = []
        for g in groups:
            members = [r for r in items if getattr(r, attr) == g]
            effort = sum(r.effort or 0.0 for r in members)
            share = round(100 * effort / total, 6) if total > 0 else None
            out.append(Share(g, len(members), effort, share))
        return out

    return Portfolio(
        len(items),
        total,
        shares(CATEGORIES, "category"),
        shares(TYPES, "type"),
        [r.id for r in items if r.effort is None],
    )
