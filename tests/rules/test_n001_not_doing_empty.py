from __future__ import annotations

from pathlib import Path

from digistrat.rules import n001_not_doing_empty as rule
from rules.rule_helpers import hits


def test_empty_not_doing(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, "# strategy.yaml\nnot_doing: []\n")
    assert path == "strategy.yaml" and "not doing" in message


def test_not_doing_present(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
