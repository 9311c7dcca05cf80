from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import m001_mission_missing as rule
from rules.rule_helpers import hits


def test_missing_mission(tmp_path: Path) -> None:
    [(path, line, message)] = hits(rule, tmp_path, "# strategy.yaml\nmission:\n")
    assert path == "strategy.yaml" and line == 3
    assert message == "the strategy has no mission"


def test_mission_key_absent_points_at_the_file(tmp_path: Path) -> None:
    write = {"strategy.yaml": "organisation: X\ntitle: Y\n"}
    [(path, line, _)] = hits(rule, tmp_path, write=write)
    assert (path, line) == ("strategy.yaml", 1)


@pytest.mark.parametrize("mission", ["Care closer to home.", "'0'"])
def test_any_mission_passes(tmp_path: Path, mission: str) -> None:
    assert hits(rule, tmp_path, f"# strategy.yaml\nmission: {mission}\n") == []
