from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import o002_commitment_owned_by_digital as rule
from rules.rule_helpers import hits


def test_digital_owner(tmp_path: Path) -> None:
    block = "# commitments/rebook-online.yaml\nowner: {name: K, function: digital}\n"
    [(path, line, _)] = hits(rule, tmp_path, block)
    assert path == "commitments/rebook-online.yaml" and line is not None


@pytest.mark.parametrize("function", ["clinical", "operational", "corporate"])
def test_other_owners(tmp_path: Path, function: str) -> None:
    block = f"# commitments/rebook-online.yaml\nowner: {{name: K, function: {function}}}\n"
    assert hits(rule, tmp_path, block) == []
