from __future__ import annotations

from pathlib import Path

from digistrat.rules import i004_indicators_missing as rule
from rules.rule_helpers import hits


def test_no_indicators(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, "# strategy.yaml\nindicators: []\n")
    assert "no indicators" in message


def test_indicators_present(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
