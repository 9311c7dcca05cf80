from __future__ import annotations

from pathlib import Path

from digistrat.rules import k001_risks_missing as rule
from rules.rule_helpers import hits


def test_no_risks(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, "# strategy.yaml\nrisks: []\n")
    assert path == "strategy.yaml" and message == "the strategy records no risks"


def test_risks_present(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
