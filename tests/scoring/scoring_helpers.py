"""Small repositories for the scoring tests, written inline with ``build_tree``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from digistrat.loader import Repository, load

from helpers import build_tree

STRATEGY = """\
organisation: Test Trust
title: Test strategy
"""

THREE_CRITERIA = """\
scoring:
  model: {model}
  criteria:
    - id: patient-benefit
      label: Patient benefit
      weight: 50
      min: 0
      max: 10
    - id: staff-benefit
      label: Staff benefit
      weight: 25
      min: 0
      max: 5
    - id: financial-benefit
      label: Financial benefit
      weight: 25
      min: 0
      max: 5
"""


def initiative(name: str, **fields: Any) -> str:
    """An initiative file: ``scores`` as a block (one score per line), other fields as given."""
    lines = [f"name: {name}", f"category: {fields.pop('category', 'improve')}"]
    scores = fields.pop("scores", None)
    for key, value in fields.items():
        key = key.replace("__", "-")
        if isinstance(value, list):
            value = "[" + ", ".join(value) + "]"
        lines.append(f"{key}: {value}")
    if scores is not None:
        lines.append("scores:")
        lines += [f"  {k}: {v}" for k, v in scores.items()]
    return "\n".join(lines) + "\n"


def make_repo(
    root: Path,
    initiatives: dict[str, str],
    scoring: str | None = None,
    extra: str = "",
    model: str = "weighted",
) -> Repository:
    """A repository with the three-criteria matrix (or ``scoring``) and these initiatives."""
    strategy = STRATEGY + (scoring if scoring is not None else THREE_CRITERIA.format(model=model))
    files: dict[str, str | bytes] = {"strategy.yaml": strategy + extra}
    files.update({f"initiatives/{k}.yaml": v for k, v in initiatives.items()})
    build_tree(root, files)
    return load(root)
