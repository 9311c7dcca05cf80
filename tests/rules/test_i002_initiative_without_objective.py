from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import i002_initiative_without_objective as rule
from rules.rule_helpers import hits


def test_unlinked_initiative(tmp_path: Path) -> None:
    [(path, _, message)] = hits(
        rule, tmp_path, "# initiatives/online-booking.yaml\nobjectives: []\n"
    )
    assert path == "initiatives/online-booking.yaml"
    assert "`online-booking` serves none" in message


@pytest.mark.parametrize("status", ["stopped"])
def test_stopped_initiatives_are_not_checked(tmp_path: Path, status: str) -> None:
    block = f"# initiatives/online-booking.yaml\nobjectives: []\nstatus: {status}\n"
    assert hits(rule, tmp_path, block) == []


def test_no_objectives_at_all_is_reported_once_by_i001(tmp_path: Path) -> None:
    block = "# strategy.yaml\nobjectives: []\n# initiatives/online-booking.yaml\nobjectives: []\n"
    assert hits(rule, tmp_path, block) == []
