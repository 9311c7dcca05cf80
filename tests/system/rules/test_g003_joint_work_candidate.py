"""G003: the same work planned by several members: a candidate for joint work (info)."""

from __future__ import annotations

from pathlib import Path

from digistrat.system.rules.g003_joint_work_candidate import signature
from system.system_helpers import codes, make_system


def _own(name: str, need: str, tech: str = "") -> str:
    return f"""
    # initiatives/online-booking.yaml
    name: {name}
    technology: [{tech}]
    # users/outpatients.yaml
    needs:
      - id: know-when
        statement: {need}
        priority: high
        evidence:
          - source: complaints
            date: 2026-02-01
            summary: Complaints about it.
            voices: wider
    """


def test_the_same_need_in_two_members_is_one_note(tmp_path: Path) -> None:
    ics = make_system(
        tmp_path,
        {
            "north": _own("Booking app", "I need to know when my appointment is."),
            "south": _own("Patient portal", "Need - to KNOW when my appointment is"),
            "west": _own("Staff rota", "I need my shifts a month ahead."),
        },
    )
    [found] = codes(ics, "G003")
    assert found.severity == "info"
    assert found.path == "members/north/initiatives/online-booking.yaml"
    assert "“Booking app”" in found.message and "south's “Patient portal”" in found.message
    assert "the same need" in found.message and "west" not in found.message


def test_the_same_technology_for_the_same_kind_of_service(tmp_path: Path) -> None:
    ics = make_system(
        tmp_path,
        {
            "north": _own("Booking app", "I need one thing.", "Video consultations"),
            "south": _own("Clinic tool", "I need another thing.", "video consultations"),
        },
    )
    [found] = codes(ics, "G003")
    assert "transaction services with video consultations" in found.message


def test_different_work_is_not_told(tmp_path: Path) -> None:
    ics = make_system(
        tmp_path,
        {
            "north": _own("Booking app", "I need one thing.", "booking"),
            "south": _own("Clinic tool", "I need another thing.", "video"),
        },
    )
    assert codes(ics, "G003") == []


def test_min_members_option(tmp_path: Path) -> None:
    ics = make_system(tmp_path, {"north": "", "south": ""})
    assert codes(ics, "G003")  # the baseline's work, twice
    strategy = ics / "strategy.yaml"
    strategy.write_text(strategy.read_text() + "check:\n  options:\n    min-members: 3\n")
    assert codes(ics, "G003") == []


def test_signature_sets_aside_small_words_case_and_punctuation() -> None:
    assert signature("As a patient, I need to KNOW when!") == signature("patient know when")
    assert signature("the a of") == ()
