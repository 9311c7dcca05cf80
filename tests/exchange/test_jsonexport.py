"""The JSON export: versioned, valid against its own generated schema, and holding the whole
strategy (every entry read back equals what was loaded)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from digistrat.exchange.jsonexport import FORMAT, VERSION, Export, export_json, export_schema
from digistrat.loader import load
from digistrat.models import KINDS, Strategy
from digistrat.repository import Repository
from digistrat.scoring import score
from hostile.hostile_cases import HOSTILE_TEXT, MARK, poisoned_copy

from helpers import build_tree

EXAMPLES = Path(__file__).parent.parent.parent / "examples"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = export_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _export(repo: Repository, validator: jsonschema.Draft202012Validator) -> dict[str, Any]:
    data = json.loads(export_json(repo))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, (list(errors[0].path), errors[0].message)
    return data


@pytest.mark.parametrize("example", ["riverside", "wishlist"])
def test_every_example_validates_and_reads_back_whole(
    validator: jsonschema.Draft202012Validator, example: str
) -> None:
    repo = load(EXAMPLES / example)
    data = _export(repo, validator)
    assert data["format"] == "digistrat-export" and data["version"] == 1
    assert Strategy.model_validate(data["strategy"]) == repo.strategy
    for kind, model in KINDS.items():
        exported = data[kind]
        assert [e["id"] for e in exported] == sorted(repo.entities(kind))
        for entry in exported:
            ident, file = entry.pop("id"), entry.pop("file")
            assert file == repo.path_of(kind, ident)
            loaded = repo.entities(kind)[ident]
            assert model.model_validate(entry) == loaded.model_copy(update={"id": None})


def test_ranking_is_what_score_ranks() -> None:
    repo = load(EXAMPLES / "riverside")
    data = json.loads(export_json(repo))
    ranking = score(repo)
    assert data["ranking"]["model"] == ranking.model
    assert data["ranking"]["usable"] is True
    assert [(r["id"], r.get("rank"), r.get("total")) for r in data["ranking"]["initiatives"]] == [
        (r.id, r.rank, r.total) for r in ranking.rows
    ]
    weights = {c["id"]: c["weight"] for c in data["ranking"]["criteria"]}
    assert weights == {c.id: c.weight for c in ranking.criteria}
    top = data["ranking"]["initiatives"][0]
    assert sum(p["points"] for p in top["criteria"].values()) == pytest.approx(top["total"])


STRATEGY = """\
    organisation: Test Trust
    title: Digital strategy
    objectives:
      - id: shorter-waits
        title: Cut waiting times
    capacity:
      concurrent_initiatives: 2
      bottlenecks:
        - id: ig
          name: Information governance
"""


def test_links_are_the_references_that_resolve(
    validator: jsonschema.Draft202012Validator, tmp_path: Path
) -> None:
    root = build_tree(
        tmp_path,
        {
            "strategy.yaml": STRATEGY,
            "users/outpatients.yaml": (
                "name: Outpatients\nkind: patient\nneeds:\n"
                "  - {id: know-when, statement: I need to know when., priority: high}\n"
            ),
            "services/booking.yaml": "name: Booking\nkind: transaction\nusers: [outpatients]\n",
            "initiatives/online.yaml": (
                "id: online\nname: Online\ncategory: improve\nobjectives: [shorter-waits]\n"
                "needs: [outpatients/know-when]\nservices: [booking, nowhere]\n"
                "depends_on: [wifi]\nbottlenecks: [ig]\n"
            ),
            "initiatives/wifi.yaml": "name: Wifi\ncategory: maintain\n",
            "commitments/book.yaml": "statement: Book online.\ninitiatives: [online, gone]\n",
        },
    )
    data = _export(load(root), validator)
    links = {(x["from"]["id"], x["field"], x["to"]["kind"], x["to"]["id"]) for x in data["links"]}
    assert links == {
        ("booking", "users", "user-group", "outpatients"),
        ("online", "objectives", "objective", "shorter-waits"),
        ("online", "needs", "need", "outpatients/know-when"),
        ("online", "services", "service", "booking"),
        ("online", "depends_on", "initiative", "wifi"),
        ("online", "bottlenecks", "bottleneck", "ig"),
        ("book", "initiatives", "initiative", "online"),
    }
    assert [e["id"] for e in data["initiatives"]] == ["online", "wifi"]  # id from the file name
    assert data["initiatives"][1]["file"] == "initiatives/wifi.yaml"


def test_a_file_left_out_is_listed_and_not_exported(
    validator: jsonschema.Draft202012Validator, tmp_path: Path
) -> None:
    root = build_tree(
        tmp_path,
        {
            "strategy.yaml": "organisation: A\ntitle: B\n",
            "initiatives/good.yaml": "name: Good\ncategory: improve\n",
            "initiatives/bad.yaml": "name: Bad\ncategory: nonsense\n",
        },
    )
    data = _export(load(root), validator)
    assert [e["id"] for e in data["initiatives"]] == ["good"]
    assert [x["file"] for x in data["left_out"]] == ["initiatives/bad.yaml"]
    assert data["left_out"][0]["line"] == 2
    assert "category" in data["left_out"][0]["reason"]


def test_an_unusable_scoring_model_gives_an_empty_ranking(
    validator: jsonschema.Draft202012Validator, tmp_path: Path
) -> None:
    root = build_tree(
        tmp_path,
        {
            "strategy.yaml": "organisation: A\ntitle: B\nscoring:\n  model: weighted\n",
            "initiatives/good.yaml": "name: Good\ncategory: improve\n",
        },
    )
    data = _export(load(root), validator)
    assert data["ranking"]["usable"] is False and data["ranking"]["initiatives"] == []


def test_the_schema_is_generated_and_pins_format_and_version() -> None:
    schema = export_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == f"digistrat export, version {VERSION}"
    assert schema["properties"]["format"]["const"] == FORMAT == "digistrat-export"
    assert schema["properties"]["version"]["const"] == VERSION == 1
    assert schema["additionalProperties"] is False
    assert {"generator", "strategy", "ranking"} <= set(schema["required"])
    assert (
        schema["properties"]["links"]
        == Export.model_json_schema(mode="serialization", by_alias=True)["properties"]["links"]
    )


def test_a_document_of_another_version_is_refused(
    validator: jsonschema.Draft202012Validator,
) -> None:
    data = json.loads(export_json(load(EXAMPLES / "wishlist")))
    for change in ({"version": 2}, {"format": "something-else"}, {"extra": 1}):
        assert not validator.is_valid({**data, **change})


def test_same_strategy_same_text() -> None:
    assert export_json(load(EXAMPLES / "riverside")) == export_json(load(EXAMPLES / "riverside"))


def test_hostile_text_is_kept_exactly(
    validator: jsonschema.Draft202012Validator, tmp_path: Path
) -> None:
    payloads = [f'{text} \x1b[31m\x00 \u2028 "quotes" \\ back' for text in HOSTILE_TEXT]
    repo = load(poisoned_copy(EXAMPLES / "riverside", tmp_path / "repo", payloads))
    assert not [f for f in repo.findings if f.severity == "error"], repo.findings[:3]
    text = export_json(repo)
    assert "\x1b" not in text and "\x00" not in text  # escaped as \u001b, \u0000
    data = _export(repo, validator)
    assert data["strategy"]["title"] == repo.strategy.title if repo.strategy else False
    names = {e["id"]: e["name"] for e in data["initiatives"]}
    assert names == {i: x.name for i, x in repo.initiatives.items()}
    assert text.count(MARK) > 50
