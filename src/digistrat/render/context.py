"""What the templates see: the repository, sorted, with cross-reference indexes built once.

Every page of the site links both ways (a need to the initiatives that address it and back), so
the reverse links are indexed here in one pass over the repository, never searched per page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from digistrat.findings import Finding
from digistrat.frameworks import Coverage, available, coverages
from digistrat.history import Changes
from digistrat.loader import Repository
from digistrat.models import Commitment, Initiative, Service, Strategy, UserGroup
from digistrat.models.entities import Need
from digistrat.render.priorities import Priorities


@dataclass(slots=True)
class NeedRef:
    """A need with its group, as listed on initiative pages."""

    group_id: str
    group_name: str
    need: Need

    @property
    def ref(self) -> str:
        return f"{self.group_id}/{self.need.id}"


@dataclass(slots=True)
class Site:
    """The repository arranged for publishing."""

    strategy: Strategy
    today: date
    services: dict[str, Service]
    users: dict[str, UserGroup]
    initiatives: dict[str, Initiative]
    commitments: dict[str, Commitment]
    rank: Callable[[], Priorities]
    """Works out the priorities (scoring takes a while; a process may not need them)."""
    findings: list[Finding] = field(default_factory=list)
    needs: dict[str, NeedRef] = field(default_factory=dict)
    by_need: dict[str, list[str]] = field(default_factory=dict)
    by_service: dict[str, list[str]] = field(default_factory=dict)
    by_objective: dict[str, list[str]] = field(default_factory=dict)
    commitments_of: dict[str, list[str]] = field(default_factory=dict)
    services_of_user: dict[str, list[str]] = field(default_factory=dict)
    dependents: dict[str, list[str]] = field(default_factory=dict)
    objectives: dict[str, Any] = field(default_factory=dict)
    pages: set[str] = field(default_factory=set)
    """Kinds that have their own pages in this render (links to others are not made)."""
    ranked: Priorities | None = None
    stores: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Kind → the entries that have a page in this render (see :meth:`has_page`)."""
    coverage: list[Coverage] = field(default_factory=list)
    """How the strategy covers each framework it answers to (see :mod:`digistrat.frameworks`),
    for the frameworks page and the board paper's question 8."""
    measure_names: dict[str, str] = field(default_factory=dict)
    """``framework:measure`` → ``Framework: Measure``, for every framework the repository
    can name (an initiative page names the measures it serves)."""
    changes: Changes | None = None
    """What changed since an earlier revision (``render --since``), for the "What changed"
    page and the board paper's partial ``board/changes.html``; None when not asked."""
    system: Any = None
    """The system view (:class:`digistrat.system.view.SystemView`) when the repository is a
    system repository: its pages are added under ``system/``; None otherwise."""

    @property
    def priorities(self) -> Priorities:
        """Ranking, matrix and roadmap, worked out when first asked for."""
        if self.ranked is None:
            self.ranked = self.rank()
        return self.ranked

    def has_page(self, kind: str, ident: str) -> bool:
        if not self.stores:
            self.stores = {
                "services": self.services if "site" in self.pages else {},
                "users": self.users if "site" in self.pages else {},
                "initiatives": self.initiatives if "site" in self.pages else {},
                "commitments": self.commitments if "site" in self.pages else {},
            }
        return ident in self.stores.get(kind, ())

    def ranked_initiatives(self) -> list[Initiative]:
        """Initiatives in priority order (unranked ones last, by name)."""
        order = [r.id for r in self.priorities.rows if r.id in self.initiatives]
        seen = set(order)
        rest = sorted((i for i in self.initiatives if i not in seen), key=self._name_key)
        return [self.initiatives[i] for i in order + rest]

    def _name_key(self, ident: str) -> tuple[str, str]:
        return (self.initiatives[ident].name.casefold(), ident)

    def top_priorities(self, n: int = 5) -> list[Initiative]:
        active = ("proposed", "approved", "in-progress")
        return [i for i in self.ranked_initiatives() if i.status in active][:n]


def _sorted(store: dict[str, Any], key: str) -> dict[str, Any]:
    return dict(sorted(store.items(), key=lambda kv: (str(getattr(kv[1], key)).casefold(), kv[0])))


def build(
    repo: Repository,
    rank: Callable[[], Priorities],
    today: date,
    findings: list[Finding] | None = None,
    pages: set[str] | None = None,
) -> Site:
    """Arrange a loaded repository for the templates. Needs a valid ``strategy.yaml``."""
    if repo.strategy is None:
        raise ValueError("the repository has no valid strategy.yaml")
    site = Site(
        strategy=repo.strategy,
        today=today,
        services=_sorted(repo.services, "name"),
        users=_sorted(repo.users, "name"),
        initiatives=_sorted(repo.initiatives, "name"),
        commitments=_sorted(repo.commitments, "statement"),
        rank=rank,
        findings=list(findings or []),
        pages=set(pages or ()),
    )
    site.objectives = {o.id: o for o in repo.strategy.objectives}
    site.coverage = coverages(repo)
    site.measure_names = {
        f"{fid}:{m.id}": f"{fw.name}: {m.name}"
        for fid, fw in available(repo).items()
        for m in fw.measures
    }
    for gid, group in site.users.items():
        for need in group.needs:
            site.needs[f"{gid}/{need.id}"] = NeedRef(gid, group.name, need)
    by_need: dict[str, list[str]] = defaultdict(list)
    by_service: dict[str, list[str]] = defaultdict(list)
    by_objective: dict[str, list[str]] = defaultdict(list)
    dependents: dict[str, list[str]] = defaultdict(list)
    for iid, initiative in site.initiatives.items():
        for ref in dict.fromkeys(initiative.needs):
            by_need[ref].append(iid)
        for sid in dict.fromkeys(initiative.services):
            by_service[sid].append(iid)
        for oid in dict.fromkeys(initiative.objectives):
            by_objective[oid].append(iid)
        for dep in dict.fromkeys(initiative.depends_on):
            dependents[dep].append(iid)
    commitments_of: dict[str, list[str]] = defaultdict(list)
    for cid, commitment in site.commitments.items():
        for iid in dict.fromkeys(commitment.initiatives):
            commitments_of[iid].append(cid)
    services_of_user: dict[str, list[str]] = defaultdict(list)
    for sid, service in site.services.items():
        for gid in dict.fromkeys(service.users):
            services_of_user[gid].append(sid)
    site.by_need = dict(by_need)
    site.by_service = dict(by_service)
    site.by_objective = dict(by_objective)
    site.dependents = dict(dependents)
    site.commitments_of = dict(commitments_of)
    site.services_of_user = dict(services_of_user)
    return site
