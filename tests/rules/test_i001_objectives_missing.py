from __future__ import annotations

from pathlib import Path

from digistrat.rules import i001_objectives_missing as rule
from rules.rule_helpers import hits


def test_no_objectives(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, "# strategy.yaml\nobjectives: []\n")
    assert path == "strategy.yaml" and "none of the organisation's own objectives" in message


def test_objectives_present(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
