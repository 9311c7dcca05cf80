from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import s004_measure_out_of_range as rule
from rules.rule_helpers import hits

BASE = (
    "measured_on: 2026-03-31, volume_per_year: 10, cost_per_use: 1, quality: 50, digital_take_up: 5"
)


def _measures(extra: str) -> str:
    return f"# services/outpatient-booking.yaml\nmeasures: {{{BASE}, {extra}}}\n"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("user_satisfaction: 101", "`user_satisfaction` is 101, but it is a percentage"),
        ("completion_rate: -1", "`completion_rate` is -1"),
        ("failure_demand: 250", "`failure_demand` is 250"),
    ],
)
def test_out_of_range(tmp_path: Path, extra: str, expected: str) -> None:
    [(_, _, message)] = hits(rule, tmp_path, _measures(extra))
    assert expected in message


def test_negative_volume(tmp_path: Path) -> None:
    block = "# services/outpatient-booking.yaml\nmeasures: {volume_per_year: -5}\n"
    [(_, _, message)] = hits(rule, tmp_path, block)
    assert "cannot be negative" in message


@pytest.mark.parametrize(
    "extra", ["user_satisfaction: 100", "completion_rate: 0", "failure_demand: 0.5"]
)
def test_boundaries_pass(tmp_path: Path, extra: str) -> None:
    assert hits(rule, tmp_path, _measures(extra)) == []
