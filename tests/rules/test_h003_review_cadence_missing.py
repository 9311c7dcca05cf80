from __future__ import annotations

from pathlib import Path

from digistrat.rules import h003_review_cadence_missing as rule
from rules.rule_helpers import hits


def test_missing_review(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, "# strategy.yaml\nreview:\n")
    assert path == "strategy.yaml" and "how often it is reviewed" in message


def test_cadence_without_date_is_not_this_rule(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, "# strategy.yaml\nreview: {cadence: annually}\n") == []
