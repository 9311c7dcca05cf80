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


def _tree(element: ET.Element) -> tuple[object, ...]:
    return (element.tag, element.attrib, (element.text or "").strip(), [_tree(e) for e in element])


def test_the_whole_document(result: CheckResult) -> None:
    """Every element, attribute and text of the report, for the fixture's four findings."""
    from digistrat.report.common import why

    c001, p001, t001, w003 = result.findings

    def props(error: int, warning: int, info: int) -> tuple[object, ...]:
        counts = {"error": error, "warning": warning, "info": info}
        return (
            "properties",
            {},
            "",
            [
                ("property", {"name": f"digistrat.{k}", "value": str(v)}, "", [])
                for k, v in counts.items()
            ],
        )

    def failing(f: Finding, where: str) -> tuple[object, ...]:
        text = f"{where}: {f.code} [error] {f.message}\nfix: {f.hint}\nwhy: {why(f)}"
        return (
            "testcase",
            {"classname": f.path, "name": f"{f.code} {f.name} at {where}"},
            "",
            [("failure", {"message": f.message, "type": "error"}, text, [])],
        )

    def passing(f: Finding, where: str) -> tuple[object, ...]:
        # XML reads a carriage return and line feed as one line feed
        text = f"{where}: {f.code} [{f.severity}] {f.message}\nwhy: {why(f)}".replace("\r\n", "\n")
        return (
            "testcase",
            {"classname": f.path, "name": f"{f.code} {f.name} at {where}"},
            "",
            [("system-out", {}, text, [])],
        )

    def suite(
        path: str, tests: int, failures: int, *children: tuple[object, ...]
    ) -> tuple[object, ...]:
        attrib = {
            "name": path,
            "tests": str(tests),
            "failures": str(failures),
            "errors": "0",
            "skipped": "0",
            "file": path,
        }
        return ("testsuite", attrib, "", list(children))

    assert _tree(ET.fromstring(render("junit", result))) == (
        "testsuites",
        {"name": "digistrat check", "tests": "4", "failures": "2"},
        "",
        [
            suite(c001.path, 1, 1, props(1, 0, 0), failing(c001, "commitments/a b,c.yaml:1:1")),
            suite(
                "strategy.yaml",
                3,
                1,
                props(1, 1, 1),
                failing(p001, "strategy.yaml:2:1"),
                passing(t001, "strategy.yaml:2:13"),
                passing(w003, "strategy.yaml"),
            ),
        ],
    )


def test_a_finding_without_a_column_is_placed_at_column_one(tmp_path: Path) -> None:
    f = Finding("P001", "principles-missing", "error", "strategy.yaml", 4, None, "none")
    text = render("junit", CheckResult(root=tmp_path, findings=[f], files_checked=1))
    [case] = ET.fromstring(text).iter("testcase")
    assert case.get("name") == "P001 principles-missing at strategy.yaml:4:1"
    assert case.findtext("failure", "").startswith("strategy.yaml:4:1: P001 [error] none\nwhy: ")


def test_the_clean_document(empty: CheckResult) -> None:
    assert _tree(ET.fromstring(render("junit", empty))) == (
        "testsuites",
        {"name": "digistrat check", "tests": "1", "failures": "0"},
        "",
        [
            (
                "testsuite",
                {"name": "digistrat check", "tests": "1", "failures": "0", "errors": "0"},
                "",
                [
                    (
                        "testcase",
                        {"classname": "digistrat", "name": "strategy passes all rules"},
                        "",
                        [],
                    )
                ],
            )
        ],
    )


def test_called_directly_it_fails_on_errors(result: CheckResult) -> None:
    from digistrat.report import junit

    assert ET.fromstring(junit.render(result)).get("failures") == "2"
