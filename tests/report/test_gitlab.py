from __future__ import annotations

import json

from digistrat.checker import CheckResult
from digistrat.report import render


def test_code_quality_report(result: CheckResult) -> None:
    issues = json.loads(render("gitlab", result))
    assert [i["severity"] for i in issues] == ["major", "major", "minor", "info"]
    first = issues[0]
    assert first["check_name"] == "C001 commitment-without-measure"
    assert first["location"] == {"path": "commitments/a b,c.yaml", "lines": {"begin": 1}}
    assert first["description"].startswith("C001 the commitment has no measure")
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == 4 and all(len(fp) == 64 for fp in fingerprints)
    assert issues[3]["location"]["lines"]["begin"] == 1  # whole-file findings point at line 1


def test_fingerprints_ignore_line_moves_but_repeat_safely(result: CheckResult) -> None:
    from dataclasses import replace

    before = json.loads(render("gitlab", result))[0]["fingerprint"]
    result.findings[0] = replace(result.findings[0], line=9)
    assert json.loads(render("gitlab", result))[0]["fingerprint"] == before
    result.findings.append(result.findings[0])
    fps = [i["fingerprint"] for i in json.loads(render("gitlab", result))]
    assert len(set(fps)) == len(fps)


def test_clean_is_an_empty_list(empty: CheckResult) -> None:
    assert json.loads(render("gitlab", empty)) == []
