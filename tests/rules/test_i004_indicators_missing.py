from __future__ import annotations

from pathlib import Path

from digistrat.rules import i004_indicators_missing as rule
from rules.rule_helpers import hits

NO_MEASURE = "# commitments/rebook-online.yaml\nmeasure:\n"


def test_no_indicators(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, "# strategy.yaml\nindicators: []\n" + NO_MEASURE)
    assert "no indicators" in message


def test_commitments_measured_against_targets_answer_the_question(tmp_path: Path) -> None:
    """Regression (real-world review): a strategy whose commitments carry measured targets
    was told it had no way of knowing whether it works."""
    assert hits(rule, tmp_path, "# strategy.yaml\nindicators: []\n") == []
    no_target = "# commitments/rebook-online.yaml\nmeasure: {metric: Rebooked online}\n"
    assert len(hits(rule, tmp_path, "# strategy.yaml\nindicators: []\n" + no_target)) == 1


def test_indicators_present(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
