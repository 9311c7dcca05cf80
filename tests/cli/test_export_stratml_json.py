"""``digistrat export stratml`` and ``digistrat export json`` as a user runs them: what is
written where, what is refused, and the exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digistrat.cli import app
from digistrat.exchange.jsonexport import export_schema

from helpers import build_tree

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "riverside"


def _run(*args: str) -> tuple[int, str, str]:
    done = CliRunner().invoke(app, list(args))
    return done.exit_code, done.stdout, done.stderr


@pytest.mark.parametrize(
    ("part", "root"),
    [("1", b"<StrategicPlan xmlns="), ("2", b"<PerformancePlanOrReport xmlns=")],
)
def test_stratml_is_written_to_out(tmp_path: Path, part: str, root: bytes) -> None:
    out = tmp_path / "plan.xml"
    code, stdout, _ = _run("export", "stratml", str(EXAMPLE), "--part", part, "--out", str(out))
    assert code == 0
    assert root in out.read_bytes()
    kind = "StrategicPlan" if part == "1" else "PerformancePlanOrReport"
    assert stdout == (
        f"Wrote {out}: StratML Part {part} ({kind}), 18 initiatives and 8 commitments "
        "under 6 goals.\n"
    )


def test_without_out_the_export_goes_to_stdout_alone(tmp_path: Path) -> None:
    code, stdout, stderr = _run("export", "stratml", str(EXAMPLE))
    assert code == 0 and stderr == ""
    assert stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<StrategicPlan')
    code, stdout, _ = _run("export", "json", str(EXAMPLE))
    assert code == 0
    assert json.loads(stdout)["format"] == "digistrat-export"


def test_out_replaces_an_existing_file_only_with_force(tmp_path: Path) -> None:
    out = tmp_path / "strategy.json"
    out.write_text("x" * 1_000_000)
    code, _, stderr = _run("export", "json", str(EXAMPLE), "-o", str(out))
    assert code == 1 and "exists already, so nothing was written" in stderr
    assert "--force" in stderr and out.read_text() == "x" * 1_000_000
    code, _, _ = _run("export", "json", str(EXAMPLE), "-o", str(out), "--force")
    assert code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["strategy.json"]  # no temporary file left


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["json", "--schema", "--out", "strategy.yaml"], "does not end in .json"),
        (["json", "--out", "README.md"], "does not end in .json"),
        (["stratml", "--out", "plan.xlsx"], "does not end in .xml"),
        (["xlsx", "--out", "plan.xml"], "does not end in .xlsx"),
        (["xlsx"], "give the workbook's file name with --out"),
        (["stratml", "--out", "no/such/folder/plan.xml"], "does not exist; create it first"),
    ],
)
def test_every_export_checks_out_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], says: str
) -> None:
    """A slip in --out cannot write over the strategy, a README or another export."""
    root = build_tree(tmp_path / "repo", {"strategy.yaml": "organisation: A\ntitle: B\n"})
    (root / "README.md").write_text("mine")
    monkeypatch.chdir(root)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    code, stdout, stderr = _run("export", *args)
    assert code == 2 and says in stderr and stdout == ""
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_a_forgotten_out_is_explained(tmp_path: Path) -> None:
    code, _, stderr = _run("export", "xlsx", str(tmp_path / "board.xlsx"))
    assert code == 2 and "Write the file with --out" in stderr
    assert not (tmp_path / "board.xlsx").exists()


def test_the_schema_needs_no_repository(tmp_path: Path) -> None:
    out = tmp_path / "export.schema.json"
    code, stdout, _ = _run("export", "json", "--schema", "--out", str(out))
    assert code == 0 and "JSON Schema of export version 1" in stdout
    assert json.loads(out.read_text(encoding="utf-8")) == export_schema()


@pytest.mark.parametrize("part", ["3", "0", "two", ""])
def test_a_part_other_than_1_or_2_is_a_usage_error(part: str) -> None:
    code, stdout, stderr = _run("export", "stratml", str(EXAMPLE), "--part", part)
    assert code == 2 and stdout == ""
    assert "--part takes 1 (a StrategicPlan) or 2 (a PerformancePlanOrReport)" in stderr


def test_out_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    for command in ("stratml", "json"):
        code, _, stderr = _run("export", command, str(EXAMPLE), "--out", str(tmp_path))
        assert code == 2
        assert "is a folder; --out needs a file name" in stderr


def test_a_strategy_that_cannot_be_used_says_where_and_writes_nothing(tmp_path: Path) -> None:
    root = build_tree(tmp_path / "repo", {"strategy.yaml": "organisation: A\n"})
    out = tmp_path / "plan.xml"
    code, stdout, stderr = _run("export", "stratml", str(root), "--out", str(out))
    assert code == 1 and stdout == "" and not out.exists()
    assert "strategy.yaml:1: `title` is required but missing" in stderr
    assert "run `digistrat check`" in stderr


def test_entry_files_left_out_are_named_on_stderr(tmp_path: Path) -> None:
    root = build_tree(
        tmp_path / "repo",
        {
            "strategy.yaml": "organisation: A\ntitle: B\n",
            "initiatives/x.yaml": "name: X\ncategory: nope\n",
        },
    )
    code, stdout, stderr = _run("export", "stratml", str(root))
    assert code == 0 and stdout.startswith("<?xml")
    assert "initiatives/x.yaml, line 2" in stderr


def test_a_missing_repository_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = _run("export", "json", str(tmp_path / "nowhere"))
    assert code == 2 and "does not exist" in stderr
