from __future__ import annotations

from pathlib import Path

from digistrat.rules import r003_capacity_missing as rule
from rules.rule_helpers import hits


def test_no_capacity(tmp_path: Path) -> None:
    assert len(hits(rule, tmp_path, "# strategy.yaml\ncapacity:\n")) == 1


def test_capacity_stated(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
