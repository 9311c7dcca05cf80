from __future__ import annotations

import json

from digistrat import __version__
from digistrat.checker import CheckResult
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
