"""Frameworks a strategy reports against, and how well the strategy covers each one.

A framework (:class:`~digistrat.models.framework.Framework`) is data: a YAML file with its
measures. Two are shipped in this package (``wgll.yaml``: NHS England's What Good Looks Like;
``ldd.yaml``: the Local Digital Declaration); a repository adds its own in ``frameworks/``, and
a file there with a shipped framework's id replaces it.

Objectives, initiatives and commitments name the measures they serve (``serves:
[wgll:safe-practice]``). :func:`coverage` is pure: repository and framework in, the measures
with the work that serves each out. The site, the board paper, the rule Y002 and the system
view all read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from digistrat.models.common import trim_text
from digistrat.models.framework import Framework, FrameworkMeasure
from digistrat.repository import Repository
from digistrat.yamlio import load_bytes

__all__ = [
    "DEFAULTS",
    "FUNDED",
    "Coverage",
    "MeasureCoverage",
    "as_data",
    "available",
    "builtin",
    "chosen",
    "coverage",
    "coverages",
]

SHIPPED = ("wgll", "ldd")
"""The frameworks shipped with digistrat, by id (each a ``<id>.yaml`` in this package)."""

DEFAULTS: dict[str, tuple[str, ...]] = {
    "nhs-trust": ("wgll",),
    "integrated-care-board": ("wgll",),
    "council": ("ldd",),
    "central-government": (),
    "other": (),
}
"""Organisation kind → the frameworks shown when ``strategy.yaml`` does not choose."""

FUNDED = frozenset({"approved", "in-progress", "done"})
"""Initiative statuses that count as funded: the work has been approved (or is under way, or
done). A ``proposed`` initiative is not funded yet; a ``stopped`` one serves nothing."""

State = Literal["uncovered", "unfunded", "covered"]


@cache
def builtin() -> dict[str, Framework]:
    """The frameworks shipped with digistrat, by id."""
    out: dict[str, Framework] = {}
    for ident in SHIPPED:
        raw = resources.files(__name__).joinpath(f"{ident}.yaml").read_bytes()
        loaded = load_bytes(raw)
        if loaded.problems:  # a packaging mistake, caught by the tests
            raise ValueError(f"the shipped framework {ident}.yaml cannot be read")
        out[ident] = Framework.model_validate(trim_text(loaded.data))
    return out


def available(repo: Repository) -> dict[str, Framework]:
    """Every framework the repository can name: the shipped ones, then its own (which replace
    a shipped one of the same id)."""
    return {**builtin(), **repo.frameworks}


def chosen(repo: Repository) -> list[str]:
    """The ids of the frameworks whose coverage is shown: ``frameworks:`` in strategy.yaml
    (those that exist), else the default for the organisation kind."""
    strategy = repo.strategy
    if strategy is None:
        return []
    known = available(repo)
    if strategy.frameworks is not None:
        return [f for f in dict.fromkeys(strategy.frameworks) if f in known]
    kind = strategy.organisation_kind or "nhs-trust"
    return [f for f in DEFAULTS.get(kind, ()) if f in known]


@dataclass(frozen=True, slots=True)
class MeasureCoverage:
    """One measure of a framework and the work that serves it.

    An initiative serves a measure when it names the measure in ``serves``, when it serves an
    objective that names it, or when it delivers a commitment that names it. Stopped
    initiatives are left out."""

    ref: str
    """``<framework>:<measure>``."""
    measure: FrameworkMeasure
    initiatives: tuple[str, ...]
    """Ids of the initiatives that serve it, in id order."""
    funded: tuple[str, ...]
    """Those of :attr:`initiatives` that are approved, in progress or done."""
    objectives: tuple[str, ...]
    """Ids of the objectives in strategy.yaml that name it."""
    commitments: tuple[str, ...]
    """Ids of the commitments that name it."""

    @property
    def state(self) -> State:
        """``uncovered`` (no initiative), ``unfunded`` (only proposed initiatives) or
        ``covered`` (at least one funded initiative)."""
        if not self.initiatives:
            return "uncovered"
        return "covered" if self.funded else "unfunded"


@dataclass(frozen=True, slots=True)
class Coverage:
    """How the strategy covers one framework: every measure in the framework's order."""

    framework_id: str
    framework: Framework
    measures: tuple[MeasureCoverage, ...]

    @property
    def mapped(self) -> bool:
        """Whether any objective, initiative or commitment names one of its measures: until
        then, the strategy has not been mapped onto the framework at all."""
        return any(m.initiatives or m.objectives or m.commitments for m in self.measures)

    def _in(self, state: State) -> list[MeasureCoverage]:
        return [m for m in self.measures if m.state == state]

    @property
    def uncovered(self) -> list[MeasureCoverage]:
        """Measures no initiative serves."""
        return self._in("uncovered")

    @property
    def unfunded(self) -> list[MeasureCoverage]:
        """Measures served only by initiatives that are not funded yet (proposed)."""
        return self._in("unfunded")

    @property
    def covered(self) -> list[MeasureCoverage]:
        """Measures served by at least one funded initiative."""
        return self._in("covered")


def coverage(repo: Repository, framework: str | Framework) -> Coverage:
    """How ``repo`` covers ``framework`` (an id among :func:`available`, or a framework
    itself). Pure: reads the repository's valid entries, changes nothing. Raises ``KeyError``
    for an id that is not available."""
    if isinstance(framework, str):
        fw, ident = available(repo)[framework], framework
    else:
        fw, ident = framework, framework.id or ""
    objectives: dict[str, list[str]] = {}
    for objective in repo.strategy.objectives if repo.strategy else ():
        for ref in dict.fromkeys(objective.serves):
            objectives.setdefault(ref, []).append(objective.id)
    commitments: dict[str, list[str]] = {}
    for cid, commitment in repo.commitments.items():
        for ref in dict.fromkeys(commitment.serves):
            commitments.setdefault(ref, []).append(cid)
    serving: dict[str, set[str]] = {}
    for iid, initiative in repo.initiatives.items():
        if initiative.status == "stopped":
            continue
        for ref in initiative.serves:
            serving.setdefault(ref, set()).add(iid)
    by_objective: dict[str, set[str]] = {}
    for iid, initiative in repo.initiatives.items():
        if initiative.status != "stopped":
            for oid in initiative.objectives:
                by_objective.setdefault(oid, set()).add(iid)
    measures = []
    for measure in fw.measures:
        ref = f"{ident}:{measure.id}"
        found = set(serving.get(ref, ()))
        for oid in objectives.get(ref, ()):
            found |= by_objective.get(oid, set())
        for cid in commitments.get(ref, ()):
            found |= {
                i
                for i in repo.commitments[cid].initiatives
                if i in repo.initiatives and repo.initiatives[i].status != "stopped"
            }
        ids = tuple(sorted(found))
        measures.append(
            MeasureCoverage(
                ref,
                measure,
                ids,
                tuple(i for i in ids if repo.initiatives[i].status in FUNDED),
                tuple(sorted(objectives.get(ref, ()))),
                tuple(sorted(commitments.get(ref, ()))),
            )
        )
    return Coverage(ident, fw, tuple(measures))


def coverages(repo: Repository) -> list[Coverage]:
    """The coverage of each chosen framework (see :func:`chosen`)."""
    return [coverage(repo, f) for f in chosen(repo)]


def as_data(c: Coverage) -> dict[str, object]:
    """One framework's coverage as plain data (for JSON): the framework, then each measure
    with its state and the ids of what serves it."""
    fw = c.framework
    return {
        "id": c.framework_id,
        "name": fw.name,
        "owner": fw.owner,
        "source": fw.source,
        "version": fw.version,
        "mapped": c.mapped,
        "measures": [
            {
                "ref": m.ref,
                "name": m.measure.name,
                "state": m.state,
                "initiatives": list(m.initiatives),
                "funded": list(m.funded),
                "objectives": list(m.objectives),
                "commitments": list(m.commitments),
            }
            for m in c.measures
        ],
    }
