from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import i006_indicator_incomplete as rule
from rules.rule_helpers import hits


def _indicators(*rows: str) -> str:
    return "# strategy.yaml\nindicators:\n" + "".join(f"  - {row}\n" for row in rows)


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ("baseline: 20, target: 60", "has no date to reach the target by"),
        ("baseline: 20, due: 2029-03-31", "has no target (where it should get to)"),
        ("target: 60, due: 2029-03-31", "has no baseline (where it is now)"),
        (
            "unit: '%'",
            "has no baseline (where it is now), no target (where it should get to) and no "
            "date to reach the target by",
        ),
    ],
)
def test_each_missing_part(tmp_path: Path, fields: str, says: str) -> None:
    [(path, line, message)] = hits(
        rule, tmp_path, _indicators(f"{{name: Appointments booked online, {fields}}}")
    )
    assert path == "strategy.yaml" and line is not None
    assert message == f"the indicator “Appointments booked online” {says}"


def test_complete_indicators_and_zero_values_pass(tmp_path: Path) -> None:
    block = _indicators(
        "{name: Calls chasing an appointment, baseline: 34, target: 0, due: 2029-03-31}",
        "{name: Letters sent online, baseline: 0, target: 90, due: 2028-03-31}",
    )
    assert hits(rule, tmp_path, block) == []


def test_one_finding_per_incomplete_indicator_at_its_line(tmp_path: Path) -> None:
    write = {
        "strategy.yaml": """
            organisation: Example Community Trust
            title: Digital strategy
            indicators:
              - name: Complete
                baseline: 1
                target: 2
                due: 2029-03-31
              - name: No date
                baseline: 1
                target: 2
              - name: No target
                baseline: 1
                due: 2029-03-31
            """
    }
    found = hits(rule, tmp_path, write=write)
    assert [(line, message.split("”")[0]) for _, line, message in found] == [
        (8, "the indicator “No date"),
        (11, "the indicator “No target"),
    ]


def test_no_indicators_is_left_to_i004(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, "# strategy.yaml\nindicators: []\n") == []
