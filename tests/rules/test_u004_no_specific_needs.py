from __future__ import annotations

from pathlib import Path

from digistrat.rules import u004_no_specific_needs as rule
from rules.rule_helpers import hits

PLAIN = "# users/outpatients.yaml\nat_risk_of_exclusion: false\nspecific_needs: []\n"


def test_nobody_with_specific_needs(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, PLAIN)
    assert path == "users/outpatients.yaml" and "no user group records" in message


def test_at_risk_flag_is_enough(tmp_path: Path) -> None:
    block = "# users/outpatients.yaml\nat_risk_of_exclusion: true\nspecific_needs: []\n"
    assert hits(rule, tmp_path, block) == []


def test_another_group_with_specific_needs_is_enough(tmp_path: Path) -> None:
    block = PLAIN + (
        "# users/carers.yaml\nname: Carers\nkind: carer\nspecific_needs:\n"
        "  - {kind: sensory, note: Many have hearing loss.}\n"
    )
    assert hits(rule, tmp_path, block) == []
