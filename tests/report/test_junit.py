from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import xmlschema

from digistrat.checker import CheckResult
from digistrat.findings import Finding
from digistrat.report import render

XSD = xmlschema.XMLSchema(Path(__file__).with_name("junit-10.xsd"))


def _suites(text: str) -> dict[str, ET.Element]:
    root = ET.fromstring(text)
    return {s.get("file") or "": s for s in root.findall("testsuite")}


def test_junit_report_is_valid_against_junit_10(result: CheckResult) -> None:
    text = render("junit", result)
    XSD.validate(text)
    root = ET.fromstring(text)
    assert root.tag == "testsuites" and root.get("tests") == "4" and root.get("failures") == "2"
    suites = _suites(text)
    assert sorted(suites) == ["commitments/a b,c.yaml", "strategy.yaml"]
    commitment = suites["commitments/a b,c.yaml"]
    assert commitment.get("tests") == "1" and commitment.get("failures") == "1"
    (case,) = commitment.findall("testcase")
    assert case.get("classname") == "commitments/a b,c.yaml"
    assert case.get("name") == "C001 commitment-without-measure at commitments/a b,c.yaml:1:1"
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert "fix: Add `measure:`." in (failure.text or "")


def test_severity_below_fail_on_passes_with_the_finding_in_system_out(
    result: CheckResult,
) -> None:
    suite = _suites(render("junit", result))["strategy.yaml"]
    assert suite.get("tests") == "3" and suite.get("failures") == "1"
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert props == {"digistrat.error": "1", "digistrat.warning": "1", "digistrat.info": "1"}
    cases = suite.findall("testcase")
    assert [c.find("failure") is not None for c in cases] == [True, False, False]
    warning = cases[1].find("system-out")
    assert warning is not None and '"quoted"' in (warning.text or "")
    assert "[warning]" in (warning.text or "")


@pytest.mark.parametrize(("fail_on", "failures"), [("error", 2), ("warning", 3), ("info", 4)])
def test_fail_on_decides_what_fails(result: CheckResult, fail_on: str, failures: int) -> None:
    text = render("junit", result, fail_on=fail_on)
    XSD.validate(text)
    root = ET.fromstring(text)
    assert root.get("failures") == str(failures)
    assert len(root.findall("testsuite/testcase/failure")) == failures


def test_characters_xml_cannot_hold_are_replaced(tmp_path: Path) -> None:
    nasty = "bell\x07 esc\x1b[2J nul\x00 lone\ud800 end"
    f = Finding("T001", "vague-wording", "error", f"services/x\x01{nasty}.yaml", 1, 1, nasty, nasty)
    text = render("junit", CheckResult(root=tmp_path, findings=[f]))
    XSD.validate(text)  # well-formed and valid: it parses at all
    assert "\x1b" not in text and "\x00" not in text and "\x07" not in text
    assert "esc\ufffd[2J" in text


def test_clean_has_one_passing_case(empty: CheckResult) -> None:
    text = render("junit", empty)
    XSD.validate(text)
    cases = ET.fromstring(text).findall("testsuite/testcase")
    assert len(cases) == 1 and cases[0].find("failure") is None
