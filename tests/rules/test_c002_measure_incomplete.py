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
    ],
)
def test_incomplete(tmp_path: Path, measure: str, missing: str) -> None:
    [(_, _, message)] = hits(
        rule, tmp_path, f"# commitments/rebook-online.yaml\nmeasure: {measure}\n"
    )
    assert message.endswith(missing)


def test_a_target_without_a_baseline_is_not_an_error(tmp_path: Path) -> None:
    """Regression (real-world review): "HIMSS EMRAM level 7 by July 2023" says when it has
    succeeded; its missing baseline is C013's warning, not this error."""
    block = "# commitments/rebook-online.yaml\nmeasure: {metric: M, target: 7}\n"
    assert hits(rule, tmp_path, block) == []


def test_zero_baseline_is_a_baseline(tmp_path: Path) -> None:
    block = "# commitments/rebook-online.yaml\nmeasure: {metric: M, baseline: 0, target: 0.5}\n"
    assert hits(rule, tmp_path, block) == []


def test_zero_target_is_a_target(tmp_path: Path) -> None:
    block = "# commitments/rebook-online.yaml\nmeasure: {metric: M, baseline: 4, target: 0}\n"
    assert hits(rule, tmp_path, block) == []
