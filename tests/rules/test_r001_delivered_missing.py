from __future__ import annotations

from pathlib import Path

from digistrat.rules import r001_delivered_missing as rule
from rules.rule_helpers import hits


def test_nothing_delivered(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, "# strategy.yaml\ndelivered: []\n")
    assert "nothing already delivered" in message


def test_a_done_initiative_counts_as_delivered(tmp_path: Path) -> None:
    block = "# strategy.yaml\ndelivered: []\n# initiatives/online-booking.yaml\nstatus: done\n"
    assert hits(rule, tmp_path, block) == []
