from __future__ import annotations

from pathlib import Path

from digistrat.rules import p001_principles_missing as rule
from rules.rule_helpers import hits


def test_no_principles(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, "# strategy.yaml\nprinciples: []\n")
    assert path == "strategy.yaml" and message == "the strategy has no guiding principles"


def test_one_principle_is_enough(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
