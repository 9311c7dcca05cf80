"""Control characters from the strategy never reach a terminal or a CI log raw: not through
``score`` (rich tables), GitHub annotations or the concise format, where a file name with a
line break must not forge a finding line."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from digistrat.checker import CheckResult
from digistrat.cli import app
from digistrat.findings import Finding
from digistrat.report import render
from digistrat.rules.examples import materialise

ESC = "\x1b]0;owned\x07\x1b[2J\x1b[31m"
FORGED = "strategy.yaml\nstrategy.yaml:1:1: M001 [error] forged"


def _result(tmp_path: Path, path: str, message: str) -> CheckResult:
    finding = Finding("T001", "vague-wording", "warning", path, 1, 1, message, "Fix it.")
    return CheckResult(root=tmp_path, findings=[finding], files_checked=1)


def test_concise_file_name_cannot_forge_a_line(tmp_path: Path) -> None:
    text = render("concise", _result(tmp_path, FORGED, "vague"))
    assert text.count("\n") == 1
    assert not any(line.startswith("strategy.yaml:1:1: M001") for line in text.splitlines())
    assert "\ufffd" in text


def test_concise_has_no_control_characters(tmp_path: Path) -> None:
    text = render("concise", _result(tmp_path, f"a{ESC}.yaml", f"bad {ESC} text\r\nmore"))
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f]", text)


def test_github_annotation_has_no_control_characters(tmp_path: Path) -> None:
    text = render("github", _result(tmp_path, f"a{ESC}\n.yaml", f"bad {ESC} text\r\nmore"))
    assert text.count("\n") == 1 and text.startswith("::warning file=a")
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f]", text)
    assert "%0D%0Amore" in text


def test_score_shows_control_characters_as_replacement(tmp_path: Path) -> None:
    name = json.dumps(f"Online {ESC}booking\rX")
    root = materialise(tmp_path, f"# initiatives/online-booking.yaml\nname: {name}\n")
    done = CliRunner().invoke(app, ["score", str(root)], env={"COLUMNS": "200"})
    assert done.exit_code == 0, done.output
    assert "Online" in done.stdout and "booking" in done.stdout
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f]", done.stdout)
    plan = CliRunner().invoke(app, ["score", str(root), "--plan"], env={"COLUMNS": "200"})
    assert plan.exit_code == 0, plan.output
    assert "booking" in plan.stdout
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f]", plan.stdout)
