"""Is a measure on its line to target? The straight line from baseline to target, and a verdict.

A commitment's measure starts at its ``baseline`` (measured on ``baseline_date``, or when the
strategy started) and should reach its ``target`` by the commitment's ``due`` date. The line
between those two points says what the value should be on any day in between. The verdict
compares the latest measured value with the line *on the day it was measured* (a value from
March is judged against where March should have been):

* ``fraction_elapsed``: how much of the time from baseline to due had passed by then (0 to 1);
* ``fraction_covered``: how much of the distance from baseline to target the value had covered
  (negative when it moved the wrong way, above 1 when it went past the target). Targets below
  their baseline (reductions: waits, costs, errors) work the same way: covering the distance
  means going down;
* **behind** when ``fraction_elapsed - fraction_covered`` is more than ``tolerance`` (0.10 is
  ten percentage points): exactly at the tolerance is still on track.

The verdict is ``no-data`` when there is nothing to judge: no baseline, target or due date, a
target equal to its baseline, a due date not after the start, or no value measured between the
start and ``today``. Check rules and the board paper's measure chart both use
:func:`trajectory`, so they always agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

Verdict = Literal["on-track", "behind", "no-data"]

DEFAULT_TOLERANCE = 0.10
"""How far (as a fraction of the distance to target) a value may trail the line and still be on
track: ten percentage points."""


@dataclass(frozen=True, slots=True)
class Trajectory:
    """Where a measure stands against its straight line from baseline to target."""

    verdict: Verdict
    start: date | None = None
    """The line's first day: the baseline date (or the strategy's start)."""
    expected_today: float | None = None
    """The value the line says there should be today (the target once the due date has
    passed)."""
    actual: float | None = None
    """The latest value measured on or before today, from the start on."""
    actual_date: date | None = None
    """When it was measured."""
    expected_then: float | None = None
    """The value the line says there should have been on ``actual_date``."""
    fraction_elapsed: float | None = None
    """Share of the time from start to due that had passed on ``actual_date`` (0 to 1)."""
    fraction_covered: float | None = None
    """Share of the distance from baseline to target the actual value had covered."""


def expected_value(baseline: float, start: date, target: float, due: date, day: date) -> float:
    """The value on the straight line from (``start``, ``baseline``) to (``due``, ``target``) on
    ``day``: the baseline before the start, the target after the due date."""
    return baseline + (target - baseline) * _elapsed(start, due, day)


def _elapsed(start: date, due: date, day: date) -> float:
    span = (due - start).days
    if span <= 0:
        return 1.0
    return min(1.0, max(0.0, (day - start).days / span))


def trajectory(
    baseline: float | None,
    start: date | None,
    target: float | None,
    due: date | None,
    updates: Iterable[tuple[date, float | None]],
    today: date,
    tolerance: float = DEFAULT_TOLERANCE,
) -> Trajectory:
    """The verdict on a measure (see the module documentation).

    ``updates`` are ``(date, value)`` pairs in any order; pairs without a value, dated before
    ``start`` or after ``today`` are ignored. When two share the latest date, the later one in
    ``updates`` counts (the last written).
    """
    if baseline is None or target is None or due is None or start is None:
        return Trajectory("no-data", start)
    if target == baseline or due <= start:
        return Trajectory("no-data", start)
    expected_today = expected_value(baseline, start, target, due, today)
    latest: tuple[date, float] | None = None
    for day, value in updates:
        if value is None or day < start or day > today:
            continue
        if latest is None or day >= latest[0]:
            latest = (day, value)
    if latest is None:
        return Trajectory("no-data", start, expected_today)
    day, value = latest
    elapsed = _elapsed(start, due, day)
    covered = (value - baseline) / (target - baseline)
    # rounded so that a value exactly at the tolerance is not pushed either way by binary fractions
    verdict: Verdict = "behind" if round(elapsed - covered, 9) > tolerance else "on-track"
    return Trajectory(
        verdict,
        start,
        expected_today,
        value,
        day,
        expected_value(baseline, start, target, due, day),
        elapsed,
        covered,
    )


def reached(value: float, baseline: float | None, target: float) -> bool | None:
    """Whether ``value`` has reached ``target``, going from ``baseline`` towards it (None when
    the direction is unknown: no baseline, or a baseline equal to the target)."""
    if baseline is None or baseline == target:
        return None
    return value >= target if target > baseline else value <= target
