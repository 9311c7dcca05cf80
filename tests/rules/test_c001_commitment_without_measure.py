from __future__ import annotations

from pathlib import Path

from digistrat.rules import c001_commitment_without_measure as rule
from rules.rule_helpers import hits


def test_no_measure(tmp_path: Path) -> None:
    [(path, line, message)] = hits(rule, tmp_path, "# commitments/rebook-online.yaml\nmeasure:\n")
    assert path == "commitments/rebook-online.yaml" and line is not None
    assert message == "the commitment `rebook-online` has no measure"


def test_incomplete_measure_is_c002_not_c001(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, "# commitments/rebook-online.yaml\nmeasure: {metric: M}\n") == []
