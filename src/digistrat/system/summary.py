"""What the system view keeps of each member once the member has been checked.

A member's repository (its models, parsed files and findings) is let go as soon as it has been
checked: the system rules and the system site need only this small summary of it, so memory
stays bounded by the largest member rather than growing with the number of members. Everything
here is plain data that can be pickled (members are checked in parallel processes).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from digistrat.checker import CheckResult
from digistrat.findings import Finding
from digistrat.repository import Repository
from digistrat.system.rules.g003_joint_work_candidate import signature
from digistrat.system.where import Where

ACTIVE = ("approved", "in-progress")
"""Initiative statuses that count as work planned or under way."""


@dataclass(frozen=True, slots=True)
class InitiativeInfo:
    id: str
    name: str
    status: str
    category: str
    start: date | None
    end: date | None
    cost: float | None
    effort: float | None
    services: tuple[str, ...]
    service_kinds: tuple[str, ...]
    technology: tuple[str, ...]
    needs: tuple[str, ...]
    """The needs it addresses, each as the words that matter in its statement (see
    :func:`digistrat.system.rules.g003_joint_work_candidate.signature`): all the system
    rules compare, and smaller to keep for every initiative of every member."""
    shared_priorities: tuple[str, ...]
    system_depends_on: tuple[str, ...]
    sourcing: str | None
    where: Where
    """Its file (the whole file: no line)."""
    sourcing_at: Where | None = None
    """Where its ``sourcing`` is, for an initiative on a shared service."""
    priorities_at: Where | None = None
    """Where its ``shared_priorities`` list is, when it has one."""
    depends_at: Where | None = None
    """Where its ``system_depends_on`` list is, when it has one."""

    @property
    def active(self) -> bool:
        return self.status in ACTIVE

    @property
    def open(self) -> bool:
        """Not finished and not stopped."""
        return self.status not in ("done", "stopped")


@dataclass(frozen=True, slots=True)
class ServiceInfo:
    id: str
    name: str
    kind: str
    status: str
    switch_off: date | None
    systems: tuple[str, ...]
    where: Where
    """Its file; for a member's part of a shared service, its ``status`` line."""
    systems_at: Where | None = None
    """Where its ``systems`` are, for a member's part of a shared service."""


@dataclass(frozen=True, slots=True)
class FrameworkInfo:
    """How one member's work covers one framework (see :mod:`digistrat.frameworks`)."""

    id: str
    name: str
    mapped: bool
    """Whether the member names any of its measures at all."""
    measures: tuple[tuple[str, str, str], ...]
    """(measure id, measure name, state) in the framework's order; state is ``covered``,
    ``unfunded`` (proposed work only) or ``uncovered``."""


@dataclass(slots=True)
class MemberView:
    """One member, as the system view sees it."""

    id: str
    name: str
    label: str
    """What its findings' paths start with."""
    site: str | None
    entry: Where
    """Its entry in system.yaml."""
    named: bool = False
    """Whether system.yaml gave its name (else its strategy's ``organisation`` is used)."""
    available: bool = True
    problem: str = ""
    organisation: str = ""
    kind: str = ""
    title: str = ""
    mission: str = ""
    horizon_end: date | None = None
    capacity: int | None = None
    """How many initiatives it can run at once, if stated."""
    counts: dict[str, int] = field(default_factory=dict)
    """Findings by severity."""
    board: dict[int, str] = field(default_factory=dict)
    """Status of each of the ten board questions (red, amber, green, not-assessed)."""
    initiatives: list[InitiativeInfo] = field(default_factory=list)
    services: dict[str, ServiceInfo] = field(default_factory=dict)
    commitments: dict[str, int] = field(default_factory=dict)
    """Commitments by status."""
    files: int = 0
    entities: int = 0
    frameworks: list[FrameworkInfo] = field(default_factory=list)
    """Coverage of each framework the member answers to."""


def prefixed(label: str, path: str) -> str:
    """A member file's path as the system's findings show it."""
    return f"{label}/{path}" if label not in ("", ".") else path


def summarise(
    view: MemberView,
    repo: Repository,
    result: CheckResult,
    board: dict[int, str],
    shared: frozenset[str] = frozenset(),
) -> MemberView:
    """Fill ``view`` from the member's loaded repository and its check. ``shared``: the ids
    of the system's shared services, whose places in the member's files are looked up (only
    those: looking a place up may read a file again)."""
    strategy = repo.strategy
    label = view.label
    if strategy is not None:
        view.organisation = strategy.organisation
        view.kind = strategy.organisation_kind or ""
        view.title = strategy.title
        view.mission = strategy.mission or ""
        view.horizon_end = strategy.horizon.end if strategy.horizon else None
        view.capacity = strategy.capacity.concurrent_initiatives if strategy.capacity else None
    if not view.named and view.organisation:
        view.name = view.organisation
    view.counts = dict(Counter(f.severity for f in result.findings))
    view.board = board
    view.files = len(repo.files)
    statements = {
        f"{gid}/{need.id}": " ".join(signature(need.statement))
        for gid, group in repo.users.items()
        for need in group.needs
    }
    for sid, s in repo.services.items():
        where = Where(prefixed(label, repo.path_of("services", sid)))
        systems_at = None
        if sid in shared:
            where = _place(repo, label, "services", sid, "status")
            systems_at = _place(repo, label, "services", sid, "systems")
        view.services[sid] = ServiceInfo(
            sid, s.name, s.kind, s.status, s.switch_off, tuple(s.systems), where, systems_at
        )
    for iid, i in repo.initiatives.items():
        path = prefixed(label, repo.path_of("initiatives", iid))
        view.initiatives.append(
            InitiativeInfo(
                iid,
                i.name,
                i.status,
                i.category,
                i.start,
                i.end,
                i.cost,
                i.effort,
                tuple(i.services),
                tuple(view.services[s].kind for s in i.services if s in view.services),
                tuple(t.lower() for t in i.technology),
                tuple(statements[n] for n in i.needs if n in statements),
                tuple(i.shared_priorities),
                tuple(i.system_depends_on),
                i.sourcing.approach if i.sourcing else None,
                Where(path),
                _place(repo, label, "initiatives", iid, "sourcing")
                if i.sourcing and shared.intersection(i.services)
                else None,
                _place(repo, label, "initiatives", iid, "shared_priorities")
                if i.shared_priorities
                else None,
                _place(repo, label, "initiatives", iid, "system_depends_on")
                if i.system_depends_on
                else None,
            )
        )
    view.commitments = dict(Counter(c.status for c in repo.commitments.values()))
    view.frameworks = frameworks_of(repo)
    view.entities = (
        len(repo.services) + len(repo.users) + len(repo.initiatives) + len(repo.commitments)
    )
    return view


def frameworks_of(repo: Repository) -> list[FrameworkInfo]:
    """The member's coverage of each framework it answers to."""
    from digistrat.frameworks import coverages

    return [
        FrameworkInfo(
            c.framework_id,
            c.framework.name,
            c.mapped,
            tuple((m.measure.id, m.measure.name, m.state) for m in c.measures),
        )
        for c in coverages(repo)
    ]


def _place(repo: Repository, label: str, kind: str, ident: str, key: str) -> Where:
    path, line, column = repo.where(kind, ident, key)
    return Where(prefixed(label, path), line, column)


def relabel(findings: list[Finding], label: str) -> list[Finding]:
    """A member's findings with their paths prefixed by the member's label."""
    from dataclasses import replace

    return [replace(f, path=prefixed(label, f.path)) for f in findings]
