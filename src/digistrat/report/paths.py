"""Which folder the paths in a report are relative to.

Findings are located relative to the strategy's folder (the one holding ``strategy.yaml``), as
the rules and the renderers need. Code-scanning tools, pull-request annotations and editors read
paths relative to the top of the git repository, though, so a report shows them relative to the
git repository's top folder when there is one (a strategy kept in a subfolder gets paths like
``strategy/commitments/x.yaml``), or relative to another folder when asked
(``digistrat check --relative-to DIR``). Outside git, paths stay relative to the strategy.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from digistrat.checker import CheckResult


def git_top(start: Path) -> Path | None:
    """The top folder of the git repository holding ``start`` (the nearest folder upward with a
    ``.git`` folder or file), or ``None`` outside git. git itself is not run."""
    try:
        here = start.resolve()
    except (OSError, RuntimeError):
        return None
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _relative(path: str, root: Path, base: Path) -> str:
    """``path`` (relative to ``root``) made relative to ``base`` (both resolved), with forward
    slashes; unchanged if it cannot be (another drive on Windows)."""
    try:
        moved = os.path.relpath(root / path, base)
    except ValueError:
        return path
    return Path(moved).as_posix()


def rebase(result: CheckResult, base: Path | None = None) -> CheckResult:
    """``result`` with every finding's path relative to ``base`` (default: the top of the git
    repository, if the strategy is in one). The core's result is left as it is."""
    target = base if base is not None else git_top(result.root)
    if target is None:
        return result
    try:
        if target.resolve() == result.root.resolve():
            return result
    except (OSError, RuntimeError):
        return result
    try:  # once, not for each finding (a system call per folder level each time)
        root, base = result.root.resolve(), target.resolve()
    except (OSError, RuntimeError):
        return result
    moved: dict[str, str] = {}

    def shown(path: str) -> str:
        if path not in moved:
            moved[path] = _relative(path, root, base)
        return moved[path]

    return replace(
        result,
        root=target,
        findings=[replace(f, path=shown(f.path)) for f in result.findings],
        withheld=[replace(f, path=shown(f.path)) for f in result.withheld],
        _lines={},
    )
