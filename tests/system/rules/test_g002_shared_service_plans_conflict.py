"""G002: members with conflicting plans for a shared service (a system service whose id a
member's service also has)."""

from __future__ import annotations

from pathlib import Path

from system.system_helpers import SHARED, codes, make_system

PART = """
# services/outpatient-booking.yaml
systems: [Booking Hub]
"""


def test_different_systems_for_one_shared_service(tmp_path: Path) -> None:
    ics = make_system(
        tmp_path,
        {"north": PART, "south": PART.replace("Booking Hub", "Other Booker")},
    )
    [found] = codes(ics, "G002")
    assert found.path == "members/south/services/outpatient-booking.yaml"
    assert found.line == 23  # its `systems:` key
    assert "runs on Other Booker" in found.message and "on Booking Hub" in found.message


def test_the_same_system_passes_in_any_case(tmp_path: Path) -> None:
    ics = make_system(
        tmp_path, {"north": PART, "south": PART.replace("Booking Hub", "booking hub, X")}
    )
    assert codes(ics, "G002") == []


def test_one_member_retiring_it_while_another_invests(tmp_path: Path) -> None:
    retiring = """
    # services/outpatient-booking.yaml
    status: retiring
    switch_off: 2027-03-31
    # initiatives/online-booking.yaml
    status: proposed
    """
    ics = make_system(tmp_path, {"north": retiring, "south": ""})
    [found] = codes(ics, "G002")
    assert found.path == "members/north/services/outpatient-booking.yaml"
    assert "switch off" in found.message and "while south is investing" in found.message


def test_retiring_alone_is_no_conflict(tmp_path: Path) -> None:
    retiring = """
    # services/outpatient-booking.yaml
    status: retiring
    switch_off: 2027-03-31
    """
    ics = make_system(tmp_path, {"north": retiring, "south": ""})
    # south's in-progress work: a conflict; but with south's work proposed only, none
    (ics / "members/south/initiatives/online-booking.yaml").write_text(
        (ics / "members/south/initiatives/online-booking.yaml")
        .read_text()
        .replace("status: in-progress", "status: proposed")
    )
    assert codes(ics, "G002") == []


def test_buying_and_building_the_same_shared_service(tmp_path: Path) -> None:
    build = """
    # initiatives/online-booking.yaml
    sourcing: {approach: build}
    """
    ics = make_system(tmp_path, {"north": "", "south": build})
    [found] = codes(ics, "G002")
    assert "will buy" in found.message and "will build" in found.message
    assert found.path.endswith("initiatives/online-booking.yaml") and found.line is not None


def test_services_not_shared_are_not_compared(tmp_path: Path) -> None:
    """Without the system having the service, members' services are their own business."""
    system = SHARED + "# services/outpatient-booking.yaml (removed)\n"
    ics = make_system(
        tmp_path,
        {"north": PART, "south": PART.replace("Booking Hub", "Other")},
        system=system,
    )
    (ics / "initiatives" / "online-booking.yaml").unlink()
    assert codes(ics, "G002") == []
