"""Extreme values become findings (or a clear refusal), never an internal error, and `check`
gives the same verdict as `score` and `render`. Each case runs the real command."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from digistrat import schema
from digistrat.scaffold import scaffold

from helpers import command_env

INITIATIVE = "initiatives/example-initiative.yaml"
EXTRA_SCORES = (
    "  financial-benefit: 2\n  reach: 1000\n  impact: 3\n  confidence: 100\n"
    "  business-value: 5\n  time-criticality: 5\n  risk-reduction: 5\n"
)


def _run(*args: str, today: str = "2026-11-26") -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "digistrat", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=command_env(NO_COLOR="1", DIGISTRAT_TODAY=today),
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "internal error" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


def _repo(tmp_path: Path, changes: dict[str, tuple[str, str]]) -> Path:
    root = tmp_path / "repo"
    scaffold(root, today=date(2026, 11, 26))
    for rel, (old, new) in changes.items():
        path = root / rel
        text = path.read_text()
        assert re.search(old, text, re.M), (rel, old)
        path.write_text(re.sub(old, new, text, count=1, flags=re.M))
    return root


CASES = {
    "start-year-9999": {INITIATIVE: (r"^start: .*$", "start: 9999-12-01")},
    "review-year-9999": {"strategy.yaml": (r"last_reviewed: .*$", "last_reviewed: 9999-12-31")},
    "huge-score": {INITIATIVE: (r"patient-benefit: \d+", "patient-benefit: 1.0e+306")},
    "huge-volume": {
        "services/example-service.yaml": (r"volume_per_year: \d+", "volume_per_year: 1.0e+308")
    },
    "year-1000": {INITIATIVE: (r"^end: .*$", "end: 1000-01-01")},
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_out_of_range_value_is_a_located_schema_finding(tmp_path: Path, case: str) -> None:
    root = _repo(tmp_path, CASES[case])
    check = _run("check", "--format", "json", str(root))
    assert check.returncode == 1
    found = [f for f in json.loads(check.stdout)["findings"] if f["code"] == "F002"]
    assert len(found) == 1, found
    assert found[0]["line"] and (
        "out of range" in found[0]["message"] or "outside the dates" in found[0]["message"]
    )
    scored = "services/example-service.yaml" not in CASES[case]  # `score` reads the rest
    for args in (["score", str(root)], ["score", "--plan", str(root)]) if scored else ():
        result = _run(*args)
        assert result.returncode in (1, 2)  # an error, as in check (2: strategy.yaml unusable)
        assert "F002" in result.stdout + result.stderr
    out = tmp_path / "site"
    render = _run("render", str(root), "-o", str(out))
    assert render.returncode in (0, 1)
    for svg in out.rglob("*.html"):
        assert 'width="inf"' not in svg.read_text() and "nan" not in svg.read_text().split()


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("1000000000000", True),
        ("1000000000001", False),
        ("-1000000000000", True),
        ("-1.0e+12", True),
        ("-1.1e+12", False),
    ],
)
def test_the_number_limit_at_below_and_above(tmp_path: Path, value: str, ok: bool) -> None:
    root = _repo(
        tmp_path,
        {"services/example-service.yaml": (r"volume_per_year: \d+", f"volume_per_year: {value}")},
    )
    check = _run("check", "--format", "json", str(root))
    codes = [f["code"] for f in json.loads(check.stdout)["findings"]]
    assert ("F002" not in codes) == ok


@pytest.mark.parametrize(
    ("day", "ok"),
    [("1900-01-01", True), ("1899-12-31", False), ("2200-12-31", True), ("2201-01-01", False)],
)
def test_the_date_limits_at_and_beyond(tmp_path: Path, day: str, ok: bool) -> None:
    root = _repo(tmp_path, {"strategy.yaml": (r"last_reviewed: .*$", f"last_reviewed: {day}")})
    check = _run("check", "--format", "json", str(root))
    codes = [f["code"] for f in json.loads(check.stdout)["findings"]]
    assert ("F002" not in codes) == ok
    assert "Z002" not in codes  # no rule stopped with an internal error


@pytest.mark.parametrize("model", ["rice", "wsjf"])
@pytest.mark.parametrize(
    ("effort", "ok"), [("1.0e-308", False), ("0.0009", False), ("0.001", True)]
)
def test_a_tiny_effort_is_a_finding_not_an_overflow(
    tmp_path: Path, model: str, effort: str, ok: bool
) -> None:
    root = _repo(
        tmp_path,
        {INITIATIVE: (r"^effort: .*$", f"effort: {effort}")},
    )
    path = root / INITIATIVE
    path.write_text(re.sub(r"  financial-benefit: \d+\n", EXTRA_SCORES, path.read_text()))
    result = _run("score", "--model", model, "--format", "json", str(root))
    data = json.loads(result.stdout)
    problems = [p for p in data["problems"] if p["code"] == "Q002"]
    assert (not problems) == ok, problems
    if not ok:
        assert "too small to divide by" in problems[0]["message"]


@pytest.mark.parametrize("today", ["9999-10-01", "1899-12-31"])
def test_an_out_of_range_today_is_refused_plainly(tmp_path: Path, today: str) -> None:
    root = _repo(tmp_path, {})
    for args in (["check", str(root)], ["score", "--plan", str(root)]):
        result = _run(*args, today=today)
        assert result.returncode == 2
        assert "outside the dates digistrat accepts" in result.stderr


@pytest.mark.parametrize(("value", "ok"), [("7.5", False), ("7.0", True), ("7", True)])
def test_a_whole_number_option_refuses_a_fraction(tmp_path: Path, value: str, ok: bool) -> None:
    root = _repo(tmp_path, {})
    with (root / "strategy.yaml").open("a") as handle:
        handle.write(
            f"check:\n  options:\n    max-commitments: {value}\n    behind-tolerance: 7.5\n"
        )
    result = _run("check", str(root))
    assert ("should be a whole number" in result.stderr) != ok, result.stderr
    assert (result.returncode == 2) != ok


def test_an_id_with_a_trailing_line_break_is_refused(tmp_path: Path) -> None:
    root = _repo(tmp_path, {})
    result = _run("new", "initiative", "abc\n", str(root))
    assert result.returncode == 2
    assert "not a usable id" in result.stderr
    assert not list((root / "initiatives").glob("abc*"))


@pytest.mark.parametrize("name", ["", "   "])
def test_init_refuses_an_empty_organisation(tmp_path: Path, name: str) -> None:
    result = _run("init", str(tmp_path / "new"), "--organisation", name)
    assert result.returncode == 2
    assert "--organisation is empty" in result.stderr
    assert not (tmp_path / "new" / "strategy.yaml").exists()


def test_the_json_schema_states_the_limits() -> None:
    text = schema.dumps(schema.schema_for("initiatives"))
    assert '"formatMaximum": "2200-12-31"' in text
    # what standard validators check (formatMaximum is not in Draft 2020-12)
    assert '"pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"' in text
    assert '"maximum": 1000000000000.0' in text
