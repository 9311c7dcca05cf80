"""The line from baseline to target: on track, behind, met, or no line to judge against."""

from __future__ import annotations

from datetime import date

import pytest

from digistrat.scoring.target_line import expected_on, target_line

START, DUE = date(2026, 1, 1), date(2027, 1, 1)  # 365 days
MIDDLE = date(2026, 7, 2)  # day 182: the line is at 49.86% of the way


def test_expected_on_is_the_straight_line_clamped_at_both_ends() -> None:
    assert expected_on(0, START, 100, DUE, date(2025, 6, 1)) == 0
    assert expected_on(0, START, 100, DUE, START) == 0
    assert expected_on(0, START, 100, DUE, MIDDLE) == pytest.approx(100 * 182 / 365)
    assert expected_on(0, START, 100, DUE, DUE) == 100
    assert expected_on(0, START, 100, DUE, date(2027, 6, 1)) == 100
    assert expected_on(80, START, 20, DUE, MIDDLE) == pytest.approx(80 - 60 * 182 / 365)


def _verdict(value: float, baseline: float = 0, target: float = 100) -> str:
    line = target_line(baseline, START, target, DUE, [(MIDDLE, value)])
    assert line is not None
    return line.verdict


def test_increase_on_within_and_beyond_the_tolerance() -> None:
    """The same verdict as rule C009: behind only when more than 10 points of the distance
    short of the line (at exactly 10 points, still on track)."""
    on_line = 100 * 182 / 365
    assert _verdict(on_line) == "on-track"
    assert _verdict(on_line - 10) == "on-track"  # exactly at the tolerance
    assert _verdict(on_line - 10.01) == "behind"
    assert _verdict(on_line + 0.01) == "on-track"
    assert _verdict(100) == "met"
    assert _verdict(99.99) == "on-track"


def test_the_tolerance_can_be_chosen() -> None:
    line = target_line(0, START, 100, DUE, [(MIDDLE, 100 * 182 / 365 - 1)], tolerance=0)
    assert line is not None and line.verdict == "behind"


def test_reduction_is_on_track_below_the_line() -> None:
    on_line = 80 - 60 * 182 / 365  # 10 points of the distance is 6
    assert _verdict(on_line, 80, 20) == "on-track"
    assert _verdict(on_line + 6, 80, 20) == "on-track"
    assert _verdict(on_line + 6.01, 80, 20) == "behind"
    assert _verdict(on_line - 0.01, 80, 20) == "on-track"
    assert _verdict(20, 80, 20) == "met"
    assert _verdict(85, 80, 20) == "behind"


def test_negative_values() -> None:
    assert _verdict(-5, -10, 10) == "behind"  # the line is at about 0 by then
    assert _verdict(1, -10, 10) == "on-track"


def test_latest_reading_decides_and_readings_are_sorted() -> None:
    line = target_line(0, START, 100, DUE, [(MIDDLE, 10), (date(2026, 2, 1), 5), (START, None)])
    assert line is not None
    assert line.readings == ((date(2026, 2, 1), 5.0), (MIDDLE, 10.0))
    assert line.latest == (MIDDLE, 10.0)
    assert line.verdict == "behind"
    assert line.expected == pytest.approx(100 * 182 / 365)


def test_no_readings_no_line() -> None:
    assert target_line(0, START, 100, DUE, []) is None
    assert target_line(0, START, 100, DUE, [(MIDDLE, None)]) is None


@pytest.mark.parametrize(
    ("baseline", "start", "target", "due"),
    [(None, START, 100, DUE), (0, None, 100, DUE), (0, START, None, DUE), (0, START, 100, None)],
)
def test_missing_parts_give_unknown(
    baseline: float | None, start: date | None, target: float | None, due: date | None
) -> None:
    line = target_line(baseline, start, target, due, [(MIDDLE, 30)])
    assert line is not None
    assert line.verdict == "unknown"
    assert not line.has_line


def test_target_reached_without_a_line_is_still_met() -> None:
    line = target_line(0, None, 100, None, [(MIDDLE, 120)])
    assert line is not None and line.verdict == "met"


def test_target_equal_to_baseline() -> None:
    same = target_line(50, START, 50, DUE, [(MIDDLE, 50)])
    off = target_line(50, START, 50, DUE, [(MIDDLE, 49)])
    assert same is not None and same.verdict == "met"
    assert off is not None and off.verdict == "unknown"
