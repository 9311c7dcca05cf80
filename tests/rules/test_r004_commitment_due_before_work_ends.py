from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import r004_commitment_due_before_work_ends as rule
from rules.rule_helpers import hits

VIEWER = """
# initiatives/viewer.yaml
name: Shared record viewer
owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
category: transform
status: approved
needs: [outpatients/know-when]
objectives: [shorter-waits]
scores: {patient-benefit: 7, staff-benefit: 4, financial-benefit: 2}
"""


def _commitment(due: str, status: str = "on-track", initiatives: str = "[online-booking]") -> str:
    return (
        f"# commitments/rebook-online.yaml\ndue: {due}\nstatus: {status}\n"
        f"initiatives: {initiatives}\n"
    )


# online-booking (baseline) is in progress and ends on 2026-09-30; today is 2026-06-01.


@pytest.mark.parametrize(
    ("due", "found"),
    [("2026-09-29", True), ("2026-09-30", False), ("2026-10-01", False)],
)
def test_stated_end_against_due_date(tmp_path: Path, due: str, found: bool) -> None:
    assert bool(hits(rule, tmp_path, _commitment(due))) is found


def test_message_names_commitment_due_date_initiative_and_finish(tmp_path: Path) -> None:
    [(path, line, message)] = hits(rule, tmp_path, _commitment("2026-08-31"))
    assert path == "commitments/rebook-online.yaml" and line is not None
    assert "`rebook-online` is due on 31 August 2026" in message
    assert "“Online booking for outpatients” (`online-booking`)" in message
    assert "planned to finish on 30 September 2026 (its end date)" in message


# With capacity 1, the plan can start `viewer` (no dates: 2 quarters assumed) only once
# online-booking finishes: it runs Oct-Dec 2026 and Jan-Mar 2027.
CAPACITY_ONE = "# strategy.yaml\ncapacity: {concurrent_initiatives: 1}\n"


@pytest.mark.parametrize(
    ("due", "found"),
    [("2026-12-31", True), ("2027-01-01", False), ("2027-03-31", False)],
)
def test_finish_set_by_the_plan_counts_only_when_the_whole_quarter_is_late(
    tmp_path: Path, due: str, found: bool
) -> None:
    block = CAPACITY_ONE + VIEWER + _commitment(due, initiatives="[online-booking, viewer]")
    found_hits = hits(rule, tmp_path, block)
    assert bool(found_hits) is found
    if found:
        [(_, _, message)] = found_hits
        assert "`viewer`" in message and "in Jan–Mar 2027 (by the plan" in message


def test_plan_moves_a_dated_initiative_later_when_capacity_is_full(tmp_path: Path) -> None:
    dated = VIEWER + "start: 2026-07-01\nend: 2026-12-31\n"
    block = CAPACITY_ONE + dated + _commitment("2026-12-31", initiatives="[viewer]")
    [(_, _, message)] = hits(rule, tmp_path, block)
    assert "in Jan–Mar 2027 (by the plan: with the stated capacity" in message
    # with room for both, its own end date holds
    roomy = "# strategy.yaml\ncapacity: {concurrent_initiatives: 2}\n" + dated
    assert (
        hits(rule, tmp_path / "roomy", roomy + _commitment("2026-12-31", initiatives="[viewer]"))
        == []
    )


@pytest.mark.parametrize("status", ["met", "missed"])
def test_closed_commitments_are_not_checked(tmp_path: Path, status: str) -> None:
    assert hits(rule, tmp_path, _commitment("2026-08-31", status)) == []


@pytest.mark.parametrize("status", ["at-risk", "off-track"])
def test_open_commitments_are_checked(tmp_path: Path, status: str) -> None:
    assert len(hits(rule, tmp_path, _commitment("2026-08-31", status))) == 1


def test_overdue_commitment_is_left_to_c005(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, _commitment("2026-05-31")) == []


def test_done_initiative_is_not_checked(tmp_path: Path) -> None:
    block = _commitment("2026-08-31") + "# initiatives/online-booking.yaml\nstatus: done\n"
    assert hits(rule, tmp_path, block) == []


def test_commitment_due_today_is_still_checked(tmp_path: Path) -> None:
    # due on 2026-06-01, today: not yet overdue (C005 starts the day after)
    assert len(hits(rule, tmp_path, _commitment("2026-06-01"))) == 1
