"""Report paths are relative to the top of the git repository (or ``--relative-to DIR``), in
every format, so a strategy kept in a subfolder is annotated on the right files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digistrat.cli import app
from digistrat.report import FORMATS
from digistrat.report.paths import git_top, rebase
from digistrat.rules.examples import EXAMPLE_TODAY, materialise
from git_helpers import GitRepo

BROKEN = "# strategy.yaml\nprinciples: []\n"
"""The baseline with one error: P001 on strategy.yaml, line 2 or so."""


def check(*args: str) -> str:
    env = {"DIGISTRAT_TODAY": EXAMPLE_TODAY.isoformat()}
    done = CliRunner().invoke(app, ["check", *args], env=env)
    assert done.exit_code == 1, done.output
    return done.output


def paths(fmt: str, output: str) -> list[str]:
    """The file paths each format reports, read the way its consumer reads them."""
    if fmt == "json":
        return [f["path"] for f in json.loads(output)["findings"]]
    if fmt == "sarif":
        results = json.loads(output)["runs"][0]["results"]
        return [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    if fmt == "gitlab":
        return [i["location"]["path"] for i in json.loads(output)]
    if fmt == "github":
        return [line.split("file=", 1)[1].split(",", 1)[0] for line in output.splitlines()]
    if fmt == "junit":
        return [
            line.split('file="', 1)[1].split('"', 1)[0]
            for line in output.splitlines()
            if "<testsuite " in line
        ]
    if fmt == "concise":
        return [line.split(":", 1)[0] for line in output.splitlines()]
    assert fmt == "human"
    return [line for line in output.splitlines() if line.endswith(".yaml")]


@pytest.fixture
def nested(tmp_path: Path) -> Path:
    """A git repository whose strategy sits in ``plans/digital``."""
    GitRepo(tmp_path / "top")
    return materialise(tmp_path / "top" / "plans" / "digital", BROKEN)


@pytest.mark.parametrize("fmt", FORMATS)
def test_paths_from_the_top_of_the_git_repository(nested: Path, fmt: str) -> None:
    assert paths(fmt, check(str(nested), "-f", fmt)) == ["plans/digital/strategy.yaml"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_relative_to_another_folder(nested: Path, fmt: str) -> None:
    got = paths(fmt, check(str(nested), "-f", fmt, "--relative-to", str(nested.parent)))
    assert got == ["digital/strategy.yaml"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_outside_git_paths_stay_relative_to_the_strategy(tmp_path: Path, fmt: str) -> None:
    root = materialise(tmp_path / "plain", BROKEN)
    assert git_top(root) is None
    assert paths(fmt, check(str(root), "-f", fmt)) == ["strategy.yaml"]


def test_human_format_still_shows_the_offending_line(nested: Path) -> None:
    output = check(str(nested))
    assert "plans/digital/strategy.yaml" in output
    assert "principles: []" in output


def test_relative_to_must_be_a_folder(nested: Path) -> None:
    done = CliRunner().invoke(app, ["check", str(nested), "--relative-to", str(nested / "nope")])
    assert done.exit_code == 2
    assert "not a folder" in done.output


def test_rebase_leaves_the_core_result_alone(nested: Path) -> None:
    from digistrat.checker import run
    from digistrat.loader import load
    from digistrat.rules.examples import EXAMPLE_TODAY

    result = run(load(nested), EXAMPLE_TODAY)
    moved = rebase(result)
    assert [f.path for f in result.findings] == ["strategy.yaml"]
    assert [f.path for f in moved.findings] == ["plans/digital/strategy.yaml"]
    assert moved.line_text("plans/digital/strategy.yaml", 1) == result.line_text("strategy.yaml", 1)
