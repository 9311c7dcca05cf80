from __future__ import annotations

from pathlib import Path

from digistrat.rules import s009_no_services as rule
from rules.rule_helpers import findings, hits

NO_SERVICES = (
    "# services/outpatient-booking.yaml (removed)\n"
    "# initiatives/online-booking.yaml\nservices: []\n"
)


def test_no_services_at_all(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, NO_SERVICES)
    assert path == "strategy.yaml"
    assert "describes no services" in message


def test_one_service_is_enough(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []


def test_a_service_file_with_errors_still_counts(tmp_path: Path) -> None:
    # The service exists but fails validation: the schema finding says what to fix; S009
    # would wrongly claim there are no services.
    found = findings(
        tmp_path, NO_SERVICES, write={"services/booking.yaml": "name: Booking\nkind: nonsense\n"}
    )
    codes = {f.code for f in found}
    assert "F002" in codes and rule.CODE not in codes


def test_not_judged_while_strategy_yaml_is_invalid(tmp_path: Path) -> None:
    found = findings(tmp_path, NO_SERVICES, write={"strategy.yaml": "organisation: X\n"})
    codes = {f.code for f in found}
    assert "F002" in codes and rule.CODE not in codes
