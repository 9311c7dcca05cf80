"""JSON Schema for every file kind, generated from the models (never written by hand).

The schema describes a file as a YAML 1.2 reader sees it, which is how digistrat, the VS Code
YAML extension and check-jsonschema read it: a date is text (``"format": "date"``), ``yes`` is
a word. Descriptions are plain text; ``markdownDescription`` carries the same with code
spans, for editors that show markdown.
"""

from __future__ import annotations

import json
import re
from typing import Any

from digistrat.clock import EARLIEST, LATEST
from digistrat.models import KINDS, Strategy
from digistrat.models.common import DATE_PATTERN
from digistrat.models.framework import Framework

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILE_KINDS = {"strategy": Strategy, **KINDS, "frameworks": Framework}
"""File kind → model. ``strategy`` is ``strategy.yaml``; the rest are folders."""
OPTIONAL_KINDS = frozenset({"frameworks"})
"""Folders a repository usually does without (digistrat ships the common frameworks)."""


def schema_for(kind: str) -> dict[str, Any]:
    model = FILE_KINDS[kind]
    schema = _for_editors(model.model_json_schema(mode="validation"))
    where = "strategy.yaml" if kind == "strategy" else f"{kind}/<id>.yaml"
    return {**{"$schema": SCHEMA_DIALECT}, **schema, "title": f"digistrat {where}"}


def all_schemas() -> dict[str, dict[str, Any]]:
    return {kind: schema_for(kind) for kind in FILE_KINDS}


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


_CODE = re.compile(r"``(.+?)``", re.DOTALL)


def plain(docstring: str) -> str:
    """A docstring as one line of plain text: ``code`` loses its backticks."""
    return " ".join(_CODE.sub(r"\1", docstring).split())


def markdown(docstring: str) -> str:
    """A docstring as one line of markdown: ``code`` becomes `code`."""
    return " ".join(
        _CODE.sub(lambda m: "`" + " ".join(m.group(1).split()) + "`", docstring).split()
    )


_DATE_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "ge", "le")


def _for_editors(node: Any) -> Any:
    """Plain descriptions with a markdown twin; no numeric bounds on a date.

    Some pydantic versions (2.7) write a date's ``ge``/``le`` as ``minimum``/``maximum`` holding
    a date, which is not JSON, and leave out its ``json_schema_extra``: every date gets its
    ``pattern`` (which carries its bounds) here.
    """
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        if node.get("format") == "date":  # pydantic 2.7 drops the Field's json_schema_extra
            out.update(pattern=DATE_PATTERN, formatMinimum=str(EARLIEST), formatMaximum=str(LATEST))
        for key, value in node.items():
            if node.get("format") == "date" and key in _DATE_BOUNDS:
                continue
            if key == "description" and isinstance(value, str):
                out[key] = plain(value)
                out["markdownDescription"] = markdown(value)
            else:
                out[key] = _for_editors(value)
        return out
    if isinstance(node, list):
        return [_for_editors(v) for v in node]
    return node
