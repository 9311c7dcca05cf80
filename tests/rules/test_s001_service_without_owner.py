from __future__ import annotations

from pathlib import Path

from digistrat.rules import s001_service_without_owner as rule
from rules.rule_helpers import hits


def test_no_owner(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, "# services/outpatient-booking.yaml\nowner:\n")
    assert path == "services/outpatient-booking.yaml" and "has no owner" in message


def test_retired_service_is_exempt(tmp_path: Path) -> None:
    assert (
        hits(rule, tmp_path, "# services/outpatient-booking.yaml\nowner:\nphase: retired\n") == []
    )
