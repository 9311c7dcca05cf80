from __future__ import annotations

from pathlib import Path

from digistrat.rules import w001_ways_of_working_missing as rule
from rules.rule_helpers import hits


def test_missing(tmp_path: Path) -> None:
    assert len(hits(rule, tmp_path, "# strategy.yaml\nways_of_working: []\n")) == 1


def test_present(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
