from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.findings import Finding
from digistrat.rules import h002_horizon_length as rule
from rules.rule_helpers import findings, hits


def _horizon(start: str, end: str, extra: str = "") -> str:
    return f"# strategy.yaml\nhorizon:\n  start: {start}\n  end: {end}\n{extra}"


@pytest.mark.parametrize(
    ("start", "end"),
    [("2026-04-01", "2031-03-31"), ("2026-01-01", "2031-01-01"), ("2026-04-01", "2027-03-31")],
)
def test_one_to_five_years_pass(tmp_path: Path, start: str, end: str) -> None:
    assert hits(rule, tmp_path, _horizon(start, end)) == []


def test_ten_years_is_too_long(tmp_path: Path) -> None:
    [(path, line, message)] = hits(rule, tmp_path, _horizon("2026-04-01", "2036-03-31"))
    assert path == "strategy.yaml" and line == 10  # the `end:` line
    assert "10.0 years" in message


def test_just_over_five_years(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, _horizon("2026-04-01", "2031-06-30"))
    assert "5.2 years" in message


def test_too_short(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, _horizon("2026-04-01", "2026-09-30"))
    assert "only 0.5 years" in message


def test_end_before_start(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, _horizon("2026-04-01", "2025-04-01"))
    assert "ends (1 April 2025) before it starts" in message


def test_option_allows_longer(tmp_path: Path) -> None:
    extra = "check:\n  options:\n    max-horizon-years: 10\n"
    assert hits(rule, tmp_path, _horizon("2026-04-01", "2036-03-31", extra)) == []


# The limits allow 0.02 years (about a week) of slack: a horizon of N days counting both ends
# is N / 365.25 years. Five years plus slack is 1,833.5 days: 2026-04-01 to 2031-04-07 is
# 1,833 days (the last one allowed), to 2031-04-08 is 1,834. One year less slack is 357.9 days:
# to 2027-03-24 is 358 days (the shortest allowed), to 2027-03-23 is 357.
@pytest.mark.parametrize(
    ("end", "found"), [("2031-04-06", False), ("2031-04-07", False), ("2031-04-08", True)]
)
def test_longest_boundary(tmp_path: Path, end: str, found: bool) -> None:
    assert bool(hits(rule, tmp_path, _horizon("2026-04-01", end))) is found


@pytest.mark.parametrize(
    ("end", "found"), [("2027-03-25", False), ("2027-03-24", False), ("2027-03-23", True)]
)
def test_shortest_boundary(tmp_path: Path, end: str, found: bool) -> None:
    assert bool(hits(rule, tmp_path, _horizon("2026-04-01", end))) is found


# Ten years plus slack is 3,659.8 days; two years less slack is 723.2 days.
@pytest.mark.parametrize(
    ("end", "found"), [("2036-04-05", False), ("2036-04-06", False), ("2036-04-07", True)]
)
def test_longest_option_boundary(tmp_path: Path, end: str, found: bool) -> None:
    extra = "check:\n  options:\n    max-horizon-years: 10\n"
    assert bool(hits(rule, tmp_path, _horizon("2026-04-01", end, extra))) is found


@pytest.mark.parametrize(
    ("end", "found"), [("2028-03-25", False), ("2028-03-24", False), ("2028-03-23", True)]
)
def test_shortest_option_boundary(tmp_path: Path, end: str, found: bool) -> None:
    extra = "check:\n  options:\n    min-horizon-years: 2\n"
    found_ = hits(rule, tmp_path, _horizon("2026-04-01", end, extra))
    assert bool(found_) is found
    assert not found_ or "needs at least 2" in found_[0][2]


def _one(tmp_path: Path, start: str, end: str) -> Finding:
    [found] = findings(tmp_path, _horizon(start, end), only=rule.CODE)
    text = (tmp_path / found.path).read_text(encoding="utf-8").splitlines()
    assert found.line is not None and text[found.line - 1] == f"  end: {end}"
    return found


def test_where_and_how_to_fix_a_long_horizon(tmp_path: Path) -> None:
    found = _one(tmp_path, "2026-04-01", "2036-03-31")
    assert found.path == "strategy.yaml"
    assert found.hint == (
        "Bring `end` within 5 years of `start` and rely on regular reviews rather than a long "
        "fixed plan."
    )


def test_where_and_how_to_fix_a_short_horizon(tmp_path: Path) -> None:
    found = _one(tmp_path, "2026-04-01", "2026-09-30")
    assert found.path == "strategy.yaml"
    assert found.hint == "Set a horizon of one to five years; keep shorter plans in initiatives."


@pytest.mark.parametrize(
    ("end", "written"), [("2025-04-01", "1 April 2025"), ("2026-04-01", "1 April 2026")]
)
def test_where_and_how_to_fix_an_end_not_after_the_start(
    tmp_path: Path, end: str, written: str
) -> None:
    found = _one(tmp_path, "2026-04-01", end)
    assert found.path == "strategy.yaml"
    assert found.message == f"the horizon ends ({written}) before it starts (1 April 2026)"
    assert found.hint == (
        "Check the two dates: `start` comes first, `end` one to five years later."
    )


def test_no_horizon_is_left_to_h001(tmp_path: Path) -> None:
    # every finding, not only H002's: a rule that crashes is reported under another code
    assert findings(tmp_path, "# strategy.yaml\nhorizon:\n", only=rule.CODE) == []
