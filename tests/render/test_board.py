"""The board report: ten questions, each with a status derived from check findings."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from digistrat.findings import Finding
from digistrat.loader import load
from digistrat.render import assurance_inputs, produce
from digistrat.render.board import QUESTIONS, rag

TODAY = date(2026, 11, 26)


def _finding(code: str, severity: str) -> Finding:
    return Finding(code, code.lower(), severity, "strategy.yaml", 1, 1, "msg")  # type: ignore[arg-type]


def test_rag_takes_the_worst_severity_of_the_rules_behind_a_question() -> None:
    questions_of = {"A1": (1, 2), "B1": (2,), "C1": (3,), "D1": (4,)}
    found = [_finding("A1", "warning"), _finding("B1", "error"), _finding("C1", "info")]
    status = rag(found, questions_of)
    assert status[1][0] == "amber"
    assert status[2][0] == "red"
    assert [f.code for f in status[2][1]] == ["B1", "A1"]  # errors first
    assert status[3][0] == "green" and len(status[3][1]) == 1
    assert status[4][0] == "green" and status[4][1] == []
    assert status[5][0] == "not-assessed"
    assert set(status) == set(QUESTIONS)


def test_findings_of_unknown_rules_do_not_count() -> None:
    assert rag([_finding("ZZ9", "error")], {"A1": (1,)})[1][0] == "green"


def _statuses(repo: Path) -> dict[int, str]:
    html = produce(load(repo), TODAY, ("board",))["board.html"].decode()
    found = re.findall(r'<section class="question question--([a-z-]+)" id="question-(\d+)"', html)
    return {int(n): status for status, n in found}


def test_the_sample_strategy_is_green(sample: Path) -> None:
    findings, _ = assurance_inputs(load(sample), TODAY)
    assert findings == []
    assert set(_statuses(sample).values()) == {"green"}


@pytest.mark.parametrize(
    ("question", "key", "status"),
    [
        (2, "mission", "red"),
        (5, "not_doing", "red"),
        (1, "objectives", "red"),
        # The guide asks these as questions and describes good approaches, so their rules
        # (K001, Y001) are warnings: the question turns amber, not red.
        (10, "risks", "amber"),
        (8, "system", "amber"),
    ],
)
def test_a_defect_changes_its_question(sample: Path, question: int, key: str, status: str) -> None:
    """Removing what a question asks about (its block in strategy.yaml) makes it red (an
    error-severity rule) or amber (a warning)."""
    path = sample / "strategy.yaml"
    text = path.read_text()
    changed = re.sub(rf"^{key}:.*\n(?:[ -].*\n)*", "", text, flags=re.M)
    assert changed != text
    path.write_text(changed)
    assert _statuses(sample)[question] == status


def test_commitment_without_a_measure_turns_question_6_red(sample: Path) -> None:
    path = sample / "commitments" / "change-online.yaml"
    text = path.read_text()
    text = re.sub(r"measure:\n(  .*\n)+?due:", "due:", text)
    path.write_text(text)
    statuses = _statuses(sample)
    assert statuses[6] == "red"
    html = produce(load(sample), TODAY, ("board",))["board.html"].decode()
    assert "C001" in html  # the finding behind the red is listed


def test_status_is_written_in_words_not_only_colour(sample: Path) -> None:
    html = produce(load(sample), TODAY, ("board",))["board.html"].decode()
    assert html.count("Green: no concerns found") >= 10


def test_unreadable_files_are_called_out(sample: Path) -> None:
    (sample / "services" / "broken.yaml").write_text("name: [unclosed\n")
    html = produce(load(sample), TODAY, ("board",))["board.html"].decode()
    assert "Some entries are missing from this report" in html
    assert "services/broken.yaml" in html


def test_a_question_with_nothing_recorded_is_never_green(tmp_path: Path) -> None:
    from helpers import build_tree

    repo = build_tree(tmp_path / "repo", {"strategy.yaml": "organisation: X\ntitle: Y\n"})
    statuses = _statuses(repo)
    assert "green" not in statuses.values()
    html = produce(load(repo), TODAY, ("board",))["board.html"].decode()
    assert "No services have been mapped yet." in html
