"""``digistrat export xlsx``: one workbook a board secretary can use.

Sheets: a short read-me, the prioritisation matrix, its criteria (weights and scales in cells),
the commitments tracker, the services register, the risks and the plan by quarter. The matrix
stays live: each criterion's points and the total are formulas over the weight and scale cells
of the Criteria sheet, so changing a weight in Excel re-ranks. The formulas are those of the
weighted model (:mod:`digistrat.scoring.weighted`); the total is rounded to 6 decimal places,
as ``digistrat score --format csv`` and ``--format json`` print it.

Every cell taken from user text goes through :mod:`digistrat.exchange.cells` and is written as
a string, so it never becomes a formula. Built with openpyxl, which also reads workbooks for
``digistrat import``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from digistrat import atomic
from digistrat.exchange.cells import safe
from digistrat.loader import Repository
from digistrat.models import Commitment, Initiative, Service
from digistrat.models.strategy import Criterion, Risk
from digistrat.scoring import plan, score
from digistrat.scoring.config import read

MATRIX = "Matrix"
CRITERIA = "Criteria"
COMMITMENTS = "Commitments"
SERVICES = "Services"
RISKS = "Risks"
PLAN = "Plan"
README = "Read me"

DATE = "d mmmm yyyy"
"""Dates as people write them: 31 March 2027."""
POUNDS = '"£"#,##0.00'
"""Money with pence, for small amounts like a cost per use (£0.70)."""
WHOLE_POUNDS = '"£"#,##0'
"""Budgets and costs, in whole pounds (£350,000, not £350,000.00)."""
PERCENT = '0.0"%"'
"""A number that is already a percentage (70 means 70%), shown with a % sign."""
POINTS = "0.0"
MAX_WIDTH = 60
HEADER_LIMIT = 200
"""Excel refuses a table whose column name is longer than 255 characters (a label may be 300);
room is left for " points" and a number."""
LONG = 40
"""Columns wider than this wrap their text."""

HEADER_FONT = Font(bold=True)
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
"""Cells a user is invited to change (weights and scales)."""


UNREADABLE = (
    "strategy.yaml could not be read, so the Matrix has no totals and the Risks sheet is "
    "empty: run `digistrat check` and fix the errors it lists, then export again."
)


class ExportProblem(Exception):
    """The workbook cannot be written where asked (exists already, a folder, no permission)."""


@dataclass
class _Column:
    header: str
    width_hint: int = 0
    number_format: str | None = None
    choices: Sequence[str] = ()
    """A data validation list for the column."""


@dataclass
class _Sheet:
    title: str
    table: str
    columns: list[_Column]
    rows: list[list[Any]] = field(default_factory=list)
    freeze: str = "B2"
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    """(index in ``rows``, column index) → a number format for that one cell."""


def _choices(model: type[Any], name: str) -> tuple[str, ...]:
    """The allowed values of a ``Literal`` field of ``model`` (for data validation lists)."""
    annotation = model.model_fields[name].annotation
    if get_origin(annotation) is Literal:
        return tuple(a for a in get_args(annotation) if isinstance(a, str))
    options: list[str] = []
    for arg in get_args(annotation):  # Literal[...] | None
        if get_origin(arg) is Literal:
            options += [a for a in get_args(arg) if isinstance(a, str)]
    return tuple(options)


def _owner(item: Initiative | Commitment | Service | Risk) -> str | None:
    owner = item.owner
    if owner is None:
        return None
    return f"{owner.name} ({owner.role})" if owner.role else owner.name


def _function(item: Initiative | Commitment | Service) -> str | None:
    return item.owner.function if item.owner else None


FUNCTIONS = ("clinical", "operational", "digital", "corporate")


def unique_headers(labels: Sequence[str], reserved: Sequence[str]) -> list[str]:
    """``labels`` made unique (case-insensitively, as Excel tables need) against each other and
    ``reserved``, by adding a number: "Cost" twice gives "Cost" and "Cost 2"."""
    seen = {r.casefold() for r in reserved}
    out = []
    for label in labels:
        text = " ".join(str(label).split())[:HEADER_LIMIT].rstrip() or "Criterion"
        candidate, n = text, 1
        while candidate.casefold() in seen:
            n += 1
            candidate = f"{text} {n}"
        seen.add(candidate.casefold())
        out.append(candidate)
    return out


MATRIX_FIXED = [
    "Rank",
    "ID",
    "Initiative",
    "Category",
    "Type",
    "Status",
    "Owner",
    "Function",
    "Effort",
    "Cost",
]


def matrix_headers(criteria: Sequence[Criterion]) -> tuple[list[str], list[str]]:
    """The header of each criterion's score column and of its points column."""
    labels = unique_headers([c.label for c in criteria], [*MATRIX_FIXED, "Total"])
    points = unique_headers(
        [f"{label} points" for label in labels], [*MATRIX_FIXED, "Total", *labels]
    )
    return labels, points


def _criteria_sheet(criteria: Sequence[Criterion]) -> _Sheet:
    sheet = _Sheet(
        CRITERIA,
        "Criteria",
        [
            _Column("ID"),
            _Column("Criterion"),
            _Column("Weight", 8),
            _Column("Min", 6),
            _Column("Max", 6),
            _Column("Direction", 18, choices=("higher-is-better", "lower-is-better")),
        ],
    )
    for c in criteria:
        sheet.rows.append([c.id, c.label, c.weight, c.min, c.max, c.direction])
    return sheet


def _matrix_sheet(repo: Repository, criteria: Sequence[Criterion]) -> _Sheet:
    labels, points = matrix_headers(criteria)
    columns = [
        _Column("Rank", 6),
        _Column("ID"),
        _Column("Initiative"),
        _Column("Category", choices=_choices(Initiative, "category")),
        _Column("Type", choices=_choices(Initiative, "type")),
        _Column("Status", 12, choices=_choices(Initiative, "status")),
        _Column("Owner"),
        _Column("Function", 12, choices=FUNCTIONS),
        _Column("Effort", 8),
        _Column("Cost", 12, WHOLE_POUNDS),
    ]
    for label, pts in zip(labels, points, strict=True):
        columns += [_Column(label, 8), _Column(pts, 8, POINTS)]
    columns.append(_Column("Total", 8, PERCENT))
    sheet = _Sheet(MATRIX, "Matrix", columns, freeze="D2")
    ranking = score(repo, "weighted") if criteria else None
    order = [r.id for r in ranking.rows] if ranking and ranking.rows else sorted(repo.initiatives)
    n = len(order)
    first, last = 2, n + 1
    total_col = get_column_letter(len(columns))
    score_cols = [get_column_letter(len(MATRIX_FIXED) + 1 + 2 * i) for i in range(len(criteria))]
    weights = f"{quote_sheetname(CRITERIA)}!$C$2:$C${len(criteria) + 1}"
    for row_no, ident in enumerate(order, first):
        ini = repo.initiatives[ident]
        totals = f"${total_col}${first}:${total_col}${last}"
        here = f"{total_col}{row_no}"
        line: list[Any] = [
            _Formula(
                f"=IF(ISNUMBER({here}),RANK({here},{totals})"
                f'+COUNTIF(${total_col}${first}:{here},{here})-1,"")'
            ),
            ident,
            ini.name,
            ini.category,
            ini.type,
            ini.status,
            _owner(ini),
            _function(ini),
            ini.effort,
            ini.cost,
        ]
        for i, c in enumerate(criteria):
            line += [ini.scores.get(c.id), _points_formula(i, f"{score_cols[i]}{row_no}", weights)]
        if criteria:
            cells = ",".join(f"{col}{row_no}" for col in score_cols)
            added = "+".join(
                f"{get_column_letter(len(MATRIX_FIXED) + 2 + 2 * i)}{row_no}"
                for i in range(len(criteria))
            )
            line.append(_Formula(f'=IF(COUNT({cells})={len(criteria)},ROUND({added},6),"")'))
        else:
            line.append(None)
        sheet.rows.append(line)
    return sheet


def _points_formula(index: int, cell: str, weights: str) -> str:
    """Points of one criterion (as :func:`digistrat.scoring.weighted.part`, times 100 and the
    normalised weight); empty when the score is missing."""
    r = index + 2
    crit = quote_sheetname(CRITERIA)
    weight, low, high, way = (f"{crit}!${col}${r}" for col in "CDEF")
    share = f'IF({way}="lower-is-better",{high}-{cell},{cell}-{low})/({high}-{low})'
    return _Formula(f'=IF(ISNUMBER({cell}),100*{weight}/SUM({weights})*{share},"")')


def _latest(c: Commitment) -> tuple[str | None, float | None, date | None]:
    if not c.progress:
        return None, None, None
    p = max(c.progress, key=lambda p: p.date)
    return p.note, p.value, p.date


def _commitments_sheet(repo: Repository) -> _Sheet:
    sheet = _Sheet(
        COMMITMENTS,
        "Commitments",
        [
            _Column("ID"),
            _Column("Commitment"),
            _Column("Owner"),
            _Column("Function", 12, choices=FUNCTIONS),
            _Column("Measure"),
            _Column("Unit", 8),
            _Column("Baseline", 10),
            _Column("Target", 10),
            _Column("Latest progress"),
            _Column("Latest value", 12),
            _Column("Latest update", 16, DATE),
            _Column("Due", 16, DATE),
            _Column("Status", 12, choices=_choices(Commitment, "status")),
            _Column("Initiatives"),
        ],
    )
    for ident, c in sorted(repo.commitments.items()):
        m = c.measure
        note, value, when = _latest(c)
        sheet.rows.append(
            [
                ident,
                c.statement,
                _owner(c),
                _function(c),
                m.metric if m else None,
                m.unit if m else None,
                m.baseline if m else None,
                m.target if m else None,
                note,
                value,
                when,
                c.due,
                c.status,
                ", ".join(c.initiatives) or None,
            ]
        )
        if m and m.unit == "%":  # baseline, target and latest value are percentages
            for col in (6, 7, 9):
                sheet.formats[(len(sheet.rows) - 1, col)] = PERCENT
    return sheet


def _services_sheet(repo: Repository) -> _Sheet:
    sheet = _Sheet(
        SERVICES,
        "Services",
        [
            _Column("ID"),
            _Column("Service"),
            _Column("Kind", 12, choices=_choices(Service, "kind")),
            _Column("Phase", 10, choices=_choices(Service, "phase")),
            _Column("Status", 10, choices=_choices(Service, "status")),
            _Column("Owner"),
            _Column("Function", 12, choices=FUNCTIONS),
            _Column("Uses per year", 14, "#,##0"),
            _Column("Cost per use", 12, POUNDS),
            _Column("Digital take-up", 14, PERCENT),
            _Column("User satisfaction", 16, PERCENT),
            _Column("Completion rate", 14, PERCENT),
            _Column("Measured on", 16, DATE),
            _Column("Opportunity", 12, choices=("high", "medium", "low")),
            _Column("Switch-off", 16, DATE),
        ],
    )
    for ident, service in sorted(repo.services.items()):
        m = service.measures
        sheet.rows.append(
            [
                ident,
                service.name,
                service.kind,
                service.phase,
                service.status,
                _owner(service),
                _function(service),
                m.volume_per_year if m else None,
                m.cost_per_use if m else None,
                m.digital_take_up if m else None,
                m.user_satisfaction if m else None,
                m.completion_rate if m else None,
                m.measured_on if m else None,
                service.opportunity.level if service.opportunity else None,
                service.switch_off,
            ]
        )
    return sheet


def _risks_sheet(repo: Repository) -> _Sheet:
    levels = ("low", "medium", "high")
    sheet = _Sheet(
        RISKS,
        "Risks",
        [
            _Column("Risk"),
            _Column("Kind", 14, choices=_choices(Risk, "kind")),
            _Column("Likelihood", 10, choices=levels),
            _Column("Impact", 10, choices=levels),
            _Column("Owner"),
            _Column("Mitigation"),
        ],
    )
    for r in repo.strategy.risks if repo.strategy else []:
        sheet.rows.append([r.risk, r.kind, r.likelihood, r.impact, _owner(r), r.mitigation])
    return sheet


def _plan_sheet(repo: Repository, today: date) -> _Sheet:
    result = plan(repo, today)
    quarters = result.quarters
    columns = [
        _Column("ID"),
        _Column("Initiative"),
        _Column("Status", 12),
        _Column("Rank", 6),
        _Column("When", 8),
        _Column("Start", 16, DATE),
        _Column("End", 16, DATE),
    ]
    labels = unique_headers([q.label for q in quarters], [c.header for c in columns])
    columns += [_Column(label, 10) for label in labels]
    columns += [_Column("Waits for"), _Column("Why")]
    sheet = _Sheet(PLAN, "Plan", columns, freeze="C2")
    for item in result.items:
        marks = [
            "●"
            if item.first is not None
            and item.last is not None
            and item.first <= q.index <= item.last
            else None
            for q in quarters
        ]
        sheet.rows.append(
            [
                item.id,
                item.name,
                item.status,
                item.rank,
                item.bucket,
                item.start,
                item.end,
                *marks,
                ", ".join(item.waits_for) or None,
                item.reason,
            ]
        )
    return sheet


def _readme(repo: Repository, today: date, criteria: Sequence[Criterion]) -> list[str]:
    from digistrat.voice import longdate

    s = repo.strategy
    title = f"{s.organisation}: {s.title}" if s else "Digital strategy"
    lines = [
        title,
        f"Exported by digistrat on {longdate(today)}. The YAML files in the repository are the "
        "strategy; this workbook is a copy to read, sort and try things out in.",
        "",
        "Matrix: each initiative's scores, the points each criterion adds and the total. "
        "The points and totals are formulas over the weights and scales on the Criteria sheet: "
        "change a weight there and the totals and ranks follow.",
        "Criteria: the weights and scales (the yellow cells can be changed).",
        "Commitments, Services, Risks: the registers, one row each.",
        "Plan: the initiatives by quarter (● marks the quarters each one runs).",
        "",
        "Text that starts like a formula (=, +, -, @) is shown with a ' in front so that it is "
        "never run as one.",
    ]
    if s is None:
        lines.insert(3, UNREADABLE)
    elif not criteria:
        lines.insert(3, "This strategy has no scoring criteria, so the Matrix has no totals.")
    return lines


def build(repo: Repository, today: date) -> Workbook:
    """The workbook for ``repo`` (``today`` places the plan's quarters)."""
    config = read(repo, "weighted")
    criteria = config.criteria if not config.errors else []
    wb = Workbook()
    readme = wb.active
    assert readme is not None
    readme.title = README
    for n, text in enumerate(_readme(repo, today, criteria), 1):
        cell = readme.cell(row=n, column=1, value=safe(text))
        cell.data_type = "s"
        if n == 1:
            cell.font = Font(bold=True, size=14)
    readme.column_dimensions["A"].width = 110
    sheets = [
        _matrix_sheet(repo, criteria),
        _criteria_sheet(criteria),
        _commitments_sheet(repo),
        _services_sheet(repo),
        _risks_sheet(repo),
        _plan_sheet(repo, today),
    ]
    for sheet in sheets:
        _write(wb, sheet)
    criteria_ws = wb[CRITERIA]
    for row in range(2, len(criteria) + 2):
        for col in "CDEF":
            criteria_ws[f"{col}{row}"].fill = INPUT_FILL
    return wb


def _write(wb: Workbook, sheet: _Sheet) -> None:
    ws: Worksheet = wb.create_sheet(sheet.title)
    for col, column in enumerate(sheet.columns, 1):
        cell = ws.cell(row=1, column=col, value=safe(column.header))
        cell.data_type = "s"
        cell.font = HEADER_FONT
    widths = [max(len(c.header), c.width_hint) for c in sheet.columns]
    for row_no, values in enumerate(sheet.rows, 2):
        for col, value in enumerate(values, 1):
            column = sheet.columns[col - 1]
            cell = ws.cell(row=row_no, column=col)
            _set(cell, value)
            if column.number_format:
                cell.number_format = column.number_format
            if (row_no - 2, col - 1) in sheet.formats:
                cell.number_format = sheet.formats[(row_no - 2, col - 1)]
            shown = _shown_length(value)
            widths[col - 1] = max(widths[col - 1], shown)
    for col, width in enumerate(widths, 1):
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = min(width + 2, MAX_WIDTH)
        if width > LONG:
            for row_no in range(2, len(sheet.rows) + 2):
                ws[f"{letter}{row_no}"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = sheet.freeze
    last = len(sheet.rows) + 1
    ref = f"A1:{get_column_letter(len(sheet.columns))}{max(last, 2)}"
    table = Table(displayName=sheet.table, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    for col, column in enumerate(sheet.columns, 1):
        if column.choices:
            letter = get_column_letter(col)
            dv = DataValidation(
                type="list",
                formula1='"' + ",".join(column.choices) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=f"Not a {column.header.lower()}",
                error="Choose one of: " + ", ".join(column.choices),
            )
            dv.add(f"{letter}2:{letter}{max(last, 2) + 500}")
            ws.add_data_validation(dv)


def _set(cell: Cell | MergedCell, value: Any) -> None:
    """Write one value: formulas we made stay formulas; text from users is made safe and kept
    as a string, so it can never be read as a formula."""
    if isinstance(value, _Formula):
        cell.value = str(value)
        return
    if isinstance(value, str):
        cell.value = safe(value)
        cell.data_type = "s"
        return
    cell.value = value


class _Formula(str):
    """A formula digistrat wrote (never user text)."""


def _shown_length(value: Any) -> int:
    if value is None or isinstance(value, _Formula):
        return 0
    if isinstance(value, date):
        return 17
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def to_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def export(repo: Repository, target: Path, today: date, *, force: bool = False) -> Path:
    """Write the workbook to ``target`` atomically; refuse an existing file unless ``force``."""
    if target.is_dir():
        raise ExportProblem(f"{target} is a folder; give a file name ending in .xlsx.")
    if (target.exists() or target.is_symlink()) and not force:
        raise ExportProblem(
            f"{target} exists already, so nothing was written. Choose another name, or add "
            "--force to replace it."
        )
    if not target.parent.is_dir():
        raise ExportProblem(f"the folder {target.parent} does not exist; create it first.")
    data = to_bytes(build(repo, today))
    try:
        atomic.write_bytes(target, data)
    except OSError as exc:
        raise ExportProblem(f"cannot write {target}: {exc.strerror or exc}.") from None
    return target
