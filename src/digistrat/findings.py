"""Findings: every problem digistrat reports is a value, collected and reported together.

Loader findings use the ``F`` codes below; the rule catalogue (``digistrat.rules``) adds its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"info": 0, "warning": 1, "error": 2}

# Codes the loader itself reports (schema, references, unreadable YAML). Stable: never reuse.
YAML_SYNTAX = ("F001", "yaml-syntax")
SCHEMA = ("F002", "schema")
DUPLICATE_KEY = ("F003", "duplicate-key")
DUPLICATE_ID = ("F004", "duplicate-id")
UNKNOWN_REFERENCE = ("F005", "unknown-reference")
UNSAFE_YAML = ("F006", "unsafe-yaml")
LIMIT_EXCEEDED = ("F007", "limit-exceeded")
NOT_A_MAPPING = ("F008", "not-a-mapping")
BAD_FILE_NAME = ("F009", "bad-file-name")
UNREADABLE_FILE = ("F010", "unreadable-file")
MISSING_STRATEGY = ("F011", "missing-strategy")
MEMBER_UNAVAILABLE = ("F012", "member-unavailable")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` that every output can encode: a byte of a file name that was not UTF-8 (which
    Python keeps as a lone surrogate, ``\\udcff``) is shown as ``\\xff``, the way Python and
    git write it; any other lone surrogate as ``\\udXXX``."""
    return _SURROGATE.sub(_escaped, text)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, located in the repository.

    ``path`` is repository-relative with forward slashes; ``line`` and ``column`` are 1-based
    (``None`` when the problem concerns the whole file or repository).
    """

    code: str
    name: str
    severity: Severity
    path: str
    line: int | None
    column: int | None
    message: str
    hint: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        # A file name that is not UTF-8 reaches here with its bad bytes as lone surrogates,
        # which no output (JSON, SARIF, XML, a web page) can encode: show them escaped.
        for name in ("path", "message", "hint"):
            value = getattr(self, name)
            if _SURROGATE.search(value):
                object.__setattr__(self, name, printable(value))
        if any(_SURROGATE.search(v) for v in self.extra.values()):
            object.__setattr__(self, "extra", {k: printable(v) for k, v in self.extra.items()})

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line or 0, self.column or 0, self.code)


def make(
    rule: tuple[str, str],
    path: str,
    line: int | None,
    column: int | None,
    message: str,
    hint: str = "",
    severity: Severity = "error",
) -> Finding:
    """Build a loader finding from one of the ``(code, name)`` pairs above."""
    return Finding(rule[0], rule[1], severity, path, line, column, message, hint)


def sentence(text: str) -> str:
    """``text`` as one full sentence: surrounding space trimmed, the first letter capitalised
    (unless the text opens with code, a quote or a number) and a full stop added if it does not
    already end with one (or ``!``, ``?``, or a closing quote or bracket after one)."""
    text = text.strip()
    if not text:
        return ""
    if text[0].islower():
        text = text[0].upper() + text[1:]
    if not re.search(r"[.!?][)\]\"'”’`]*$", text):
        text += "."
    return text


def sentences(message: str, hint: str = "") -> str:
    """A finding and its fix as full sentences, the fix after the finding."""
    return " ".join(s for s in (sentence(message), sentence(hint)) if s)
