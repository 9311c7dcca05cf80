from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import i005_maturity_missing as rule
from rules.rule_helpers import hits


def test_no_maturity(tmp_path: Path) -> None:
    assert len(hits(rule, tmp_path, "# strategy.yaml\nmaturity:\n")) == 1


@pytest.mark.parametrize("level", ["absent", "siloed", "embedded"])
def test_any_level(tmp_path: Path, level: str) -> None:
    assert hits(rule, tmp_path, f"# strategy.yaml\nmaturity: {level}\n") == []
