"""``digistrat score`` as a user runs it: formats parse back, filters, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from scoring_helpers import initiative, make_repo
from test_weighted import PUBLISHED, published_matrix
from typer.testing import CliRunner

from digistrat.cli import app

from helpers import build_tree

PUBLISHED_CRITERIA = ("patient-benefit", "staff-benefit", "financial-benefit")
ENV = {"DIGISTRAT_TODAY": "2026-11-26", "NO_COLOR": "1", "COLUMNS": "240"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["score", *args], env=ENV)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def matrix(tmp_path: Path) -> Path:
    return published_matrix(tmp_path)


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    files = {
        "alpha": initiative(
            "Alpha",
            category="transform",
            type="experiment",
            effort=6,
            scores={"patient-benefit": 9, "staff-benefit": 2, "financial-benefit": 1},
        ),
        "beta": initiative(
            "Beta",
            status="approved",
            effort=2,
            depends_on=["alpha"],
            scores={"patient-benefit": 4, "staff-benefit": 5, "financial-benefit": 5},
        ),
        "gamma": initiative(
            "Gamma",
            category="maintain",
            effort=2,
            scores={"patient-benefit": 2, "staff-benefit": 1, "financial-benefit": 1},
        ),
    }
    make_repo(tmp_path, files, extra="capacity:\n  concurrent_initiatives: 1\n")
    return tmp_path


def test_table_shows_the_matrix_and_reports_out_of_scale_scores(matrix: Path) -> None:
    code, out, _ = run(str(matrix))
    assert code == 1
    assert "Patient benefits (50%, 0–10)" in out
    assert "6! → 30" in out and "7! → 35" in out
    assert "90%" in out and "70%" in out
    assert "initiatives/cardiology.yaml:5:3: D004 [error]" in out
    assert "initiatives/network-infrastructure.yaml:5:3: D004 [error]" in out
    assert "Portfolio mix" in out and "How robust is the ranking?" in out


def test_csv_parses_back(matrix: Path) -> None:
    code, out, err = run(str(matrix), "--format", "csv")
    assert code == 1 and "D004" in err  # problems go to stderr, the CSV stays clean
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["id"]: float(r["total"]) for r in rows} == {
        i: float(p[4]) for i, p in PUBLISHED.items()
    }
    cardiology = next(r for r in rows if r["id"] == "cardiology")
    assert cardiology["staff"] == "6" and cardiology["staff_points"] == "30"
    assert cardiology["rank"] == "1" and cardiology["tied"] == "yes"


def test_json_parses_back(matrix: Path) -> None:
    code, out, _ = run(str(matrix), "-f", "json")
    assert code == 1
    data = json.loads(out)
    assert data["model"] == "weighted" and data["unit"] == "%"
    assert [r["total"] for r in data["rows"]] == [90, 90, 90, 80, 75, 75, 70, 70]
    assert data["rows"][0]["scores"]["staff"] == {
        "score": 6,
        "points": 30,
        "out_of_scale": True,
    }
    assert [(p["code"], p["path"], p["line"]) for p in data["problems"]] == [
        ("D004", "initiatives/cardiology.yaml", 5),
        ("D004", "initiatives/network-infrastructure.yaml", 5),
    ]
    assert data["robustness"]["applicable"] is True
    assert data["portfolio"]["categories"][1] == {
        "group": "improve",
        "count": 8,
        "effort": 0,
        "effort_share": None,
    }


def test_markdown(matrix: Path) -> None:
    code, out, _ = run(str(matrix), "--format", "markdown")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "## Prioritisation: weighted matrix"
    assert lines[2].startswith("| Rank | Initiative | Patient benefits (50%, 0–10) |")
    assert (
        "| 1= | Cardiology | 9 → 45 | 6! → 30 | 3 → 15 | 90% | 1–3 | improve | core | proposed |"
        in out
    )
    assert "Network/ Infrastructure" in out
    assert "### Problems" in out


def test_clean_repository_exits_zero_and_filters(clean: Path) -> None:
    code, out, _ = run(str(clean), "-f", "json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)["rows"]] == ["beta", "alpha", "gamma"]
    code, out, _ = run(str(clean), "-f", "json", "--status", "proposed", "--category", "transform")
    data = json.loads(out)
    assert [(r["id"], r["rank"]) for r in data["rows"]] == [("alpha", 2)]  # rank stays overall
    assert data["portfolio"]["count"] == 1
    code, out, _ = run(str(clean), "-f", "csv", "--status", "approved,proposed")
    assert len(list(csv.DictReader(io.StringIO(out)))) == 3


def test_portfolio_mix_in_the_table(clean: Path) -> None:
    code, out, _ = run(str(clean))
    assert code == 0
    assert (
        "maintain 1 (20% of effort); improve 1 (20% of effort); transform 1 (60% of effort)" in out
    )
    assert "core 2 (40% of effort); experiment 1 (60% of effort)" in out


def test_other_models_from_the_command_line(clean: Path) -> None:
    code, out, _ = run(str(clean), "--model", "value-effort", "-f", "csv")
    assert code == 0
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["beta"]["quadrant"] == "quick-win"
    code, out, _ = run(str(clean), "--model", "rice")
    # missing inputs leave initiatives unranked, a warning (D003), not a failed command
    assert code == 0 and "has no score for `reach`" in out
    assert "are not ranked, because a score is missing" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "finished"], "unknown status `finished`"),
        (["--category", "fix"], "unknown category `fix`"),
        (["--format", "xml"], "unknown format `xml`"),
        (["--band", "90"], "--band is 90; it must be from 0 to 50"),
        (["--model", "moscow"], "`moscow` is not a scoring model"),
    ],
)
def test_usage_errors_exit_2(clean: Path, args: list[str], message: str) -> None:
    code, out, err = run(str(clean), *args)
    assert code == 2
    assert message in err + out


@pytest.mark.parametrize(
    ("scoring", "message"),
    [
        ("scoring:\n  model: weighted\n", "needs criteria"),
        (
            "scoring:\n  criteria:\n    - {id: a, label: A, weight: 1, min: 5, max: 1}\n",
            "maximum must be above the minimum",
        ),
        (
            "scoring:\n  criteria:\n    - {id: a, label: A, weight: 0, max: 5}\n",
            "strategy.yaml could not be read",
        ),
    ],
)
def test_bad_configuration_exits_2_with_the_place(
    tmp_path: Path, scoring: str, message: str
) -> None:
    make_repo(tmp_path, {"x": initiative("X", scores={"a": 1})}, scoring)
    code, out, err = run(str(tmp_path))
    assert code == 2
    assert message in err and "strategy.yaml" in err
    assert "Traceback" not in err + out


def test_explain_prints_every_formula() -> None:
    code, out, _ = run("--explain")
    assert code == 0
    for text in (
        "reach x impact x (confidence / 100) / effort",
        "cost of delay / job size",
        "quick win",
        "sum(w_i x part_i)",
        "plan-duration",
        "Gray-code",
    ):
        assert text in out


def test_plan_in_every_format(clean: Path) -> None:
    code, out, _ = run(str(clean), "--plan")
    assert code == 0
    assert "Quarter by quarter" in out and "Now: this quarter" in out
    assert "Waits for “Alpha”" in out
    code, out, _ = run(str(clean), "--plan", "-f", "json")
    data = json.loads(out)
    assert [i["id"] for i in data["now"]] == ["alpha"]
    assert data["quarters"][0]["label"] == "Oct–Dec 2026"
    code, out, _ = run(str(clean), "--plan", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["id"], r["bucket"], r["first_quarter"]) for r in rows] == [
        ("alpha", "now", "Oct–Dec 2026"),
        ("beta", "next", "Apr–Jun 2027"),  # alpha runs two quarters (the default)
        ("gamma", "later", "Oct–Dec 2027"),
    ]
    code, out, _ = run(str(clean), "--plan", "-f", "markdown")
    assert out.startswith("## Delivery plan")


def test_plan_with_a_loop_exits_1(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "x": initiative("X", depends_on=["y"], scores={"patient-benefit": 1}),
            "y": initiative("Y", depends_on=["x"], scores={"patient-benefit": 1}),
        },
        extra="capacity:\n  concurrent_initiatives: 2\n",
    )
    code, out, _ = run(str(tmp_path), "--plan")
    assert code == 1
    assert "D001 [error] these initiatives wait for each other in a loop: `x` → `y` → `x`" in out


def test_initiative_files_with_errors_are_named(tmp_path: Path) -> None:
    make_repo(tmp_path, {"ok": initiative("OK", scores={"patient-benefit": 1})})
    build_tree(tmp_path, {"initiatives/broken.yaml": "name: Broken\ncategory: sideways\n"})
    code, out, _ = run(str(tmp_path))
    assert code == 1
    assert "initiatives/broken.yaml:2" in out


def test_names_are_shown_as_written_not_taken_for_markup(tmp_path: Path) -> None:
    """rich reads ``[bold]`` and ``[legacy]`` in plain strings as markup: a name holding
    square brackets lost them in the table and the plan."""
    name = '"Replace [legacy] PAS [bold]now"'
    make_repo(
        tmp_path,
        {"pas": initiative(name, scores=dict.fromkeys(PUBLISHED_CRITERIA, 3))},
        extra="capacity:\n  concurrent_initiatives: 1\n",
    )
    code, out, _ = run(str(tmp_path))
    assert code == 0
    assert "Replace [legacy] PAS [bold]now" in out
    code, out, _ = run(str(tmp_path), "--plan")
    assert code == 0
    assert "Replace [legacy] PAS [bold]now (pas)" in out
