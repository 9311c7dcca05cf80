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
        # issue 15: these passed, "one" and "within" being read as numbers and limits
        "Better care.",
        "Improve care as one team.",
        "Improve care within the trust.",
        "Better information for carers about the ward they visit.",
        "World-leading, high-quality services for more than a website can offer.",
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
        "Improve the Friends and Family Test score as measured by the monthly survey.",
        "Be rated outstanding by the CQC at the next inspection.",
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
    # Regression (second real-world review): a mission is not asked for a number or a date.
    assert "number, date or limit" not in found[0][2]
    assert "number, date or limit" in found[1][2]
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


def test_a_measure_does_not_make_up_for_a_vague_statement(tmp_path: Path) -> None:
    """The statement is what the poster and the site show on its own."""
    measured = COMMITMENT.format(statement="Improve booking.") + (
        "measure: {metric: Bookings made online, unit: per cent, baseline: 20, target: 60}\n"
    )
    found = run(rule, tmp_path, write={"commitments/second.yaml": measured})
    assert where(found) == [("commitments/second.yaml", 1)]


def test_objectives_from_the_organisations_strategy_are_its_own_words(tmp_path: Path) -> None:
    """Issue 15: objectives quoted from the trust's corporate strategy were reported."""
    found = run(
        rule,
        tmp_path,
        merge={
            "strategy.yaml": """
            objectives:
              - id: shorter-waits
                title: Deliver outstanding, seamless care, improving every year
                source: Trust strategy 2025-30
              - {id: better, title: Better care, kind: clinical}
            """
        },
    )
    assert where(found) == [("strategy.yaml", 20)]  # the second objective only
    assert found[0][2].startswith("the objective uses vague wording (“better”)")
