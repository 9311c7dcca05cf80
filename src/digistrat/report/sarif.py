"""``--format sarif``: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDEs).

The rule list carries each rule's summary and full documentation as help text; results point at
repository-relative URIs (``uriBaseId: SRCROOT``) with 1-based regions, and carry a stable
``partialFingerprints`` entry so that a finding keeps its identity when lines move.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from digistrat import __version__
from digistrat.report.common import fingerprints
from digistrat.rules import RuleInfo, all_rules

if TYPE_CHECKING:
    from digistrat.checker import CheckResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "digistrat/v1"


def _rule(rule: RuleInfo) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale or rule.summary},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": [rule.section], "guideSection": rule.section},
    }


def data(result: CheckResult) -> dict[str, Any]:
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    for f, fp in zip(result.findings, fingerprints(result.findings), strict=True):
        location: dict[str, Any] = {
            "artifactLocation": {"uri": quote(f.path), "uriBaseId": "SRCROOT"}
        }
        if f.line is not None:
            location["region"] = {"startLine": f.line, "startColumn": f.column or 1}
        item: dict[str, Any] = {
            "ruleId": f.code,
            "level": LEVEL[f.severity],
            "message": {"text": f.message + (f" {f.hint}" if f.hint else "")},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {FINGERPRINT: fp},
        }
        if f.code in index:
            item["ruleIndex"] = index[f.code]
        results.append(item)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "digistrat",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(r) for r in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(result: CheckResult) -> str:
    return json.dumps(data(result), indent=2, ensure_ascii=False) + "\n"
