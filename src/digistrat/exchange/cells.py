"""Cells safe to open in a spreadsheet: text taken from users never starts a formula.

A spreadsheet treats a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and a
leading tab or carriage return can hide one), so a name like ``=HYPERLINK("http://…")`` in a
strategy file would run when a board secretary opens an export. Following OWASP's advice on CSV
injection, such text is prefixed with a single quote, which spreadsheets show as text. Numbers
stay numbers: only text is ever changed, and only when it starts with one of those characters.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, TextIO

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these may be read as a formula (OWASP, CSV injection)."""

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
"""A number written as text (``-0.5``, as a CSV holds it): a number, not a formula."""


def safe_text(text: str) -> str:
    """``text`` as it may go into a CSV or spreadsheet cell: prefixed with ``'`` if it starts
    with a formula trigger, otherwise unchanged. A number written as text (``-2.5``) is left
    as it is: a spreadsheet reads it as the number it is."""
    if text.startswith(TRIGGERS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe(value: Any) -> Any:
    """A cell value: text made safe with :func:`safe_text`; numbers, dates, booleans and None
    are returned unchanged (a negative number is a number, not a formula)."""
    return safe_text(value) if isinstance(value, str) else value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """Every value of a row made safe with :func:`safe`."""
    return [safe(v) for v in values]


def unsafe_text(text: str) -> str:
    """The text :func:`safe_text` was given, from what it returned (for import): a leading
    ``'`` before a formula trigger is removed."""
    if text.startswith("'") and text[1:].startswith(TRIGGERS) and not _NUMBER.fullmatch(text[1:]):
        return text[1:]
    return text


class SafeWriter:
    """A :func:`csv.writer` whose rows are made safe with :func:`safe_row`.

    A row with a carriage return in a cell is written with every cell quoted: Python's writer
    quotes only the characters of its line ending (``\n``), so a bare ``\r`` would otherwise
    split the row in a spreadsheet."""

    def __init__(self, stream: TextIO) -> None:
        self._writer = csv.writer(stream, lineterminator="\n")
        self._quoted = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(self, row: Iterable[Any]) -> None:
        cells = safe_row(row)
        if any(isinstance(c, str) and "\r" in c for c in cells):
            self._quoted.writerow(cells)
        else:
            self._writer.writerow(cells)


def csv_writer(stream: TextIO) -> SafeWriter:
    """A CSV writer for text that may come from users: no cell can start a formula."""
    return SafeWriter(stream)
