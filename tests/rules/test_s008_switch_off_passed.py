from __future__ import annotations

from pathlib import Path

from digistrat.rules import s008_switch_off_passed as rule
from rules.rule_helpers import hits


def test_switch_off_passed(tmp_path: Path) -> None:
    block = "# services/outpatient-booking.yaml\nstatus: legacy\nswitch_off: 2026-05-31\n"
    [(_, _, message)] = hits(rule, tmp_path, block)
    assert "due to be switched off on 31 May 2026 but is still legacy" in message


def test_retired_phase_is_fine(tmp_path: Path) -> None:
    block = "# services/outpatient-booking.yaml\nstatus: legacy\nswitch_off: 2026-05-31\n"
    block += "phase: retired\n"
    assert hits(rule, tmp_path, block) == []


def test_future_date_is_fine(tmp_path: Path) -> None:
    block = "# services/outpatient-booking.yaml\nstatus: retiring\nswitch_off: 2026-06-01\n"
    assert hits(rule, tmp_path, block) == []
