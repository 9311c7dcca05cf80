from __future__ import annotations

from datetime import date, timedelta

import pytest

from digistrat.scoring.trajectory import expected_value, reached, trajectory

START = date(2026, 1, 1)
DUE = START + timedelta(days=100)
HALF = START + timedelta(days=50)  # half the time has passed
TODAY = START + timedelta(days=60)


@pytest.mark.parametrize(
    ("value", "verdict"),
    [
        (41, "on-track"),  # 9 points behind the line: inside the tolerance
        (40, "on-track"),  # exactly 10 points: at the tolerance, still on track
        (39.9, "behind"),  # 10.1 points: just outside
        (0, "behind"),
        (50, "on-track"),
        (120, "on-track"),  # past the target
    ],
)
def test_tolerance_boundary_going_up(value: float, verdict: str) -> None:
    line = trajectory(0, START, 100, DUE, [(HALF, value)], TODAY)
    assert line.verdict == verdict
    assert line.fraction_elapsed == 0.5
    assert line.expected_then == 50


@pytest.mark.parametrize(
    ("value", "verdict"), [(59, "on-track"), (60, "on-track"), (60.1, "behind"), (100, "behind")]
)
def test_reductions_work_the_same_way(value: float, verdict: str) -> None:
    # from 100 down to 0: at half time the line is at 50; 60 has covered 40% of the way
    line = trajectory(100, START, 0, DUE, [(HALF, value)], TODAY)
    assert line.verdict == verdict
    assert line.expected_then == 50


def test_tolerance_can_be_changed() -> None:
    assert trajectory(0, START, 100, DUE, [(HALF, 30)], TODAY, 0.2).verdict == "on-track"
    assert trajectory(0, START, 100, DUE, [(HALF, 29)], TODAY, 0.2).verdict == "behind"
    assert trajectory(0, START, 100, DUE, [(HALF, 49)], TODAY, 0).verdict == "behind"


def test_the_latest_value_counts_and_is_judged_on_its_own_date() -> None:
    updates = [(START + timedelta(days=90), 95), (HALF, 10), (START + timedelta(days=10), 5)]
    line = trajectory(0, START, 100, DUE, updates, TODAY + timedelta(days=40))
    assert (line.actual, line.actual_date, line.verdict) == (
        95,
        START + timedelta(days=90),
        "on-track",
    )
    # values after today or before the start are ignored
    line = trajectory(0, START, 100, DUE, [*updates, (START - timedelta(days=1), 99)], TODAY)
    assert (line.actual, line.actual_date, line.verdict) == (10, HALF, "behind")


def test_same_day_the_last_written_counts() -> None:
    line = trajectory(0, START, 100, DUE, [(HALF, 10), (HALF, 45)], TODAY)
    assert line.actual == 45 and line.verdict == "on-track"


def test_expected_today_and_after_the_due_date() -> None:
    line = trajectory(0, START, 100, DUE, [(HALF, 50)], TODAY)
    assert line.expected_today == 60
    assert expected_value(0, START, 100, DUE, DUE + timedelta(days=30)) == 100
    assert expected_value(0, START, 100, DUE, START - timedelta(days=30)) == 0


@pytest.mark.parametrize(
    "args",
    [
        (None, START, 100, DUE),
        (0, None, 100, DUE),
        (0, START, None, DUE),
        (0, START, 100, None),
        (50, START, 50, DUE),  # target equals baseline
        (0, START, 100, START),  # due not after the start
    ],
)
def test_nothing_to_judge(args: tuple[object, ...]) -> None:
    assert trajectory(*args, [(HALF, 10)], TODAY).verdict == "no-data"  # type: ignore[arg-type]


def test_no_measured_value_is_no_data() -> None:
    line = trajectory(0, START, 100, DUE, [(HALF, None)], TODAY)
    assert line.verdict == "no-data" and line.expected_today == 60 and line.actual is None


@pytest.mark.parametrize(
    ("value", "baseline", "target", "expected"),
    [
        (50, 0, 50, True),
        (49.9, 0, 50, False),
        (15, 34, 15, True),
        (15.1, 34, 15, False),
        (10, None, 15, None),
        (10, 15, 15, None),
    ],
)
def test_reached(
    value: float, baseline: float | None, target: float, expected: bool | None
) -> None:
    assert reached(value, baseline, target) is expected
