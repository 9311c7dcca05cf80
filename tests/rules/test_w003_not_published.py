from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import w003_not_published as rule
from rules.rule_helpers import hits


@pytest.mark.parametrize("value", ["", "{}", "{channels: []}"])
def test_not_published(tmp_path: Path, value: str) -> None:
    assert len(hits(rule, tmp_path, f"# strategy.yaml\ncommunication: {value}\n")) == 1


def test_channels_alone_are_enough(tmp_path: Path) -> None:
    block = "# strategy.yaml\ncommunication: {channels: [Town halls]}\n"
    assert hits(rule, tmp_path, block) == []
