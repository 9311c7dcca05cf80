"""G004: a member names a shared priority or system initiative that does not exist."""

from __future__ import annotations

from pathlib import Path

from system.system_helpers import codes, make_system


def test_unknown_priority_and_initiative_are_located_with_a_suggestion(tmp_path: Path) -> None:
    member = """
    # initiatives/online-booking.yaml
    shared_priorities: [shared-care-recrod]
    system_depends_on: [platfrom]
    """
    ics = make_system(tmp_path, {"north": member})
    (ics / "initiatives" / "online-booking.yaml").rename(ics / "initiatives" / "platform.yaml")
    found = codes(ics, "G004")
    assert [(f.path, f.severity) for f in found] == [
        ("members/north/initiatives/online-booking.yaml", "error")
    ] * 2
    assert all(f.line is not None for f in found)
    priority, work = found
    assert "`shared-care-recrod`" in priority.message and "`shared-care-record`" in priority.hint
    assert "`platfrom`" in work.message and "Did you mean `platform`?" in work.hint


def test_known_ids_pass(tmp_path: Path) -> None:
    member = """
    # initiatives/online-booking.yaml
    shared_priorities: [shared-care-record]
    system_depends_on: [online-booking]
    """
    ics = make_system(tmp_path, {"north": member})
    assert codes(ics, "G004") == []
