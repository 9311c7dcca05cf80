from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import u006_initiative_without_need as rule
from rules.rule_helpers import hits


@pytest.mark.parametrize("category", ["improve", "transform"])
def test_initiative_without_need(tmp_path: Path, category: str) -> None:
    block = f"# initiatives/online-booking.yaml\nneeds: []\ncategory: {category}\n"
    [(path, _, message)] = hits(rule, tmp_path, block)
    assert path == "initiatives/online-booking.yaml" and "addresses no user need" in message


@pytest.mark.parametrize("extra", ["category: maintain", "status: stopped"])
def test_maintenance_and_stopped_work_are_exempt(tmp_path: Path, extra: str) -> None:
    assert hits(rule, tmp_path, f"# initiatives/online-booking.yaml\nneeds: []\n{extra}\n") == []
