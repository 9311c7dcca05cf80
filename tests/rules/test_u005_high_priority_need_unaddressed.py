from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import u005_high_priority_need_unaddressed as rule
from rules.rule_helpers import hits


def test_unaddressed_high_priority_need(tmp_path: Path) -> None:
    [(path, line, message)] = hits(rule, tmp_path, "# initiatives/online-booking.yaml\nneeds: []\n")
    assert path == "users/outpatients.yaml" and line == 11  # the `priority:` line
    assert "`outpatients/know-when`" in message


def test_addressed_only_by_a_stopped_initiative(tmp_path: Path) -> None:
    block = "# initiatives/online-booking.yaml\nstatus: stopped\n"
    assert len(hits(rule, tmp_path, block)) == 1


@pytest.mark.parametrize("priority", ["medium", "low"])
def test_lower_priorities_are_not_checked(tmp_path: Path, priority: str) -> None:
    block = "# initiatives/online-booking.yaml\nneeds: []\n"
    text = (
        "name: Outpatients\nkind: patient\nat_risk_of_exclusion: true\nneeds:\n"
        f"  - id: know-when\n    statement: S.\n    priority: {priority}\n"
    )
    assert hits(rule, tmp_path, block, write={"users/outpatients.yaml": text}) == []
