from __future__ import annotations

from pathlib import Path

from digistrat.rules import c008_commitment_without_initiative as rule
from rules.rule_helpers import hits


def test_no_initiative(tmp_path: Path) -> None:
    assert len(hits(rule, tmp_path, "# commitments/rebook-online.yaml\ninitiatives: []\n")) == 1


def test_met_commitments_are_exempt(tmp_path: Path) -> None:
    block = "# commitments/rebook-online.yaml\ninitiatives: []\nstatus: met\n"
    assert hits(rule, tmp_path, block) == []
