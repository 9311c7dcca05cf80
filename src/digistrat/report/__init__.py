"""Output formats for ``digistrat check``: each module turns a CheckResult into text.

Pure functions: nothing here prints. Paths are repository-relative with forward slashes, lines
and columns 1-based, as they are in every :class:`~digistrat.findings.Finding`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from digistrat.checker import CheckResult

FORMATS = ("human", "concise", "json", "sarif", "github", "gitlab", "junit")
"""Every ``--format`` value, the default first."""


def render(
    fmt: str,
    result: CheckResult,
    *,
    color: bool = False,
    width: int = 100,
    fail_on: str = "error",
) -> str:
    """The whole report in format ``fmt`` (one of :data:`FORMATS`); ``fail_on`` is the least
    severe finding that fails the run, for formats that say pass or fail per finding."""
    if fmt == "human":
        from digistrat.report import human

        return human.render(result, color=color, width=width)
    if fmt == "concise":
        from digistrat.report import concise

        return concise.render(result)
    if fmt == "json":
        from digistrat.report import jsonfmt

        return jsonfmt.render(result)
    if fmt == "sarif":
        from digistrat.report import sarif

        return sarif.render(result)
    if fmt == "github":
        from digistrat.report import github

        return github.render(result)
    if fmt == "gitlab":
        from digistrat.report import gitlab

        return gitlab.render(result)
    if fmt == "junit":
        from digistrat.report import junit

        return junit.render(result, fail_on)
    raise ValueError(f"unknown format {fmt!r}")
