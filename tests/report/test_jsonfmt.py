from __future__ import annotations

import json
from pathlib import Path

from digistrat import __version__
from digistrat.checker import CheckResult
from digistrat.findings import Finding
from digistrat.report import render


def test_json_report(result: CheckResult) -> None:
    data = json.loads(render("json", result))
    assert data["tool"] == "digistrat" and data["version"] == __version__
    assert data["summary"] == {"files": 2, "errors": 2, "warnings": 1, "info": 1, "suppressed": 1}
    first = data["findings"][0]
    assert first["code"] == "C001" and first["name"] == "commitment-without-measure"
    assert (first["path"], first["line"], first["column"]) == ("commitments/a b,c.yaml", 1, 1)
    assert first["hint"] == "Add `measure:`."
    assert first["section"].startswith("§11") and "measurable" in first["why"]
    assert data["findings"][3]["line"] is None
    assert data["findings"][2]["message"].endswith("a,b::c")


def test_clean(empty: CheckResult) -> None:
    data = json.loads(render("json", empty))
    assert data["findings"] == [] and data["summary"]["errors"] == 0


def test_every_field_of_every_finding(result: CheckResult) -> None:
    from digistrat.report.common import fingerprints, why

    items = json.loads(render("json", result))["findings"]
    prints = fingerprints(result.findings)
    sections = ["§11", "§1", "§1", "§12"]
    assert len(items) == 4
    for item, f, fp, section in zip(items, result.findings, prints, sections, strict=True):
        assert item == {
            "code": f.code,
            "name": f.name,
            "severity": f.severity,
            "path": f.path,
            "line": f.line,
            "column": f.column,
            "message": f.message,
            "hint": f.hint,
            "why": why(f),
            "section": item["section"],
            "fingerprint": fp,
        }
        assert item["section"].startswith(section) and len(fp) == 64
    assert [i["severity"] for i in items] == ["error", "error", "warning", "info"]


def test_a_finding_of_no_known_rule_has_no_section(tmp_path: Path) -> None:
    f = Finding("Q900", "made-up", "error", "strategy.yaml", 1, 1, "odd", "")
    [item] = json.loads(render("json", CheckResult(root=tmp_path, findings=[f])))["findings"]
    assert item["section"] == "" and item["severity"] == "error"


def test_the_document_is_utf8_json_indented_by_two(result: CheckResult) -> None:
    text = render("json", result)
    assert "§11" in text and "\\u00a7" not in text  # the section sign written as itself
    assert text.splitlines()[1] == '  "tool": "digistrat",' and text.endswith("}\n")
