from __future__ import annotations

from pathlib import Path

from digistrat.rules import c003_commitment_without_due_date as rule
from rules.rule_helpers import hits


def test_no_due_date(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, "# commitments/rebook-online.yaml\ndue:\n")
    assert "has no due date" in message


def test_due_date_present(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
