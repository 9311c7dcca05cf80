from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import d003_scores_missing as rule
from rules.rule_helpers import hits


def test_missing_scores(tmp_path: Path) -> None:
    block = "# initiatives/online-booking.yaml\nscores: {patient-benefit: 8}\n"
    [(_, _, message)] = hits(rule, tmp_path, block)
    assert message == "`online-booking` has no score for `staff-benefit` and `financial-benefit`"


@pytest.mark.parametrize("status", ["done", "stopped"])
def test_finished_initiatives_are_exempt(tmp_path: Path, status: str) -> None:
    block = f"# initiatives/online-booking.yaml\nscores: {{}}\nstatus: {status}\n"
    assert hits(rule, tmp_path, block) == []


def test_no_criteria_no_check(tmp_path: Path) -> None:
    block = "# strategy.yaml\nscoring: {model: weighted}\n"
    block += "# initiatives/online-booking.yaml\nscores: {}\n"
    assert hits(rule, tmp_path, block) == []
