"""``--format junit``: JUnit XML valid against junit-10.xsd (the schema Jenkins publishes,
which GitLab and Azure DevOps also read).

- One ``<testsuite>`` per file with findings, its ``file`` attribute the file's path (the
  schema allows ``file`` on a suite, not on a test case); a passing case when all is clean.
- One ``<testcase>`` per finding: ``classname`` the path, ``name`` the rule, the place and
  the line.
- Severity: a finding at or above ``--fail-on`` (default: error) is a ``<failure>`` whose
  ``type`` is its severity, so the test report fails exactly when ``check`` exits 1; a finding
  below it is a passing case whose ``<system-out>`` says what was found, so warnings and notes
  are still listed without failing the build. Each suite's ``<properties>`` count its errors,
  warnings and notes.
- Characters XML cannot hold (control characters, lone surrogates) become U+FFFD.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from digistrat.report.common import summary_counts, why

if TYPE_CHECKING:
    from digistrat.checker import CheckResult
    from digistrat.findings import Finding

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_RANK = {"info": 0, "warning": 1, "error": 2}


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _case(suite: ET.Element, f: Finding, fails: bool) -> None:
    where = f"{f.path}:{f.line}:{f.column or 1}" if f.line is not None else f.path
    name = xml_text(f"{f.code} {f.name} at {where}")
    case = ET.SubElement(suite, "testcase", classname=xml_text(f.path), name=name)
    lines = [f"{where}: {f.code} [{f.severity}] {f.message}"]
    if f.hint:
        lines.append(f"fix: {f.hint}")
    reason = why(f)
    if reason:
        lines.append(f"why: {reason}")
    text = xml_text("\n".join(lines))
    if fails:
        failure = ET.SubElement(case, "failure", message=xml_text(f.message), type=f.severity)
        failure.text = text
    else:
        ET.SubElement(case, "system-out").text = text


def render(result: CheckResult, fail_on: str = "error") -> str:
    threshold = _RANK[fail_on]
    root = ET.Element("testsuites", name="digistrat check")
    total = failed = 0
    for path, group in groupby(sorted(result.findings, key=lambda f: f.path), lambda f: f.path):
        found = list(group)
        fails = [_RANK[f.severity] >= threshold for f in found]
        suite = ET.SubElement(
            root,
            "testsuite",
            name=xml_text(path),
            tests=str(len(found)),
            failures=str(sum(fails)),
            errors="0",
            skipped="0",
            file=xml_text(path),
        )
        props = ET.SubElement(suite, "properties")
        for severity, n in summary_counts(found).items():
            ET.SubElement(props, "property", name=f"digistrat.{severity}", value=str(n))
        for f, fail in zip(found, fails, strict=True):
            _case(suite, f, fail)
        total, failed = total + len(found), failed + sum(fails)
    if not result.findings:
        suite = ET.SubElement(
            root, "testsuite", name="digistrat check", tests="1", failures="0", errors="0"
        )
        ET.SubElement(suite, "testcase", classname="digistrat", name="strategy passes all rules")
        total = 1
    root.set("tests", str(total))
    root.set("failures", str(failed))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
