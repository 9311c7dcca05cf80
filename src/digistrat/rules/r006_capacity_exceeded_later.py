"""The initiatives' own dates need more capacity than the strategy says it has, in a coming quarter.

The guide asks how many projects the organisation can run at once, limited by specialists,
central functions and clinicians' time (§10 "How much bandwidth does your organisation
have?"), and says to limit the initiatives planned to what the bottlenecks allow. R002 checks
the work in progress today; this rule looks ahead, quarter by quarter, at what the initiatives'
own ``start`` and ``end`` dates put in each quarter:

* initiatives in progress run from now to their ``end`` (without one, for the duration the
  plan of ``digistrat score --plan`` assumes);
* initiatives proposed or approved with both a ``start`` and an ``end`` run in the quarters
  between (those without both dates are left out: the plan fits them in wherever there is
  room).

It reports the quarters where more initiatives run at once than ``capacity:
concurrent_initiatives`` (from the next quarter on; this quarter only when the work in progress
alone is within capacity, as R002 reports the rest), and, when ``capacity: effort_per_quarter``
is given, the quarters whose effort is more than that (each initiative's ``effort`` spread
evenly over its quarters, as the plan does). The plan would have to delay some of this work, so
the dates, and the commitments that rely on them, are not realistic as written.

Failing example::

    # strategy.yaml
    capacity:
      concurrent_initiatives: 1
    # initiatives/shared-record-viewer.yaml
    name: Shared record viewer
    owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
    category: transform
    status: approved
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 7, staff-benefit: 4, financial-benefit: 2}
    start: 2026-07-01
    end: 2026-12-31

Passing example::

    # strategy.yaml
    capacity:
      concurrent_initiatives: 1
    # initiatives/shared-record-viewer.yaml
    name: Shared record viewer
    owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
    category: transform
    status: approved
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 7, staff-benefit: 4, financial-benefit: 2}
    start: 2026-10-01
    end: 2027-03-31
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.planned import planned
from digistrat.scoring.quarters import quarter_label, quarter_of
from digistrat.voice import shortlist

CODE = "R006"
NAME = "capacity-exceeded-later"
SEVERITY = "warning"
SEVERITY_BASIS = (
    "§10 asks how much bandwidth the organisation has and whether to limit the initiatives "
    "planned, a judgement rather than a fixed criterion."
)
SECTION = "§10 Make choices (How much bandwidth does your organisation have?)"
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.capacity is None:
        return
    cap = strategy.capacity
    spans = _spans(ctx)
    base = quarter_of(ctx.today)
    running: dict[int, list[str]] = {}
    load: dict[int, float] = {}
    for ident, (first, last, share) in spans.items():
        for t in range(first, last + 1):
            running.setdefault(t, []).append(ident)
            load[t] = load.get(t, 0.0) + share
    in_progress = sum(1 for ini in ctx.repo.initiatives.values() if ini.status == "in-progress")
    r002_reports_now = in_progress > cap.concurrent_initiatives
    over = [
        t
        for t in sorted(running)
        if len(running[t]) > cap.concurrent_initiatives and (t > 0 or not r002_reports_now)
    ]
    if over:
        peak = max(over, key=lambda t: (len(running[t]), -t))
        yield Violation(
            "strategy",
            "strategy",
            ("capacity", "concurrent_initiatives"),
            f"by their own dates, {len(running[peak])} initiatives run at once in "
            f"{quarter_label(base + peak)} ({_names(running[peak])}), but the capacity is "
            f"{cap.concurrent_initiatives}{_spread(base, over)}",
            "Move some start dates later so that no more than the capacity run at once, stop "
            "or pause something of lower priority, or say what extra capacity (people, "
            "funding, a bottleneck removed) makes more possible and raise "
            "`concurrent_initiatives`.",
        )
    if cap.effort_per_quarter is None:
        return
    limit = cap.effort_per_quarter
    heavy = [t for t in sorted(load) if round(load[t], 6) > limit]
    if heavy:
        peak = max(heavy, key=lambda t: (load[t], -t))
        yield Violation(
            "strategy",
            "strategy",
            ("capacity", "effort_per_quarter"),
            f"by their own dates, the initiatives running in {quarter_label(base + peak)} "
            f"({_names(running[peak])}) need {load[peak]:.3g} effort, but a quarter can "
            f"absorb {limit:g}{_spread(base, heavy)}",
            "Spread the work out by moving some start and end dates, stop or pause something "
            "of lower priority, or check the `effort:` estimates and `effort_per_quarter`.",
        )


def _spans(ctx: Context) -> dict[str, tuple[int, int, float]]:
    """For each open initiative with dates: its first and last quarter from now (0), by its
    own dates, and the effort it puts in each of them."""
    base = quarter_of(ctx.today)
    items = {item.id: item for item in planned(ctx).plan.items}
    spans: dict[str, tuple[int, int, float]] = {}
    for ident, ini in ctx.repo.initiatives.items():
        effort = ini.effort or 0.0
        if ini.status == "in-progress":
            item = items.get(ident)
            if item is None or item.first is None or item.last is None:
                continue
            if ini.end is not None and ini.end < ctx.today:
                continue  # overrunning: when it will finish is unknown
            spans[ident] = (item.first, item.last, effort / (item.last - item.first + 1))
        elif ini.status in ("proposed", "approved"):
            if ini.start is None or ini.end is None or ini.end < ini.start:
                continue
            first, last = quarter_of(ini.start) - base, quarter_of(ini.end) - base
            if last < 0:
                continue  # its dates have passed: it did not start when it said it would
            spans[ident] = (max(first, 0), last, effort / (last - first + 1))
    return spans


def _spread(base: int, quarters: list[int]) -> str:
    if len(quarters) == 1:
        return ""
    return (
        f"; {len(quarters)} quarters are over, from {quarter_label(base + quarters[0])} to "
        f"{quarter_label(base + quarters[-1])}"
    )


def _names(idents: list[str]) -> str:
    return shortlist([f"`{i}`" for i in sorted(idents)])
