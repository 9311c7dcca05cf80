"""What the published strategy leaves out: entry files that could not be used, and why.

An entry file that cannot be read, does not match the format, has an unusable name or repeats
another file's id is left out of every check and of everything ``render`` publishes (see the
F-codes in :mod:`digistrat.findings`). ``render`` says so, one line per file, rather than
publishing a strategy that is quietly missing parts; ``render --strict`` fails on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from digistrat import findings as F
from digistrat.repository import STRATEGY_FILE
from digistrat.voice import SHORTLIST, count

if TYPE_CHECKING:
    from digistrat.findings import Finding
    from digistrat.repository import Repository

DROPPING = frozenset(
    code
    for code, _ in (
        F.YAML_SYNTAX,
        F.SCHEMA,
        F.DUPLICATE_ID,
        F.UNSAFE_YAML,
        F.LIMIT_EXCEEDED,
        F.NOT_A_MAPPING,
        F.BAD_FILE_NAME,
        F.UNREADABLE_FILE,
    )
)
"""Codes of the loader's findings that can keep an entry file out of the repository."""


@dataclass(frozen=True, slots=True)
class LeftOut:
    """One entry file (or folder) left out of what is published, and why in plain words."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f", line {self.line}" if self.line is not None else ""
        return f"{self.path}{where}: {self.reason}"


def left_out(repo: Repository) -> list[LeftOut]:
    """Every entry file or folder whose entries are not in ``repo``, in path order, each with
    the reason its first problem gives. strategy.yaml is not among them: without it nothing
    is published at all, and ``render`` says so."""
    used = set(repo.paths.values())
    problems: dict[str, list[Finding]] = {}
    for f in repo.findings:
        if (
            f.code in DROPPING
            and f.severity == "error"
            and f.path not in used
            and f.path != STRATEGY_FILE
        ):
            problems.setdefault(f.path, []).append(f)
    return [
        LeftOut(path, found[0].line, _reason(found)) for path, found in sorted(problems.items())
    ]


def _reason(found: list[Finding]) -> str:
    first = found[0]
    text = first.message
    if first.code == F.SCHEMA[0]:
        text = f"it does not match the format: {text}"
    others = len(found) - 1
    more = f", and {count(others, 'more problem', zero=None)}" if others else ""
    return f"{text}{more}"


def summary(
    items: list[LeftOut], limit: int = SHORTLIST, made: str = "what was published"
) -> list[str]:
    """Lines for the terminal: a heading, one line per file (cut after ``limit``) and what to
    do; no lines when nothing was left out. ``made``: what the files are left out of."""
    if not items:
        return []
    n = len(items)
    lines = [
        f"{count(n, 'file', zero=None)} could not be used, so what "
        f"{'it holds is' if n == 1 else 'they hold is'} left out of {made}:"
    ]
    lines += [f"  {item}" for item in items[:limit]]
    if len(items) > limit:
        lines.append(f"  … and {len(items) - limit:,} more")
    lines.append("Run `digistrat check` to see each problem and how to fix it.")
    return lines
