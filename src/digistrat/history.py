"""What changed between two states of the strategy: data in, dataclasses out (§12 Follow up).

The guide asks boards to follow the strategy up regularly; what they need first is what moved
since they last looked. :func:`compare` takes two :class:`Snapshot` values (the strategy as it
was at an earlier revision and as it is now) and lists, in plain English:

* commitments added, dropped, re-dated or changing status, and new progress updates;
* risks added or closed (a risk is known by its wording: a reworded risk shows as one closed
  and one added);
* initiatives added, removed, started, stopped, otherwise changing status, or moving in rank;
* each board question's status then and now.

Reading git and working out ranks and statuses is :mod:`digistrat.since`'s job.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from digistrat.models import Commitment, Initiative, Strategy
from digistrat.models.strategy import Risk
from digistrat.voice import longdate


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}" if n else f"no {many}"


def _words(value: str) -> str:
    return value.replace("-", " ")


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The strategy at one moment, with what was worked out from it."""

    strategy: Strategy | None
    commitments: Mapping[str, Commitment]
    initiatives: Mapping[str, Initiative]
    ranks: Mapping[str, int] = field(default_factory=dict)
    """Initiative id → rank (1 is the top priority); unranked initiatives are left out."""
    questions: Mapping[int, str] = field(default_factory=dict)
    """Board question number → status (red, amber, green, not-assessed)."""
    broken: frozenset[tuple[str, str]] = frozenset()
    """(kind, id) of entries whose file exists but has errors: not taken as added or dropped."""


@dataclass(frozen=True, slots=True)
class Change:
    """One thing that changed, told in a sentence."""

    kind: str
    """``commitment``, ``initiative`` or ``risk``."""
    ident: str
    """The commitment's or initiative's id; ``""`` for a risk."""
    title: str
    """The commitment's statement, the initiative's name or the risk."""
    what: str
    """``added``, ``dropped``, ``re-dated``, ``status``, ``started``, ``stopped``, ``rank`` or
    ``closed``."""
    summary: str
    """What changed, for people: ``Due date moved later, from 31 December 2026 to …``."""


@dataclass(frozen=True, slots=True)
class Update:
    """A progress update on a commitment made since the earlier revision."""

    ident: str
    title: str
    day: date
    note: str
    value: str
    """The measured value with its unit, ``""`` if none was given."""


@dataclass(frozen=True, slots=True)
class QuestionStatus:
    """A board question's status then and now."""

    number: int
    question: str
    before: str
    """red, amber, green, not-assessed, or ``unknown`` when it could not be worked out."""
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True, slots=True)
class Changes:
    """Everything that changed since an earlier revision."""

    since: str
    """The earlier revision as shown, e.g. ``tag board-2026-09``."""
    since_day: date
    commit: str
    commitments: list[Change] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    risks: list[Change] = field(default_factory=list)
    initiatives: list[Change] = field(default_factory=list)
    questions: list[QuestionStatus] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing changed that is listed (board questions aside)."""
        return not (self.commitments or self.updates or self.risks or self.initiatives)

    @property
    def summary(self) -> str:
        """The changes counted in a sentence, for the top of a page."""
        if self.empty:
            return "Nothing listed here has changed."
        parts = [
            _count(len(self.commitment_groups), "commitment changed", "commitments changed"),
            _count(len(self.updates), "new progress update", "new progress updates"),
            _count(len(self.initiative_groups), "initiative changed", "initiatives changed"),
            _count(len(self.risks), "risk added or closed", "risks added or closed"),
        ]
        return "In short: " + ", ".join(parts[:-1]) + " and " + parts[-1] + "."

    @property
    def questions_changed(self) -> list[QuestionStatus]:
        return [q for q in self.questions if q.changed]

    @property
    def commitment_groups(self) -> list[Group]:
        """The commitments' changes, one entry per commitment."""
        return grouped(self.commitments)

    @property
    def initiative_groups(self) -> list[Group]:
        """The initiatives' changes, one entry per initiative."""
        return grouped(self.initiatives)


@dataclass(frozen=True, slots=True)
class Group:
    """The changes to one entry, in order."""

    ident: str
    title: str
    summaries: tuple[str, ...]


def grouped(changes: list[Change]) -> list[Group]:
    """Changes to the same entry together, in the order each entry first appears."""
    found: dict[str, list[Change]] = {}
    for change in changes:
        found.setdefault(change.ident, []).append(change)
    return [Group(ident, c[0].title, tuple(x.summary for x in c)) for ident, c in found.items()]


def compare(
    before: Snapshot,
    after: Snapshot,
    since: str,
    since_day: date,
    commit: str = "",
    titles: Mapping[int, str] | None = None,
) -> Changes:
    """What changed from ``before`` to ``after``; ``titles`` names the board questions."""
    return Changes(
        since=since,
        since_day=since_day,
        commit=commit,
        commitments=_commitments(before, after),
        updates=_updates(before, after.commitments),
        risks=_risks(before.strategy.risks, after.strategy.risks)
        if before.strategy and after.strategy
        else [],  # strategy.yaml unreadable then or now: its risks cannot be compared
        initiatives=_initiatives(before, after),
        questions=_questions(before.questions, after.questions, titles or {}),
    )


def _due(day: date | None) -> str:
    return longdate(day) if day else "no date"


def _unreadable(kind: str, ident: str, title: str, when: str) -> Change:
    summary = (
        f"Its file {when} has errors, so what changed cannot be shown; "
        "run `digistrat check` to see them."
    )
    return Change(kind, ident, title, "unreadable", summary)


def _commitments(before: Snapshot, after: Snapshot) -> list[Change]:
    old, new = before.commitments, after.commitments
    out: list[Change] = []
    for cid, c in new.items():
        was = old.get(cid)
        if was is None and ("commitments", cid) in before.broken:
            out.append(_unreadable("commitment", cid, c.statement, "then"))
            continue
        if was is None:
            due = f"due {longdate(c.due)}" if c.due else "with no due date yet"
            summary = f"New commitment, {due}, {_words(c.status)}."
            out.append(Change("commitment", cid, c.statement, "added", summary))
            continue
        if was.due != c.due:
            if was.due and c.due:
                way = "later" if c.due > was.due else "earlier"
                summary = f"Due date moved {way}, from {_due(was.due)} to {_due(c.due)}."
            else:
                summary = f"Due date changed from {_due(was.due)} to {_due(c.due)}."
            out.append(Change("commitment", cid, c.statement, "re-dated", summary))
        if was.status != c.status:
            summary = f"Status changed from {_words(was.status)} to {_words(c.status)}."
            out.append(Change("commitment", cid, c.statement, "status", summary))
    for cid, was in old.items():
        if cid not in new and ("commitments", cid) in after.broken:
            out.append(_unreadable("commitment", cid, was.statement, "now"))
        elif cid not in new:
            summary = "Dropped: no longer in the strategy."
            out.append(Change("commitment", cid, was.statement, "dropped", summary))
    return out


def _updates(before: Snapshot, new: Mapping[str, Commitment]) -> list[Update]:
    out: list[Update] = []
    for cid, c in new.items():
        if ("commitments", cid) in before.broken:
            continue  # which updates are new cannot be told
        was = before.commitments.get(cid)
        known = {(p.date, p.note) for p in was.progress} if was else set()
        unit = c.measure.unit if c.measure else None
        for p in c.progress:
            if (p.date, p.note) in known:
                continue
            value = "" if p.value is None else _with_unit(p.value, unit)
            out.append(Update(cid, c.statement, p.date, p.note, value))
    out.sort(key=lambda u: (u.day, u.ident), reverse=True)
    return out


def _with_unit(value: float, unit: str | None) -> str:
    if not unit:
        return _number(value)
    if unit in ("£", "$", "€"):
        return f"{unit}{value:,.2f}" if not float(value).is_integer() else f"{unit}{value:,.0f}"
    return f"{_number(value)}{unit}" if unit == "%" else f"{_number(value)} {unit}"


def _risk_key(risk: Risk) -> str:
    return " ".join(risk.risk.split()).casefold()


def _risks(old: list[Risk], new: list[Risk]) -> list[Change]:
    was = {_risk_key(r) for r in old}
    now = {_risk_key(r) for r in new}
    out: list[Change] = []
    for r in new:
        if _risk_key(r) not in was:
            who = f", owner {r.owner.name}" if r.owner else ", no owner yet"
            summary = f"New risk ({_words(r.kind)}{who})."
            out.append(Change("risk", "", r.risk, "added", summary))
    for r in old:
        if _risk_key(r) not in now:
            summary = "Closed: no longer on the strategy's list of risks."
            out.append(Change("risk", "", r.risk, "closed", summary))
    return out


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _initiatives(before: Snapshot, after: Snapshot) -> list[Change]:
    old, new = before.initiatives, after.initiatives
    out: list[Change] = []
    for iid, i in new.items():
        was = old.get(iid)
        rank = after.ranks.get(iid)
        if was is None and ("initiatives", iid) in before.broken:
            out.append(_unreadable("initiative", iid, i.name, "then"))
            continue
        if was is None:
            ranked = f", ranked {_ordinal(rank)}" if rank is not None else ""
            summary = f"New initiative, {_words(i.status)}{ranked}."
            out.append(Change("initiative", iid, i.name, "added", summary))
            continue
        if was.status != i.status:
            if i.status == "in-progress":
                what, summary = "started", f"Started: now in progress (was {_words(was.status)})."
            elif i.status == "stopped":
                what, summary = "stopped", f"Stopped (was {_words(was.status)})."
            else:
                what = "status"
                summary = f"Status changed from {_words(was.status)} to {_words(i.status)}."
            out.append(Change("initiative", iid, i.name, what, summary))
        then = before.ranks.get(iid)
        if then is not None and rank is not None and then != rank:
            way = "up" if rank < then else "down"
            summary = f"Moved {way} the priorities, from {_ordinal(then)} to {_ordinal(rank)}."
            out.append(Change("initiative", iid, i.name, "rank", summary))
    for iid, was in old.items():
        if iid not in new and ("initiatives", iid) in after.broken:
            out.append(_unreadable("initiative", iid, was.name, "now"))
        elif iid not in new:
            summary = "Removed: no longer in the strategy."
            out.append(Change("initiative", iid, was.name, "dropped", summary))
    return out


def _questions(
    old: Mapping[int, str], new: Mapping[int, str], titles: Mapping[int, str]
) -> list[QuestionStatus]:
    numbers = sorted(set(old) | set(new) | set(titles))
    return [
        QuestionStatus(
            n, titles.get(n, f"Question {n}"), old.get(n, "unknown"), new.get(n, "unknown")
        )
        for n in numbers
    ]


_STATUS = {
    "red": "red",
    "amber": "amber",
    "green": "green",
    "not-assessed": "not assessed",
    "unknown": "unknown",
}


def as_text(changes: Changes) -> str:
    """The changes for the terminal: one heading per part, one line per change."""
    lines = [
        f"What changed since {longdate(changes.since_day)} ({changes.since})",
        changes.summary,
        "",
    ]

    def part(title: str, items: list[str], none: str) -> None:
        lines.append(title)
        lines.extend([f"  - {item}" for item in items] or [f"  {none}"])
        lines.append("")

    part(
        "Commitments",
        [f"{g.title} ({g.ident}): {' '.join(g.summaries)}" for g in changes.commitment_groups],
        "No commitment was added, dropped, re-dated or changed status.",
    )
    part(
        "Progress updates",
        [
            f"{longdate(u.day)}, {u.ident}: {u.note}"
            + (f" (measured {u.value})" if u.value else "")
            for u in changes.updates
        ],
        "No new progress updates.",
    )
    part(
        "Initiatives",
        [f"{g.title} ({g.ident}): {' '.join(g.summaries)}" for g in changes.initiative_groups],
        "No initiative started, stopped, changed status or moved in the priorities.",
    )
    part(
        "Risks",
        [f"{r.title} {r.summary}" for r in changes.risks],
        "No risk was added or closed.",
    )
    part(
        "The board's questions (then → now)",
        [
            f"{q.number}. {q.question} {_STATUS.get(q.before, q.before)} → "
            f"{_STATUS.get(q.after, q.after)}" + (" (changed)" if q.changed else "")
            for q in changes.questions
        ],
        "No statuses could be worked out.",
    )
    return "\n".join(" ".join(line.split("\n")) for line in lines).rstrip() + "\n"


def as_json(changes: Changes) -> str:
    """The changes as JSON (dates as ``2026-09-30``)."""
    import json
    from dataclasses import asdict

    data = asdict(changes)
    data["since_day"] = changes.since_day.isoformat()
    for update in data["updates"]:
        update["day"] = update["day"].isoformat()
    for q in data["questions"]:
        q["changed"] = q["before"] != q["after"]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
