from __future__ import annotations

import re

from digistrat.checker import CheckResult
from digistrat.report import render
from digistrat.report.github import escape_data, escape_property

COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-z]+=[^,:]*,?)+)::(.*)$")


def test_escaping() -> None:
    assert escape_data("50%\r\nx") == "50%25%0D%0Ax"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_lines_are_well_formed_workflow_commands(result: CheckResult) -> None:
    lines = render("github", result).splitlines()
    assert len(lines) == 4
    for line in lines:
        assert COMMAND.match(line), line
    assert lines[0] == (
        "::error file=commitments/a b%2Cc.yaml,line=1,col=1,"
        "title=C001 commitment-without-measure::the commitment has no measure%0AAdd `measure:`."
    )
    assert lines[2].startswith(
        "::warning file=strategy.yaml,line=2,col=13,title=T001 vague-wording::"
    )
    assert "%25 done" in lines[2] and "%0D%0A" in lines[2]
    assert lines[3] == "::notice file=strategy.yaml,title=W003 not-published::not published"


def test_properties_never_contain_raw_separators(result: CheckResult) -> None:
    for line in render("github", result).splitlines():
        props = line.split("::")[1].split(" ", 1)[1]
        for prop in props.split(","):
            key, _, value = prop.partition("=")
            assert key in ("file", "line", "col", "title")
            assert ":" not in value and "," not in value
