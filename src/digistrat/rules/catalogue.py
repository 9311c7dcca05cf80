"""What every rule looks like from outside: :class:`RuleInfo`, built from a rule module."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from digistrat.findings import Severity
from digistrat.rules.base import Context, Violation

CODE_PATTERN = re.compile(r"^[A-Z][0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """One entry of the rule catalogue."""

    code: str
    name: str
    severity: Severity
    section: str
    questions: tuple[int, ...]
    summary: str
    doc: str
    options: dict[str, Any] = field(default_factory=dict)
    check: Callable[[Context], Iterator[Violation]] | None = None
    """None for findings made by the loader or the engine itself (F and Z codes)."""
    origin: str = "rule"
    """``rule`` (a module here), ``loader`` (reading and validating files) or ``engine``."""
    severity_basis: str = ""
    """One sentence: the guide's wording (with its section) that justifies the severity."""
    applies_to: tuple[str, ...] = ()
    """The organisation kinds the rule applies to; empty means every kind."""

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def rationale(self) -> str:
        """Why it matters, in one sentence: the first sentence after the summary."""
        paragraphs = [p for p in self.doc.split("\n\n")[1:] if p.strip()]
        if not paragraphs or paragraphs[0].rstrip().endswith("::"):
            return ""
        text = " ".join(paragraphs[0].split())
        return _SENTENCE_END.split(text, maxsplit=1)[0]


def _first_paragraph(doc: str) -> str:
    return " ".join(doc.split("\n\n", 1)[0].split())


def from_module(module: ModuleType) -> RuleInfo:
    """Read a rule module's metadata and documentation."""
    doc = inspect.cleandoc(module.__doc__ or "")
    return RuleInfo(
        code=module.CODE,
        name=module.NAME,
        severity=module.SEVERITY,
        section=module.SECTION,
        questions=tuple(getattr(module, "QUESTIONS", ())),
        summary=_first_paragraph(doc),
        doc=doc,
        options=dict(getattr(module, "OPTIONS", {})),
        check=module.check,
        severity_basis=getattr(module, "SEVERITY_BASIS", ""),
        applies_to=tuple(getattr(module, "APPLIES_TO", ())),
    )


def documented(
    code: str,
    name: str,
    severity: Severity,
    section: str,
    doc: str,
    origin: str,
    questions: tuple[int, ...] = (),
    severity_basis: str = "",
) -> RuleInfo:
    """An entry for a finding that no rule module makes (loader and engine findings)."""
    text = inspect.cleandoc(doc)
    return RuleInfo(
        code=code,
        name=name,
        severity=severity,
        section=section,
        questions=questions,
        summary=_first_paragraph(text),
        doc=text,
        origin=origin,
        severity_basis=severity_basis,
    )
