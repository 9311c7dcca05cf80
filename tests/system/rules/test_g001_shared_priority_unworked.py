"""G001: a shared priority no member works on."""

from __future__ import annotations

from pathlib import Path

from system.system_helpers import WORKS_ON_IT, codes, make_system


def test_a_priority_nobody_works_on_is_reported_at_the_objective(tmp_path: Path) -> None:
    ics = make_system(tmp_path, {"north": "", "south": ""})
    [found] = codes(ics, "G001")
    assert (found.path, found.line) == ("strategy.yaml", 16)
    assert "“One shared care record” (`shared-care-record`)" in found.message
    assert "shared_priorities: [shared-care-record]" in found.hint


def test_one_member_working_on_it_is_enough(tmp_path: Path) -> None:
    ics = make_system(tmp_path, {"north": "", "south": WORKS_ON_IT})
    assert codes(ics, "G001") == []


def test_stopped_work_does_not_count(tmp_path: Path) -> None:
    stopped = WORKS_ON_IT + "status: stopped\n"
    ics = make_system(tmp_path, {"north": stopped})
    assert len(codes(ics, "G001")) == 1


def test_the_systems_own_work_is_named_but_does_not_count(tmp_path: Path) -> None:
    """Work done once by the system still needs members to take it up."""
    ics = make_system(tmp_path, {"north": ""})
    (ics / "initiatives" / "online-booking.yaml").write_text(
        (ics / "initiatives" / "online-booking.yaml")
        .read_text()
        .replace("shorter-waits", "shared-care-record")
        .replace("Online booking for outpatients", "Shared record platform")
    )
    [found] = codes(ics, "G001")
    assert "the system's own work (Shared record platform) serves it" in found.message


def test_the_system_objective_check_gives_way(tmp_path: Path) -> None:
    """I003 (objective no initiative serves) is not reported for the system's own
    objectives: G001 tells it across the members."""
    ics = make_system(tmp_path, {"north": WORKS_ON_IT})
    assert codes(ics, "I003") == []
