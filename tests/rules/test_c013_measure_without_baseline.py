from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import c013_measure_without_baseline as rule
from rules.rule_helpers import findings, hits


def test_target_without_baseline(tmp_path: Path) -> None:
    [(path, _, message)] = hits(
        rule, tmp_path, "# commitments/rebook-online.yaml\nmeasure: {metric: M, target: 7}\n"
    )
    assert path == "commitments/rebook-online.yaml"
    assert "has a target but no baseline" in message


@pytest.mark.parametrize(
    "measure",
    [
        "{metric: M, baseline: 0, target: 50}",  # complete; a zero baseline is a baseline
        "{metric: M, baseline: 3, target: 0}",  # complete; a zero target is a target
        "{metric: M}",  # no target: C002's error, not a second finding here
        "{metric: M, baseline: 3}",  # no target: C002's
    ],
)
def test_silent(tmp_path: Path, measure: str) -> None:
    assert hits(rule, tmp_path, f"# commitments/rebook-online.yaml\nmeasure: {measure}\n") == []


def test_one_problem_one_finding(tmp_path: Path) -> None:
    """Each incomplete measure is reported by exactly one of C002 (error) and C013 (warning)."""
    cases = {
        "{metric: M}": {"C002"},
        "{metric: M, baseline: 0}": {"C002"},
        "{metric: M, target: 5}": {"C013"},
        "{metric: M, baseline: 0, target: 5}": set(),
    }
    for i, (measure, expected) in enumerate(cases.items()):
        block = f"# commitments/rebook-online.yaml\nmeasure: {measure}\n"
        found = findings(tmp_path / str(i), block)
        codes = {f.code for f in found if f.code in ("C002", "C013")}
        assert codes == expected, measure
        severities = {f.code: f.severity for f in found if f.code in ("C002", "C013")}
        assert severities.get("C013", "warning") == "warning"
        assert severities.get("C002", "error") == "error"
