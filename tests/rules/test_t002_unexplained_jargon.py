from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import t002_unexplained_jargon as rule
from rules.text_helpers import run, where

INITIATIVE = """\
name: {name}
description: {description}
category: improve
technology:
  - PAS
owner:
  name: Dr Asha Patel OBE
  role: CCIO
  function: clinical
"""


def _initiative(name: str = "Faster letters", description: str = "Letters go out on time.") -> str:
    return INITIATIVE.format(name=name, description=description)


def test_baseline_passes(tmp_path: Path) -> None:
    assert run(rule, tmp_path) == []


def test_undefined_acronym_reported_once_per_file_at_first_use(tmp_path: Path) -> None:
    found = run(
        rule,
        tmp_path,
        write={
            "initiatives/a-letters.yaml": _initiative(description="Send letters from the PAS."),
            "initiatives/b-results.yaml": _initiative(
                name="PAS results", description="Show results from the PAS and the LIMS."
            ),
        },
    )
    assert where(found) == [
        ("initiatives/a-letters.yaml", 2),
        ("initiatives/b-results.yaml", 1),
        ("initiatives/b-results.yaml", 2),
    ]
    assert found[0][2] == (
        "the acronym “PAS” is used here but is never spelled out anywhere in the strategy"
    )
    assert "“PAS” is used here (and 1 more time in this file) but" in found[1][2]
    assert "“LIMS” is used here but" in found[2][2]


@pytest.mark.parametrize(
    "definition",
    [
        "The patient administration system (PAS) holds appointments.",
        "The PAS (patient administration system) holds appointments.",
        "Our Patient Administration System (PAS) holds appointments.",
    ],
)
def test_defined_anywhere_is_enough(tmp_path: Path, definition: str) -> None:
    found = run(
        rule,
        tmp_path,
        merge={"strategy.yaml": f"constraints: [{{kind: other, description: {definition}}}]"},
        write={"initiatives/letters.yaml": _initiative(description="Send letters from the PAS.")},
    )
    assert found == []


@pytest.mark.parametrize(
    "description",
    [
        "Patients see their GP letters and A&E notes in the NHS App.",  # built-in allow-list
        "Phase II of the work starts in May.",  # roman numerals
        "We will NOT print letters any more.",  # emphasis
        "Call NHS 111 or NHS111 online.",  # numbers
        "Keep the supply chain running; maintain stock.",  # capitals inside words
        "Patients recovering from Covid-19 use Wi-Fi on wards.",
    ],
)
def test_acronym_near_misses(tmp_path: Path, description: str) -> None:
    found = run(rule, tmp_path, write={"initiatives/x.yaml": _initiative(description=description)})
    assert found == []


def test_codes_roles_and_tags_are_not_read(tmp_path: Path) -> None:
    """The technology tag `PAS`, the owner's `OBE` and role `CCIO` are not sentences."""
    found = run(rule, tmp_path, write={"initiatives/x.yaml": _initiative()})
    assert found == []


def test_settings_are_not_read(tmp_path: Path) -> None:
    found = run(
        rule,
        tmp_path,
        merge={"strategy.yaml": "check: {options: {acronyms-allowed: [ICS]}}"},
    )
    assert found == []


def test_allowed_option_adds_to_the_built_in_list(tmp_path: Path) -> None:
    files = {"initiatives/x.yaml": _initiative(description="Share records across the ICS NHS.")}
    assert run(rule, tmp_path, write=files, options={"acronyms-allowed": ["ICS"]}) == []
    assert len(run(rule, tmp_path, write=files)) == 1


def test_jargon_reported_at_each_field(tmp_path: Path) -> None:
    found = run(
        rule,
        tmp_path,
        write={
            "initiatives/x.yaml": _initiative(
                name="A paradigm shift in booking", description="Leverage synergies across teams."
            )
        },
    )
    assert where(found) == [("initiatives/x.yaml", 1), ("initiatives/x.yaml", 2)]
    assert "jargon (“paradigm”)" in found[0][2]
    assert "jargon (“Leverage”, “synergies”)" in found[1][2]


@pytest.mark.parametrize(
    "description",
    [
        'Staff told us "we need synergy", so records show on one screen.',
        "Nurses complete a holistic needs assessment with every patient.",
        "Where the trust is on its digital journey.",
        "A paradigmatic case.",  # not an ending of paradigm
        "Levers for change are funding and skills.",
        "Nurses leave on time.",
        "A synergistic drug interaction alert.",
    ],
)
def test_jargon_near_misses(tmp_path: Path, description: str) -> None:
    found = run(rule, tmp_path, write={"initiatives/x.yaml": _initiative(description=description)})
    assert found == []


def test_jargon_option_replaces_the_list(tmp_path: Path) -> None:
    files = {"initiatives/x.yaml": _initiative(description="A synergy ecosystem.")}
    found = run(rule, tmp_path, write=files, options={"jargon-words": ["ecosystem"]})
    assert len(found) == 1
    assert "“ecosystem”" in found[0][2]
    assert run(rule, tmp_path, write=files, options={"jargon-words": []}) == []


def test_needs_and_objectives_are_read_but_references_are_not(tmp_path: Path) -> None:
    found = run(
        rule,
        tmp_path,
        merge={
            "strategy.yaml": """
            objectives:
              - {id: holistic-care, title: Cut waits in the ED, kind: clinical}
            """,
            "users/outpatients.yaml": """
            needs:
              - id: know-when
                statement: As a patient I need my PIFU date, so I can plan.
                priority: high
            """,
            "initiatives/online-booking.yaml": "objectives: [holistic-care]",
        },
    )
    assert [message.split(" is used")[0] for _, _, message in found] == [
        "the acronym “ED”",
        "the acronym “PIFU”",
    ]
