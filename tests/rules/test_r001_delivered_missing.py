from __future__ import annotations

from pathlib import Path

from digistrat.rules import r001_delivered_missing as rule
from rules.rule_helpers import hits


def test_nothing_delivered(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, "# strategy.yaml\ndelivered: []\n")
    assert "nothing already delivered" in message


def test_a_done_initiative_is_not_a_record_of_impact(tmp_path: Path) -> None:
    block = "# strategy.yaml\ndelivered: []\n# initiatives/online-booking.yaml\nstatus: done\n"
    assert len(hits(rule, tmp_path, block)) == 1


def test_something_delivered(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
