"""Test helpers: inline file trees, so each test shows its own input."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path
from typing import Any


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


def json_view(text: str) -> Any:
    """A YAML file as check-jsonschema (and the VS Code YAML extension) see it, to validate
    against ``digistrat schema``: ruamel.yaml's YAML 1.2 reader (``yes`` is a word), dates kept
    as text (JSON has no dates), every key made text (JSON's keys are text)."""
    from ruamel.yaml import YAML

    reader = YAML(typ="safe", pure=True)
    constructors = reader.constructor.yaml_constructors
    constructors["tag:yaml.org,2002:timestamp"] = constructors["tag:yaml.org,2002:str"]
    return _keys_as_text(reader.load(text))


def _keys_as_text(data: Any) -> Any:
    if isinstance(data, dict):
        return {str(k): _keys_as_text(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_keys_as_text(v) for v in data]
    return data
