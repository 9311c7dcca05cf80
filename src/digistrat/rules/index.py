"""Facts several rules need, computed once per run so that every rule stays linear."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from digistrat.models import Initiative
    from digistrat.rules.base import Context

OPEN_STATUSES = frozenset({"proposed", "approved", "in-progress"})
"""Initiatives that are still to be delivered."""


@dataclass(slots=True)
class Index:
    """What the repository's initiatives add up to."""

    current: dict[str, Initiative] = field(default_factory=dict)
    """Initiatives that are not stopped (open or done)."""
    open: dict[str, Initiative] = field(default_factory=dict)
    """Initiatives proposed, approved or in progress."""
    needs_addressed: set[str] = field(default_factory=set)
    """``group/need`` references addressed by an initiative that is not stopped."""
    objectives_served: set[str] = field(default_factory=set)
    """Objective ids served by an initiative that is not stopped."""


def index(ctx: Context) -> Index:
    """The run's index, built on first use."""
    cached = ctx.shared.get("index")
    if isinstance(cached, Index):
        return cached
    built = Index()
    for ident, ini in ctx.repo.initiatives.items():
        if ini.status == "stopped":
            continue
        built.current[ident] = ini
        if ini.status in OPEN_STATUSES:
            built.open[ident] = ini
        built.needs_addressed.update(ini.needs)
        built.objectives_served.update(ini.objectives)
    ctx.shared["index"] = built
    return built
