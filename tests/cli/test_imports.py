"""`digistrat import` as a user runs it: messages, exit codes, dry run."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from digistrat.cli import app
from exchange_helpers import empty_repo, guide_matrix

ENV = {"DIGISTRAT_TODAY": "2026-06-01", "NO_COLOR": "1", "COLUMNS": "200"}


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["import", *args], env=ENV)
    return result.exit_code, result.stdout, result.stderr


def test_import_of_the_guide_matrix(tmp_path: Path) -> None:
    book = guide_matrix(tmp_path / "guide.xlsx")
    root = empty_repo(tmp_path / "repo")
    code, out, err = invoke(str(book), str(root), "--dry-run")
    assert code == 0, err
    assert "Would add 3 scoring criteria to strategy.yaml" in out
    assert "Would create initiatives/wi-fi.yaml  (Wi-Fi, from Prioritisation!A8)" in out
    assert "The first, initiatives/voice-recognition.yaml, would read:" in out
    assert "taken as scored from 0 to 5" in err
    assert not (root / "initiatives").exists() or not any((root / "initiatives").iterdir())
    code, out, err = invoke(str(book), str(root))
    assert code == 0, err
    assert "Created 8 entries." in out
    assert (root / "initiatives" / "wi-fi.yaml").exists()


def test_a_refused_row_exits_1_and_names_its_cell(tmp_path: Path) -> None:
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("Name,Category\nGood,improve\nBad,sideways\n")
    root = empty_repo(tmp_path / "repo", scoring=True)
    code, out, err = invoke(str(csv_file), str(root), "--kind", "initiative")
    assert code == 1
    assert "list!B3: refused: `sideways` is not a category" in err
    assert "hint: Use one of: maintain, improve, transform." in err
    assert "Created 1 entry; refused: 1 row, listed above." in out


def test_column_option_maps_a_header(tmp_path: Path) -> None:
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("Thing,Colour\nGood,red\n")
    root = empty_repo(tmp_path / "repo", scoring=True)
    code, out, err = invoke(
        str(csv_file), str(root), "--column", "Thing=name", "--column", "Colour=ignore"
    )
    assert (code, err) == (0, "")
    assert "Created initiatives/good.yaml" in out
    code, _, err = invoke(str(csv_file), str(root), "--column", "Thing")
    assert code == 2 and 'should be like --column "Case study=name"' in err


def test_an_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    code, _, err = invoke(str(bad), str(empty_repo(tmp_path / "repo")))
    assert code == 1
    assert "could not be read as an Excel workbook" in err
    assert "Traceback" not in err


def test_a_row_refused_for_several_reasons_is_told_and_counted_once(tmp_path: Path) -> None:
    csv_file = tmp_path / "list.csv"
    csv_file.write_text(
        "ID,Name,Category,Effort,Start\n"
        "DS01,Good,improve,3,2027-01-01\n"
        "DS05,Bad,sideways,lots,soon\n"
        "DS06,Also bad,improve,many,2027-01-01\n"
    )
    root = empty_repo(tmp_path / "repo", scoring=True)
    code, out, err = invoke(str(csv_file), str(root), "--kind", "initiative")
    assert code == 1
    assert "list!C3: refused: row 3 was not imported, because:" in err
    assert "    list!D3: `lots` under `Effort` is not a number" in err
    assert "    list!E3: `soon` under `Start` is not a date" in err
    assert "list!D4: refused: `many` under `Effort` is not a number" in err
    assert err.count("refused:") == 2
    # the id note is for the row imported, not for the refused ones
    assert "list!A2: note: the id `DS01` was written as `ds01`" in err
    assert "`DS05`" not in err and "`DS06`" not in err
    assert "Created 1 entry; refused: 2 rows, listed above." in out


def test_rows_and_columns_are_counted_apart(tmp_path: Path) -> None:
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("Name,Category\nGood,improve\n")
    root = empty_repo(tmp_path / "repo", scoring=True)
    code, out, err = invoke(str(csv_file), str(root), "--column", "Category=categry")
    assert code == 1
    assert "did you mean `category`?" in err
    assert "Would" not in out and "refused: 1 column, listed above." in out


def test_file_mistakes_are_told_plainly(tmp_path: Path) -> None:
    root = str(empty_repo(tmp_path / "repo", scoring=True))
    code, _, err = invoke(str(tmp_path / "missing.xlsx"), root)
    assert code == 2 and "missing.xlsx does not exist" in err
    notes = tmp_path / "notes.txt"
    notes.write_text("Name,Category\nGood,improve\n")
    code, out, err = invoke(str(notes), root)
    assert code == 1 and "notes.txt is not an .xlsx or .csv file" in err
    assert "Created" not in out
    sheet = tmp_path / "list.csv"
    sheet.write_text("Name\nGood\n")
    code, _, err = invoke(str(sheet), root, "--map", str(tmp_path / "nomap.yaml"))
    assert code == 2 and "the mapping file" in err and "does not exist" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("columns:\n  Project: name\n  Lead: [owner\n")
    code, _, err = invoke(str(sheet), root, "--map", str(bad))
    assert code == 1
    assert "bad.yaml:" in err and "the mapping file (--map) is not valid YAML" in err
    assert "Project Lead: owner" in err  # what a mapping looks like
    assert "Traceback" not in err


def test_criteria_replace_in_a_fresh_init_repository(tmp_path: Path) -> None:
    from digistrat.scaffold import scaffold

    sheet = tmp_path / "matrix.csv"
    sheet.write_text(
        "Initiative,Clinical Safety (40%),Score,Cost Saving (60%),Score\n"
        "Ward e-obs,Less harm,8,Some,4\n"
    )
    root = tmp_path / "repo"
    scaffold(root)
    code, out, err = invoke(str(sheet), str(root))
    assert code == 1
    assert "matrix!C1: refused: the sheet scores against 2 criteria" in err
    assert "describes the criterion in words" not in err  # nothing was imported anyway
    assert "refused: 1 column, listed above." in out
    code, out, err = invoke(str(sheet), str(root), "--criteria", "replace")
    assert code == 0, err
    assert "Replaced strategy.yaml's scoring criteria with Clinical Safety (weight 40" in out
    assert "Created initiatives/ward-e-obs.yaml" in out
    code, _, err = invoke(str(sheet), str(root), "--criteria", "swap")
    assert code == 2 and "--criteria replace" in err
