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


# -- what the schema does not check ------------------------------------------------------------

DOCS = "https://docs.example.org/digistrat/rules/"


def test_rules_link_to_their_section_of_the_documentation(
    result: CheckResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIGISTRAT_DOCS_URL", DOCS)
    driver = validate(render("sarif", result))["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == DOCS
    for rule in driver["rules"]:
        assert rule["helpUri"] == DOCS + "#" + rule["id"].lower()


def test_a_fragment_in_the_configured_address_is_replaced(
    result: CheckResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIGISTRAT_DOCS_URL", "https://x.example/rules.html#top")
    driver = validate(render("sarif", result))["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://x.example/rules.html"
    assert (
        driver["rules"][0]["helpUri"]
        == "https://x.example/rules.html#" + driver["rules"][0]["id"].lower()
    )


def test_no_address_is_invented(result: CheckResult, monkeypatch: pytest.MonkeyPatch) -> None:
    from digistrat.report import sarif

    monkeypatch.delenv("DIGISTRAT_DOCS_URL", raising=False)
    monkeypatch.setattr(sarif, "docs_url", lambda: "")
    driver = validate(render("sarif", result))["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver
    assert all("helpUri" not in r for r in driver["rules"])


def test_messages_are_full_sentences_with_the_fix_as_its_own(result: CheckResult) -> None:
    results = validate(render("sarif", result))["runs"][0]["results"]
    texts = [r["message"]["text"] for r in results]
    assert texts[0] == "The commitment has no measure. Add `measure:`."
    assert texts[1] == "The strategy has no guiding principles. Add `principles:`."
    assert texts[3] == "Not published."
    for text in texts:
        assert text[0].isupper() and text.endswith(".")


@pytest.mark.parametrize(
    ("raw", "sentence"),
    [
        ("the plan is late", "The plan is late."),
        ("The plan is late.", "The plan is late."),
        ("is it late?", "Is it late?"),
        ("late (see §3.)", "Late (see §3.)"),
        ("`due:` is missing", "`due:` is missing."),
        ("  spaced  ", "Spaced."),
        ("", ""),
    ],
)
def test_sentence(raw: str, sentence: str) -> None:
    from digistrat.report.common import sentence as make

    assert make(raw) == sentence


def test_every_real_message_is_sentences(tmp_path: Path) -> None:
    """On a repository with many findings, every message reads as sentences, fix included."""
    if not (EXAMPLES / "wishlist").is_dir():
        pytest.skip("example not present")
    result = run(load(EXAMPLES / "wishlist"), EXAMPLE_TODAY)
    doc = validate(render("sarif", result))
    assert len(result.findings) > 10
    for f, item in zip(result.findings, doc["runs"][0]["results"], strict=True):
        text = item["message"]["text"]
        assert text[0].isupper() or not text[0].isalpha(), text
        assert text.rstrip("`'\")]”’").endswith((".", "?", "!")), text
        if f.hint:
            assert f.hint.strip().rstrip(".")[1:] in text, (f.hint, text)


def _fingerprints(root: Path) -> dict[str, str]:
    doc = validate(render("sarif", run(load(root), EXAMPLE_TODAY)))
    return {
        r["ruleId"]: (r["partialFingerprints"]["digistrat/v1"], r["locations"][0])
        for r in doc["runs"][0]["results"]
    }


def test_fingerprint_survives_the_line_moving(tmp_path: Path) -> None:
    root = materialise(tmp_path, "# strategy.yaml\nprinciples: []\n")
    before = _fingerprints(root)
    strategy = root / "strategy.yaml"
    strategy.write_text("# a comment\n\n# and another\n" + strategy.read_text("utf-8"), "utf-8")
    after = _fingerprints(root)
    (fp_before, loc_before), (fp_after, loc_after) = before["P001"], after["P001"]
    region = "physicalLocation"
    assert loc_after[region]["region"]["startLine"] == loc_before[region]["region"]["startLine"] + 3
    assert fp_after == fp_before


def test_documentation_address_from_the_package_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    from email.message import Message

    from digistrat.report import sarif

    meta = Message()
    meta["Project-URL"] = "Source, https://git.example/digistrat"
    meta["Project-URL"] = "Documentation, https://docs.example/rules.html"
    monkeypatch.delenv("DIGISTRAT_DOCS_URL", raising=False)
    monkeypatch.setattr(sarif.metadata, "metadata", lambda name: meta)
    assert sarif.docs_url() == "https://docs.example/rules.html"
    monkeypatch.setenv("DIGISTRAT_DOCS_URL", " https://mine.example/rules.md ")
    assert sarif.docs_url() == "https://mine.example/rules.md"
    monkeypatch.delenv("DIGISTRAT_DOCS_URL")
    del meta["Project-URL"]
    assert sarif.docs_url() == ""


def test_every_result_in_full(result: CheckResult) -> None:
    from digistrat import __version__
    from digistrat.report import sarif
    from digistrat.report.common import fingerprints

    doc = sarif.data(result, base="")
    run_ = doc["runs"][0]
    assert doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert run_["columnKind"] == "unicodeCodePoints"
    assert {k: v for k, v in run_["tool"]["driver"].items() if k != "rules"} == {
        "name": "digistrat",
        "version": __version__,
        "semanticVersion": __version__,
    }
    index = {r.code: i for i, r in enumerate(all_rules())}
    prints = fingerprints(result.findings)
    texts = [
        "The commitment has no measure. Add `measure:`.",
        "The strategy has no guiding principles. Add `principles:`.",
        run_["results"][2]["message"]["text"],
        "Not published.",
    ]
    regions = [
        {"startLine": 1, "startColumn": 1},
        {"startLine": 2, "startColumn": 1},
        {"startLine": 2, "startColumn": 13},
        None,
    ]
    levels = ["error", "error", "warning", "note"]
    expected = []
    for f, fp, text, region, level in zip(
        result.findings, prints, texts, regions, levels, strict=True
    ):
        location: dict[str, object] = {
            "artifactLocation": {
                "uri": f.path.replace(" ", "%20").replace(",", "%2C"),
                "uriBaseId": "SRCROOT",
            }
        }
        if region is not None:
            location["region"] = region
        expected.append(
            {
                "ruleId": f.code,
                "level": level,
                "message": {"text": text},
                "locations": [{"physicalLocation": location}],
                "partialFingerprints": {"digistrat/v1": fp},
                "ruleIndex": index[f.code],
            }
        )
    assert run_["results"] == expected


def test_each_rule_in_full() -> None:
    from digistrat.report import sarif

    rules = all_rules()
    driver = sarif.data(CheckResult(root=Path("."), findings=[]), base="https://d.example/r.md")[
        "runs"
    ][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://d.example/r.md"
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for rule, out in zip(rules, driver["rules"], strict=True):
        assert out == {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.rationale or rule.summary},
            "help": {"text": rule.doc, "markdown": rule.doc},
            "defaultConfiguration": {"level": levels[rule.severity]},
            "properties": {"tags": [rule.section], "guideSection": rule.section},
            "helpUri": "https://d.example/r.md#" + rule.code.lower(),
        }
    assert any(r.rationale for r in rules) and any(r.severity == "info" for r in rules)


def test_a_finding_of_no_known_rule_has_no_rule_index(tmp_path: Path) -> None:
    from digistrat.findings import Finding
    from digistrat.report import sarif

    f = Finding("Q900", "made-up", "warning", "strategy.yaml", 3, None, "odd", "")
    [item] = sarif.data(CheckResult(root=tmp_path, findings=[f]), base="")["runs"][0]["results"]
    assert "ruleIndex" not in item
    assert item["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 1}


def test_the_package_is_asked_by_its_name_and_a_comma_in_the_address_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from email.message import Message
    from importlib import metadata

    from digistrat.report import sarif

    meta = Message()
    meta["Project-URL"] = "Documentation, https://docs.example/rules,v2.html"
    asked: list[str] = []

    def lookup(name: str) -> Message:
        asked.append(name)
        if name != "digistrat":
            raise metadata.PackageNotFoundError(name)
        return meta

    monkeypatch.delenv("DIGISTRAT_DOCS_URL", raising=False)
    monkeypatch.setattr(sarif.metadata, "metadata", lookup)
    assert sarif.docs_url() == "https://docs.example/rules,v2.html"
    assert asked == ["digistrat"]

    def missing(name: str) -> Message:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(sarif.metadata, "metadata", missing)
    assert sarif.docs_url() == ""


def test_everything_after_the_first_hash_is_dropped(result: CheckResult) -> None:
    from digistrat.report import sarif

    driver = sarif.data(result, base="https://x.example/rules.html#a#b")["runs"][0]["tool"][
        "driver"
    ]
    assert driver["informationUri"] == "https://x.example/rules.html"
    assert (
        driver["rules"][0]["helpUri"]
        == "https://x.example/rules.html#" + driver["rules"][0]["id"].lower()
    )


def test_the_document_is_utf8_json_indented_by_two(result: CheckResult) -> None:
    text = render("sarif", result)
    assert "§11" in text and "\\u00a7" not in text  # the section sign written as itself
    assert text.endswith("}\n")
    assert text.splitlines()[1] == '  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",'
