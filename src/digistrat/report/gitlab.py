"""``--format gitlab``: a GitLab Code Quality report (a JSON list of issues)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from digistrat.report.common import fingerprints

if TYPE_CHECKING:
    from digistrat.checker import CheckResult

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(result: CheckResult) -> str:
    issues = [
        {
            "description": f"{f.code} {f.message}",
            "check_name": f"{f.code} {f.name}",
            "fingerprint": fp,
            "severity": SEVERITY[f.severity],
            "location": {"path": f.path, "lines": {"begin": f.line or 1}},
        }
        for f, fp in zip(result.findings, fingerprints(result.findings), strict=True)
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
