from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import all_rules
from digistrat.rules import w004_ways_of_working_without_cadence as rule
from digistrat.since import question_statuses
from rules.rule_helpers import findings, hits


def _rhythm(*kinds: str) -> str:
    items = "".join(f"  - kind: {k}\n    frequency: monthly\n" for k in kinds)
    return f"# strategy.yaml\nrhythm:\n{items}" if kinds else "# strategy.yaml\nrhythm: []\n"


def test_show_and_tells_alone_are_not_a_cadence(tmp_path: Path) -> None:
    [(path, line, message)] = hits(rule, tmp_path, _rhythm("show-and-tell", "strategy-review"))
    assert path == "strategy.yaml" and line is not None
    assert "not how often progress is reviewed or priorities are revisited" in message


@pytest.mark.parametrize("kind", ["progress-review", "re-prioritisation"])
def test_a_review_or_re_prioritisation_is_enough(tmp_path: Path, kind: str) -> None:
    assert hits(rule, tmp_path, _rhythm("show-and-tell", kind)) == []


def test_no_rhythm_at_all_turns_question_9_amber(tmp_path: Path) -> None:
    codes = {f.code: f.severity for f in findings(tmp_path, _rhythm())}
    # One gap, one finding: W002 (info) leaves an empty rhythm to W004 once ways of working
    # are filled in (second real-world review).
    assert codes.get("W004") == "warning" and "W002" not in codes
    assert rule.QUESTIONS == (9,)


def test_no_ways_of_working_is_left_to_w001(tmp_path: Path) -> None:
    block = _rhythm() + "ways_of_working: []\n"
    assert hits(rule, tmp_path, block) == []


@pytest.mark.parametrize(
    ("overlay", "status"),
    [
        (_rhythm("show-and-tell"), "amber"),
        (_rhythm("show-and-tell", "re-prioritisation"), "green"),
    ],
)
def test_board_question_9_turns_amber(tmp_path: Path, overlay: str, status: str) -> None:
    questions_of = {r.code: r.questions for r in all_rules()}
    assert question_statuses(findings(tmp_path, overlay), questions_of)[9] == status
