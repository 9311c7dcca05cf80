from __future__ import annotations

from datetime import date
from pathlib import Path

from digistrat.rules import h005_horizon_ended as rule
from rules.rule_helpers import hits


def test_ended(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, today=date(2029, 4, 1))
    # Dates in prose are written out (the review found "ended on 2024-03-31").
    assert "ended on 31 March 2029" in message


def test_last_day_is_still_in_the_horizon(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, today=date(2029, 3, 31)) == []
