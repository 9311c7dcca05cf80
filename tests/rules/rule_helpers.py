"""Running rules on the examples' baseline repository with a few changes laid over it."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path
from types import ModuleType

from digistrat.checker import run as run_checker
from digistrat.config import Config
from digistrat.findings import Finding
from digistrat.loader import load
from digistrat.rules.examples import EXAMPLE_TODAY, materialise


def findings(
    root: Path,
    overlay: str = "",
    *,
    today: date = EXAMPLE_TODAY,
    config: Config | None = None,
) -> list[Finding]:
    """Every finding (all rules) on the baseline with ``overlay`` (an example block) laid over."""
    materialise(root, textwrap.dedent(overlay).strip("\n"))
    return run_checker(load(root), today, config).findings


def hits(
    rule: ModuleType, root: Path, overlay: str = "", *, today: date = EXAMPLE_TODAY
) -> list[tuple[str, int | None, str]]:
    """``(path, line, message)`` of each finding of ``rule`` only."""
    found = findings(root, overlay, today=today, config=Config(select={rule.CODE}))
    return [(f.path, f.line, f.message) for f in found if f.code == rule.CODE]
