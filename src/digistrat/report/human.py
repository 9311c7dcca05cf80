"""The default format: findings grouped by file, each with the offending line, why it matters
and how to fix it, then a one-line summary. Colour only when asked for (a terminal without
``NO_COLOR``).

The lines are made as plain text, then coloured with rich only when colour is asked for:
rich's markup parser and console take ~0.6 ms a finding (1.7 s for 3,000 findings, as long
as loading 10,000 files), for text that, uncoloured, is exactly these lines (a test holds the
coloured output, without its colours, to the plain one).
"""

from __future__ import annotations

import io
from itertools import groupby
from typing import TYPE_CHECKING

from digistrat.report.common import clean, plural, printable, summary_counts, why

if TYPE_CHECKING:
    from digistrat.checker import CheckResult
    from digistrat.findings import Finding

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


Line = list[tuple[str, str]]
"""One line of output: (text, rich style) pieces; ``""`` is no style."""


def _finding(f: Finding, result: CheckResult, explained: set[str]) -> list[Line]:
    where = f"{f.line}:{f.column or 1}" if f.line is not None else "-"
    style = STYLE[f.severity]
    pad = (" " * 11, "")
    lines: list[Line] = [
        [
            (f"  {where:>7}", "dim"),
            ("  ", ""),
            (f"{f.severity:<7}", style),
            ("  ", ""),
            (f.code, "bold"),
            (f" {clean(f.message)}  ", ""),
            (f"[{f.name}]", "dim"),
        ]
    ]
    missing = f.extra.get("missing")
    source = None if missing else result.line_text(f.path, f.line)
    if missing:
        lines.append([pad, (f"(there is no `{clean(missing)}:` here)", "dim")])
    elif source is not None and source.strip():
        text = source.rstrip().expandtabs(2)
        if len(text) > 200:
            text = text[:197] + "..."
        lines.append([pad, (f"{f.line:>4} │", "dim"), (f" {printable(text)}", "")])
        if f.column:
            caret = " " * (min(f.column, len(text) + 1) - 1) + "^"
            lines.append([pad, ("     │", "dim"), (" ", ""), (caret, style)])
    reason = why(f) if f.code not in explained else ""
    if reason:
        explained.add(f.code)
        lines.append([pad, ("why:", "dim"), (f" {reason}", "")])
    if f.hint:
        lines.append([pad, ("fix:", "green"), (f" {clean(f.hint)}", "")])
    return lines


def _lines(result: CheckResult) -> list[Line]:
    findings = result.findings
    out: list[Line] = []
    explained: set[str] = set()  # say why a rule matters once, not for every finding
    for path, group in groupby(findings, key=lambda f: f.path):
        out.append([(clean(path), "bold underline")])
        for f in group:
            out.extend(_finding(f, result, explained))
        out.append([])
    counts = summary_counts(findings)
    files = plural(result.files_checked, "file")
    extra = f" ({result.suppressed} suppressed inline)" if result.suppressed else ""
    if not findings:
        out.append([("No problems found", "green"), (f" in {files}{extra}.", "")])
    else:
        parts = [
            plural(counts["error"], "error"),
            plural(counts["warning"], "warning"),
            plural(counts["info"], "note"),
        ]
        out.append([(f"Found {', '.join(parts)} in {files}{extra}.", "")])
        out.append(
            [("Run `digistrat explain CODE` for a rule's full explanation and examples.", "")]
        )
    return out


def render(result: CheckResult, *, color: bool = False, width: int = 100) -> str:
    lines = _lines(result)
    if not color:
        return "".join("".join(text for text, _ in line) + "\n" for line in lines)
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    out = Console(
        file=buffer,
        force_terminal=True,
        color_system="standard",
        width=max(60, width),
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )
    for line in lines:
        out.print(Text.assemble(*line))
    return buffer.getvalue()
