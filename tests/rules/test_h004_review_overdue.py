from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import h004_review_overdue as rule
from rules.rule_helpers import hits


def _review(cadence: str, last: str | None) -> str:
    date = f"\n  last_reviewed: {last}" if last else ""
    return f"# strategy.yaml\nreview:\n  cadence: {cadence}{date}\n"


@pytest.mark.parametrize(
    ("cadence", "last"),
    [("quarterly", "2026-02-01"), ("monthly", "2026-04-15"), ("annually", "2025-05-01")],
)
def test_within_cadence_and_grace(tmp_path: Path, cadence: str, last: str) -> None:
    assert hits(rule, tmp_path, _review(cadence, last)) == []


@pytest.mark.parametrize(
    ("cadence", "last"),
    [("quarterly", "2025-12-01"), ("monthly", "2026-03-01"), ("annually", "2025-04-01")],
)
def test_overdue(tmp_path: Path, cadence: str, last: str) -> None:
    [(_, line, message)] = hits(rule, tmp_path, _review(cadence, last))
    assert line == 13 and f"should be reviewed {cadence}" in message


def test_undated_review_cannot_be_judged(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, _review("quarterly", None)) == []


def test_grace_option(tmp_path: Path) -> None:
    block = _review("quarterly", "2026-01-15") + "check:\n  options:\n    review-grace-days: 60\n"
    assert hits(rule, tmp_path, block) == []
    assert len(hits(rule, tmp_path / "b", _review("quarterly", "2026-01-15"))) == 1


def test_the_date_is_written_out(tmp_path: Path) -> None:
    """Dates in messages are written "1 December 2025", never 2025-12-01 (second real-world
    review: the poor Hertfordshire variant read "last reviewed 1400 days ago (2023-01-31)")."""
    [(_, _, message)] = hits(rule, tmp_path, _review("quarterly", "2025-12-01"))
    assert "(1 December 2025)" in message and "2025-12-01" not in message


# Quarterly is 92 days, plus 30 days' grace: due 122 days after the last review. Today is
# 1 June 2026, so a review on 30 January 2026 is exactly at the limit.
@pytest.mark.parametrize(
    ("last", "found"), [("2026-01-31", False), ("2026-01-30", False), ("2026-01-29", True)]
)
def test_grace_boundary(tmp_path: Path, last: str, found: bool) -> None:
    assert bool(hits(rule, tmp_path, _review("quarterly", last))) is found


# With 60 days' grace the limit is 152 days: 31 December 2025.
@pytest.mark.parametrize(
    ("last", "found"), [("2026-01-01", False), ("2025-12-31", False), ("2025-12-30", True)]
)
def test_grace_option_boundary(tmp_path: Path, last: str, found: bool) -> None:
    block = _review("quarterly", last) + "check:\n  options:\n    review-grace-days: 60\n"
    assert bool(hits(rule, tmp_path, block)) is found
