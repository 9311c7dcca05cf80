from __future__ import annotations

from pathlib import Path

from digistrat.rules import h001_horizon_missing as rule
from rules.rule_helpers import hits


def test_missing_horizon(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, "# strategy.yaml\nhorizon:\n")
    assert path == "strategy.yaml" and "no horizon" in message


def test_horizon_present(tmp_path: Path) -> None:
    assert (
        hits(rule, tmp_path, "# strategy.yaml\nhorizon: {start: 2026-01-01, end: 2027-01-01}\n")
        == []
    )
