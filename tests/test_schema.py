from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml

from digistrat.scaffold import scaffold
from digistrat.schema import FILE_KINDS, all_schemas, schema_for


@pytest.mark.parametrize("kind", list(FILE_KINDS))
def test_every_schema_is_a_valid_draft_2020_12_schema(kind: str) -> None:
    schema = schema_for(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False


def test_every_field_is_documented() -> None:
    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                assert "description" in prop, f"{where}.{name} has no description"
            for key, value in node.items():
                walk(value, f"{where}.{key}")

    for kind, schema in all_schemas().items():
        walk(schema, kind)


def test_init_output_validates_against_the_schemas(tmp_path: Path) -> None:
    scaffold(tmp_path, today=date(2026, 11, 26))
    for kind in FILE_KINDS:
        validator = jsonschema.Draft202012Validator(schema_for(kind))
        files = (
            [tmp_path / "strategy.yaml"] if kind == "strategy" else (tmp_path / kind).glob("*.yaml")
        )
        for file in files:
            errors = list(validator.iter_errors(yaml.safe_load(file.read_text())))
            assert errors == [], f"{file}: {errors[0].message}"


def test_schema_rejects_a_misspelt_key() -> None:
    validator = jsonschema.Draft202012Validator(schema_for("services"))
    assert list(validator.iter_errors({"name": "A", "kind": "care", "ownr": {}}))


def test_schemas_are_json_serialisable() -> None:
    json.dumps(all_schemas())
