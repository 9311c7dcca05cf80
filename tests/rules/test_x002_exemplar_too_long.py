from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import x002_exemplar_too_long as rule
from rules.rule_helpers import hits


def _dates(start: str, end: str, extra: str = "") -> str:
    return f"# initiatives/online-booking.yaml\nstart: {start}\nend: {end}\n{extra}"


def test_a_year_is_too_long(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, _dates("2026-04-01", "2027-03-31"))
    assert "planned to take 12 months" in message


@pytest.mark.parametrize("end", ["2026-09-30", "2026-10-01"])
def test_six_months_is_fine(tmp_path: Path, end: str) -> None:
    assert hits(rule, tmp_path, _dates("2026-04-01", end)) == []


def test_non_exemplars_are_not_checked(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, _dates("2026-04-01", "2028-03-31", "exemplar: false\n")) == []
