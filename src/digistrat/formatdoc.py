"""A field-by-field reference of the repository format, generated from the models.

``digistrat schema --format markdown`` prints it; ``docs/format.md`` is this output, kept up to
date by a test.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from digistrat.models.framework import MEASURE_REF_PATTERN
from digistrat.schema import FILE_KINDS
from digistrat.schema import markdown as as_markdown

_WHERE = {
    "strategy": "`strategy.yaml`",
    "services": "`services/<id>.yaml`",
    "users": "`users/<id>.yaml`",
    "initiatives": "`initiatives/<id>.yaml`",
    "commitments": "`commitments/<id>.yaml`",
    "frameworks": "`frameworks/<id>.yaml` (optional)",
}


def _type_name(annotation: Any, nested: list[type[BaseModel]]) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        base = _type_name(args[0], nested)
        patterns = [str(getattr(a, "pattern", "") or "") for a in args[1:]]
        if any("/" in p for p in patterns):
            return "need reference (`group/need`)"
        if MEASURE_REF_PATTERN in patterns:
            return "framework measure (`framework:measure`)"
        return "id" if any(patterns) else base
    if origin in (typing.Union, types.UnionType):
        parts = [_type_name(a, nested) for a in args if a is not type(None)]
        return " or ".join(parts)
    if origin is typing.Literal:
        return " / ".join(f"`{a}`" for a in args)
    if origin is list:
        return f"list of {_type_name(args[0], nested)}"
    if origin is dict:
        return f"mapping of {_type_name(args[0], nested)} to {_type_name(args[1], nested)}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation not in nested:
            nested.append(annotation)
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    names = {
        "str": "text",
        "float": "number",
        "int": "whole number",
        "bool": "true / false",
        "date": "date (2026-03-31)",
        "Any": "any",
    }
    return names.get(getattr(annotation, "__name__", str(annotation)), str(annotation))


def _table(model: type[BaseModel], nested: list[type[BaseModel]]) -> list[str]:
    lines = ["| field | type | required | meaning |", "| --- | --- | --- | --- |"]
    for name, field in model.model_fields.items():
        kind = _type_name(field.annotation, nested)
        required = "yes" if field.is_required() else ""
        meaning = as_markdown(field.description or "").replace("|", "\\|")
        lines.append(f"| `{name}` | {kind} | {required} | {meaning} |")
    return lines


_VALUE_ROWS = [
    (
        "true / false",
        "`true` or `false` (`True`, `FALSE` too)",
        "`yes`, `no`, `on`, `off`: YAML 1.2 reads them as words, not true or false; "
        '`"true"` in quotes is text',
    ),
    (
        "number",
        "`12`, `12.5`, `1e3`, `-4`",
        '`"12"` in quotes, `12%`, `£12`, `1,200`, `.nan`, `.inf`',
    ),
    ("whole number", "`12` (`12.0` is the same number)", '`12.5`, `"12"`, `true`'),
    (
        "date",
        "`2027-03-31`, quoted or not: a date is text written year-month-day, a real day "
        "from 1900-01-01 to 2200-12-31",
        "`2027` (a year), `2027-3-31`, `31/03/2027`, `2027-02-30`, a date with a time, "
        "a number of seconds",
    ),
    (
        "text",
        'any words; put a value in quotes if it looks like a number (`"2027"`) or starts '
        "with a symbol",
        "nothing, or white space alone; a bare number, `true` or `false`",
    ),
    (
        "choice (`a` / `b`)",
        "exactly one of the words listed, in lower case",
        "`Done`, or `in progress` for `in-progress`",
    ),
    (
        "id",
        "lower-case words and digits joined by single hyphens: `outpatient-booking`",
        "`Outpatient-Booking`, `outpatient_booking`, `-booking`",
    ),
]

VALUES = [
    "## How values are read",
    "",
    "digistrat reads YAML 1.2, as the VS Code YAML extension and check-jsonschema do, and the "
    "JSON Schema (`digistrat schema`) describes the files as such a reader sees them. "
    "`digistrat check` and the schema reach the same verdict on every value: the tests run a "
    "corpus of about 230 values, valid and invalid, for every kind of field in every kind of "
    "file, through both (`tests/schema_corpus.py`).",
    "",
    "| field type | write | not |",
    "| --- | --- | --- |",
    *(f"| {kind} | {write} | {wrong} |" for kind, write, wrong in _VALUE_ROWS),
    "",
    'Leave a key out, or write `~`, for "not known" where a field is optional; an empty '
    'value (`""`) is a mistake. White space around a text is trimmed before it is checked.',
    "",
    "Where the two still differ, and why (each difference is tested, so that a fix is noticed):",
    "",
    "- `1_000`: YAML 1.2 has no underscores in numbers, so digistrat reads text (and rejects it "
    "where a number is expected); ruamel.yaml, which check-jsonschema uses, reads 1000.",
    '- `.nan`: JSON has no "not a number", so no JSON Schema can refuse it; digistrat does.',
    '- White space around a choice, an id or a date in quotes (`"care "`), and around a text at '
    "its length limit: digistrat trims it first and accepts the value; a JSON Schema cannot "
    "trim.",
    "",
    "Tools that read YAML 1.1 (PyYAML's `yaml.safe_load`, for one) turn an unquoted date into a "
    "date value and `yes` into true: validate with a YAML 1.2 reader, as check-jsonschema does.",
]
"""The rules for values, for ``docs/format.md``; tests/test_schema_corpus.py proves them."""


def markdown() -> str:
    from digistrat.clock import EARLIEST, LATEST

    out = [
        "# The strategy repository format",
        "",
        "Generated from digistrat's models by `digistrat schema --format markdown`; do not edit.",
        "Unknown keys are errors, so a misspelt key is reported rather than ignored.",
        f"Every date lies between {EARLIEST.isoformat()} and {LATEST.isoformat()}, and every "
        "number between minus and plus a million million (1,000,000,000,000); a value beyond "
        "these is a typing mistake, reported as F002 with its line.",
        "",
        *VALUES,
        "",
    ]
    nested: list[type[BaseModel]] = []
    for kind, model in FILE_KINDS.items():
        doc = as_markdown(model.__doc__ or "")
        out += [f"## {_WHERE[kind]}", "", doc, "", *_table(model, nested), ""]
    done: set[type[BaseModel]] = set()
    out += ["## Blocks used above", ""]
    while nested:
        block = nested.pop(0)
        if block in done:
            continue
        done.add(block)
        doc = as_markdown(block.__doc__ or "")
        out += [f"### {block.__name__}", "", doc, "", *_table(block, nested), ""]
    return "\n".join(out).rstrip() + "\n"
