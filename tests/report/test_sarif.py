"""SARIF output, validated against the OASIS SARIF 2.1.0 JSON schema.

``sarif-2.1.0.schema.json`` is the published schema (rtm.5), copied from the MIT-licensed npm
package @microsoft/jest-sarif 1.0.0-beta.0 (lib/schemas/sarif-2.1.0-rtm.5.json).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from digistrat.checker import CheckResult, run
from digistrat.loader import load
from digistrat.report import render
from digistrat.rules import all_rules
from digistrat.rules.examples import EXAMPLE_TODAY, materialise

SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0.schema.json").read_text("utf-8"))
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def validate(text: str) -> dict:  # type: ignore[type-arg]
    doc = json.loads(text)
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    return doc  # type: ignore[no-any-return]


def test_valid_sarif_with_rules_and_results(result: CheckResult) -> None:
    doc = validate(render("sarif", result))
    assert doc["version"] == "2.1.0"
    run_ = doc["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in all_rules()]
    c001 = next(r for r in rules if r["id"] == "C001")
    assert c001["name"] == "commitment-without-measure"
    assert "Failing example" in c001["help"]["text"]
    assert c001["defaultConfiguration"]["level"] == "error"
    first, _, warning, note = run_["results"]
    assert first["ruleId"] == "C001" and rules[first["ruleIndex"]]["id"] == "C001"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "commitments/a%20b%2Cc.yaml", "uriBaseId": "SRCROOT"}
    assert loc["region"] == {"startLine": 1, "startColumn": 1}
    assert warning["level"] == "warning" and note["level"] == "note"
    assert "region" not in note["locations"][0]["physicalLocation"]
    assert len(first["partialFingerprints"]["digistrat/v1"]) == 64


def test_clean_result_is_valid(empty: CheckResult) -> None:
    assert validate(render("sarif", empty))["runs"][0]["results"] == []


@pytest.mark.parametrize("name", ["wishlist", "riverside"])
def test_example_repositories_give_valid_sarif(name: str) -> None:
    if not (EXAMPLES / name).is_dir():
        pytest.skip("example not present")
    result = run(load(EXAMPLES / name), EXAMPLE_TODAY)
    validate(render("sarif", result))


def test_real_run_is_valid(tmp_path: Path) -> None:
    root = materialise(tmp_path, "# strategy.yaml\nprinciples: []\n")
    doc = validate(render("sarif", run(load(root), EXAMPLE_TODAY)))
    assert [r["ruleId"] for r in doc["runs"][0]["results"]] == ["P001"]
