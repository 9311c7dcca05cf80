"""Turn pydantic validation errors into plain-English findings that point at a line."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from digistrat import findings as F
from digistrat.findings import Finding
from digistrat.models.framework import MEASURE_REF_PATTERN
from digistrat.yamlio import Pos, YMap, YSeq

Loc = Sequence[str | int]


def locate(data: Any, loc: Loc, *, key: bool = False) -> Pos | None:
    """The (line, column) of ``loc`` inside loaded YAML; the nearest enclosing place if absent.

    With ``key=True`` the position of the last key itself is returned rather than its value.
    """
    pos: Pos | None = getattr(data, "pos", None)
    cur = data
    for i, step in enumerate(loc):
        if isinstance(cur, YMap) and step in cur:
            value = cur[step]
            use_key = (key and i == len(loc) - 1) or _is_block(value)
            pos = cur.keys_at[step] if use_key else cur.values_at[step]
            cur = value
        elif isinstance(cur, YSeq) and isinstance(step, int) and 0 <= step < len(cur):
            pos = cur.items_at[step]
            cur = cur[step]
        else:
            break
    return pos


def _is_block(value: Any) -> bool:
    return isinstance(value, (YMap, YSeq))


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class found by following ``loc`` through field annotations."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(step)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/list/dict wrappers down to a model class where there is one."""
    for _ in range(5):
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else (args[0] if args else annotation)
        elif origin in (list, tuple, set, frozenset):
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            annotation = typing.get_args(annotation)[1]
        elif origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        else:
            break
    return annotation


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    return {"YMap": "a block", "YSeq": "a list", "bool": "true/false"}.get(
        type(value).__name__, type(value).__name__
    )


def _where(loc: Loc) -> str:
    parts: list[str] = []
    for step in loc:
        if isinstance(step, int):
            parts.append(f"item {step + 1}")
        else:
            parts.append(f"`{step}`")
    return " → ".join(parts)


def explain(model: type[BaseModel], err: ErrorDetails) -> tuple[str, str]:
    """(message, hint) in plain English for one pydantic error."""
    loc = [s for s in err["loc"] if isinstance(s, (str, int))]
    kind = err["type"]
    value = err.get("input")
    name = _where(loc) or "this file"
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        key = str(loc[-1]) if loc else "?"
        allowed = sorted(parent.model_fields) if parent else []
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = (
            f"Did you mean `{close[0]}`?"
            if close
            else ("Allowed keys here: " + ", ".join(f"`{a}`" for a in allowed))
            if allowed
            else "Remove it."
        )
        return f"unknown key `{key}`", hint
    if kind == "invalid_key":
        shown = (
            "null" if value is None else str(value).lower() if isinstance(value, bool) else value
        )
        return (
            f"`{_show(shown)}` is not a usable key: keys are words",
            "Write the key as a word followed by a colon, like `name:` "
            "(a number, `true`, `false` or an empty key cannot be a field name).",
        )
    if kind == "missing":
        parent = _model_at(model, loc[:-1])
        field = parent.model_fields.get(str(loc[-1])) if parent and loc else None
        doc = f" ({field.description.rstrip('.')})" if field and field.description else ""
        return f"{name} is required but missing{doc}", f"Add `{loc[-1]}:` here." if loc else ""
    if kind.startswith("date") or kind.startswith("datetime"):
        return (
            f"{name}: `{_show(value)}` is not a valid date",
            "Write dates as year-month-day, like 2026-03-31.",
        )
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        hint = f"Did you mean `{close[0]}`?" if close else "Use one of: " + ", ".join(options) + "."
        return f"{name}: `{_show(value)}` is not one of {expected}", hint
    if kind in ("int_parsing", "float_parsing", "int_type", "float_type", "int_from_float"):
        return (
            f"{name}: expected a number, got `{_show(value)}`",
            "Write a plain number such as 1200 or 12.5, without units or commas.",
        )
    if kind == "finite_number":
        return f"{name} must be a real number, not infinity or NaN", "Write an actual number."
    if kind in ("bool_parsing", "bool_type"):
        return f"{name}: expected true or false, got `{_show(value)}`", "Write `true` or `false`."
    if kind == "string_type":
        if isinstance(value, dict) and len(value) == 1:
            [(key, inner)] = value.items()
            if isinstance(key, str) and isinstance(inner, str):  # `wgll: safe-practice`
                return (
                    f"{name}: expected text, got `{_show(key)}: {_show(inner)}`, which YAML "
                    "reads as a key and a value because of the space after the colon",
                    f"Write `{_show(key)}:{_show(inner)}` with no space after the colon, or "
                    "put the whole text in quotes.",
                )
        return (
            f"{name}: expected text, got {_kind_of(value)}",
            "Write the text after the colon; put it in quotes if it starts with a symbol.",
        )
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == MEASURE_REF_PATTERN:
        return (
            f"{name}: `{_show(value)}` is not a framework measure",
            f"{_measure_hint(value)}Write a framework's id and a measure's id joined by a "
            "colon, like `wgll:safe-practice` (see docs/frameworks.md).",
        )
    if kind == "string_pattern_mismatch":
        return (
            f"{name}: `{_show(value)}` is not a valid id",
            "Ids are lower-case words joined by hyphens, like `outpatient-booking` "
            "(a need reference is `group-id/need-id`).",
        )
    if kind == "string_too_short":
        return f"{name} is empty", "Write something, or remove the key."
    if kind == "string_too_long":
        return f"{name} is too long", "Shorten it: this field is for a short phrase."
    if kind in ("list_type", "tuple_type", "set_type"):
        return (
            f"{name}: expected a list",
            "Write one item per line, each starting with `- ` (a dash and a space).",
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (
            f"{name}: expected a block of `key: value` lines, got `{_show(value)}`",
            "Indent the keys that belong to it under it.",
        )
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return _out_of_bounds(name, value, ctx) or (
            f"{name}: {err['msg'].lower()}, got `{_show(value)}`",
            "Correct the number.",
        )
    return f"{name}: {err['msg']}", ""


def _out_of_bounds(name: str, value: Any, ctx: dict[str, Any]) -> tuple[str, str] | None:
    """The message for a date or a number beyond digistrat's limits, if that is what it is."""
    from digistrat.clock import EARLIEST, LATEST
    from digistrat.models.common import LIMIT
    from digistrat.voice import longdate

    bounds = {str(v) for v in ctx.values()}
    if bounds & {EARLIEST.isoformat(), LATEST.isoformat()}:
        return (
            f"{name}: `{_show(value)}` is outside the dates digistrat accepts "
            f"({longdate(EARLIEST)} to {longdate(LATEST)})",
            "Check the year: it is probably a typing mistake.",
        )
    if bounds & {str(LIMIT), str(-LIMIT), str(int(LIMIT))}:
        shown = f"{value:g}" if isinstance(value, float) else _show(value)
        return (
            f"{name}: `{shown}` is out of range: numbers must be between minus and plus "
            "a million million (1,000,000,000,000)",
            "Check the number; if it really is this large, write it in a larger unit "
            "(thousands or millions).",
        )
    return None


def findings_from(
    model: type[BaseModel], exc: ValidationError, data: Any, path: str
) -> list[Finding]:
    out: list[Finding] = []
    errors = exc.errors(include_url=False)
    for err in errors[:MAX_FINDINGS_PER_FILE]:
        loc = [s for s in err["loc"] if isinstance(s, (str, int))]
        message, hint = explain(model, err)
        pos = locate(data, loc, key=err["type"] == "extra_forbidden")
        line, col = pos if pos else (None, None)
        out.append(F.make(F.SCHEMA, path, line, col, message, hint))
    if len(errors) > MAX_FINDINGS_PER_FILE:
        out.append(too_many(F.SCHEMA, path, len(errors) - MAX_FINDINGS_PER_FILE))
    return out


MAX_FINDINGS_PER_FILE = 50
"""Beyond this, one file's problems are summarised: a file with 20,000 wrong keys is one
mistake (probably the wrong file), and listing them all would drown everything else."""


def too_many(rule: tuple[str, str], path: str, more: int) -> Finding:
    """The summary finding that stands for ``more`` problems not listed."""
    return F.make(
        rule,
        path,
        None,
        None,
        f"… and {more:,} more problems of this kind in this file (not listed)",
        "Fix the problems listed above first; is this the right file in the right folder?",
    )


def _measure_hint(value: object) -> str:
    """``Did you mean `wgll:improve-care`?`` for a shipped framework's measure id written
    without its framework."""
    if not isinstance(value, str) or ":" in value:
        return ""
    from digistrat.frameworks import builtin

    found = sorted(
        f"{fid}:{m.id}"
        for fid, fw in builtin().items()
        for m in fw.measures
        if m.id == value.strip()
    )
    return f"Did you mean `{found[0]}`? " if found else ""
