from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from digistrat.loader import load
from digistrat.rules import t005_placeholder_text as rule
from digistrat.rules.base import Context
from digistrat.scaffold import scaffold
from rules.text_helpers import Found, run, where

SERVICE = """\
name: Letters
description: {description}
kind: transaction
team: {team}
"""


def _service(
    tmp_path: Path, description: str, team: str = "Letters team", **options: object
) -> Found:
    files = {"services/letters.yaml": SERVICE.format(description=description, team=team)}
    return run(rule, tmp_path, write=files, options=options)


def test_baseline_passes(tmp_path: Path) -> None:
    assert run(rule, tmp_path) == []


def test_fresh_init_is_reported_everywhere(tmp_path: Path) -> None:
    scaffold(tmp_path, today=date(2026, 6, 1))
    repo = load(tmp_path)
    found = list(rule.check(Context(repo=repo, today=date(2026, 6, 1), options=rule.OPTIONS)))
    places = {repo.where(v.kind, v.ident, *v.loc)[:2] for v in found}
    assert ("strategy.yaml", 11) in places  # the mission
    kinds = {v.kind for v in found}
    assert kinds == {"strategy", "services", "users", "initiatives", "commitments"}
    assert all(
        "example text that `digistrat init` or `digistrat new` wrote" in v.message for v in found
    )
    mission = next(v for v in found if v.loc == ("mission",))
    assert "(“Replace this with one short sentence …”)" in mission.message


def test_init_example_sentence_copied(tmp_path: Path) -> None:
    found = run(
        rule,
        tmp_path,
        merge={
            "commitments/rebook-online.yaml": (
                "statement: Patients can rebook online in under five minutes."
            )
        },
    )
    assert len(found) == 1
    assert "copies an example sentence from `digistrat init` or `digistrat new`" in found[0][2]


@pytest.mark.parametrize(
    ("description", "shown"),
    [
        ("Replace with what the service does and for whom.", "example text"),
        ("Replace with something I made up", "“Replace with something …”"),
        ("TODO", "“TODO”"),
        ("Sends letters. Volumes tbc.", "“tbc”"),
        ("Sends letters to <your patients>.", "“<your patients>”"),
        ("Lorem ipsum dolor sit amet.", "“Lorem ipsum”"),
        ("Owner: XXX", "“XXX”"),
    ],
)
def test_placeholders(tmp_path: Path, description: str, shown: str) -> None:
    found = _service(tmp_path, f'"{description}"')
    assert where(found) == [("services/letters.yaml", 2)]
    assert shown in found[0][2]


@pytest.mark.parametrize(
    "description",
    [
        "Replacement letters are sent the same day.",
        "We replace paper letters with messages.",
        "A to-do list for ward clerks.",
        "Scrubs in sizes S to XXL.",
        "Dr Todorov signs every letter.",
        "Letters in <b>bold</b> for people with low vision.",
        "Outpatient appointment booking",  # the init's example of a name is a fine name
    ],
)
def test_near_misses(tmp_path: Path, description: str) -> None:
    assert _service(tmp_path, description) == []


def test_every_field_is_read(tmp_path: Path) -> None:
    found = _service(tmp_path, "Sends letters.", team="TBC")
    assert where(found) == [("services/letters.yaml", 4)]


def test_settings_are_not_read(tmp_path: Path) -> None:
    found = run(rule, tmp_path, merge={"strategy.yaml": "check: {options: {x: TODO}}"})
    assert found == []


def test_markers_option(tmp_path: Path) -> None:
    assert _service(tmp_path, "TODO", **{"placeholder-markers": []}) == []
    assert len(_service(tmp_path, "Ask Sam", **{"placeholder-markers": ["ask sam"]})) == 1
