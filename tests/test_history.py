"""The pure comparison of two snapshots of a strategy, and how it is told."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from digistrat.history import Snapshot, _ordinal, as_json, as_text, compare
from digistrat.models import Commitment, Initiative, Strategy


def _strategy(*risks: str) -> Strategy:
    return Strategy.model_validate(
        {
            "organisation": "X",
            "title": "Y",
            "risks": [{"risk": r, "kind": "other"} for r in risks],
        }
    )


def _snap(
    risks: tuple[str, ...] = (),
    commitments: dict[str, Any] | None = None,
    initiatives: dict[str, Any] | None = None,
    **more: Any,
) -> Snapshot:
    return Snapshot(
        _strategy(*risks),
        {k: Commitment.model_validate(v) for k, v in (commitments or {}).items()},
        {k: Initiative.model_validate(v) for k, v in (initiatives or {}).items()},
        **more,
    )


def _compare(before: Snapshot, after: Snapshot) -> Any:
    return compare(before, after, "tag t", date(2026, 9, 30), titles={1: "First?", 2: "Second?"})


def test_risks_are_known_by_their_words() -> None:
    found = _compare(
        _snap(("Cyber attack.", "Supplier  fails.")),
        _snap(("supplier fails.", "Cyber attack on the records system.")),
    )
    assert [(r.title, r.what) for r in found.risks] == [
        ("Cyber attack on the records system.", "added"),
        ("Cyber attack.", "closed"),
    ]  # spacing and capitals are not a change; a reworded risk is one closed, one added
    assert found.risks[0].summary == "New risk (other, no owner yet)."


def test_risks_are_not_compared_when_strategy_yaml_was_unreadable() -> None:
    unreadable = Snapshot(None, {}, {})
    assert _compare(unreadable, _snap(("Cyber attack.",))).risks == []
    assert _compare(_snap(("Cyber attack.",)), unreadable).risks == []


def test_broken_then_is_not_taken_for_added() -> None:
    c = {"a": {"statement": "A.", "progress": [{"date": "2026-06-30", "note": "One."}]}}
    i = {"b": {"name": "B", "category": "improve"}}
    broken = frozenset({("commitments", "a"), ("initiatives", "b")})
    found = _compare(_snap(broken=broken), _snap(commitments=c, initiatives=i))
    assert [(x.ident, x.what) for x in found.commitments + found.initiatives] == [
        ("a", "unreadable"),
        ("b", "unreadable"),
    ]
    assert found.commitments[0].summary.startswith("Its file then has errors")
    assert found.updates == []


def test_initiative_status_and_removal() -> None:
    base = {"name": "B", "category": "improve"}
    found = _compare(
        _snap(initiatives={"b": {**base, "status": "in-progress"}, "c": base}),
        _snap(initiatives={"b": {**base, "status": "done"}}),
    )
    assert [(x.ident, x.what, x.summary) for x in found.initiatives] == [
        ("b", "status", "Status changed from in progress to done."),
        ("c", "dropped", "Removed: no longer in the strategy."),
    ]


def test_progress_updates_are_new_by_date_and_note() -> None:
    old = {"statement": "A.", "progress": [{"date": "2026-06-30", "note": "One."}]}
    new = {
        "statement": "A.",
        "measure": {"metric": "Cost", "unit": "£"},
        "progress": [
            {"date": "2026-06-30", "note": "One."},
            {"date": "2026-06-30", "note": "One, corrected.", "value": 1.45},
            {"date": "2026-10-31", "note": "Two.", "value": 2},
        ],
    }
    found = _compare(_snap(commitments={"a": old}), _snap(commitments={"a": new}))
    assert [(u.day, u.note, u.value) for u in found.updates] == [
        (date(2026, 10, 31), "Two.", "£2"),
        (date(2026, 6, 30), "One, corrected.", "£1.45"),
    ]


def test_questions_then_and_now() -> None:
    found = _compare(_snap(questions={1: "green", 2: "red"}), _snap(questions={1: "amber"}))
    assert [(q.number, q.question, q.before, q.after, q.changed) for q in found.questions] == [
        (1, "First?", "green", "amber", True),
        (2, "Second?", "red", "unknown", True),
    ]


def test_ordinals() -> None:
    assert [_ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
        "111th",
    ]  # fmt: skip


def test_text_and_json() -> None:
    found = _compare(
        _snap(commitments={"a": {"statement": "A.", "due": "2027-03-31"}}),
        _snap(commitments={"a": {"statement": "A.", "due": "2027-01-31", "status": "at-risk"}}),
    )
    assert found.summary == (
        "In short: 1 commitment changed, no new progress updates, no initiatives changed and "
        "no risks added or closed."
    )
    assert compare(_snap(), _snap(), "t", date(2026, 9, 30)).summary == (
        "Nothing listed here has changed."
    )
    text = as_text(found)
    assert text.startswith("What changed since 30 September 2026 (tag t)\n")
    assert (
        "  - A. (a): Due date moved earlier, from 31 March 2027 to 31 January 2027. "
        "Status changed from on track to at risk.\n"
    ) in text
    assert "  No new progress updates.\n" in text
    data = json.loads(as_json(found))
    assert data["since_day"] == "2026-09-30"
    assert [c["what"] for c in data["commitments"]] == ["re-dated", "status"]
