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
        meaning = " ".join((field.description or "").split()).replace("|", "\\|")
        lines.append(f"| `{name}` | {kind} | {required} | {meaning} |")
    return lines


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
    ]
    nested: list[type[BaseModel]] = []
    for kind, model in FILE_KINDS.items():
        doc = " ".join((model.__doc__ or "").split())
        out += [f"## {_WHERE[kind]}", "", doc, "", *_table(model, nested), ""]
    done: set[type[BaseModel]] = set()
    out += ["## Blocks used above", ""]
    while nested:
        block = nested.pop(0)
        if block in done:
            continue
        done.add(block)
        doc = " ".join((block.__doc__ or "").split())
        out += [f"### {block.__name__}", "", doc, "", *_table(block, nested), ""]
    return "\n".join(out).rstrip() + "\n"
