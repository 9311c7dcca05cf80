from __future__ import annotations

from xml.etree import ElementTree as ET

from digistrat.checker import CheckResult
from digistrat.report import render


def test_junit_report(result: CheckResult) -> None:
    root = ET.fromstring(render("junit", result))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None and suite.get("tests") == "4" and suite.get("failures") == "4"
    cases = suite.findall("testcase")
    assert len(cases) == 4
    assert cases[0].get("classname") == "commitments/a b,c.yaml"
    assert cases[0].get("name") == "C001 commitment-without-measure at commitments/a b,c.yaml:1:1"
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert "fix: Add `measure:`." in (failure.text or "")
    hostile = cases[2].find("failure")
    assert hostile is not None and '"quoted"' in (hostile.get("message") or "")


def test_clean_has_one_passing_case(empty: CheckResult) -> None:
    root = ET.fromstring(render("junit", empty))
    cases = root.findall("testsuite/testcase")
    assert len(cases) == 1 and cases[0].find("failure") is None
