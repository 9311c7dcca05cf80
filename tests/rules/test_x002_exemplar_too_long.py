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


# Six months plus a fifth of a month's slack is 188.7 days (a month counted as 30.44 days):
# 2026-04-01 to 2026-10-06 is 188 days, the longest allowed; to 2026-10-07 is 189.
@pytest.mark.parametrize(
    ("end", "found"), [("2026-10-05", False), ("2026-10-06", False), ("2026-10-07", True)]
)
def test_length_boundary(tmp_path: Path, end: str, found: bool) -> None:
    assert bool(hits(rule, tmp_path, _dates("2026-04-01", end))) is found


# Three months plus slack is 97.4 days: to 2026-07-07 is 97 days, to 2026-07-08 is 98.
@pytest.mark.parametrize(
    ("end", "found"), [("2026-07-06", False), ("2026-07-07", False), ("2026-07-08", True)]
)
def test_option_boundary(tmp_path: Path, end: str, found: bool) -> None:
    extra = "# strategy.yaml\ncheck:\n  options:\n    max-exemplar-months: 3\n"
    found_ = hits(rule, tmp_path, _dates("2026-04-01", end) + extra)
    assert bool(found_) is found
    assert not found_ or "within 3" in found_[0][2]
