from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import c002_measure_incomplete as rule
from rules.rule_helpers import hits


@pytest.mark.parametrize(
    ("measure", "missing"),
    [
        ("{metric: M}", "no baseline and no target"),
        ("{metric: M, baseline: 0}", "no target"),
        ("{metric: M, target: 5}", "no baseline"),
    ],
)
def test_incomplete(tmp_path: Path, measure: str, missing: str) -> None:
    [(_, _, message)] = hits(
        rule, tmp_path, f"# commitments/rebook-online.yaml\nmeasure: {measure}\n"
    )
    assert message.endswith(missing)


def test_zero_baseline_is_a_baseline(tmp_path: Path) -> None:
    block = "# commitments/rebook-online.yaml\nmeasure: {metric: M, baseline: 0, target: 0.5}\n"
    assert hits(rule, tmp_path, block) == []
