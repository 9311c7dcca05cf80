from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml
from jsonschema.exceptions import best_match

from digistrat.scaffold import scaffold
from digistrat.schema import FILE_KINDS, OPTIONAL_KINDS, all_schemas, schema_for


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


def test_schemas_are_json_serialisable_and_round_trip() -> None:
    schemas = all_schemas()
    assert json.loads(json.dumps(schemas)) == schemas
    assert set(schemas) == {
        "strategy",
        "services",
        "users",
        "initiatives",
        "commitments",
        "frameworks",
    }
    for kind, schema in schemas.items():
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["title"] == (
            "digistrat strategy.yaml" if kind == "strategy" else f"digistrat {kind}/<id>.yaml"
        )


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _kind(path: Path, root: Path) -> str:
    relative = path.relative_to(root)
    return "strategy" if relative.parts == ("strategy.yaml",) else relative.parts[0]


def _documents(root: Path) -> list[tuple[str, Path]]:
    return [
        (_kind(path, root), path)
        for path in sorted(root.rglob("*.yaml"))
        if _kind(path, root) in FILE_KINDS
    ]


@pytest.mark.parametrize("example", ["riverside", "wishlist"])
def test_bundled_examples_validate(example: str) -> None:
    documents = _documents(EXAMPLES / example)
    # every kind of file is there, so a schema that rejected one kind would be seen
    assert {kind for kind, _ in documents} >= set(FILE_KINDS) - OPTIONAL_KINDS
    for kind, path in documents:
        validator = jsonschema.Draft202012Validator(schema_for(kind))
        errors = list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
        assert errors == [], f"{path}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_the_rule_examples_baseline_validates(tmp_path: Path) -> None:
    from digistrat.rules.examples import materialise

    materialise(tmp_path, "")
    documents = _documents(tmp_path)
    assert {kind for kind, _ in documents} >= set(FILE_KINDS) - OPTIONAL_KINDS
    for kind, path in documents:
        validator = jsonschema.Draft202012Validator(schema_for(kind))
        assert list(validator.iter_errors(yaml.safe_load(path.read_text()))) == [], path


def test_dates_may_be_yaml_dates_or_strings() -> None:
    validator = jsonschema.Draft202012Validator(schema_for("strategy"))
    for start in (date(2026, 4, 1), "2026-04-01"):
        doc = {"organisation": "X", "title": "T", "horizon": {"start": start, "end": "2029-03-31"}}
        assert list(validator.iter_errors(doc)) == []


@pytest.mark.parametrize(
    ("kind", "document", "path", "validator"),
    [
        # a misspelt key, at the top and nested
        ("services", {"name": "A", "kind": "care", "ownr": {}}, [], "additionalProperties"),
        (
            "strategy",
            {
                "organisation": "X",
                "title": "T",
                "horizon": {"start": "2026-04-01", "end": "2029-03-31", "ends": 1},
            },
            ["horizon"],
            "additionalProperties",
        ),
        # a missing required field
        ("services", {"name": "A"}, [], "required"),
        (
            "strategy",
            {"organisation": "X", "title": "T", "horizon": {"end": "2029-03-31"}},
            ["horizon"],
            "required",
        ),
        # a value outside its list of choices
        ("commitments", {"statement": "S.", "status": "nearly"}, ["status"], "enum"),
        (
            "users",
            {
                "name": "A",
                "kind": "patient",
                "needs": [{"id": "a", "statement": "S.", "priority": "urgent"}],
            },
            ["needs", 0, "priority"],
            "enum",
        ),
        # wrong types and out-of-range numbers
        (
            "initiatives",
            {"name": "A", "category": "improve", "depends_on": "x"},
            ["depends_on"],
            "type",
        ),
        ("initiatives", {"name": "A", "category": "improve", "effort": -1}, ["effort"], "minimum"),
        (
            "services",
            {"name": "A", "kind": "care", "measures": {"quality": "high"}},
            ["measures", "quality"],
            "anyOf",
        ),
    ],
)
def test_schema_rejects_invalid_documents_where_they_are_wrong(
    kind: str, document: dict[str, object], path: list[object], validator: str
) -> None:
    checker = jsonschema.Draft202012Validator(schema_for(kind))
    error = best_match(checker.iter_errors(document))
    assert error is not None
    assert (list(error.absolute_path), error.validator) == (path, validator)


def test_schema_and_models_agree_on_what_they_reject() -> None:
    from pydantic import ValidationError

    for kind, document in [
        ("commitments", {"statement": "S.", "status": "nearly"}),
        ("initiatives", {"name": "A", "category": "improve", "effort": -1}),
        ("services", {"name": "A", "kind": "care", "ownr": {}}),
    ]:
        with pytest.raises(ValidationError):
            FILE_KINDS[kind].model_validate(document)
        assert list(jsonschema.Draft202012Validator(schema_for(kind)).iter_errors(document))


def test_the_shipped_frameworks_validate_against_the_framework_schema() -> None:
    from importlib import resources

    validator = jsonschema.Draft202012Validator(schema_for("frameworks"))
    folder = resources.files("digistrat.frameworks")
    names = [f.name for f in folder.iterdir() if f.name.endswith(".yaml")]
    assert sorted(names) == ["ldd.yaml", "wgll.yaml"]
    for name in names:
        document = yaml.safe_load(folder.joinpath(name).read_text(encoding="utf-8"))
        assert list(validator.iter_errors(document)) == [], name
    assert list(validator.iter_errors({"name": "N", "owner": "O", "measures": []}))
