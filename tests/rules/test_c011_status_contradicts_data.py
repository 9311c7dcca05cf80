from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import c011_status_contradicts_data as rule
from rules.rule_helpers import hits

# Today is 2026-06-01; the baseline's measure goes from 0% to a target of 50%.


def _commitment(status: str, *values: tuple[str, float], due: str = "2026-05-01") -> str:
    lines = "".join(f"  - {{date: {d}, note: Measured., value: {v}}}\n" for d, v in values)
    return f"# commitments/rebook-online.yaml\ndue: {due}\nstatus: {status}\n" + (
        f"progress:\n{lines}" if values else "progress: []\n"
    )


@pytest.mark.parametrize(("value", "found"), [(49.9, True), (50, False), (51, False)])
def test_met_needs_the_target_reached(tmp_path: Path, value: float, found: bool) -> None:
    assert bool(hits(rule, tmp_path, _commitment("met", ("2026-04-30", value)))) is found


def test_met_message(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, _commitment("met", ("2026-04-30", 35)))
    assert path == "commitments/rebook-online.yaml"
    assert message == (
        "the commitment `rebook-online` is marked met, but its latest value, 35% on "
        "30 April 2026, has not reached its target of 50%"
    )


def test_met_uses_the_latest_value(tmp_path: Path) -> None:
    block = _commitment("met", ("2026-05-20", 55), ("2026-03-01", 10))
    assert hits(rule, tmp_path, block) == []
    block = _commitment("met", ("2026-05-20", 45), ("2026-04-01", 55))
    assert len(hits(rule, tmp_path / "b", block)) == 1


@pytest.mark.parametrize(("value", "found"), [(49.9, False), (50, True), (51, True)])
def test_missed_while_target_reached_by_due_date(tmp_path: Path, value: float, found: bool) -> None:
    block = _commitment("missed", ("2026-04-30", value))
    found_hits = hits(rule, tmp_path, block)
    assert bool(found_hits) is found
    if found:
        [(_, _, message)] = found_hits
        expected = f"its last value by its due date (1 May 2026), {value:g}% on 30 April 2026,"
        assert expected in message


def test_missed_judged_on_values_up_to_the_due_date(tmp_path: Path) -> None:
    # reached the target only after the due date: missed is right
    block = _commitment("missed", ("2026-04-30", 40), ("2026-05-02", 60))
    assert hits(rule, tmp_path, block) == []
    # reached on the due date itself: it was met
    block = _commitment("missed", ("2026-05-01", 50))
    assert len(hits(rule, tmp_path / "b", block)) == 1


@pytest.mark.parametrize(("value", "found"), [(49.9, False), (50, True)])
def test_off_track_while_target_reached(tmp_path: Path, value: float, found: bool) -> None:
    block = _commitment("off-track", ("2026-05-20", value), due="2026-12-31")
    assert bool(hits(rule, tmp_path, block)) is found


@pytest.mark.parametrize(("value", "found"), [(15.1, True), (15, False), (14, False)])
def test_reduction_targets(tmp_path: Path, value: float, found: bool) -> None:
    block = _commitment("met", ("2026-04-30", value)) + (
        "measure: {metric: Calls chasing an appointment, unit: '%', baseline: 34, target: 15,"
        " baseline_date: 2026-03-31}\n"
    )
    assert bool(hits(rule, tmp_path, block)) is found


@pytest.mark.parametrize("status", ["on-track", "at-risk"])
def test_statuses_values_cannot_contradict(tmp_path: Path, status: str) -> None:
    block = _commitment(status, ("2026-05-20", 60), due="2026-12-31")
    assert hits(rule, tmp_path, block) == []


def test_nothing_to_compare(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, _commitment("met")) == []
    no_baseline = _commitment("met", ("2026-04-30", 10)) + "measure: {metric: M, target: 50}\n"
    assert hits(rule, tmp_path / "b", no_baseline) == []
    future = _commitment("met", ("2026-07-30", 10))  # dated after today: ignored
    assert hits(rule, tmp_path / "c", future) == []
