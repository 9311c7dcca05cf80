"""Fixtures for the serve tests: a copy of the example repository, and a preview of it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_sample import EXAMPLE, TODAY

from digistrat.serve.preview import Preview


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The riverside example, copied so that tests may edit it."""
    return Path(shutil.copytree(EXAMPLE, tmp_path / "repo"))


@pytest.fixture
def preview(repo: Path, tmp_path: Path) -> Iterator[Preview]:
    """A preview of ``repo``, its whole site already rendered."""
    made = Preview(repo, tmp_path / "served", TODAY)
    made.start()
    yield made
