"""Honest status for the board paper: findings grouped by rule, facts that contradict a green,
and the checks that were switched off or suppressed.

Each rule informs exactly one of the ten questions (its ``QUESTIONS``; the table is generated
into ``docs/rules.md``). A question's status follows what is known about it:

* **red** — a finding at error severity, or the data itself says something is wrong (a
  commitment off track);
* **amber** — a warning, a fact that needs discussion (a commitment at risk, work planned to
  finish after its commitment is due), evidence missing altogether, or some of its checks
  switched off or suppressed: a board cannot be assured by a check that did not run;
* **green** — the checks ran and found nothing of concern (notes at info severity are listed,
  but are advice, not concerns);
* **not checked** — every check behind the question is switched off, and the data shows
  nothing of concern either.

Problems reading files (loader codes) and notes from the checker itself belong to no question:
they are data-quality notes, listed once at the top of the paper.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from markupsafe import Markup, escape

from digistrat.findings import Finding
from digistrat.voice import count, counted, listing

Status = Literal["red", "amber", "green", "not-assessed"]

STATUS_WORDS: dict[str, tuple[str, str]] = {
    "red": ("Red", "not assured: problems to resolve"),
    "amber": ("Amber", "partly assured: concerns to discuss"),
    "green": ("Green", "assured: no concerns found"),
    "not-assessed": ("Grey", "not checked: its checks are switched off"),
}
"""Each status's colour word and what it means, shown together (no legend needed)."""

STATUS_TEXT: dict[str, str] = {k: f"{w}, {m}" for k, (w, m) in STATUS_WORDS.items()}

_RANK = {"error": 2, "warning": 1, "info": 0}


@dataclass(slots=True)
class Group:
    """The findings of one rule under its question, told once with a count."""

    code: str
    name: str
    severity: str
    summary: str
    """The rule's one-line summary (plain words, as in ``digistrat rules``)."""
    findings: list[Finding] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    """What the findings are about, quoted and without repeats (``“Roll out Teams”``), when
    the paper can name it; filled in by the board paper."""

    @property
    def count(self) -> int:
        return len(self.findings)

    @property
    def places(self) -> list[Markup]:
        """Where the findings are, each place once (``commitments/x.yaml:3``), with a break
        opportunity after each ``/`` so that a narrow table cell wraps at a folder."""
        seen = dict.fromkeys(f"{f.path}:{f.line}" if f.line else f.path for f in self.findings)
        return [Markup("/<wbr>").join(escape(part) for part in p.split("/")) for p in seen]

    @property
    def about(self) -> str:
        """What the findings are about, in a line: ``“A”, “B”, “C” and 2 others`` (at most
        three named, the rest counted); ``""`` when nothing can be named."""
        shown = self.subjects[:3]
        rest = len(self.subjects) - len(shown)
        return listing(shown + ([count(rest, "other")] if rest else []))

    @property
    def text(self) -> str:
        """The summary told of this many: ``3 user needs have no evidence behind them.``, or,
        when the summary cannot be rewritten safely, ``… (found 3 times).``"""
        summary = self.summary.rstrip(".")
        if self.count == 1:
            return f"{summary}."
        return counted(self.summary, self.count) or (
            f"{summary} (found {count(self.count, 'time')})."
        )


@dataclass(slots=True)
class Concern:
    """Something in the data itself that a board should question (not a rule's finding)."""

    severity: Literal["error", "warning"]
    text: str


@dataclass(slots=True)
class Withheld:
    """What the checks did not say: rules switched off, findings suppressed."""

    switched_off: list[str] = field(default_factory=list)
    """Codes of the rules switched off in ``check:`` (``ignore``, or left out of ``select``)."""
    hidden: list[Finding] = field(default_factory=list)
    """Findings suppressed inline (``# digistrat: ignore[...]``) or by ``per_path_ignores``."""

    def __bool__(self) -> bool:
        return bool(self.switched_off or self.hidden)


@dataclass(slots=True)
class Verdict:
    """One question's status and what it rests on."""

    status: Status
    groups: list[Group]
    """Findings by rule, worst first (errors, then warnings, then notes)."""
    switched_off: list[str]
    hidden: list[Group]


def group(findings: Iterable[Finding], summaries: Mapping[str, str]) -> list[Group]:
    """Findings grouped by rule, worst severity first, then by how many, then by code."""
    by_code: dict[str, Group] = {}
    for f in findings:
        g = by_code.get(f.code)
        if g is None:
            summary = summaries.get(f.code) or f.message
            g = by_code[f.code] = Group(f.code, f.name, f.severity, summary)
        elif _RANK[f.severity] > _RANK[g.severity]:
            g.severity = f.severity
        g.findings.append(f)
    for g in by_code.values():
        g.findings.sort(key=lambda f: f.sort_key)
    return sorted(by_code.values(), key=lambda g: (-_RANK[g.severity], -g.count, g.code))


def question_of(code: str, questions_of: Mapping[str, Iterable[int]]) -> int | None:
    """The one question a rule informs (the first listed), or None for data-quality notes."""
    for q in questions_of.get(code, ()):
        return q
    return None


def verdicts(
    findings: Iterable[Finding],
    questions_of: Mapping[str, Iterable[int]],
    summaries: Mapping[str, str],
    withheld: Withheld,
    concerns: Mapping[int, list[Concern]],
    empty: Mapping[int, bool],
    numbers: Iterable[int] = range(1, 11),
) -> dict[int, Verdict]:
    """Each question's status: see the module documentation for the rules."""
    wanted = list(numbers)
    covering: dict[int, set[str]] = {q: set() for q in wanted}
    for code in questions_of:
        q = question_of(code, questions_of)
        if q in covering:
            covering[q].add(code)
    found: dict[int, list[Finding]] = {q: [] for q in wanted}
    for f in findings:
        q = question_of(f.code, questions_of)
        if q in found:
            found[q].append(f)
    hidden: dict[int, list[Finding]] = {q: [] for q in wanted}
    for f in withheld.hidden:
        q = question_of(f.code, questions_of)
        if q in hidden:
            hidden[q].append(f)
    off = set(withheld.switched_off)
    out: dict[int, Verdict] = {}
    for q in wanted:
        groups = group(found[q], summaries)
        switched = sorted(covering[q] & off)
        severities = {g.severity for g in groups} | {c.severity for c in concerns.get(q, [])}
        checked = bool(covering[q]) and not covering[q] <= off
        status: Status
        if "error" in severities:
            status = "red"
        elif not checked and not severities:
            status = "not-assessed"
        elif "warning" in severities or switched or hidden[q] or empty.get(q, False):
            status = "amber"
        else:
            status = "green"
        out[q] = Verdict(status, groups, switched, group(hidden[q], summaries))
    return out


def data_quality(
    findings: Iterable[Finding], questions_of: Mapping[str, Iterable[int]]
) -> list[Finding]:
    """Findings that belong to no question: files that could not be read, checker notes."""
    return [f for f in findings if question_of(f.code, questions_of) is None]
