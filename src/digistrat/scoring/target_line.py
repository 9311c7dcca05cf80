"""A commitment's measure against the straight line from its baseline to its target (§11, §12).

The line runs from the baseline (on the baseline date) to the target (on the due date). The
latest measured value is on track when it is on the line or past it in the target's direction
(above it for an increase, below it for a reduction), behind when short of it, and ``met`` once
the target itself is reached. Without a baseline, a baseline date, a target or a due date there
is no line, and the verdict is ``unknown``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

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
) -> TargetLine | None:
    """The measure against its line to target; None when nothing has been measured yet."""
    measured = tuple(sorted((d, float(v)) for d, v in readings if v is not None))
    if not measured:
        return None
    day, value = measured[-1]
    expected: float | None = None
    verdict: Verdict = "unknown"
    direction = 0.0 if target is None or baseline is None else target - baseline
    if target is not None and baseline is not None:
        if abs(direction) <= _EPSILON:
            verdict = "met" if abs(value - target) <= _EPSILON else "unknown"
        elif (value - target) * direction >= -_EPSILON:
            verdict = "met"
    if baseline is not None and baseline_date is not None and target is not None and due:
        expected = expected_on(baseline, baseline_date, target, due, day)
        if verdict == "unknown" and abs(direction) > _EPSILON:
            ahead = (value - expected) * direction >= -_EPSILON * abs(direction)
            verdict = "on-track" if ahead else "behind"
    return TargetLine(baseline, baseline_date, target, due, measured, expected, verdict)
