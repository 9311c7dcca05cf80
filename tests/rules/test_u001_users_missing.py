from __future__ import annotations

from pathlib import Path

from digistrat.rules import u001_users_missing as rule
from rules.rule_helpers import hits

NO_USERS = """# users/outpatients.yaml (removed)
# services/outpatient-booking.yaml
users: []
# initiatives/online-booking.yaml
needs: []
"""


def test_no_user_groups(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, NO_USERS)
    assert path == "strategy.yaml" and "no user groups" in message


def test_an_invalid_user_file_still_counts_as_present(tmp_path: Path) -> None:
    block = NO_USERS + "# users/carers.yaml\nname: Carers\nkind: carerz\n"
    assert hits(rule, tmp_path, block) == []
