from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from digistrat.loader import load
from digistrat.rules import r007_bottleneck_overloaded as rule
from digistrat.rules.examples import materialise
from rules.rule_helpers import hits

# Examples are checked on 1 June 2026. The baseline's `online-booking` is in progress until
# 30 September 2026; it needs no bottleneck unless a test says so.


def _strategy(serves: int | None = 1, ident: str = "ig") -> str:
    limit = f"      serves_at_once: {serves}\n" if serves is not None else ""
    return (
        "# strategy.yaml\ncapacity:\n  concurrent_initiatives: 9\n  bottlenecks:\n"
        f"    - id: {ident}\n      name: Information governance\n{limit}"
    )


def _initiative(
    ident: str, status: str = "approved", start: str | None = None, end: str | None = None
) -> str:
    dates = (f"start: {start}\n" if start else "") + (f"end: {end}\n" if end else "")
    return (
        f"# initiatives/{ident}.yaml\nname: {ident}\ncategory: improve\nstatus: {status}\n"
        f"{dates}bottlenecks: [ig]\n"
    )


def _line_of(root: Path, text: str) -> int:
    lines = (root / "strategy.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


BOOKING_NEEDS_IG = "# initiatives/online-booking.yaml\nbottlenecks: [ig]\n"


def test_two_at_once_for_a_bottleneck_that_serves_one(tmp_path: Path) -> None:
    block = (
        _strategy(1)
        + BOOKING_NEEDS_IG
        + _initiative("viewer", start="2026-07-01", end="2026-12-31")
    )
    [(path, line, message)] = hits(rule, tmp_path, block)
    assert path == "strategy.yaml" and line == _line_of(tmp_path, "serves_at_once:")
    assert message == (
        "the bottleneck `ig` (Information governance) can serve 1 initiative at once, but 2 "
        "need it at the same time from 1 July 2026: `online-booking` and `viewer`"
    )


@pytest.mark.parametrize(("serves", "flagged"), [(2, True), (3, False), (4, False)])
def test_limit_boundary(tmp_path: Path, serves: int, flagged: bool) -> None:
    block = (
        _strategy(serves)
        + BOOKING_NEEDS_IG
        + _initiative("a", "in-progress")
        + _initiative("b", "in-progress", end="2027-01-01")
    )
    found = hits(rule, tmp_path, block)
    assert bool(found) is flagged
    assert not found or "3 need it at the same time now" in found[0][2]


@pytest.mark.parametrize(("start", "flagged"), [("2026-09-30", True), ("2026-10-01", False)])
def test_end_days_are_inclusive(tmp_path: Path, start: str, flagged: bool) -> None:
    block = _strategy(1) + BOOKING_NEEDS_IG + _initiative("next", start=start, end="2027-03-31")
    assert bool(hits(rule, tmp_path, block)) is flagged


def test_no_stated_limit_means_no_judgement(tmp_path: Path) -> None:
    block = _strategy(None) + BOOKING_NEEDS_IG + _initiative("a", "in-progress")
    assert hits(rule, tmp_path, block) == []


def test_plans_without_dates_are_not_counted(tmp_path: Path) -> None:
    block = _strategy(1) + BOOKING_NEEDS_IG + _initiative("a", "proposed", start="2026-07-01")
    assert hits(rule, tmp_path, block) == []


def test_plans_that_ended_before_today_are_not_counted(tmp_path: Path) -> None:
    block = _strategy(1) + BOOKING_NEEDS_IG + _initiative("a", start="2026-01-01", end="2026-05-31")
    assert hits(rule, tmp_path, block) == []


def test_overdue_work_in_progress_still_needs_the_bottleneck(tmp_path: Path) -> None:
    block = _strategy(1) + BOOKING_NEEDS_IG + _initiative("late", "in-progress", end="2026-03-31")
    [(_, _, message)] = hits(rule, tmp_path, block)
    assert "2 need it at the same time now: `late` and `online-booking`" in message


@pytest.mark.parametrize("status", ["done", "stopped"])
def test_closed_initiatives_are_not_counted(tmp_path: Path, status: str) -> None:
    block = _strategy(1) + BOOKING_NEEDS_IG + _initiative("a", status, "2026-06-01", "2026-12-31")
    assert hits(rule, tmp_path, block) == []


def test_the_peak_is_reported_not_the_total(tmp_path: Path) -> None:
    # Four initiatives need it in turn, never more than two at once: a limit of 2 is enough.
    block = (
        _strategy(2)
        + BOOKING_NEEDS_IG
        + _initiative("a", start="2026-07-01", end="2026-10-31")
        + _initiative("b", start="2026-11-01", end="2027-02-28")
        + _initiative("c", start="2027-03-01", end="2027-06-30")
    )
    assert hits(rule, tmp_path, block) == []
    block += _initiative("d", start="2026-09-01", end="2026-09-15")
    [(_, _, message)] = hits(rule, tmp_path, block)
    assert "3 need it at the same time from 1 September 2026: `a`, `d` and `online-booking`" in (
        message
    )


def test_peak() -> None:
    d = date
    spans = {
        "a": (d(2026, 1, 1), d(2026, 1, 31)),
        "b": (d(2026, 1, 31), d(2026, 2, 28)),
        "c": (d(2026, 2, 1), date.max),
        "e": (d(2026, 3, 1), d(2026, 3, 1)),
    }
    assert rule.peak(spans) == (d(2026, 1, 31), ["a", "b"])
    assert rule.peak({"x": (d(2026, 1, 1), date.max)}) == (d(2026, 1, 1), ["x"])


# --- the references behind it ----------------------------------------------------------------


def _loader_findings(tmp_path: Path, block: str) -> list[tuple[str, str, int | None, str, str]]:
    repo = load(materialise(tmp_path, block))
    return [
        (f.code, f.path, f.line, f.message, f.hint)
        for f in repo.findings
        if f.code in ("F004", "F005")
    ]


def test_unknown_bottleneck_is_an_unknown_reference(tmp_path: Path) -> None:
    block = _strategy(1, "information-governance") + (
        "# initiatives/online-booking.yaml\nbottlenecks: [information-governence]\n"
    )
    [(code, path, line, message, hint)] = _loader_findings(tmp_path, block)
    assert (code, path, line is not None) == ("F005", "initiatives/online-booking.yaml", True)
    assert message == (
        "`information-governence` is not a known bottleneck in strategy.yaml "
        "(`capacity: bottlenecks:`)"
    )
    assert hint == "Did you mean `information-governance`?"


def test_known_bottleneck_resolves(tmp_path: Path) -> None:
    assert _loader_findings(tmp_path, _strategy(1) + BOOKING_NEEDS_IG) == []


def test_bottleneck_ids_must_be_unique(tmp_path: Path) -> None:
    block = (
        "# strategy.yaml\ncapacity:\n  concurrent_initiatives: 3\n  bottlenecks:\n"
        "    - {id: ig, name: Information governance}\n    - {id: ig, name: IG again}\n"
    )
    [(code, _, line, message, _)] = _loader_findings(tmp_path, block)
    assert (code, line) == ("F004", _line_of(tmp_path, "IG again") - 1)  # the second `id: ig`
    assert message == "the bottleneck id `ig` is used twice"
