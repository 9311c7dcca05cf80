"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff.

``::error file=strategy.yaml,line=3,col=1,title=M001 mission-missing::message``. The message
escapes ``%``, CR and LF; property values also escape ``:`` and ``,``, as the Actions runner
expects. Other control characters become U+FFFD.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from digistrat.checker import CheckResult
    from digistrat.findings import Finding

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


_CONTROL = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF escaped as the runner expects; other
    control characters (an escape sequence would colour or hide the log) shown as U+FFFD."""
    text = _CONTROL.sub("\ufffd", text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def line(f: Finding) -> str:
    props = [f"file={escape_property(f.path)}"]
    if f.line is not None:
        props.append(f"line={f.line}")
        props.append(f"col={f.column or 1}")
    props.append(f"title={escape_property(f'{f.code} {f.name}')}")
    message = f.message + (f"\n{f.hint}" if f.hint else "")
    return f"::{COMMAND[f.severity]} {','.join(props)}::{escape_data(message)}"


def render(result: CheckResult) -> str:
    return "".join(line(f) + "\n" for f in result.findings)
