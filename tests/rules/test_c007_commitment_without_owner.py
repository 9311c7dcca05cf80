from __future__ import annotations

from pathlib import Path

from digistrat.rules import c007_commitment_without_owner as rule
from rules.rule_helpers import hits


def test_no_owner(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, "# commitments/rebook-online.yaml\nowner:\n")
    assert message == "the commitment `rebook-online` has no owner"


def test_owner_present(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
