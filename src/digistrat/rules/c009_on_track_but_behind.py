"""A commitment is marked on track but its own measurements are behind its line to target.

Boards rely on a commitment's status to know whether the strategy is working and where to
change course (§2 Q7, §12 "Monthly progress reviews ... to monitor progress on KPIs"); a status
that its own numbers contradict hides the problem until it is too late. The line to target
runs straight from the measure's ``baseline`` (on its ``baseline_date``, or the strategy's
start) to its ``target`` on the commitment's ``due`` date. The latest progress ``value`` is
**behind** when, on the day it was measured, the share of the time to the due date that had
passed is more than the share of the distance to the target that was covered, by more than
``behind-tolerance`` percentage points (default 10; exactly at the tolerance is on track).
Targets below the baseline (fewer calls, shorter waits) work the same way.

Change rarely comes in a straight line, so this is a prompt to look, not a verdict: if the gain
is expected late by design, say so in a progress note. Commitments due in the past are C005's.

Failing example::

    # commitments/rebook-online.yaml
    progress:
      - date: 2026-05-31
        note: Online changes now possible in two specialties.
        value: 2

Passing example::

    # commitments/rebook-online.yaml
    progress:
      - date: 2026-05-31
        note: Online changes now possible in four specialties.
        value: 8
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.scoring.trajectory import trajectory
from digistrat.voice import longdate as spoken
from digistrat.voice import quantity as amount

CODE = "C009"
NAME = "on-track-but-behind"
SEVERITY = "warning"
SEVERITY_BASIS = (
    "§2 Q7 asks how the board will know whether the strategy is working, but progress is "
    "rarely a straight line, so whether a trailing value is a problem needs judgement."
)
SECTION = "§2 Q7; §12 Follow up (Monthly progress reviews)"
QUESTIONS = (7,)
OPTIONS: dict[str, object] = {"behind-tolerance": 10}


def _rounded(value: float | None, distance: float) -> float:
    """``value`` to 1 decimal place, or 2 when the whole distance to target is under 10."""
    return round(value or 0.0, 1 if abs(distance) >= 10 else 2)


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    horizon_start = strategy.horizon.start if strategy and strategy.horizon else None
    tolerance = float(ctx.option("behind-tolerance", 10)) / 100
    for ident, com in ctx.repo.commitments.items():
        measure = com.measure
        if com.status != "on-track" or measure is None or com.due is None or com.due < ctx.today:
            continue
        line = trajectory(
            measure.baseline,
            measure.baseline_date or horizon_start,
            measure.target,
            com.due,
            ((p.date, p.value) for p in com.progress),
            ctx.today,
            tolerance,
        )
        if line.verdict != "behind":
            continue
        assert line.actual is not None and line.actual_date is not None
        assert line.fraction_elapsed is not None and line.fraction_covered is not None
        assert measure.baseline is not None and measure.target is not None
        unit = measure.unit
        way = f"the way from {amount(measure.baseline, unit)} to {amount(measure.target, unit)}"
        covered = (
            f"only {line.fraction_covered:.0%} of {way} was covered"
            if line.fraction_covered >= 0
            else f"the value had moved away from its target, not along {way}"
        )
        yield Violation(
            "commitments",
            ident,
            ("status",) if "status" in com.model_fields_set else ("progress",),
            f"the commitment `{ident}` is marked on track, but its latest value "
            f"({amount(line.actual, unit)} on {spoken(line.actual_date)}) is behind its line to "
            f"target: by then {line.fraction_elapsed:.0%} of the time to its due date "
            f"({spoken(com.due)}) had passed, but {covered} (the line was at "
            f"{amount(_rounded(line.expected_then, measure.target - measure.baseline), unit)})",
            "Set `status: at-risk` (or `off-track`) and add a dated progress note on what "
            "will change; if the gain is expected late by design, say so in a progress note "
            f"and suppress this finding with `# digistrat: ignore[{CODE}]` on the status line.",
        )
