from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import c009_on_track_but_behind as rule
from rules.rule_helpers import hits

# Today is 2026-06-01. From 2026-04-01 to the due date 2026-07-10 is 100 days; on 2026-05-21,
# 50 of them have passed: the line to target is half way.


def _commitment(
    value: float,
    *,
    baseline: float = 0,
    target: float = 100,
    status: str = "on-track",
    baseline_date: str | None = "2026-04-01",
    due: str = "2026-07-10",
) -> str:
    since = f", baseline_date: {baseline_date}" if baseline_date else ""
    return (
        "# commitments/rebook-online.yaml\n"
        f"measure: {{metric: Appointment changes made online, unit: '%', baseline: {baseline}, "
        f"target: {target}{since}, source: Booking system}}\n"
        f"due: {due}\nstatus: {status}\n"
        f"progress:\n  - {{date: 2026-05-21, note: Measured., value: {value}}}\n"
    )


@pytest.mark.parametrize(("value", "found"), [(41, False), (40, False), (39.9, True)])
def test_tolerance_boundary(tmp_path: Path, value: float, found: bool) -> None:
    assert bool(hits(rule, tmp_path, _commitment(value))) is found


@pytest.mark.parametrize(("value", "found"), [(59, False), (60, False), (60.1, True)])
def test_reduction_targets(tmp_path: Path, value: float, found: bool) -> None:
    block = _commitment(value, baseline=100, target=0)
    assert bool(hits(rule, tmp_path, block)) is found


def test_message(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, _commitment(30))
    assert path == "commitments/rebook-online.yaml"
    assert message == (
        "the commitment `rebook-online` is marked on track, but its latest value (30% on "
        "21 May 2026) is behind its line to target: by then 50% of the time to its due date "
        "(10 July 2026) had passed, but only 30% of the way from 0% to 100% was covered (the "
        "line was at 50%)"
    )


def test_value_moving_away_from_target(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, _commitment(-5))
    assert "the value had moved away from its target" in message


def test_tolerance_option(tmp_path: Path) -> None:
    block = _commitment(35) + "# strategy.yaml\ncheck: {options: {behind-tolerance: 15}}\n"
    assert hits(rule, tmp_path, block) == []
    block = _commitment(34) + "# strategy.yaml\ncheck: {options: {behind-tolerance: 15}}\n"
    assert len(hits(rule, tmp_path / "b", block)) == 1


def test_line_starts_at_the_horizon_without_a_baseline_date(tmp_path: Path) -> None:
    # the baseline's horizon starts on 2026-04-01 too
    assert len(hits(rule, tmp_path, _commitment(39.9, baseline_date=None))) == 1
    assert hits(rule, tmp_path / "b", _commitment(40, baseline_date=None)) == []


@pytest.mark.parametrize("status", ["at-risk", "off-track", "met", "missed"])
def test_only_on_track_commitments(tmp_path: Path, status: str) -> None:
    assert hits(rule, tmp_path, _commitment(10, status=status)) == []


def test_past_due_is_left_to_c005(tmp_path: Path) -> None:
    block = _commitment(10, baseline_date="2026-01-01", due="2026-05-31")
    assert hits(rule, tmp_path, block) == []


def test_no_measured_value(tmp_path: Path) -> None:
    block = _commitment(10).replace(", value: 10", "")
    assert hits(rule, tmp_path, block) == []


# With a 15-point tolerance the line at 50% allows values down to 35%.
@pytest.mark.parametrize(("value", "found"), [(36, False), (35, False), (34.9, True)])
def test_tolerance_option_boundary(tmp_path: Path, value: float, found: bool) -> None:
    block = _commitment(value) + "# strategy.yaml\ncheck: {options: {behind-tolerance: 15}}\n"
    assert bool(hits(rule, tmp_path, block)) is found
