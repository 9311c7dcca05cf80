"""``--format json``: the findings and a summary, for scripts."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from digistrat import __version__
from digistrat.report.common import fingerprints, rule_of, summary_counts, why

if TYPE_CHECKING:
    from digistrat.checker import CheckResult


def data(result: CheckResult) -> dict[str, Any]:
    counts = summary_counts(result.findings)
    items = []
    for f, fp in zip(result.findings, fingerprints(result.findings), strict=True):
        rule = rule_of(f)
        items.append(
            {
                "code": f.code,
                "name": f.name,
                "severity": f.severity,
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "message": f.message,
                "hint": f.hint,
                "why": why(f),
                "section": rule.section if rule else "",
                "fingerprint": fp,
            }
        )
    return {
        "tool": "digistrat",
        "version": __version__,
        "summary": {
            "files": result.files_checked,
            "errors": counts["error"],
            "warnings": counts["warning"],
            "info": counts["info"],
            "suppressed": result.suppressed,
        },
        "findings": items,
    }


def render(result: CheckResult) -> str:
    return json.dumps(data(result), indent=2, ensure_ascii=False) + "\n"
