from __future__ import annotations

from pathlib import Path

from digistrat.rules import s003_service_opportunity_missing as rule
from rules.rule_helpers import hits


def test_no_opportunity(tmp_path: Path) -> None:
    assert len(hits(rule, tmp_path, "# services/outpatient-booking.yaml\nopportunity:\n")) == 1


def test_low_opportunity_is_still_an_answer(tmp_path: Path) -> None:
    block = "# services/outpatient-booking.yaml\nopportunity: {level: low}\n"
    assert hits(rule, tmp_path, block) == []
