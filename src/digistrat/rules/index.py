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


def unusable(ctx: Context, kind: str) -> list[str]:
    """The files of ``kind`` (``"initiatives"``…) that could not be used: unreadable, not
    matching the format, a repeated id (see :mod:`digistrat.leftout`). What they hold is
    unknown, so a rule that concludes from something being absent (no initiative addresses
    this need, no services are described) stays quiet while there are any: the loader's
    findings already say what to fix, and the conclusion is checked again once they are fixed.
    """
    cached = ctx.shared.get("unusable")
    if not isinstance(cached, dict):
        from digistrat.leftout import left_out

        cached = {}
        for item in left_out(ctx.repo):
            cached.setdefault(item.path.split("/", 1)[0], []).append(item.path)
        ctx.shared["unusable"] = cached
    found: list[str] = cached.get(kind, [])
    return found
