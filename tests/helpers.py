"""Test helpers: inline file trees, so each test shows its own input."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path


def build_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{relative path: content}`` under ``root``; text is dedented. Returns ``root``."""
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


def command_env(**values: str) -> dict[str, str]:
    """A bare environment for running ``digistrat`` in a subprocess: ``PATH``, the test run's
    own cache folder (never the user's), and ``values``."""
    return {
        "PATH": "/usr/bin:/bin",
        "DIGISTRAT_CACHE_DIR": os.environ.get("DIGISTRAT_CACHE_DIR", ""),
        **values,
    }
