from __future__ import annotations

from pathlib import Path

from digistrat.rules import w002_rhythm_missing as rule
from rules.rule_helpers import hits


def test_missing(tmp_path: Path) -> None:
    assert len(hits(rule, tmp_path, "# strategy.yaml\nrhythm: []\n")) == 1


def test_present(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
