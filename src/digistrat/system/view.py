"""The system view as the system site and the integrated care board paper show it.

Worked out from a :class:`~digistrat.system.check.SystemResult` (the members' summaries and
every finding); plain data, no HTML. The pages are made by the ordinary site machinery
(:mod:`digistrat.render`), with the templates under ``templates/system/``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from digistrat.findings import Finding
from digistrat.scoring.quarters import quarter_bounds, quarter_label, quarter_of
from digistrat.system.check import SystemResult
from digistrat.system.summary import ACTIVE, InitiativeInfo, MemberView
from digistrat.voice import count, listing, longdate

QUARTERS = 8
"""Quarters the combined roadmap shows, from the current one."""


@dataclass(slots=True)
class Worker:
    """A member's initiative working on a shared priority."""

    member: str
    name: str
    status: str
    end: date | None


@dataclass(slots=True)
class Priority:
    id: str
    title: str
    workers: list[Worker] = field(default_factory=list)
    system_work: list[str] = field(default_factory=list)

    @property
    def members(self) -> list[str]:
        return sorted({w.member for w in self.workers})


@dataclass(slots=True)
class Waiting:
    """A system initiative and the member work waiting for it."""

    id: str
    name: str
    status: str
    end: date | None
    late: bool
    """Past its end date and not done, or stopped."""
    waiting: list[tuple[str, str, date | None]] = field(default_factory=list)
    """(member, initiative, its start) for each member initiative waiting for it."""


@dataclass(slots=True)
class Load:
    """One member's planned work by quarter, against its capacity."""

    member: MemberView
    running: list[int]
    """Initiatives under way or approved in each quarter of :attr:`SystemView.quarters`."""
    capacity: int | None
    cost: float
    """What its approved and in-progress work costs, in pounds (where costed)."""

    def over(self, index: int) -> bool:
        return self.capacity is not None and self.running[index] > self.capacity


@dataclass(slots=True)
class Decision:
    """Something the integrated care board is asked to decide."""

    text: str
    why: str


@dataclass(slots=True)
class FrameworkRow:
    """One framework across the members that answer to it."""

    id: str
    name: str
    measures: list[tuple[str, str]]
    """(id, name) of each measure, in the framework's order."""
    members: list[tuple[MemberView, dict[str, str] | None]] = field(default_factory=list)
    """Each member answering to it, with each measure's state (None: not mapped at all)."""

    def nobody(self, states: tuple[str, ...] = ("uncovered",)) -> list[str]:
        """Names of the measures whose state is in ``states`` for every mapped member."""
        mapped = [cells for _, cells in self.members if cells is not None]
        if not mapped:
            return []
        return [name for mid, name in self.measures if all(c[mid] in states for c in mapped)]

    @property
    def unmapped(self) -> list[str]:
        return [m.name for m, cells in self.members if cells is None]


@dataclass(slots=True)
class SystemView:
    organisation: str
    title: str
    today: date
    members: list[MemberView]
    priorities: list[Priority]
    waiting: list[Waiting]
    quarters: list[str]
    loads: list[Load]
    candidates: list[Finding]
    """G003 findings: work several members plan (candidates for joint work)."""
    conflicts: list[Finding]
    """G002 findings: conflicting plans for a shared service."""
    unavailable: list[MemberView]
    decisions: list[Decision]
    counts: dict[str, int]
    """Every finding in the system by severity."""
    member_findings: dict[str, dict[str, int]]
    """Per member id, its findings by severity (as told by ``check`` on the system)."""
    roadmap: list[tuple[MemberView, list[InitiativeInfo]]]
    """Per member, its approved and in-progress initiatives by start date."""
    frameworks: list[FrameworkRow] = field(default_factory=list)
    """Coverage of each framework some member answers to."""

    def on_question(self, number: int, status: str) -> list[str]:
        """The names of the members whose status on board question ``number`` is ``status``."""
        return [m.name for m in self.members if m.available and m.board.get(number) == status]


def _running(i: InitiativeInfo, start: date, end: date) -> bool:
    if i.start is None and i.end is None:
        return i.status == "in-progress"
    begins = i.start or date.min
    ends = i.end or date.max
    return begins <= end and ends >= start


def build(checked: SystemResult, today: date) -> SystemView:
    """The system view of ``checked``, as of ``today``."""
    system = checked.system
    strategy = system.strategy
    members = checked.members
    available = [m for m in members if m.available]
    findings = checked.result.findings
    priorities = [Priority(o.id, o.title) for o in (strategy.objectives if strategy else [])]
    by_id = {p.id: p for p in priorities}
    for initiative in system.initiatives.values():
        for oid in initiative.objectives:
            if oid in by_id and initiative.status != "stopped":
                by_id[oid].system_work.append(initiative.name)
    for m in available:
        for i in m.initiatives:
            if i.status == "stopped":
                continue
            for pid in i.shared_priorities:
                if pid in by_id:
                    by_id[pid].workers.append(Worker(m.name, i.name, i.status, i.end))
    waiting: list[Waiting] = []
    for wid, work in system.initiatives.items():
        late = work.status == "stopped" or (
            work.status != "done" and work.end is not None and work.end < today
        )
        entry = Waiting(wid, work.name, work.status, work.end, late)
        for m in available:
            for i in m.initiatives:
                if i.open and wid in i.system_depends_on:
                    entry.waiting.append((m.name, i.name, i.start))
        waiting.append(entry)
    first = quarter_of(today)
    numbers = list(range(first, first + QUARTERS))
    bounds = [quarter_bounds(n) for n in numbers]
    loads = []
    roadmap = []
    for m in available:
        active = [i for i in m.initiatives if i.status in ACTIVE]
        running = [sum(1 for i in active if _running(i, s, e)) for s, e in bounds]
        cost = sum(i.cost or 0 for i in active)
        loads.append(Load(m, running, m.capacity, cost))
        roadmap.append((m, sorted(active, key=lambda i: (i.start or date.max, i.name))))
    per_member: dict[str, Counter[str]] = {m.id: Counter() for m in members}
    labels = sorted(((m.label, m.id) for m in members), key=lambda pair: -len(pair[0]))
    member_of = {m.id: m for m in members}
    for f in findings:
        for label, mid in labels:
            if label not in ("", ".") and f.path.startswith(label + "/"):
                per_member[mid][f.severity] += 1
                if f.code in SYSTEM_CODES:  # the system rules inform the member's question 8
                    _worsen(member_of[mid], f.severity)
                break
    view = SystemView(
        organisation=strategy.organisation if strategy else "",
        title=strategy.title if strategy else "",
        today=today,
        members=members,
        priorities=priorities,
        waiting=waiting,
        quarters=[quarter_label(n) for n in numbers],
        loads=loads,
        candidates=[f for f in findings if f.code == "G003"],
        conflicts=[f for f in findings if f.code == "G002"],
        unavailable=[m for m in members if not m.available],
        decisions=[],
        counts=dict(Counter(f.severity for f in findings)),
        member_findings={k: dict(v) for k, v in per_member.items()},
        roadmap=roadmap,
    )
    view.frameworks = framework_rows(available)
    view.decisions = decisions(view)
    return view


def framework_rows(members: list[MemberView]) -> list[FrameworkRow]:
    """Each framework some member answers to, with every such member's coverage of it."""
    rows: dict[str, FrameworkRow] = {}
    for m in members:
        for f in m.frameworks:
            row = rows.get(f.id)
            if row is None:
                measures = [(mid, name) for mid, name, _ in f.measures]
                row = rows[f.id] = FrameworkRow(f.id, f.name, measures)
            cells = {mid: state for mid, _, state in f.measures} if f.mapped else None
            row.members.append((m, cells))
    return list(rows.values())


SYSTEM_CODES = frozenset(("G002", "G004", "G005"))
"""System rules whose findings about a member's work count against its board question 8
(G003, joint work, is advice; G001 is about the system's own priorities)."""

_WORSE = {"error": "red", "warning": "amber"}
_ORDER = ("not-assessed", "green", "amber", "red")


def _worsen(member: MemberView, severity: str) -> None:
    status = _WORSE.get(severity)
    if status is not None and member.board:
        now = member.board.get(8, "not-assessed")
        if _ORDER.index(status) > _ORDER.index(now):
            member.board[8] = status


KIND_WORDS = {
    "nhs-trust": "NHS trust",
    "integrated-care-board": "integrated care board",
    "council": "council",
    "central-government": "central government",
}
"""How each organisation kind is named beside a member."""


def decisions(view: SystemView) -> list[Decision]:
    """What the integrated care board is asked to decide, from what the view shows."""
    out: list[Decision] = []
    for p in view.priorities:
        if not p.workers:
            out.append(
                Decision(
                    f"Agree which members lead the shared priority “{p.title}”, or take it out "
                    "of the system strategy.",
                    "No member has any work for it.",
                )
            )
    for w in view.waiting:
        if w.late and w.waiting:
            state = "stopped" if w.status == "stopped" else f"late (due {longdate(w.end)})"
            out.append(
                Decision(
                    f"Agree a new plan for “{w.name}”, which is {state}.",
                    f"{count(len(w.waiting), 'member initiative')} "
                    f"{'waits' if len(w.waiting) == 1 else 'wait'} for it: "
                    f"{listing([f'{m}: {n}' for m, n, _ in w.waiting[:4]])}.",
                )
            )
    if view.conflicts:
        out.append(
            Decision(
                "Agree one plan for each shared service where members' plans conflict.",
                f"{count(len(view.conflicts), 'conflict')} between members' plans (listed below).",
            )
        )
    if view.candidates:
        out.append(
            Decision(
                "Ask members' leads whether to do the overlapping work once, together.",
                f"{count(len(view.candidates), 'group')} of members plan the same kind of work.",
            )
        )
    for row in view.frameworks:
        gaps = row.nobody()
        if gaps:
            out.append(
                Decision(
                    f"Agree who leads the {row.name} measures no member works on.",
                    f"{listing(gaps)}: no initiative of any member that has mapped its work "
                    "serves them.",
                )
            )
    over = [ld.member.name for ld in view.loads if any(ld.over(q) for q in range(QUARTERS))]
    if over:
        out.append(
            Decision(
                "Ask the members planning more than they can run at once to re-sequence.",
                f"Over capacity in at least one quarter: {listing(over)}.",
            )
        )
    return out
