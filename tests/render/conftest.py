"""Fixtures for the render tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_sample import SAMPLE

from helpers import build_tree


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The sample repository, written under ``tmp_path / "repo"``."""
    return build_tree(tmp_path / "repo", SAMPLE)
