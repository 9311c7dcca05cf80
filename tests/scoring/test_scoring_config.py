"""Scoring configuration that cannot be used is reported with its place, never raised."""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring_helpers import initiative, make_repo

from digistrat.scoring import score

X = {"x": initiative("X", scores={"a": 1})}


def test_no_criteria(tmp_path: Path) -> None:
    ranking = score(make_repo(tmp_path, X, "scoring:\n  model: weighted\n"))
    [error] = ranking.errors
    assert ranking.rows == []
    assert error.code == "Q001" and error.path == "strategy.yaml" and error.line == 3
    assert "needs criteria" in error.message


def test_no_scoring_section_at_all(tmp_path: Path) -> None:
    ranking = score(make_repo(tmp_path, X, ""))
    assert ranking.errors and "has no `scoring:` block" in ranking.errors[0].message
    assert "scoring: criteria:" in ranking.errors[0].hint


def test_min_not_below_max(tmp_path: Path) -> None:
    scoring = """\
scoring:
  criteria:
    - id: a
      label: A
      weight: 1
      min: 5
      max: 5
"""
    [error] = score(make_repo(tmp_path, X, scoring)).errors
    assert error.line == 9 and "maximum must be above the minimum" in error.message


def test_zero_weight_is_a_schema_error_so_scoring_cannot_run(tmp_path: Path) -> None:
    scoring = "scoring:\n  criteria:\n    - {id: a, label: A, weight: 0, max: 5}\n"
    repo = make_repo(tmp_path, X, scoring)
    assert repo.strategy is None
    assert any("weight" in f.message or "greater than 0" in f.message for f in repo.findings)
    [error] = score(repo).errors
    assert "strategy.yaml could not be read" in error.message


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("bandd: 5", "Did you mean `band`?"),
        ("band: wide", "must be a number"),
        ("band: 80", "must be from 0 to 50"),
        ("top: 2.5", "must be a whole number"),
    ],
)
def test_bad_options(tmp_path: Path, options: str, message: str) -> None:
    scoring = (
        "scoring:\n  criteria:\n    - {id: a, label: A, weight: 1, max: 5}\n"
        f"  options:\n    {options}\n"
    )
    [error] = score(make_repo(tmp_path, X, scoring)).errors
    assert message in error.message + " " + error.hint
    assert error.line == 7


def test_unknown_model_on_the_command_line(tmp_path: Path) -> None:
    [error] = score(make_repo(tmp_path, X), model="moscow").errors
    assert "`moscow` is not a scoring model" in error.message


def test_rice_needs_no_criteria(tmp_path: Path) -> None:
    ranking = score(make_repo(tmp_path, X, "scoring:\n  model: rice\n"))
    assert ranking.errors == [] and ranking.rows[0].missing == (
        "reach",
        "impact",
        "confidence",
        "effort",
    )
