"""When open initiatives will finish, by their own dates or by the plan: computed once per run.

The realism rules (R004 to R006) need the delivery plan that ``digistrat score --plan`` shows
(:mod:`digistrat.scoring.plan`). It is built once per ``check`` run, on first use, and kept in
the run's shared dictionary, so that every rule stays linear in the size of the repository.

An open initiative's **planned finish** is:

* its own ``end`` date, when the plan finishes it in that date's quarter or earlier (the plan
  works in whole quarters, so the stated day is the more precise);
* otherwise the quarter in which the plan finishes it (the plan had to move it later: its
  dependencies finish later, or capacity is full). Such a finish counts as *after* a date only
  when the whole quarter is after it, so that rounding to quarters never makes a finding.

Initiatives the plan cannot place (blocked by a dependency loop or by a stopped or unknown
dependency) finish on their own ``end`` date if they have one, and are otherwise left out:
D001 and D006 report them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from digistrat.scoring.plan import plan
from digistrat.scoring.quarters import quarter_bounds, quarter_label, quarter_of
from digistrat.voice import longdate as spoken

if TYPE_CHECKING:
    from digistrat.rules.base import Context
    from digistrat.scoring.result import Plan


_BECAUSE = {
    "moved": "by the plan: with the stated capacity and dependencies it cannot start sooner",
    "assumed": "by the plan, which assumes how long it takes, as it has no end date",
}


@dataclass(frozen=True, slots=True)
class Finish:
    """When an open initiative is planned to finish."""

    earliest: date
    """The earliest day it can be said to finish: its ``end`` date, or the first day of the
    quarter in which the plan finishes it. It finishes after a date ``d`` when this is later."""
    quarter: int
    """Number of the quarter it finishes in (see :func:`~digistrat.scoring.quarters.quarter_of`)."""
    why: str = "end"
    """``end`` (its own end date), ``moved`` (the plan had to put it later), ``assumed`` (the
    plan assumed a duration) or ``overrun`` (in progress after its end date passed)."""
    end: date | None = None
    """Its own end date, for ``overrun``."""

    @property
    def stated(self) -> bool:
        return self.why == "end"

    @property
    def words(self) -> str:
        """How a message says when it finishes, e.g. ``on 31 March 2027 (its end date)``."""
        if self.why == "end":
            return f"on {spoken(self.earliest)} (its end date)"
        if self.why == "overrun" and self.end is not None:
            return f"later than planned: its end date, {spoken(self.end)}, has passed"
        return f"in {quarter_label(self.quarter)} ({_BECAUSE.get(self.why, 'by the plan')})"

    def after(self, day: date) -> bool:
        """Whether it finishes after ``day``."""
        return self.earliest > day


@dataclass(slots=True)
class Planned:
    """The run's plan and the planned finish of every open initiative."""

    plan: Plan
    base: int
    """Number of the current quarter (the plan's quarter 0)."""
    finishes: dict[str, Finish]


def planned(ctx: Context) -> Planned:
    """The run's plan, built on first use."""
    cached = ctx.shared.get("planned")
    if isinstance(cached, Planned):
        return cached
    built = plan(ctx.repo, ctx.today)
    base = quarter_of(ctx.today)
    finishes: dict[str, Finish] = {}
    for item in built.items:
        ini = ctx.repo.initiatives.get(item.id)
        if ini is None or item.status in ("done", "stopped"):
            continue
        finish = _finish(ini.start, ini.end, item.status, item.last, base, ctx.today)
        if finish is not None:
            finishes[item.id] = finish
    result = Planned(built, base, finishes)
    ctx.shared["planned"] = result
    return result


def _finish(
    start: date | None, end: date | None, status: str, last: int | None, base: int, today: date
) -> Finish | None:
    if status == "in-progress" and end is not None and end < today:
        return Finish(today, quarter_of(today), "overrun", end)
    if end is not None and (last is None or quarter_of(end) >= base + last):
        return Finish(end, quarter_of(end))
    if last is None:
        return None
    dated = start is not None and end is not None and end >= start
    why = "moved" if dated or status == "in-progress" else "assumed"
    if status == "in-progress" and end is None:
        why = "assumed"
    return Finish(quarter_bounds(base + last)[0], base + last, why)
