from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import h002_horizon_length as rule
from rules.rule_helpers import hits


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
