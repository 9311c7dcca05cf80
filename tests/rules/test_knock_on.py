"""Findings that only follow from a file that could not be read are held back.

A rule that concludes from something being absent (no initiative addresses this need, no
services are described) cannot know that while a file of that kind could not be used: the
file may hold exactly what is missing. Each rule is run on its own failing example, then with
an unreadable file, and a file that does not match the format, of the kind it concludes from;
and, as a control, with an unreadable file of another kind, which must not silence it.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from digistrat.rules import (
    c012_commitments_missing,
    i003_objective_unserved,
    n003_portfolio_balance,
    o001_it_driven,
    s009_no_services,
    u001_users_missing,
    u004_no_specific_needs,
    u005_high_priority_need_unaddressed,
    x001_no_exemplar,
)
from digistrat.rules.examples import example_block
from rules.rule_helpers import hits

CASES: list[tuple[ModuleType, str, str]] = [
    (u005_high_priority_need_unaddressed, "initiatives", "services"),
    (i003_objective_unserved, "initiatives", "services"),
    (x001_no_exemplar, "initiatives", "services"),
    (n003_portfolio_balance, "initiatives", "services"),
    (o001_it_driven, "initiatives", "services"),
    (o001_it_driven, "commitments", "services"),
    (s009_no_services, "services", "initiatives"),
    (c012_commitments_missing, "commitments", "services"),
    (u001_users_missing, "users", "services"),
    (u004_no_specific_needs, "users", "services"),
]

UNREADABLE = "name: [oops\n"
"""Not YAML at all: nothing in it is known."""
OFF_FORMAT = "name: Something\nnot_a_field: 1\n"
"""YAML, but not the format: left out too."""


def _ids(case: tuple[ModuleType, str, str]) -> str:
    return f"{case[0].CODE}-{case[1]}"


def _failing(rule: ModuleType) -> str:
    block = example_block(rule.__doc__ or "", "Failing example")
    assert block
    return block


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_the_failing_example_fails_on_its_own(
    case: tuple[ModuleType, str, str], tmp_path: Path
) -> None:
    rule, _, _ = case
    assert hits(rule, tmp_path, _failing(rule))


@pytest.mark.parametrize("case", CASES, ids=_ids)
@pytest.mark.parametrize("broken", [UNREADABLE, OFF_FORMAT], ids=["unreadable", "off-format"])
def test_held_back_while_a_file_of_its_kind_cannot_be_used(
    case: tuple[ModuleType, str, str], broken: str, tmp_path: Path
) -> None:
    rule, kind, _ = case
    write = {f"{kind}/cannot-be-read.yaml": broken}
    assert hits(rule, tmp_path, _failing(rule), write=write) == []


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_a_broken_file_of_another_kind_does_not_silence_it(
    case: tuple[ModuleType, str, str], tmp_path: Path
) -> None:
    rule, _, other = case
    write = {f"{other}/cannot-be-read.yaml": UNREADABLE}
    assert hits(rule, tmp_path, _failing(rule), write=write)
