from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import o003_initiative_without_owner as rule
from rules.rule_helpers import hits


def test_open_initiative_without_owner(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, "# initiatives/online-booking.yaml\nowner:\n")
    assert path == "initiatives/online-booking.yaml" and "has no owner" in message


@pytest.mark.parametrize("status", ["done", "stopped"])
def test_finished_initiatives_are_exempt(tmp_path: Path, status: str) -> None:
    block = f"# initiatives/online-booking.yaml\nowner:\nstatus: {status}\n"
    assert hits(rule, tmp_path, block) == []
