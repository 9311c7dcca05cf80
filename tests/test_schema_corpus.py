"""The JSON Schema and the loader reach the same verdict on every value of one corpus.

The schema side reads the YAML as check-jsonschema does (ruamel.yaml's YAML 1.2 reader, dates
kept as text, keys made text) and validates with jsonschema's Draft 2020-12 validator, formats
checked; the loader side is ``digistrat.loader.load`` on a repository holding the file.
"""

from __future__ import annotations

import math
from pathlib import Path

import jsonschema
import pytest

from digistrat import findings as F
from digistrat.loader import load
from digistrat.schema import schema_for
from schema_corpus import BASE, CASES, KNOWN_DIFFERENCES, Case

from helpers import build_tree, json_view

_FILE_PROBLEMS = {F.SCHEMA[0], F.NOT_A_MAPPING[0]}
"""What the loader says about a file's values (references to other files are a later step)."""


def file_text(case: Case) -> str:
    """The case's file: its fragment, with the keys of ``BASE`` it does not replace."""
    if case.whole:
        return case.fragment
    replaced = {line.split(":", 1)[0] for line in case.fragment.splitlines() if line[:1].isalnum()}
    kept = [line for line in BASE[case.kind].splitlines() if line.split(":", 1)[0] not in replaced]
    return "\n".join(kept) + "\n" + case.fragment.rstrip("\n") + "\n"


def schema_verdict(case: Case) -> tuple[bool, str]:
    validator = jsonschema.Draft202012Validator(
        schema_for(case.kind), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    error = jsonschema.exceptions.best_match(validator.iter_errors(json_view(file_text(case))))
    return error is None, "" if error is None else error.message


def loader_verdict(case: Case, tmp_path: Path) -> tuple[bool, list[F.Finding]]:
    rel = "strategy.yaml" if case.kind == "strategy" else f"{case.kind}/case.yaml"
    files = {"strategy.yaml": BASE["strategy"], rel: file_text(case)}
    build_tree(tmp_path, files)
    (tmp_path / rel).write_text(file_text(case), encoding="utf-8")  # not dedented
    found = [f for f in load(tmp_path).findings if f.path == rel]
    assert not [
        f
        for f in found
        if f.code not in _FILE_PROBLEMS
        and f.code[0] == "F"
        and f.code not in {F.UNKNOWN_REFERENCE[0]}
    ], found  # the YAML itself reads
    problems = [f for f in found if f.code in _FILE_PROBLEMS]
    return not problems, problems


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_schema_and_loader_agree(case: Case, tmp_path: Path) -> None:
    schema_ok, schema_says = schema_verdict(case)
    loader_ok, problems = loader_verdict(case, tmp_path)
    assert (schema_ok, loader_ok) == (case.valid, case.valid), (schema_says, problems)
    for problem in problems:  # plain English with a hint, never pydantic's own words
        assert problem.hint, problem
        assert "Input should" not in problem.message, problem
        assert problem.line is not None or case.whole, problem


@pytest.mark.parametrize(
    ("case", "why"), KNOWN_DIFFERENCES, ids=[c.name for c, _ in KNOWN_DIFFERENCES]
)
def test_the_known_differences_are_still_the_only_ones(
    case: Case, why: str, tmp_path: Path
) -> None:
    assert why
    loader_ok, _ = loader_verdict(case, tmp_path)
    schema_ok, _ = schema_verdict(case)
    assert loader_ok == case.valid
    assert schema_ok != loader_ok, f"no longer a difference: move {case} into CASES"


def test_the_corpus_covers_every_kind_and_both_verdicts() -> None:
    for kind in BASE:
        verdicts = {case.valid for case in CASES if case.kind == kind}
        assert verdicts == {True, False}, kind
    names = [case.name for case in CASES]
    assert len(names) == len(set(names)), "two cases with the same name"


def test_the_check_jsonschema_view_reads_yaml_1_2() -> None:
    # the schema side must not be more lenient than check-jsonschema: yes is a word there
    assert json_view("a: yes\nb: 2027-03-31\n1: x\n") == {"a": "yes", "b": "2027-03-31", "1": "x"}
    assert math.isnan(json_view("a: .nan\n")["a"])
