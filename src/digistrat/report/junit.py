"""``--format junit``: JUnit XML, one test case per finding (a passing case when clean)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from digistrat.report.common import why

if TYPE_CHECKING:
    from digistrat.checker import CheckResult


def render(result: CheckResult) -> str:
    findings = result.findings
    suite = ET.Element(
        "testsuite",
        name="digistrat check",
        tests=str(max(1, len(findings))),
        failures=str(len(findings)),
        errors="0",
        skipped="0",
    )
    if not findings:
        ET.SubElement(suite, "testcase", classname="digistrat", name="strategy passes all rules")
    for f in findings:
        where = f"{f.path}:{f.line}:{f.column or 1}" if f.line is not None else f.path
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f.path,
            name=f"{f.code} {f.name} at {where}",
            file=f.path,
        )
        if f.line is not None:
            case.set("line", str(f.line))
        failure = ET.SubElement(case, "failure", message=f.message, type=f.severity)
        lines = [f"{where}: {f.code} [{f.severity}] {f.message}"]
        if f.hint:
            lines.append(f"fix: {f.hint}")
        reason = why(f)
        if reason:
            lines.append(f"why: {reason}")
        failure.text = "\n".join(lines)
    root = ET.Element("testsuites", name="digistrat", tests=suite.get("tests", "0"))
    root.set("failures", str(len(findings)))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
