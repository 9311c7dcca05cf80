from __future__ import annotations

from pathlib import Path

from digistrat.rules import s005_measures_stale as rule
from rules.rule_helpers import hits


def _on(date: str) -> str:
    return f"# services/outpatient-booking.yaml\nmeasures: {{measured_on: {date}, quality: 5}}\n"


def test_old_measures(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, _on("2025-01-01"))
    assert "are 516 days old" in message


def test_recent_enough(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, _on("2025-06-01")) == []


def test_undated(tmp_path: Path) -> None:
    [(_, _, message)] = hits(
        rule, tmp_path, "# services/outpatient-booking.yaml\nmeasures: {quality: 5}\n"
    )
    assert "have no date" in message


def test_option(tmp_path: Path) -> None:
    block = (
        _on("2026-01-01") + "# strategy.yaml\ncheck:\n  options:\n    max-measure-age-days: 100\n"
    )
    assert len(hits(rule, tmp_path, block)) == 1
