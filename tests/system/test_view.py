"""The system view: who works on each shared priority, who waits for late system work, load
against capacity by quarter, and the decisions put to the integrated care board."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from digistrat.system.view import build
from system.system_helpers import WORKS_ON_IT, make_system, run_system

TODAY = date(2026, 6, 1)


def test_priorities_waiting_and_decisions(tmp_path: Path) -> None:
    waits = WORKS_ON_IT + "system_depends_on: [online-booking]\nstart: 2026-10-01\n"
    ics = make_system(tmp_path, {"north": waits, "south": ""})
    system_work = ics / "initiatives" / "online-booking.yaml"
    system_work.write_text(system_work.read_text().replace("end: 2026-09-30", "end: 2026-05-31"))
    view = build(run_system(ics, TODAY), TODAY)
    [priority] = view.priorities
    assert priority.members == ["north"]
    [work] = view.waiting
    assert work.late and [m for m, _, _ in work.waiting] == ["north"]
    texts = [d.text for d in view.decisions]
    assert any("Agree a new plan for “Online booking for outpatients”" in t for t in texts)
    assert "late (due 31 May 2026)" in texts[0]
    # the late system work counts against north's alignment (question 8), not south's
    assert view.on_question(8, "amber") == ["north"]


def test_an_unworked_priority_is_a_decision(tmp_path: Path) -> None:
    view = build(run_system(make_system(tmp_path, {"north": ""}), TODAY), TODAY)
    assert view.decisions[0].text.startswith("Agree which members lead the shared priority")


def test_load_by_quarter_against_capacity(tmp_path: Path) -> None:
    """The baseline member runs one initiative (April to September 2026) with capacity 3;
    a capacity of 0 is not allowed, so lower it by adding work instead."""
    more = """
    # strategy.yaml
    capacity:
      concurrent_initiatives: 1
    # initiatives/second.yaml
    name: Second piece of work
    category: maintain
    status: approved
    start: 2026-07-01
    end: 2026-12-31
    """
    view = build(run_system(make_system(tmp_path, {"north": more}), TODAY), TODAY)
    [load] = view.loads
    assert view.quarters[:3] == ["Apr–Jun 2026", "Jul–Sep 2026", "Oct–Dec 2026"]
    assert load.running[:4] == [1, 2, 1, 0]
    assert [load.over(q) for q in range(3)] == [False, True, False]
    assert any("re-sequence" in d.text for d in view.decisions)


def test_unavailable_members_are_listed_not_counted(tmp_path: Path) -> None:
    ics = make_system(
        tmp_path, {"north": ""}, system_yaml="members:\n  - id: gone\n    path: nowhere\n"
    )
    view = build(run_system(ics, TODAY), TODAY)
    assert [m.id for m in view.unavailable] == ["gone"] and view.loads == []


def test_framework_coverage_across_members(tmp_path: Path) -> None:
    """A measure one member covers is not a gap of the system; a member that names no
    measure at all is shown as not mapped rather than as covering nothing."""
    mapped = """
    # initiatives/online-booking.yaml
    serves: [wgll:empower-citizens]
    """
    ics = make_system(tmp_path, {"north": mapped, "south": ""})
    view = build(run_system(ics, TODAY), TODAY)
    [row] = view.frameworks
    assert row.id == "wgll" and [m.id for m, _ in row.members] == ["north", "south"]
    north, south = (cells for _, cells in row.members)
    assert south is None and north is not None
    assert north["empower-citizens"] == "covered" and north["well-led"] == "uncovered"
    assert "Empower citizens" not in row.nobody() and "Well led" in row.nobody()
    assert row.unmapped == ["south"]
    assert any("Well led" in d.why and "What Good Looks Like" in d.text for d in view.decisions)
