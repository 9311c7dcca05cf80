"""A commitment's measure against the straight line from its baseline to its target (§11, §12),
for its chart: the readings, where the line stood, and the verdict.

The verdict is :func:`digistrat.scoring.trajectory.trajectory`'s, which rule C009 uses too, so
the chart and ``check`` always agree: ``met`` once the target itself is reached; otherwise
``on-track`` or ``behind`` by the line (with the same tolerance); ``unknown`` without a
baseline, a start date, a target or a due date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from digistrat.scoring.trajectory import DEFAULT_TOLERANCE, reached, trajectory

Verdict = Literal["on-track", "behind", "met", "unknown"]

_EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class TargetLine:
    """The measure's history and where the latest value stands against the line."""

    baseline: float | None
    baseline_date: date | None
    target: float | None
    due: date | None
    readings: tuple[tuple[date, float], ...]
    """Measured values in date order (at least one)."""
    expected: float | None
    """Where the line stands on the latest reading's date; None without a line."""
    verdict: Verdict

    @property
    def latest(self) -> tuple[date, float]:
        return self.readings[-1]

    @property
    def has_line(self) -> bool:
        return (
            self.baseline is not None
            and self.baseline_date is not None
            and self.target is not None
            and self.due is not None
        )


def expected_on(baseline: float, start: date, target: float, due: date, day: date) -> float:
    """The line's value on ``day``: the baseline before ``start``, the target after ``due``."""
    if day <= start:
        return baseline
    if day >= due or due <= start:
        return target
    share = (day - start).days / (due - start).days
    return baseline + (target - baseline) * share


def target_line(
    baseline: float | None,
    baseline_date: date | None,
    target: float | None,
    due: date | None,
    readings: Iterable[tuple[date, float | None]],
    tolerance: float = DEFAULT_TOLERANCE,
) -> TargetLine | None:
    """The measure against its line to target; None when nothing has been measured yet.

    ``baseline_date`` is the line's first day: the measure's baseline date, or the strategy's
    start when it has none (as rule C009 takes it)."""
    measured = tuple(sorted((d, float(v)) for d, v in readings if v is not None))
    if not measured:
        return None
    day, value = measured[-1]
    expected: float | None = None
    verdict: Verdict = "unknown"
    if target is not None and baseline is not None:
        if abs(target - baseline) <= _EPSILON:
            verdict = "met" if abs(value - target) <= _EPSILON else "unknown"
        elif reached(value, baseline, target):
            verdict = "met"
    if baseline is not None and baseline_date is not None and target is not None and due:
        expected = expected_on(baseline, baseline_date, target, due, day)
        if verdict == "unknown":
            judged = trajectory(baseline, baseline_date, target, due, measured, day, tolerance)
            if judged.verdict != "no-data":
                verdict = judged.verdict
    return TargetLine(baseline, baseline_date, target, due, measured, expected, verdict)
