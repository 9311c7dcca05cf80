from __future__ import annotations

from pathlib import Path

import pytest

from digistrat import prose
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


def test_unexplained_acronym_reported_once_per_file_at_first_use(tmp_path: Path) -> None:
    found = run(
        rule,
        tmp_path,
        write={
            "initiatives/a-letters.yaml": _initiative(description="Offer PIFU in letters."),
            "initiatives/b-results.yaml": _initiative(
                name="PIFU results", description="Show PIFU dates and the OPEL level."
            ),
        },
    )
    assert where(found) == [
        ("initiatives/a-letters.yaml", 2),
        ("initiatives/b-results.yaml", 1),
        ("initiatives/b-results.yaml", 2),
    ]
    assert found[0][2] == "the acronym “PIFU” is used here but this file never spells it out"
    assert "“PIFU” is used here (and 1 more time in this file) but" in found[1][2]
    assert "“OPEL” is used here but" in found[2][2]


@pytest.mark.parametrize(
    "description",
    [
        "Offer patient-initiated follow-up (PIFU) in letters, and PIFU dates online.",
        "Offer PIFU (patient-initiated follow-up) in letters, and PIFU dates online.",
        "Offer Patient-Initiated Follow-Up (PIFU) in letters; PIFU dates online.",
    ],
)
def test_spelled_out_at_first_use_explains_the_file(tmp_path: Path, description: str) -> None:
    files = {
        "initiatives/x.yaml": _initiative(description=description),
        "initiatives/y.yaml": _initiative(
            name="Patient-initiated follow-up (PIFU)", description="PIFU for all clinics."
        ),
    }
    assert run(rule, tmp_path, write=files) == []


def test_spelled_out_only_after_the_first_use(tmp_path: Path) -> None:
    found = run(
        rule,
        tmp_path,
        write={
            "initiatives/x.yaml": _initiative(
                name="PIFU everywhere",
                description="Offer patient-initiated follow-up (PIFU) in letters.",
            ),
            "initiatives/y.yaml": _initiative(
                description="The PIFU list. Patient-initiated follow-up (PIFU) grows."
            ),
        },
    )
    assert where(found) == [("initiatives/x.yaml", 1), ("initiatives/y.yaml", 2)]
    assert found[0][2] == (
        "the acronym “PIFU” is used here before this file spells it out: a reader meets it "
        "first here"
    )
    assert found[1][2] == found[0][2]  # the use inside the spelling-out is not counted


def test_spelled_out_in_another_file_is_not_enough(tmp_path: Path) -> None:
    """Each file is a page of the published strategy: the reader of this one does not see
    the other. The message says where the full name is, and the hint offers it."""
    files = {
        "initiatives/a.yaml": _initiative(description="Offer PIFU (patient-initiated follow-up)."),
        "initiatives/b.yaml": _initiative(description="Offer PIFU in letters."),
    }
    found = run(rule, tmp_path, write=files)
    assert where(found) == [("initiatives/b.yaml", 2)]
    assert found[0][2].endswith(
        "never spells it out (`a` spells it out as “patient-initiated follow-up”)"
    )
    repo_hint = [v.hint for v in _violations(tmp_path)]
    assert repo_hint == [
        "Write it out at its first use, like “patient-initiated follow-up (PIFU)”, or add "
        "`PIFU: patient-initiated follow-up` under `glossary:` in strategy.yaml, so that every "
        "page of the published strategy explains it."
    ]


def _violations(root: Path) -> list[object]:
    from digistrat.loader import load
    from digistrat.rules.base import Context
    from digistrat.rules.examples import EXAMPLE_TODAY

    ctx = Context(repo=load(root), today=EXAMPLE_TODAY, options=dict(rule.OPTIONS))
    return list(rule.check(ctx))


def test_glossary_terms_need_no_spelling_out(tmp_path: Path) -> None:
    files = {"initiatives/x.yaml": _initiative(description="Offer PIFU and show OPEL levels.")}
    found = run(rule, tmp_path, write=files)
    assert [m.split("”")[0] for _, _, m in found] == ["the acronym “PIFU", "the acronym “OPEL"]
    glossary = "glossary: {PIFU: patient-initiated follow-up, OPEL: operational pressures level}"
    assert run(rule, tmp_path, merge={"strategy.yaml": glossary}, write=files) == []


@pytest.mark.parametrize(
    "description",
    [
        # the tester's findings on real NHS texts (issue 15)
        "Rated good by the CQC; the ICB funds the ED and ICU.",
        "NEWS2 scores flow from the EPR to EMIS and SystmOne.",
        "Publish on GOV.UK and NHS.UK; refer through e-RS.",
        "Pass the DSPT, complete a DPIA under UK GDPR; the SIRO and CCIO sign off.",
        "Share FHIR and HL7 messages with the PCN, the LA and VCSE partners.",
        "Patients use the NHS App, call 111 or 999, and A&E is less busy.",
        "Meet WGLL; KPI reports go to the board each FY26 quarter.",
    ],
)
def test_everyday_vocabulary_is_not_reported(tmp_path: Path, description: str) -> None:
    found = run(rule, tmp_path, write={"initiatives/x.yaml": _initiative(description=description)})
    assert found == []


def test_dotted_names_are_read_whole(tmp_path: Path) -> None:
    """GOV.UK is not the acronym GOV; a dotted name is a name (of a website) altogether."""
    assert list(prose.acronym_uses("Use GOV.UK Pay and ABC.XYZ, not GOVUK.")) == [(32, "GOVUK")]
    description = "Pay on GOV.UK Pay and MYCOUNCIL.GOV.UK."
    assert (
        run(rule, tmp_path, write={"initiatives/x.yaml": _initiative(description=description)})
        == []
    )


@pytest.mark.parametrize(
    "description",
    [
        "Patients see their GP letters and A&E notes in the NHS App.",  # vocabulary
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


@pytest.mark.parametrize("marker", ["TODO", "TBC", "TBD", "FIXME", "XXX"])
def test_placeholder_markers_are_left_to_t005(tmp_path: Path, marker: str) -> None:
    """Regression (real-world review): "TODO" in the poor Maidstone variant was reported as an
    unexplained acronym (T002) beside T005's placeholder finding: one defect, two findings."""
    description = f"Letters go out on time. {marker} the date, and the OPEL level."
    files = {"initiatives/x.yaml": _initiative(description=description)}
    [(_, _, message)] = run(rule, tmp_path, write=files)
    assert "OPEL" in message and marker not in message


def test_codes_roles_and_tags_are_not_read(tmp_path: Path) -> None:
    """The technology tag `PAS`, the owner's `OBE` and role `CCIO` are not sentences."""
    found = run(rule, tmp_path, write={"initiatives/x.yaml": _initiative()})
    assert found == []


def test_settings_are_not_read(tmp_path: Path) -> None:
    found = run(
        rule,
        tmp_path,
        merge={"strategy.yaml": "check: {options: {acronyms-allowed: [OPEL, PIFU]}}"},
    )
    assert found == []


def test_allowed_option_adds_to_the_built_in_list(tmp_path: Path) -> None:
    files = {"initiatives/x.yaml": _initiative(description="Share records with the OPEL NHS.")}
    assert run(rule, tmp_path, write=files, options={"acronyms-allowed": ["OPEL"]}) == []
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
    assert "jargon (“Leverage” and “synergies”)" in found[1][2]


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
              - {id: holistic-care, title: Cut waits at OPEL 4, kind: clinical}
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
        "the acronym “OPEL”",
        "the acronym “PIFU”",
    ]
