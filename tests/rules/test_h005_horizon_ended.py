from __future__ import annotations

from datetime import date
from pathlib import Path

from digistrat.rules import h005_horizon_ended as rule
from rules.rule_helpers import hits


def test_ended(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, today=date(2029, 4, 1))
    assert "ended on 2029-03-31" in message


def test_last_day_is_still_in_the_horizon(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, today=date(2029, 3, 31)) == []
