from __future__ import annotations

from digistrat.checker import CheckResult
from digistrat.report import render


def test_one_line_per_finding(result: CheckResult) -> None:
    lines = render("concise", result).splitlines()
    assert lines[0] == "commitments/a b,c.yaml:1:1: C001 [error] the commitment has no measure"
    assert lines[1] == "strategy.yaml:2:1: P001 [error] the strategy has no guiding principles"
    assert lines[2].startswith("strategy.yaml:2:13: T001 [warning] odd: 50% done")
    assert "\r" not in lines[2]
    assert lines[3] == "strategy.yaml: W003 [info] not published"
    assert len(lines) == 4


def test_clean_is_empty(empty: CheckResult) -> None:
    assert render("concise", empty) == ""
