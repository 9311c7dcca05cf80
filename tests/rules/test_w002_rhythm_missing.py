from __future__ import annotations

from pathlib import Path

from digistrat.rules import w002_rhythm_missing as rule
from rules.rule_helpers import findings, hits

NOTHING = "# strategy.yaml\nways_of_working: []\nrhythm: []\n"


def test_missing(tmp_path: Path) -> None:
    assert len(hits(rule, tmp_path, NOTHING)) == 1


def test_present(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []


def test_one_gap_one_finding(tmp_path: Path) -> None:
    """Regression (second real-world review): with ways of working filled in and no rhythm,
    Northamptonshire got W002 and W004 under question 9 for the same gap; W004 (a warning)
    reports it alone."""
    found = findings(tmp_path, "# strategy.yaml\nrhythm: []\n")
    codes = [f.code for f in found if f.code in ("W002", "W004")]
    assert codes == ["W004"]
    found = findings(tmp_path / "b", NOTHING)
    codes = [f.code for f in found if f.code in ("W002", "W004")]
    assert codes == ["W002"]
