from __future__ import annotations

from pathlib import Path

from digistrat.rules import d005_unknown_criterion as rule
from rules.rule_helpers import hits


def test_typo_gets_a_suggestion(tmp_path: Path) -> None:
    block = (
        "# initiatives/online-booking.yaml\nscores: {patient-benefit: 8, staff-benefit: 4, "
        "financial-benefit: 3, staf-benefit: 4}\n"
    )
    found = hits(rule, tmp_path, block)
    assert [m for _, _, m in found] == [
        "`staf-benefit` is not one of the strategy's scoring criteria"
    ]


def test_known_criteria(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []


def test_rice_and_wsjf_inputs_are_not_unknown_criteria(tmp_path: Path) -> None:
    block = (
        "# initiatives/online-booking.yaml\nscores: {patient-benefit: 8, staff-benefit: 4, "
        "financial-benefit: 3, reach: 5000, impact: 2, confidence: 80, business-value: 8, "
        "time-criticality: 5, risk-reduction: 3}\n"
    )
    assert hits(rule, tmp_path, block) == []
