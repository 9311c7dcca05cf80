"""`digistrat export xlsx` as a user runs it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from digistrat.cli import app
from exchange_helpers import calderdale

ENV = {"DIGISTRAT_TODAY": "2026-06-01", "NO_COLOR": "1", "COLUMNS": "200"}


def test_export_writes_the_workbook_and_refuses_to_overwrite(tmp_path: Path) -> None:
    root = calderdale(tmp_path / "repo")
    out = tmp_path / "matrix.xlsx"
    result = CliRunner().invoke(app, ["export", "xlsx", str(root), "--out", str(out)], env=ENV)
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.stdout and out.exists()
    assert openpyxl.load_workbook(out)["Matrix"]["C2"].value == "Cardiology"
    again = CliRunner().invoke(app, ["export", "xlsx", str(root), "-o", str(out)], env=ENV)
    assert again.exit_code == 1
    assert "exists already" in again.stderr and "--force" in again.stderr
    forced = CliRunner().invoke(
        app, ["export", "xlsx", str(root), "-o", str(out), "--force"], env=ENV
    )
    assert forced.exit_code == 0


def test_export_asks_for_an_xlsx_name(tmp_path: Path) -> None:
    root = calderdale(tmp_path / "repo")
    result = CliRunner().invoke(
        app, ["export", "xlsx", str(root), "-o", str(tmp_path / "m.csv")], env=ENV
    )
    assert result.exit_code == 2
    assert "does not end in .xlsx" in result.stderr
    assert not (tmp_path / "m.csv").exists()
