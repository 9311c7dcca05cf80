"""``digistrat rules`` and ``explain``, and the generated docs/rules.md."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from digistrat.report import catalogue
from digistrat.rules import all_rules, find

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_docs_rules_md_is_up_to_date() -> None:
    expected = catalogue.as_markdown(all_rules())
    if os.environ.get("DIGISTRAT_UPDATE_DOCS") == "1":
        DOCS.write_text(expected, encoding="utf-8")
    assert DOCS.read_text(encoding="utf-8") == expected, (
        "docs/rules.md is out of date: run `digistrat rules --format markdown > docs/rules.md` "
        "(or DIGISTRAT_UPDATE_DOCS=1 pytest tests/report/test_catalogue.py)"
    )


def test_markdown_turns_examples_into_yaml_blocks() -> None:
    text = catalogue.as_markdown([r for r in all_rules() if r.code == "M001"])
    assert "**Failing example:**\n\n```yaml\n# strategy.yaml\nmission:\n```" in text
    assert "Failing example::" not in text
    assert "| [M001](#m001) | `mission-missing` | error |" in text


def test_table_and_json_list_every_rule() -> None:
    rules = all_rules()
    table = catalogue.as_table(rules)
    data = json.loads(catalogue.as_json(rules))
    assert len(data) == len(rules)
    for rule, item in zip(rules, data, strict=True):
        assert rule.code in table and rule.name in table
        assert item["code"] == rule.code and item["summary"] == rule.summary


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_explain_every_rule(rule: object) -> None:
    found = find(rule.code)  # type: ignore[attr-defined]
    assert found is not None
    text = catalogue.explain(found)
    assert text.startswith(f"{found.code} {found.name} ({found.severity})")
    assert found.summary in text and f"ignore[{found.code}]" in text
    assert f"Why {found.severity}: {found.severity_basis}" in text


def test_every_rule_shows_why_its_severity_in_the_docs() -> None:
    text = catalogue.as_markdown(all_rules())
    for rule in all_rules():
        assert f"- **Why {rule.severity}:** {rule.severity_basis}\n" in text, rule.code


def test_applies_to_is_shown() -> None:
    y001 = find("Y001")
    assert y001 is not None and y001.applies_to == ("nhs-trust", "integrated-care-board")
    assert "Applies to: NHS trusts and integrated care boards only" in catalogue.explain(y001)
    assert "- **Applies to:** NHS trusts and integrated care boards" in catalogue.as_markdown(
        [y001]
    )
    data = json.loads(catalogue.as_json([y001]))
    assert data[0]["applies_to"] == ["nhs-trust", "integrated-care-board"]
    assert data[0]["severity_basis"] == y001.severity_basis
