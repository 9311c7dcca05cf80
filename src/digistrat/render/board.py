"""The board paper: the guide's ten questions for boards (§2), answered from the repository.

:func:`paper` gives everything ``templates/board/board.html`` shows: a summary of at most two
pages (purpose, the ten questions with their status, the points the board most needs to know,
the decisions asked of it) and an appendix (the evidence for each question, then technical
detail for the strategy owner). Statuses come from :mod:`.assurance`; the evidence for each
question is gathered by :mod:`.board_evidence`, one small function per question.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup

from digistrat.findings import UNKNOWN_REFERENCE, Finding
from digistrat.render import assurance
from digistrat.render.assurance import STATUS_TEXT, STATUS_WORDS, Concern, Group, Status, Withheld
from digistrat.render.board_evidence import (
    BUILDERS,
    MAX_QUOTE,
    Item,
    late_work,
    planned_ends,
    quote,
)
from digistrat.render.context import Site
from digistrat.render.text import plain
from digistrat.voice import count, listing, longdate

__all__ = [
    "QUESTIONS",
    "Answer",
    "Extras",
    "Item",
    "Paper",
    "answers",
    "extras",
    "late_work",
    "paper",
    "planned_ends",
    "quote",
]

QUESTIONS: dict[int, tuple[str, str, str]] = {
    1: (
        "How integrated are our digital and business strategies?",
        "Fit with the organisation's strategy",
        "§2 Q1, §4",
    ),
    2: (
        "Do we have a short mission that people across the organisation understand?",
        "Mission",
        "§2 Q2",
    ),
    3: (
        "Do we understand our users and their most important needs?",
        "Users and needs",
        "§2 Q3, §7",
    ),
    4: (
        "Do we know which digital services we run and how well they perform?",
        "Services",
        "§2 Q4, §6",
    ),
    5: ("What have we decided not to prioritise?", "Choices and capacity", "§2 Q5, §10"),
    6: (
        "Have we committed to realistic, tangible actions with clear owners?",
        "Commitments",
        "§2 Q6, §11",
    ),
    7: ("How will we know whether the strategy is working?", "Measures", "§2 Q7, §12"),
    8: (
        "How does our strategy fit the integrated care system's strategy?",
        "System fit",
        "§2 Q8, §5",
    ),
    9: (
        "How will the way we work change to make digital succeed?",
        "Ways of working",
        "§2 Q9, §12",
    ),
    10: ("What could go wrong, and what are we doing about it?", "Risks", "§2 Q10"),
}
"""Number → (the question as the board asks it, a short label, the guide sections)."""


@dataclass(slots=True)
class Answer:
    """One board question answered."""

    number: int
    question: str
    label: str
    section: str
    status: Status = "green"
    status_text: str = ""
    reason: str = ""
    """One line for the summary table: why the status is what it is."""
    summary: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    concerns: list[Concern] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    """Findings grouped by rule: errors and warnings (concerns)."""
    notes: list[Group] = field(default_factory=list)
    """Findings at info severity: advice, which does not change the status."""
    switched_off: list[tuple[str, str]] = field(default_factory=list)
    """(code, summary) of the checks behind this question that are switched off."""
    hidden: list[Group] = field(default_factory=list)
    """Findings under this question suppressed in the files or in ``check:``."""
    empty: bool = False
    """Nothing is recorded that could answer the question."""

    @property
    def status_word(self) -> str:
        """``Red``, ``Amber``, ``Green`` or ``Grey``."""
        return STATUS_WORDS[self.status][0]

    @property
    def status_meaning(self) -> str:
        """What the status means, e.g. ``partly assured: concerns to discuss``."""
        return STATUS_WORDS[self.status][1]

    @property
    def findings(self) -> list[Finding]:
        return [f for g in self.groups + self.notes for f in g.findings]


@dataclass(slots=True)
class Extras:
    """What other parts of digistrat may add to the paper; each may be absent.

    ``changes``: what changed since the last board, either ready markup (shown in the summary)
    or an object with ``lines``, a few plain sentences for the summary, and optionally
    ``since`` (a date) and ``details`` (more sentences, for the appendix). ``charts``: per
    commitment id, a small chart (inline SVG markup) of its measure over time, shown with the
    commitment under question 7."""

    changes: Any = None
    charts: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class ChangeSummary:
    """What changed since the last board, for the paper: a few sentences for the summary;
    the whole list (``details``) goes in the appendix, through ``board/changes.html``."""

    lines: list[str]
    since: date
    details: bool = True


def extras(site: Site) -> Extras:
    """The optional parts of the paper for ``site``: what changed since the last board (when
    ``render --since`` asked for it) and each measured commitment's chart over time."""
    from digistrat.render import measure_chart

    horizon = site.strategy.horizon
    start = horizon.start if horizon else None
    charts: dict[str, Any] = {}
    for cid, commitment in site.commitments.items():
        trend = measure_chart.for_commitment(cid, commitment, start)
        if trend is not None:  # the chart, and the same in words for every reader
            charts[cid] = trend.svg + Markup('<p class="muted">{}</p>').format(trend.text)
    changes = site.changes
    if changes is None:
        return Extras(charts=charts)
    return Extras(changes=ChangeSummary(change_lines(changes), changes.since_day), charts=charts)


MAX_CHANGE_LINES = 5
"""Sentences on what changed in the summary; the appendix lists every change."""


def change_lines(changes: Any) -> list[str]:
    """What changed since the last board, in a few sentences that name things: the questions
    whose status moved, then commitments, progress updates, risks and initiatives."""
    lines = [
        f"Question {q.number} ({QUESTIONS[q.number][1].lower()}) is now "
        f"{_status_word(q.after)}; it was {_status_word(q.before)}."
        for q in changes.questions_changed
    ]
    for c in changes.commitments[:2]:
        lines.append(f"{quote(c.title, MAX_QUOTE)}: {_lower_first(c.summary)}")
    if len(changes.commitments) > 2:
        lines.append(f"{count(len(changes.commitments) - 2, 'other commitment')} changed.")
    updates = changes.updates
    if len(updates) == 1:
        u = updates[0]
        measured = f", measured {u.value}" if u.value else ""
        lines.append(
            f"New progress update on {quote(u.title, MAX_QUOTE)} ({longdate(u.day)}{measured})."
        )
    elif updates:
        lines.append(f"{count(len(updates), 'new progress update')} on commitments.")
    for what in ("added", "closed"):
        risks = [r for r in changes.risks if r.what == what]
        if risks:
            n = len(risks)
            names = listing([quote(r.title, MAX_QUOTE) for r in risks[:2]])
            more = f" and {count(n - 2, 'other')}" if n > 2 else ""
            lines.append(f"{count(n, 'risk')} {what}: {names}{more}.")
    if changes.initiatives:
        n = len(changes.initiatives)
        lines.append(f"{count(n, 'change')} to initiatives (started, stopped or re-ranked).")
    if not lines:
        lines.append("Nothing that this paper reports on has changed.")
    return lines[:MAX_CHANGE_LINES]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _status_word(status: str) -> str:
    words = assurance.STATUS_WORDS.get(status)
    return words[0].lower() if words else "not known"


@dataclass(slots=True)
class Paper:
    """Everything the board paper shows."""

    answers: list[Answer]
    points: list[str]
    """The three to five things the board most needs to know."""
    decisions: list[str]
    """What the board is asked to decide."""
    unreadable: list[Finding]
    """File problems that leave entries out of the paper (data-quality notes)."""
    broken_links: list[Finding]
    """References to entries that do not exist: the entry stays, the link is lost."""
    notes: list[Finding]
    """Other findings that belong to no question (the checker's own notes)."""
    owner: list[Group]
    """Every finding by rule, for the strategy owner's appendix."""
    withheld: Withheld
    switched_off: list[tuple[str, str]]
    hidden: list[Group]
    changes: Any = None
    charts: dict[str, Any] = field(default_factory=dict)


def paper(
    site: Site,
    questions_of: Mapping[str, Iterable[int]],
    summaries: Mapping[str, str],
    withheld: Withheld | None = None,
    more: Extras | None = None,
) -> Paper:
    """The board paper for ``site``, whose ``findings`` are ``check``'s."""
    from digistrat.render import board_summary

    withheld = withheld or Withheld()
    more = more or Extras()
    found = [a for a in answers(site, questions_of, summaries, withheld)]
    quality = assurance.data_quality(site.findings, questions_of)
    broken = [f for f in quality if f.code == UNKNOWN_REFERENCE[0]]
    unreadable = [f for f in quality if f.code.startswith("F") and f.code != UNKNOWN_REFERENCE[0]]
    notes = [f for f in quality if not f.code.startswith("F")]
    result = Paper(
        answers=found,
        points=[],
        decisions=[],
        unreadable=unreadable,
        broken_links=broken,
        notes=notes,
        owner=assurance.group(site.findings, summaries),
        withheld=withheld,
        switched_off=[(c, summaries.get(c, "")) for c in sorted(withheld.switched_off)],
        hidden=assurance.group(withheld.hidden, summaries),
        changes=Markup(more.changes) if isinstance(more.changes, str) else more.changes,
        charts={k: Markup(v) for k, v in more.charts.items()},  # digistrat's own SVG
    )
    result.points = board_summary.points(site, result)
    result.decisions = board_summary.decisions(site, result)
    return result


def answers(
    site: Site,
    questions_of: Mapping[str, Iterable[int]],
    summaries: Mapping[str, str] | None = None,
    withheld: Withheld | None = None,
) -> list[Answer]:
    """The ten questions, each with evidence from the repository and its status."""
    summaries = summaries or {}
    withheld = withheld or Withheld()
    out = []
    ends = planned_ends(site)
    for number, (question, label, section) in QUESTIONS.items():
        answer = Answer(number, question, label, section)
        BUILDERS[number](site, answer)
        out.append(answer)
    verdicts = assurance.verdicts(
        site.findings,
        questions_of,
        summaries,
        withheld,
        {a.number: a.concerns for a in out},
        {a.number: a.empty for a in out},
    )
    for a in out:
        v = verdicts[a.number]
        a.status, a.status_text = v.status, STATUS_TEXT[v.status]
        a.groups = [g for g in v.groups if g.severity != "info"]
        a.notes = [g for g in v.groups if g.severity == "info"]
        a.switched_off = [(c, summaries.get(c, "")) for c in v.switched_off]
        a.hidden = v.hidden
        for g in a.groups + a.notes + a.hidden:
            g.subjects = subjects(site, g.findings, g.text)
        if a.number == 6:  # work due after its commitment: told once, with the dates
            told = {f"commitments/{cid}" for cid in site.commitments if late_work(site, cid, ends)}
            a.groups = [g for g in a.groups if not _told(g, told)]
        a.summary = _sentence(a.summary)
        a.reason = _reason(a)
    return out


TOLD_BY_DATA = frozenset({"R004"})
"""Rules whose findings question 6 already tells as concerns from the data, naming the
commitment and both dates: listing the rule's summary as well would say it twice."""


def _told(g: Group, told: set[str]) -> bool:
    return g.code in TOLD_BY_DATA and all(f.path.rsplit(".", 1)[0] in told for f in g.findings)


_KIND_WORDS = {
    "commitments": "commitment",
    "initiatives": "initiative",
    "services": "service",
    "users": "user group",
}


_WHOLE = ("no ", "every ", "there ", "the ")
"""How a summary about the strategy as a whole begins: it names no entry."""


def subjects(site: Site, findings: Iterable[Finding], text: str = "") -> list[str]:
    """What ``findings`` are about, as a board member knows it: a commitment's statement (cut),
    an initiative's, service's or user group's name; one entry once, in the findings' order.

    With ``text`` (the rule's summary told of these findings), only entries of the kind the
    text speaks of are named, and none when it speaks of all of them ("No user group has …"):
    a user need's finding sits in its group's file, but the group is not what it is about."""
    out: dict[str, None] = {}
    lowered = text.lower()
    for f in findings:
        kind, _, rest = f.path.partition("/")
        word = _KIND_WORDS.get(kind, "")
        if text and (word not in lowered or lowered.startswith(_WHOLE)):
            continue
        ident = rest.rsplit(".", 1)[0]
        name = ""
        if kind == "commitments" and ident in site.commitments:
            name = quote(site.commitments[ident].statement, 60)
        elif kind == "initiatives" and ident in site.initiatives:
            name = quote(site.initiatives[ident].name, 60)
        elif kind == "services" and ident in site.services:
            name = quote(site.services[ident].name, 60)
        elif kind == "users" and ident in site.users:
            name = quote(site.users[ident].name, 60)
        if name:
            out[name] = None
    return list(out)


def _reason(a: Answer) -> str:
    """Why the status is what it is, in a line or two for the summary table: the worst
    concern, and how many more there are."""
    if a.status == "not-assessed":
        return "Every check for this question is switched off."
    parts = [c.text for c in a.concerns if c.severity == "error"]
    parts += [plain(g.text) for g in a.groups if g.severity == "error"]
    parts += [c.text for c in a.concerns if c.severity == "warning"]
    parts += [plain(g.text) for g in a.groups if g.severity == "warning"]
    if a.switched_off:
        first = plain(a.switched_off[0][1]) or a.switched_off[0][0]
        parts.append(_withheld(len(a.switched_off), "check", "switched off", first))
    if a.hidden:
        n = sum(g.count for g in a.hidden)
        parts.append(_withheld(n, "finding", "suppressed", plain(a.hidden[0].summary)))
    if not parts:
        return _sentence(a.summary)
    line = parts[0]
    if len(parts) > 1:
        line = f"{line.rstrip('.')}; {count(len(parts) - 1, 'more concern')} in the appendix."
    return line


def _withheld(n: int, what: str, how: str, first: str) -> str:
    """``A check is switched off: …`` or ``3 checks are switched off, among them: …``."""
    if n == 1:
        return f"A {what} is {how}: {first}"
    return f"{count(n, what)} are {how}, among them: {first}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
