from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import r005_planned_beyond_horizon as rule
from rules.rule_helpers import hits

# The baseline's horizon ends on 2029-03-31; today is 2026-06-01.
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


@pytest.mark.parametrize(
    ("end", "found"),
    [("2029-03-30", False), ("2029-03-31", False), ("2029-04-01", True)],
)
def test_stated_end_against_horizon(tmp_path: Path, end: str, found: bool) -> None:
    block = VIEWER + f"start: 2028-10-01\nend: {end}\n"
    assert bool(hits(rule, tmp_path, block)) is found


def test_message(tmp_path: Path) -> None:
    block = VIEWER + "start: 2028-10-01\nend: 2029-06-30\n"
    [(path, _, message)] = hits(rule, tmp_path, block)
    assert path == "initiatives/viewer.yaml"
    assert message == (
        "“Shared record viewer” is planned to finish on 30 June 2029 (its end date), after "
        "the strategy's horizon ends on 31 March 2029"
    )


def _crowded(count: int) -> str:
    """``count`` approved initiatives of 4 quarters each, with no dates, and capacity 1: the
    plan runs them one after another after online-booking (Apr-Sep 2026)."""
    files = [
        "# strategy.yaml\ncapacity: {concurrent_initiatives: 1}\n"
        "scoring: {options: {plan-duration: 4}}\n"
    ]
    for n in range(count):
        files.append(
            VIEWER.replace("viewer.yaml", f"viewer-{n}.yaml").replace("viewer\n", f"viewer {n}\n")
        )
    return "".join(files)


def test_plan_pushes_work_past_the_horizon(tmp_path: Path) -> None:
    # 4 quarters each, one at a time from Oct-Dec 2026: viewer-0 Oct 2026 to Sep 2027,
    # viewer-1 Oct 2027 to Sep 2028, viewer-2 Oct 2028 to Sep 2029 (past March 2029).
    found = hits(rule, tmp_path, _crowded(3))
    assert [path for path, _, _ in found] == ["initiatives/viewer-2.yaml"]
    assert "in Jul–Sep 2029 (by the plan, which assumes how long it takes" in found[0][2]


def test_plan_finishing_in_the_horizon_s_last_quarter_is_not_a_finding(tmp_path: Path) -> None:
    # 2 quarters each from Oct-Dec 2026: the 5th runs Oct 2028 to Mar 2029, the horizon's end.
    block = _crowded(5).replace("plan-duration: 4", "plan-duration: 2")
    assert hits(rule, tmp_path, block) == []
    block = _crowded(6).replace("plan-duration: 4", "plan-duration: 2")
    assert [p for p, _, _ in hits(rule, tmp_path / "six", block)] == ["initiatives/viewer-5.yaml"]


def test_commitment_without_due_date_whose_work_ends_after_the_horizon(tmp_path: Path) -> None:
    block = (
        VIEWER
        + "start: 2028-10-01\nend: 2029-06-30\n"
        + "# commitments/rebook-online.yaml\ndue: null\ninitiatives: [online-booking, viewer]\n"
    )
    found = hits(rule, tmp_path, block)
    assert sorted(p for p, _, _ in found) == [
        "commitments/rebook-online.yaml",
        "initiatives/viewer.yaml",
    ]
    message = next(m for p, _, m in found if p.startswith("commitments"))
    assert "`rebook-online` has no due date and its work (`viewer`)" in message


def test_done_and_stopped_initiatives_are_not_checked(tmp_path: Path) -> None:
    for status in ("done", "stopped"):
        block = VIEWER.replace("approved", status) + "start: 2028-10-01\nend: 2029-06-30\n"
        assert hits(rule, tmp_path / status, block) == []
