"""Running rules on the examples' baseline repository with a few changes laid over it."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path
from types import ModuleType

from digistrat.checker import run as run_checker
from digistrat.config import load_config
from digistrat.findings import Finding
from digistrat.loader import load
from digistrat.rules.examples import EXAMPLE_TODAY, materialise


def findings(
    root: Path,
    overlay: str = "",
    *,
    today: date = EXAMPLE_TODAY,
    write: dict[str, str] | None = None,
    only: str | None = None,
) -> list[Finding]:
    """Every finding on the baseline with ``overlay`` (an example block) laid over it.

    ``write`` then writes whole files exactly as given (dedented), so that tests can assert
    line numbers; ``only`` restricts the run to one rule code (configuration still applies).
    """
    materialise(root, textwrap.dedent(overlay).strip("\n"))
    for path, text in (write or {}).items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    repo = load(root)
    config = load_config(repo)
    if only is not None:
        config.select = {only}
    return run_checker(repo, today, config).findings


def hits(
    rule: ModuleType,
    root: Path,
    overlay: str = "",
    *,
    today: date = EXAMPLE_TODAY,
    write: dict[str, str] | None = None,
) -> list[tuple[str, int | None, str]]:
    """``(path, line, message)`` of each finding of ``rule`` only.

    A rule that raises is reported by the checker as Z002 (internal error), not under its own
    code, so it would pass a test that expects no finding: that fails here instead.
    """
    found = findings(root, overlay, today=today, write=write, only=rule.CODE)
    crashes = [f.message for f in found if f.name == "internal-error"]
    assert not crashes, crashes
    return [(f.path, f.line, f.message) for f in found if f.code == rule.CODE]
