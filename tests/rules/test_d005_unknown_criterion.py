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
