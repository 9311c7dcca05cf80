"""Helpers shared by the output formats."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from digistrat.findings import Finding, sentence, sentences
from digistrat.rules import RuleInfo, find

__all__ = [
    "clean",
    "fingerprints",
    "path_text",
    "plural",
    "printable",
    "rule_of",
    "sentence",
    "sentences",
    "summary_counts",
    "why",
]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """One line of plain text: whitespace runs (newlines too) become one space, and control
    characters (which could drive a terminal) become U+FFFD."""
    return _CONTROL.sub("\ufffd", " ".join(text.split()))


_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\x85]")


def path_text(path: str) -> str:
    """A file path on one line: every control character (line breaks and tabs too) becomes
    U+FFFD, so the path cannot end the line or drive a terminal."""
    return _ANY_CONTROL.sub("\ufffd", path)


def printable(text: str) -> str:
    """``text`` with control characters (tabs included) replaced, spacing kept."""
    return _CONTROL.sub("\ufffd", text.replace("\t", " "))


def rule_of(f: Finding) -> RuleInfo | None:
    return find(f.code)


def why(f: Finding) -> str:
    """Why this finding matters, in one sentence (from the rule's documentation)."""
    rule = rule_of(f)
    return rule.rationale if rule is not None else ""


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """A stable fingerprint per finding: the rule, the file and the message (not the line, so
    that moving text does not make a finding look new); repeats get a running number."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for f in findings:
        base = hashlib.sha256(f"{f.code}\0{f.path}\0{f.message}".encode()).hexdigest()
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.append(base if n == 0 else hashlib.sha256(f"{base}\0{n}".encode()).hexdigest())
    return out


def summary_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity] += 1
    return counts


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"
