"""``--format concise``: one line per finding, ``path:line:col: CODE [severity] message``.

Exactly one line each: a line break or control character in a file name or a message shows as
U+FFFD (or a space, in a message), so no text can forge a line that looks like a finding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from digistrat.report.common import clean, path_text

if TYPE_CHECKING:
    from digistrat.checker import CheckResult
    from digistrat.findings import Finding


def line(f: Finding) -> str:
    where = path_text(f.path)
    if f.line is not None:
        where += f":{f.line}:{f.column or 1}"
    message = clean(f.message)
    return f"{where}: {f.code} [{f.severity}] {message}"


def render(result: CheckResult) -> str:
    return "".join(line(f) + "\n" for f in result.findings)
