from __future__ import annotations

from pathlib import Path

from digistrat.rules import o001_it_driven as rule
from rules.rule_helpers import hits

DIGITAL = "owner: {name: Kim Doe, role: Head of IT, function: digital}\n"


def test_everything_owned_by_digital(tmp_path: Path) -> None:
    block = (
        f"# initiatives/online-booking.yaml\n{DIGITAL}# commitments/rebook-online.yaml\n{DIGITAL}"
    )
    [(path, _, message)] = hits(rule, tmp_path, block)
    assert path == "commitments/rebook-online.yaml"
    assert "all 2 owned initiatives and commitments" in message


def test_one_clinical_or_operational_owner_is_enough(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, f"# initiatives/online-booking.yaml\n{DIGITAL}") == []


def test_nothing_owned_is_left_to_the_owner_rules(tmp_path: Path) -> None:
    block = "# initiatives/online-booking.yaml\nowner:\n# commitments/rebook-online.yaml\nowner:\n"
    assert hits(rule, tmp_path, block) == []


def test_a_single_owned_item_is_no_pattern(tmp_path: Path) -> None:
    """Regression (second real-world review): one commitment owned by IT, nothing else owned,
    was reported as an IT-driven strategy at error beside O002's warning on the same line."""
    unowned = "# initiatives/online-booking.yaml\nowner:\n"
    block = unowned + "# commitments/rebook-online.yaml\n" + DIGITAL
    assert hits(rule, tmp_path, block) == []
