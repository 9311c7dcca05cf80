"""Reading a spreadsheet for ``digistrat import``: the sheets of an xlsx workbook or the one
table of a csv, as rows of cell values, with the limits that keep a huge file from being read."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_ROWS = 5000
"""Rows read from one sheet at most: a register bigger than this is refused, not truncated."""
MAX_COLUMNS = 200
HEADER_SEARCH = 20
"""The header row is looked for among the first rows of a sheet."""
MAX_BYTES = 50 * 2**20


class ImportProblem(Exception):
    """The file cannot be imported at all (unreadable, too big, no header): nothing written."""


class NoSuchFile(ImportProblem):
    """The file (or mapping file) named does not exist: a usage mistake (exit 2)."""


@dataclass
class Table:
    """One sheet as read: rows of cell values with their 1-based row numbers."""

    title: str
    rows: list[tuple[int, list[Any]]]
    formulas: set[tuple[int, int]] = field(default_factory=set)
    """(row, column) of cells holding a formula with no saved value."""
    note: str | None = None
    """How it was read, if the user should know (a CSV that was not UTF-8)."""


def read_file(path: Path, sheet: str | None = None) -> list[Table]:
    """The sheets of an xlsx workbook (only ``sheet`` if given) or the one table of a csv."""
    if not path.exists():
        raise NoSuchFile(f"{path} does not exist; check the name and the folder.")
    if not path.is_file():
        raise NoSuchFile(f"{path} is a folder, not a file; give the .xlsx or .csv file in it.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ImportProblem(
            f"{path.name} is {size // 2**20} MiB; import reads files up to "
            f"{MAX_BYTES // 2**20} MiB. Split it, or remove the sheets you do not need."
        )
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".tsv"):
        return [_read_csv(path)]
    raise ImportProblem(
        f"{path.name} is not an .xlsx or .csv file, so it was not read. Save it from your "
        "spreadsheet as Excel workbook (.xlsx) or CSV, then import that."
    )


def _read_xlsx(path: Path, only: str | None) -> list[Table]:
    import zipfile

    from openpyxl import load_workbook

    try:
        values = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as exc:
        raise ImportProblem(
            f"{path.name} could not be read as an Excel workbook ({type(exc).__name__}). "
            "Open it in Excel or LibreOffice and save it again as .xlsx."
        ) from None
    except Exception as exc:  # openpyxl raises its own errors for damaged parts
        raise ImportProblem(
            f"{path.name} could not be read as an Excel workbook ({exc}). "
            "Open it in Excel or LibreOffice and save it again as .xlsx."
        ) from None
    try:
        names = values.sheetnames
        if only is not None:
            match = [n for n in names if n.casefold() == only.casefold()]
            if not match:
                raise ImportProblem(
                    f"{path.name} has no sheet called `{only}`; its sheets are: "
                    + ", ".join(names)
                    + "."
                )
            names = match
        return [_read_sheet(values[name], formulas[name], name) for name in names]
    except ImportProblem:
        raise
    except Exception as exc:  # a damaged sheet inside a valid zip
        raise ImportProblem(
            f"{path.name} could not be read as an Excel workbook: a sheet is damaged "
            f"({type(exc).__name__}). Open it in Excel or LibreOffice and save it again."
        ) from None
    finally:
        values.close()
        formulas.close()


def _read_sheet(ws: Any, wf: Any, name: str) -> Table:
    """One sheet's non-blank rows, noting formulas that have no saved value."""
    table = Table(name, [])
    for (row_no, row), frow in zip(
        enumerate(ws.iter_rows(values_only=True), 1),
        wf.iter_rows(values_only=True),
        strict=False,
    ):
        cells = _within_columns(list(row), name, row_no)
        for col, (v, f) in enumerate(zip(cells, frow, strict=False), 1):
            if v is None and isinstance(f, str) and f.startswith("="):
                table.formulas.add((row_no, col))
        if any(_blank(c) is False for c in cells):
            if len(table.rows) >= MAX_ROWS + HEADER_SEARCH:
                raise ImportProblem(_too_many(name))
            table.rows.append((row_no, cells))
    return table


def _within_columns(cells: list[Any], name: str, row_no: int) -> list[Any]:
    """The row's cells, refusing the file if a value lies beyond :data:`MAX_COLUMNS`."""
    if len(cells) > MAX_COLUMNS:
        if any(not _blank(c) for c in cells[MAX_COLUMNS:]):
            raise ImportProblem(
                f"row {row_no} of `{name}` has values beyond column {MAX_COLUMNS}; import reads "
                f"up to {MAX_COLUMNS} columns, so nothing was imported. Remove the columns you "
                "do not need."
            )
        cells = cells[:MAX_COLUMNS]
    return cells


def _too_many(name: str) -> str:
    return (
        f"the sheet `{name}` has more than {MAX_ROWS:,} rows; import reads up to {MAX_ROWS:,} "
        "from one sheet, so nothing was imported. Split it into smaller sheets."
    )


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """The text of a CSV file, and a note when it was not UTF-8 (a BOM is understood)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            raise ImportProblem(
                f"{name} starts like UTF-16 text but is not; save it again as CSV UTF-8."
            ) from None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), (
            f"{name} is not UTF-8, so it was read as Windows text (cp1252, as Excel saves "
            "'CSV'); check names with accents or £ signs, or save it as CSV UTF-8."
        )


def _read_csv(path: Path) -> Table:
    text, note = decode(path.read_bytes(), path.name)
    if "\x00" in text:
        raise ImportProblem(f"{path.name} is not a text file (it holds NUL bytes).")
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    table = Table(path.stem, [], note=note)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for row_no, row in enumerate(reader, 1):
            cells: list[Any] = _within_columns(list(row), path.stem, row_no)
            if any(_blank(c) is False for c in cells):
                if len(table.rows) >= MAX_ROWS + HEADER_SEARCH:
                    raise ImportProblem(_too_many(path.name))
                table.rows.append((row_no, cells))
    except csv.Error as exc:
        raise ImportProblem(f"{path.name} could not be read as CSV: {exc}.") from None
    return table


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
