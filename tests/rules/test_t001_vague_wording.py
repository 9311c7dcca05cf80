from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import t001_vague_wording as rule
from rules.text_helpers import run, strategy_with, where

COMMITMENT = """\
statement: {statement}
outcome: Fewer missed appointments.
owner:
  name: Lee Chan
  function: operational
initiatives:
  - online-booking
due: 2027-03-31
"""


def _commitment(tmp_path: Path, statement: str, **options: object) -> list[str]:
    found = run(
        rule,
        tmp_path,
        write={"commitments/second.yaml": COMMITMENT.format(statement=statement)},
        options=options,
    )
    assert all(path == "commitments/second.yaml" for path, _, _ in found)
    return [message for _, _, message in found]


def test_baseline_passes(tmp_path: Path) -> None:
    assert run(rule, tmp_path) == []


@pytest.mark.parametrize(
    "statement",
    [
        "We will improve the booking experience for patients.",
        "Deliver world-class, seamless care.",
        "Transform outpatient services.",
        "Streamlined referrals for GPs.",
        "Enhanced patient experience for all.",
        "Optimize flow across the hospital.",
        "Become a fully digital trust.",
        "A seamless, world-class hospital at HIMSS Stage 7.",
    ],
)
def test_vague_commitments(tmp_path: Path, statement: str) -> None:
    messages = _commitment(tmp_path, statement)
    assert len(messages) == 1
    assert "the commitment `second` uses vague wording" in messages[0]


@pytest.mark.parametrize(
    "statement",
    [
        "Improve online booking take-up from 20% to 60%.",
        "Improve the time to book to under 5 minutes.",
        "Transform discharge so that patients leave within two hours of being told.",
        "Enhance the booking line by March 2027.",
        "Patients can change an appointment online in under five minutes.",
        'Patients told us "the app is seamless"; we will keep it running every day.',
        "Better information for carers about the ward they visit.",
    ],
)
def test_measurable_or_plain_commitments_pass(tmp_path: Path, statement: str) -> None:
    assert _commitment(tmp_path, statement) == []


def test_points_at_the_field_line(tmp_path: Path) -> None:
    found = run(
        rule,
        tmp_path,
        write={
            "strategy.yaml": strategy_with(mission="A world-class digital hospital."),
            "commitments/second.yaml": COMMITMENT.format(statement="Improve booking.").replace(
                "Fewer missed appointments.", "Enhanced experience."
            ),
        },
    )
    assert where(found) == [
        ("strategy.yaml", 3),
        ("commitments/second.yaml", 1),
        ("commitments/second.yaml", 2),
    ]
    assert "the mission uses vague wording (“world-class”)" in found[0][2]
    assert "the outcome of commitment `second`" in found[2][2]


def test_objectives_are_read(tmp_path: Path) -> None:
    found = run(
        rule,
        tmp_path,
        merge={
            "strategy.yaml": """
            objectives:
              - {id: shorter-waits, title: Cut waiting times for planned care, kind: clinical}
              - {id: better, title: Improve patient experience, kind: clinical}
            """
        },
    )
    assert len(found) == 1
    assert found[0][2].startswith("the objective uses vague wording (“improve”)")


def test_other_fields_are_not_read(tmp_path: Path) -> None:
    found = run(
        rule,
        tmp_path,
        merge={
            "initiatives/online-booking.yaml": "description: Transform and improve booking.",
            "strategy.yaml": "not_doing: [{what: A seamless app, why: Improve the basics first.}]",
        },
    )
    assert found == []


def test_option_replaces_the_word_list(tmp_path: Path) -> None:
    assert _commitment(tmp_path, "Improve booking.", **{"vague-words": ["excellent"]}) == []
    messages = _commitment(tmp_path, "Excellent booking.", **{"vague-words": ["excellent"]})
    assert len(messages) == 1
