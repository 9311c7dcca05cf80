"""JSON Schema for every file kind, generated from the models (never written by hand)."""

from __future__ import annotations

import json
from typing import Any

from digistrat.models import KINDS, Strategy
from digistrat.models.framework import Framework

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILE_KINDS = {"strategy": Strategy, **KINDS, "frameworks": Framework}
"""File kind → model. ``strategy`` is ``strategy.yaml``; the rest are folders."""
OPTIONAL_KINDS = frozenset({"frameworks"})
"""Folders a repository usually does without (digistrat ships the common frameworks)."""


def schema_for(kind: str) -> dict[str, Any]:
    model = FILE_KINDS[kind]
    schema = _loosen_dates(model.model_json_schema(mode="validation"))
    where = "strategy.yaml" if kind == "strategy" else f"{kind}/<id>.yaml"
    return {**{"$schema": SCHEMA_DIALECT}, **schema, "title": f"digistrat {where}"}


def all_schemas() -> dict[str, dict[str, Any]]:
    return {kind: schema_for(kind) for kind in FILE_KINDS}


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def _loosen_dates(node: Any) -> Any:
    """Let a date be a YAML date as well as a string.

    YAML loaders (PyYAML, yq, editors) turn an unquoted ``2026-03-31`` into a date value, not a
    string; ``"type": "string"`` would then reject every date. Keeping only ``"format": "date"``
    still guides editors and accepts both forms.
    """
    if isinstance(node, dict):
        if node.get("format") == "date" and node.get("type") == "string":
            node = {k: v for k, v in node.items() if k != "type"}
        return {k: _loosen_dates(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_loosen_dates(v) for v in node]
    return node
