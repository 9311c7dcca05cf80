from __future__ import annotations

from pathlib import Path

from digistrat.rules import y001_system_missing as rule
from rules.rule_helpers import hits


def test_no_system(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, "# strategy.yaml\nsystem:\n")
    assert "does not mention the integrated care system" in message


def test_system_without_alignment(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, "# strategy.yaml\nsystem: {name: North ICS}\n")
    assert "not how it aligns" in message


def test_aligned(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
