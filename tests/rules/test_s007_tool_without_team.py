from __future__ import annotations

from pathlib import Path

from digistrat.rules import s007_tool_without_team as rule
from rules.rule_helpers import hits


def test_technology_without_team(tmp_path: Path) -> None:
    block = "# services/outpatient-booking.yaml\nkind: technology\nteam:\n"
    [(path, _, message)] = hits(rule, tmp_path, block)
    assert path == "services/outpatient-booking.yaml" and "names no team" in message


def test_service_with_systems_without_team(tmp_path: Path) -> None:
    block = "# services/outpatient-booking.yaml\nteam:\nsystems: [Booking system]\n"
    assert len(hits(rule, tmp_path, block)) == 1


def test_care_service_without_systems_needs_no_team(tmp_path: Path) -> None:
    block = "# services/outpatient-booking.yaml\nkind: care\nteam:\n"
    assert hits(rule, tmp_path, block) == []


def test_care_service_with_systems_needs_no_tool_team(tmp_path: Path) -> None:
    block = "# services/outpatient-booking.yaml\nkind: care\nteam:\nsystems: [Records]\n"
    assert hits(rule, tmp_path, block) == []
