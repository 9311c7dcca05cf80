"""The board paper: ten questions with an honest status, a two-page summary, one voice."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from digistrat.findings import Finding
from digistrat.loader import load
from digistrat.render import assurance_inputs, board, produce
from digistrat.render.assurance import Concern, Withheld, group, verdicts

TODAY = date(2026, 11, 26)
ALL = range(1, 11)


def _finding(code: str, severity: str, path: str = "strategy.yaml", line: int = 1) -> Finding:
    return Finding(code, code.lower(), severity, path, line, 1, "msg")  # type: ignore[arg-type]


def _status(
    found: list[Finding],
    questions_of: dict[str, tuple[int, ...]],
    withheld: Withheld | None = None,
    concerns: dict[int, list[Concern]] | None = None,
    empty: dict[int, bool] | None = None,
) -> dict[int, str]:
    v = verdicts(found, questions_of, {}, withheld or Withheld(), concerns or {}, empty or {})
    return {q: v[q].status for q in v}


QS = {"A1": (1,), "B1": (2,), "C1": (3,), "D1": (4,), "E1": (5,), "E2": (5,)}


def test_the_worst_severity_of_a_questions_findings_sets_its_colour() -> None:
    status = _status(
        [_finding("A1", "warning"), _finding("B1", "error"), _finding("C1", "info")], QS
    )
    assert status[1] == "amber"
    assert status[2] == "red"
    assert status[3] == "green"  # a note is advice, not a concern
    assert status[4] == "green"
    assert status[6] == "not-assessed"  # no rule informs it


def test_a_question_whose_checks_are_all_switched_off_is_not_checked() -> None:
    assert _status([], QS, Withheld(switched_off=["E1", "E2"]))[5] == "not-assessed"


def test_facts_in_the_data_count_even_when_the_checks_are_switched_off() -> None:
    off = Withheld(switched_off=["E1", "E2"])
    assert _status([], QS, off, concerns={5: [Concern("warning", "at risk")]})[5] == "amber"
    assert _status([], QS, off, concerns={5: [Concern("error", "off track")]})[5] == "red"


def test_a_question_with_some_checks_switched_off_is_never_green() -> None:
    assert _status([], QS, Withheld(switched_off=["E1"]))[5] == "amber"


def test_a_suppressed_finding_keeps_its_question_from_green() -> None:
    status = _status([], QS, Withheld(hidden=[_finding("D1", "error")]))
    assert status[4] == "amber"
    assert status[3] == "green"


def test_facts_in_the_data_count_like_findings() -> None:
    concerns = {1: [Concern("error", "off track")], 2: [Concern("warning", "at risk")]}
    status = _status([], QS, concerns=concerns)
    assert (status[1], status[2]) == ("red", "amber")


def test_missing_evidence_is_never_green() -> None:
    assert _status([], QS, empty={3: True})[3] == "amber"


def test_file_problems_belong_to_no_question() -> None:
    """A broken reference (F005) is a data-quality note, not a risk (question 10)."""
    status = _status([_finding("F005", "error")], {**QS, "F005": (), "K001": (10,)})
    assert status[10] == "green"
    assert "red" not in status.values()


def test_findings_are_grouped_by_rule_with_a_count() -> None:
    found = [_finding("U002", "error", line=n) for n in (1, 2, 3)] + [_finding("U003", "warning")]
    found += [_finding("T002", "warning", line=n) for n in (1, 2)]
    summaries = {
        "U002": "A user need has no evidence behind it.",
        "U003": "A need's evidence comes only from the usual voices.",
        "T002": "Text uses an acronym that is never spelled out.",
    }
    groups = group(found, summaries)
    assert [(g.code, g.count) for g in groups] == [("U002", 3), ("T002", 2), ("U003", 1)]
    assert groups[0].text == "3 user needs have no evidence behind them."
    assert groups[1].text == "Text uses an acronym that is never spelled out (found 2 times)."
    assert groups[2].text == "A need's evidence comes only from the usual voices."


def _html(repo: Path) -> str:
    return produce(load(repo), TODAY, ("board",))["board.html"].decode()


def _statuses(repo: Path) -> dict[int, str]:
    found = re.findall(
        r'<section class="question question--([a-z-]+)" id="question-(\d+)"', _html(repo)
    )
    return {int(n): status for status, n in found}


def _summary(html: str) -> str:
    return html[
        html.index('<section class="board-summary"') : html.index('<section class="board-appendix"')
    ]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


def test_the_sample_strategy_is_green(sample: Path) -> None:
    findings, _ = assurance_inputs(load(sample), TODAY)
    assert findings == []
    assert set(_statuses(sample).values()) == {"green"}
    assert "The checks found no concerns: all ten questions are green." in _html(sample)


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


def test_a_finding_is_told_once_under_one_question(sample: Path) -> None:
    path = sample / "commitments" / "change-online.yaml"
    path.write_text(re.sub(r"measure:\n(  .*\n)+?due:", "due:", path.read_text()))
    statuses = _statuses(sample)
    assert statuses[7] == "red"
    assert statuses[6] != "red"
    html = _html(sample)
    appendix = html[html.index('id="appendix-title"') : html.index('id="owner"')]
    assert appendix.count("A commitment has no measure.") == 1
    assert "C001" not in _summary(html) and "C001" not in appendix  # codes are for the owner
    assert "C001" in html[html.index('id="owner"') :]


def test_statuses_are_told_in_words_not_only_colour(sample: Path) -> None:
    html = _html(sample)
    assert html.count('<strong class="tag tag--green">Green</strong>') == 10
    assert html.count("assured: no concerns found") >= 10


def test_unreadable_files_are_a_data_quality_note_at_the_top(sample: Path) -> None:
    (sample / "services" / "broken.yaml").write_text("name: [unclosed\n")
    html = _html(sample)
    summary = _summary(html)
    assert "Data quality: some entries are left out" in summary
    assert "1 file in the strategy could not be read" in summary
    assert "services/broken.yaml" in html


def test_a_broken_reference_does_not_turn_risks_red(sample: Path) -> None:
    _edit(
        sample / "commitments" / "change-online.yaml",
        "initiatives: [online-appointments]",
        "initiatives: [online-appointments, no-such-thing]",
    )
    statuses = _statuses(sample)
    assert statuses[10] == "green"
    summary = _summary(_html(sample))
    assert "could not be read" not in summary  # a reference is not an unreadable file
    assert "1 reference names an entry that does not exist" in summary


def test_rules_switched_off_are_disclosed_and_never_green(sample: Path) -> None:
    _edit(sample / "strategy.yaml", "scoring:\n", "check:\n  ignore: [K002]\nscoring:\n")
    html = _html(sample)
    assert _statuses(sample)[10] == "amber"
    assert "Appendix B: checks not applied" in html
    assert "Switched off in <code>check:</code> in strategy.yaml: <code>K002</code>." in html
    assert "The risks include neither cyber security nor outages." in html
    assert "1 check is switched off" in _summary(html)
    assert "Agree whether the 1 check switched off should stay off" in _summary(html)


def test_every_check_of_a_question_switched_off_is_not_checked(sample: Path) -> None:
    _edit(sample / "strategy.yaml", "scoring:\n", "check:\n  ignore: [Y001, Y002]\nscoring:\n")
    assert _statuses(sample)[8] == "not-assessed"
    assert "Grey" in _html(sample)


def test_an_inline_suppression_is_disclosed(sample: Path) -> None:
    path = sample / "services" / "appointments.yaml"
    text = path.read_text().replace("digital_take_up: 12\n", "digital_take_up: 120\n")
    path.write_text(text)
    assert _statuses(sample)[4] == "red"  # an impossible take-up (S004, an error)
    line = text.split("\n").index("  digital_take_up: 120") + 1
    suppressed = "take_up: 120  # digistrat: ignore[S004] agreed by the board\n"
    path.write_text(text.replace("take_up: 120\n", suppressed))
    assert _statuses(sample)[4] == "amber"  # suppressed, so not red, but never green
    html = _html(sample)
    assert "Findings suppressed (1)" in html
    owner = html[html.index('id="owner"') :]
    assert f"<code>S004</code> in <code>services/appointments.yaml:{line}</code>" in owner
    not_applied = html[html.index('id="not-applied"') : html.index('id="owner"')]
    assert ".yaml" not in not_applied and "S004" not in not_applied  # plain words for the board
    assert "1 finding is suppressed" in _summary(html)


@pytest.mark.parametrize(("status", "colour"), [("at-risk", "amber"), ("off-track", "red")])
def test_a_commitment_in_trouble_shows_in_question_6(
    sample: Path, status: str, colour: str
) -> None:
    _edit(sample / "commitments" / "change-online.yaml", "status: on-track", f"status: {status}")
    assert _statuses(sample)[6] == colour
    summary = _summary(_html(sample))
    assert f"1 commitment is {status.replace('-', ' ')}" in summary
    assert "Agree whether to re-date or descope" in summary


def test_work_planned_to_finish_after_the_due_date_is_a_concern(sample: Path) -> None:
    _edit(sample / "commitments" / "change-online.yaml", "due: 2027-03-31", "due: 2026-12-31")
    path = sample / "initiatives" / "online-appointments.yaml"
    path.write_text(re.sub(r"^end: .*$", "end: 2027-06-30", path.read_text(), flags=re.M))
    assert _statuses(sample)[6] == "amber"
    summary = _summary(_html(sample))
    assert "The plan finishes the work behind 1 commitment after its due date" in summary
    assert "due 31 December 2026; its work is planned to finish 30 June 2027" in summary


def test_the_owner_can_put_decisions_to_the_board(sample: Path) -> None:
    _edit(
        sample / "strategy.yaml",
        "scoring:\n",
        "board:\n  decisions:\n    - Approve the business case for the shared record.\nscoring:\n",
    )
    summary = _summary(_html(sample))
    assert "Decisions requested" in summary
    assert "Approve the business case for the shared record." in summary
    assert "make the decision set out" in summary
    assert "the 1 decision" not in summary


def test_question_9_is_not_green_without_planned_changes(sample: Path) -> None:
    path = sample / "strategy.yaml"
    path.write_text(re.sub(r"^ways_of_working:\n(?:  .*\n)+", "", path.read_text(), flags=re.M))
    assert _statuses(sample)[9] == "amber"


def test_a_question_with_nothing_recorded_is_never_green(tmp_path: Path) -> None:
    from helpers import build_tree

    repo = build_tree(tmp_path / "repo", {"strategy.yaml": "organisation: X\ntitle: Y\n"})
    statuses = _statuses(repo)
    assert "green" not in statuses.values()
    assert "No services have been mapped yet." in _html(repo)


def test_history_and_charts_have_their_place_when_given(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = _html(sample)
    assert "What changed since the last board" not in html  # nothing yet: nothing shown

    class Changes:
        since = date(2026, 9, 30)
        lines = ["2 commitments were met."]
        details = False  # the full list comes from the history (test_changes_page)

    chart = '<svg role="img" aria-label="Measure over time"></svg>'
    monkeypatch.setattr(
        board, "extras", lambda site: board.Extras(Changes(), {"change-online": chart})
    )
    html = _html(sample)
    summary = _summary(html)
    assert "What changed since the last board" in summary
    assert "Since 30 September 2026." in summary and "2 commitments were met." in summary
    assert html.count(chart) == 1
    assert chart in html[html.index('id="question-7"') : html.index('id="question-8"')]


def test_the_summary_speaks_plainly(sample: Path) -> None:
    """No file paths, rule codes, YAML keys or ISO dates before the appendix."""
    path = sample / "strategy.yaml"
    path.write_text(re.sub(r"^(risks|system):.*\n(?:[ -].*\n)*", "", path.read_text(), flags=re.M))
    summary = re.sub(r"<[^>]*>", " ", _summary(_html(sample)))
    assert not re.search(r"\b[A-Z]\d{3}\b", summary)
    assert ".yaml" not in summary and "`" not in summary
    assert not re.search(r"\b\d{4}-\d\d-\d\d\b", summary)
    assert "(s)" not in summary
