"""The default format: findings grouped by file, each with the offending line, why it matters
and how to fix it, then a one-line summary. Colour only when asked for (a terminal without
``NO_COLOR``)."""

from __future__ import annotations

import io
from itertools import groupby
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from digistrat.report.common import clean, plural, printable, summary_counts, why

if TYPE_CHECKING:
    from digistrat.checker import CheckResult
    from digistrat.findings import Finding

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _finding(out: Console, f: Finding, result: CheckResult, explained: set[str]) -> None:
    where = f"{f.line}:{f.column or 1}" if f.line is not None else "-"
    style = STYLE[f.severity]
    out.print(
        f"  [dim]{where:>7}[/]  [{style}]{f.severity:<7}[/]  [bold]{f.code}[/] "
        f"{escape(clean(f.message))}  [dim]\\[{f.name}][/]"
    )
    pad = " " * 11
    missing = f.extra.get("missing")
    source = None if missing else result.line_text(f.path, f.line)
    if missing:
        out.print(f"{pad}[dim](there is no `{escape(clean(missing))}:` here)[/]")
    elif source is not None and source.strip():
        text = source.rstrip().expandtabs(2)
        if len(text) > 200:
            text = text[:197] + "..."
        out.print(f"{pad}[dim]{f.line:>4} │[/] {escape(printable(text))}", highlight=False)
        if f.column:
            caret = " " * (min(f.column, len(text) + 1) - 1) + "^"
            out.print(f"{pad}[dim]     │[/] [{style}]{caret}[/]")
    reason = why(f) if f.code not in explained else ""
    if reason:
        explained.add(f.code)
        out.print(f"{pad}[dim]why:[/] {escape(reason)}")
    if f.hint:
        out.print(f"{pad}[green]fix:[/] {escape(clean(f.hint))}")


def render(result: CheckResult, *, color: bool = False, width: int = 100) -> str:
    buffer = io.StringIO()
    out = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=max(60, width),
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )
    findings = result.findings
    explained: set[str] = set()  # say why a rule matters once, not for every finding
    for path, group in groupby(findings, key=lambda f: f.path):
        out.print(f"[bold underline]{escape(clean(path))}[/]")
        for f in group:
            _finding(out, f, result, explained)
        out.print()
    counts = summary_counts(findings)
    files = plural(result.files_checked, "file")
    extra = f" ({result.suppressed} suppressed inline)" if result.suppressed else ""
    if not findings:
        out.print(f"[green]No problems found[/] in {files}{extra}.")
    else:
        parts = [
            plural(counts["error"], "error"),
            plural(counts["warning"], "warning"),
            plural(counts["info"], "note"),
        ]
        out.print(f"Found {', '.join(parts)} in {files}{extra}.")
        out.print("Run `digistrat explain CODE` for a rule's full explanation and examples.")
    return buffer.getvalue()
