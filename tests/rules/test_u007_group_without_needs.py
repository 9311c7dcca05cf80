from __future__ import annotations

from pathlib import Path

from digistrat.rules import u007_group_without_needs as rule
from rules.rule_helpers import hits


def test_group_without_needs(tmp_path: Path) -> None:
    found = hits(rule, tmp_path, "# users/carers.yaml\nname: Carers\nkind: carer\n")
    assert found == [("users/carers.yaml", 1, "the user group `carers` lists no needs")]


def test_group_with_needs(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
