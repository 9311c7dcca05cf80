from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import r006_capacity_exceeded_later as rule
from rules.rule_helpers import hits

# Today is 2026-06-01 (Apr-Jun 2026 is "now"); the baseline's online-booking is in progress
# until 2026-09-30 with effort 3 (1.5 in each of its 2 quarters from now).


def _initiative(ident: str, start: str | None, end: str | None, status: str = "approved") -> str:
    dates = (f"start: {start}\n" if start else "") + (f"end: {end}\n" if end else "")
    return (
        f"# initiatives/{ident}.yaml\nname: Initiative {ident}\n"
        "owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}\n"
        f"category: improve\nstatus: {status}\neffort: 4\n"
        "needs: [outpatients/know-when]\nobjectives: [shorter-waits]\n"
        "scores: {patient-benefit: 7, staff-benefit: 4, financial-benefit: 2}\n" + dates
    )


def _capacity(places: int, effort: float | None = None) -> str:
    extra = f", effort_per_quarter: {effort}" if effort is not None else ""
    return f"# strategy.yaml\ncapacity: {{concurrent_initiatives: {places}{extra}}}\n"


@pytest.mark.parametrize(("places", "found"), [(1, True), (2, False), (3, False)])
def test_places_boundary(tmp_path: Path, places: int, found: bool) -> None:
    # Jul-Sep 2026 has online-booking and `a`: 2 at once.
    block = _capacity(places) + _initiative("a", "2026-07-01", "2026-12-31")
    assert bool(hits(rule, tmp_path, block)) is found


def test_message_names_the_busiest_quarter_and_its_initiatives(tmp_path: Path) -> None:
    block = (
        _capacity(2)
        + _initiative("a", "2026-07-01", "2027-03-31")
        + _initiative("b", "2026-07-01", "2027-03-31")
        + _initiative("c", "2026-10-01", "2026-12-31")
    )
    [(path, line, message)] = hits(rule, tmp_path, block)
    assert path == "strategy.yaml" and line is not None
    # Jul-Sep: online-booking, a, b (3); Oct-Dec: a, b, c (3); Jan-Mar: a, b (2)
    assert message == (
        "by their own dates, 3 initiatives run at once in Jul–Sep 2026 (`a`, `b` and "
        "`online-booking`), but the capacity is 2; 2 quarters are over, from Jul–Sep 2026 "
        "to Oct–Dec 2026"
    )


def test_work_in_progress_over_capacity_now_is_left_to_r002(tmp_path: Path) -> None:
    # Two in progress now with capacity 1: R002's finding, not this rule's.
    block = _capacity(1) + _initiative("a", "2026-04-01", "2026-06-30", "in-progress")
    assert hits(rule, tmp_path, block) == []
    # ...but a later quarter over capacity still is this rule's
    later = block + _initiative("b", "2026-07-01", "2026-09-30")
    [(_, _, message)] = hits(rule, tmp_path / "later", later)
    assert "2 initiatives run at once in Jul–Sep 2026" in message


def test_approved_work_dated_to_run_now_counts_when_r002_is_silent(tmp_path: Path) -> None:
    block = _capacity(1) + _initiative("a", "2026-05-01", "2026-06-30")
    [(_, _, message)] = hits(rule, tmp_path, block)
    assert "in Apr–Jun 2026" in message


def test_initiatives_without_both_dates_are_left_to_the_plan(tmp_path: Path) -> None:
    block = (
        _capacity(1) + _initiative("a", None, "2026-12-31") + _initiative("b", "2026-07-01", None)
    )
    assert hits(rule, tmp_path, block) == []


def test_done_stopped_and_past_dates_are_not_counted(tmp_path: Path) -> None:
    block = (
        _capacity(1)
        + _initiative("a", "2026-07-01", "2026-12-31", "done")
        + _initiative("b", "2026-07-01", "2026-12-31", "stopped")
        + _initiative("c", "2025-07-01", "2025-12-31")
    )
    assert hits(rule, tmp_path, block) == []


# Effort: online-booking puts 1.5 in Apr-Jun and Jul-Sep 2026; `a` (effort 4 over Jul-Dec)
# puts 2 in Jul-Sep and Oct-Dec: Jul-Sep needs 3.5.
@pytest.mark.parametrize(("limit", "found"), [(3.4, True), (3.5, False), (3.6, False)])
def test_effort_boundary(tmp_path: Path, limit: float, found: bool) -> None:
    block = _capacity(5, limit) + _initiative("a", "2026-07-01", "2026-12-31")
    found_hits = hits(rule, tmp_path, block)
    assert bool(found_hits) is found
    if found:
        [(_, _, message)] = found_hits
        assert message == (
            "by their own dates, the initiatives running in Jul–Sep 2026 (`a` and "
            "`online-booking`) need 3.5 effort, but a quarter can absorb 3.4"
        )


def test_no_capacity_stated_is_left_to_r003(tmp_path: Path) -> None:
    block = "# strategy.yaml\ncapacity: null\n" + _initiative("a", "2026-07-01", "2026-12-31")
    assert hits(rule, tmp_path, block) == []
