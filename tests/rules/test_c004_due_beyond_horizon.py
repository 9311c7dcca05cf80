from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import c004_due_beyond_horizon as rule
from rules.rule_helpers import hits


def test_due_after_horizon(tmp_path: Path) -> None:
    [(path, line, message)] = hits(
        rule, tmp_path, "# commitments/rebook-online.yaml\ndue: 2029-04-01\n"
    )
    assert path == "commitments/rebook-online.yaml" and line is not None
    assert "after the strategy's horizon ends (31 March 2029)" in message


@pytest.mark.parametrize("due", ["2029-03-31", "2026-05-01"])
def test_due_within_horizon(tmp_path: Path, due: str) -> None:
    assert (
        hits(rule, tmp_path, f"# commitments/rebook-online.yaml\ndue: {due}\nstatus: met\n") == []
    )


def test_no_horizon_no_check(tmp_path: Path) -> None:
    block = "# strategy.yaml\nhorizon:\n# commitments/rebook-online.yaml\ndue: 2040-01-01\n"
    assert hits(rule, tmp_path, block) == []
