from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import s006_legacy_without_switch_off as rule
from rules.rule_helpers import hits


@pytest.mark.parametrize("status", ["legacy", "retiring"])
def test_no_switch_off(tmp_path: Path, status: str) -> None:
    [(_, _, message)] = hits(
        rule, tmp_path, f"# services/outpatient-booking.yaml\nstatus: {status}\n"
    )
    assert f"the {status} service `outpatient-booking` has no switch-off date" == message


def test_live_services_need_no_date(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []


def test_with_date(tmp_path: Path) -> None:
    block = "# services/outpatient-booking.yaml\nstatus: legacy\nswitch_off: 2027-01-01\n"
    assert hits(rule, tmp_path, block) == []
