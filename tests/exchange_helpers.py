"""Shared by the exchange tests: the guide's Calderdale matrix, and a formula evaluator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from calderdale import CRITERIA, PUBLISHED, calderdale  # noqa: F401 - used by the exchange tests


def evaluate(path: Path) -> dict[tuple[str, str], Any]:
    """Every cell of the workbook at ``path`` as a spreadsheet computes it:
    (sheet title, cell like ``O2``) → value ("" for an empty result)."""
    import formulas

    model = formulas.ExcelModel().loads(str(path)).finish()
    out: dict[tuple[str, str], Any] = {}
    for key, ranges in model.calculate().items():
        ref = str(key)
        if ":" in ref or "!" not in ref:
            continue
        sheet, cell = ref.rsplit("!", 1)
        sheet = sheet.strip("'").split("]", 1)[-1]
        value = ranges.value[0][0]
        out[(sheet.upper(), cell.upper())] = "" if str(value) == "empty" else value
    return out


def empty_repo(root: Path, scoring: bool = False) -> Path:
    """A repository as `digistrat init` writes it, without its example entries and (unless
    ``scoring``) without the example scoring criteria: an empty strategy to import into."""
    from datetime import date

    from digistrat.scaffold import plan

    files: dict[str, str | bytes] = {}
    for rel, text in plan("Import Test Trust", date(2026, 6, 1)).items():
        if "/example-" in rel:
            continue
        if rel == "strategy.yaml" and not scoring:
            text = text[: text.index("\n# How initiatives are prioritised")] + "\n"
        files[rel] = text
    root.mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text if isinstance(text, str) else text.decode(), encoding="utf-8")
    return root


def guide_matrix(path: Path, *, fractions: bool = True) -> Path:
    """The guide's Calderdale matrix as a trust might keep it: a merged title row, a note, a
    blank line, a benefit description before each "Score" column, scores as numbers, text
    and "8/10", totals as "70%" or 0.7, and a blank row in the middle."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Prioritisation"
    ws["A1"] = "Investment Digital Aspirant Prioritisation"
    ws.merge_cells("A1:I1")
    ws["A2"] = "Scan4Safety the allocation of funding has been provisioned"
    ws.append([])
    ws.append(
        [
            "Case Study",
            "Description",
            "Patient Benefits (50%)",
            "Score",
            "Staff Benefit (25%)",
            "Score",
            "Financial Benefit (25%)",
            "Score",
            "Total",
        ]
    )
    for i, (name, patient, staff, financial, total) in enumerate(PUBLISHED.values()):
        ws.append(
            [
                name,
                f"What {name} is",
                "What patients gain",
                f"{patient}/10" if fractions and i % 2 else patient,
                "What staff gain",
                str(staff),
                "What it saves",
                financial,
                f"{total}%" if i % 3 else total / 100,
            ]
        )
        if i == 3:
            ws.append([None] * 9)
    wb.save(path)
    return path
