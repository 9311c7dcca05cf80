from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import k002_no_cyber_or_outage_risk as rule
from rules.rule_helpers import hits


@pytest.mark.parametrize(("kind", "count"), [("delivery", 1), ("outage", 0), ("cyber-security", 0)])
def test_kinds(tmp_path: Path, kind: str, count: int) -> None:
    block = f"# strategy.yaml\nrisks:\n  - {{risk: Something., kind: {kind}}}\n"
    assert len(hits(rule, tmp_path, block)) == count


def test_no_risks_is_left_to_k001(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, "# strategy.yaml\nrisks: []\n") == []
