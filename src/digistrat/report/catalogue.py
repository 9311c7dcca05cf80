"""The rule catalogue as text: ``digistrat rules`` (table, json, markdown) and ``explain``."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from digistrat.models.strategy import KIND_NAMES
from digistrat.rules import RuleInfo

QUESTIONS = {
    1: "How integrated are your digital and business strategies?",
    2: "Does your digital strategy have a succinct mission understood across the organisation?",
    3: "Do you understand your users and their biggest needs?",
    4: "Do you know what digital services you operate and how they perform?",
    5: "What are you not prioritising?",
    6: "Have you committed to realistic and tangible actions?",
    7: "How will you know if your digital strategy is working?",
    8: "How does your digital strategy align with your system strategy?",
    9: "How will your organisation change to enable digital transformation?",
    10: "What could go wrong?",
}
"""The guide's ten questions for boards (§2), paraphrased."""

_EXAMPLE = re.compile(r"^(?P<label>[A-Z][\w ]*example)::\s*$")


def _option_text(value: Any, full: bool = False) -> str:
    if isinstance(value, (list, tuple)):
        if not full:
            return "a list of words (see `digistrat explain`)"
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def data(rules: Sequence[RuleInfo]) -> list[dict[str, Any]]:
    return [
        {
            "code": r.code,
            "name": r.name,
            "severity": r.severity,
            "section": r.section,
            "questions": list(r.questions),
            "summary": r.summary,
            "why": r.rationale,
            "options": r.options,
            "origin": r.origin,
            "severity_basis": r.severity_basis,
            "applies_to": list(r.applies_to),
        }
        for r in rules
    ]


def as_json(rules: Sequence[RuleInfo]) -> str:
    return json.dumps(data(rules), indent=2, ensure_ascii=False) + "\n"


def as_table(rules: Sequence[RuleInfo]) -> str:
    width = max(len(r.name) for r in rules) if rules else 10
    lines = [f"{'code':<5} {'name':<{width}} {'severity':<8} summary"]
    for r in rules:
        lines.append(f"{r.code:<5} {r.name:<{width}} {r.severity:<8} {r.summary}")
    lines.append("")
    lines.append(
        f"{len(rules)} rules. `digistrat explain CODE` shows one rule's documentation; "
        "codes and names both work."
    )
    return "\n".join(lines) + "\n"


def _body_markdown(doc: str) -> list[str]:
    """The docstring body with ``Label::`` blocks turned into fenced YAML."""
    out: list[str] = []
    lines = doc.splitlines()[1:]
    i = 0
    while i < len(lines):
        match = _EXAMPLE.match(lines[i])
        if not match:
            out.append(lines[i].replace("``", "`"))
            i += 1
            continue
        out.append(f"**{match['label']}:**")
        out.append("")
        out.append("```yaml")
        i += 1
        block: list[str] = []
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
            block.append(lines[i][4:] if lines[i].startswith("    ") else lines[i].strip())
            i += 1
        while block and not block[0].strip():
            block.pop(0)
        while block and not block[-1].strip():
            block.pop()
        out.extend(block)
        out.append("```")
        out.append("")
    return out


def _meta(rule: RuleInfo) -> list[str]:
    meta = [
        f"- **Code:** `{rule.code}`, **name:** `{rule.name}`",
        f"- **Default severity:** {rule.severity}",
        f"- **Guide:** {rule.section}",
    ]
    if rule.severity_basis:
        meta.insert(2, f"- **Why {rule.severity}:** {rule.severity_basis}")
    if rule.applies_to:
        meta.append(f"- **Applies to:** {_kinds(rule.applies_to)} (`organisation_kind`)")
    if rule.questions:
        qs = "; ".join(f"Q{q} {QUESTIONS[q]}" for q in rule.questions)
        meta.append(f"- **Board question (§2):** {qs}")
    elif rule.origin in ("loader", "engine"):
        meta.append("- **Board paper:** a data-quality note, shown before the ten questions")
    if rule.options:
        opts = ", ".join(f"`{k}` (default {_option_text(v)})" for k, v in rule.options.items())
        meta.append(f"- **Options** (under `check: options:` in strategy.yaml): {opts}")
    return meta


def _kinds(kinds: Sequence[str]) -> str:
    names = [KIND_NAMES.get(k, k) for k in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def question_table(rules: Sequence[RuleInfo]) -> list[str]:
    """The board paper's mapping: which rules inform each of the ten questions (each rule
    informs exactly one; file and engine problems are data-quality notes instead)."""
    lines = [
        "## Board questions",
        "",
        "The board paper (`board.html`) answers the guide's ten questions for boards (§2). Each "
        "rule informs exactly one question (its `QUESTIONS` attribute): its findings count "
        "towards that question's status and are listed under it, and nowhere else. Problems "
        "reading files (F codes) and notes from the checker itself (Z codes) are not risks to "
        "the strategy: the paper lists them once, before the questions, as data-quality notes.",
        "",
        "| question | rules |",
        "| --- | --- |",
    ]
    for q, text in QUESTIONS.items():
        codes = ", ".join(f"[{r.code}](#{r.code.lower()})" for r in rules if r.questions == (q,))
        lines.append(f"| {q}. {text} | {codes or 'none yet'} |")
    notes = ", ".join(f"[{r.code}](#{r.code.lower()})" for r in rules if not r.questions)
    lines.append(f"| Data-quality notes (no question) | {notes or 'none'} |")
    lines.append("")
    return lines


def as_markdown(rules: Sequence[RuleInfo]) -> str:
    lines = [
        "# digistrat rules",
        "",
        "<!-- Generated by `digistrat rules --format markdown`; do not edit by hand. -->",
        "",
        "Every rule `digistrat check` applies, with the section of *Building a digital "
        "strategy* (NHS Providers and Public Digital, 2021) it comes from. Name a rule by code "
        "or name in `check:` (`select`, `ignore`, `severity`, `per_path_ignores`) and in inline "
        "suppressions (`# digistrat: ignore[CODE] reason`).",
        "",
        "Examples show only what differs from a small complete repository (see "
        "`src/digistrat/rules/examples.py`): keys shown replace the same keys of that file.",
        "",
        "| code | name | severity | summary |",
        "| --- | --- | --- | --- |",
    ]
    for r in rules:
        lines.append(f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity} | {r.summary} |")
    lines.append("")
    lines.extend(question_table(rules))
    for r in rules:
        lines.append(f"## {r.code}")
        lines.append("")
        lines.append(f"**{r.name}**: {r.summary}")
        lines.append("")
        lines.extend(_meta(r))
        lines.append("")
        lines.extend(_body_markdown(r.doc))
        while lines and not lines[-1].strip():
            lines.pop()
        lines.append("")
    return "\n".join(lines) + "\n"


def explain(rule: RuleInfo) -> str:
    lines = [f"{rule.code} {rule.name} ({rule.severity})", "", rule.summary, ""]
    if rule.severity_basis:
        lines.append(f"Why {rule.severity}: {rule.severity_basis}")
    lines.append(f"Guide: {rule.section}")
    if rule.applies_to:
        lines.append(
            f"Applies to: {_kinds(rule.applies_to)} only (`organisation_kind` in strategy.yaml)"
        )
    for q in rule.questions:
        lines.append(f"Board question {q}: {QUESTIONS[q]}")
    if not rule.questions:
        lines.append("Board paper: a data-quality note, shown before the ten questions")
    if rule.options:
        lines.append("Options (under `check: options:` in strategy.yaml):")
        for k, v in rule.options.items():
            lines.append(f"  {k}: {_option_text(v, full=True)}")
    body = rule.doc.splitlines()[1:]
    lines.extend(line.replace("``", "`") for line in body)
    lines.append("")
    if "example::" in rule.doc:
        lines.append(
            "Examples show only the keys that differ from a small, complete repository that "
            "passes every rule."
        )
    lines.append(
        f"Switch it off with `check: ignore: [{rule.code}]` in strategy.yaml, or on one line "
        f"with `# digistrat: ignore[{rule.code}] reason`."
    )
    return "\n".join(lines).rstrip() + "\n"
