"""The JSON export: the whole strategy as one versioned document other tools can read.

Its shape is the pydantic model :class:`Export` below; its JSON Schema is generated from that
model (:func:`export_schema`), never written by hand. What it holds:

* ``format`` (always ``digistrat-export``) and ``version`` (``1``), then ``generator`` (the
  digistrat that wrote it);
* ``strategy``: strategy.yaml as data, every field as the format defines it;
* ``services``, ``users``, ``initiatives``, ``commitments``: every entry that loaded, sorted by
  id, each with its ``id`` always filled in and the ``file`` it came from;
* ``links``: every cross-reference that resolves, as ``from`` → ``to`` with the field that
  makes it (an initiative's ``objectives``, a commitment's ``initiatives``…), so a reader need
  not resolve ids itself;
* ``ranking``: the initiatives ranked by the strategy's own scoring model, as ``digistrat
  score`` ranks them (criteria with weights, each initiative's rank, total and points);
* ``left_out``: the entry files that could not be used (so are not in the export), and why.

Findings of ``digistrat check`` are not part of it: ``digistrat check --format json`` gives
them, and they depend on the day the check runs while this export does not.

The compatibility promise (docs/exchange.md): within a version, fields are only added, never
removed, renamed or given another meaning; anything else raises ``version``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from digistrat import __version__
from digistrat.models import Commitment, Initiative, Service, Strategy, UserGroup
from digistrat.models.common import Id

if TYPE_CHECKING:
    from digistrat.repository import Repository
    from digistrat.scoring import Ranking

FORMAT: Literal["digistrat-export"] = "digistrat-export"
VERSION: Literal[1] = 1
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _Out(BaseModel):
    """Base of the export's own parts: documented fields, nothing extra."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class ExportedService(Service):
    """A service (services/<id>.yaml), with its id and file."""

    id: Id
    """The service's id (its file name without ``.yaml`` unless the file gives one)."""
    file: str
    """The file it was read from, relative to the repository."""


class ExportedUserGroup(UserGroup):
    """A user group (users/<id>.yaml), with its id and file."""

    id: Id
    """The group's id (its file name without ``.yaml`` unless the file gives one)."""
    file: str
    """The file it was read from, relative to the repository."""


class ExportedInitiative(Initiative):
    """An initiative (initiatives/<id>.yaml), with its id and file."""

    id: Id
    """The initiative's id (its file name without ``.yaml`` unless the file gives one)."""
    file: str
    """The file it was read from, relative to the repository."""


class ExportedCommitment(Commitment):
    """A commitment (commitments/<id>.yaml), with its id and file."""

    id: Id
    """The commitment's id (its file name without ``.yaml`` unless the file gives one)."""
    file: str
    """The file it was read from, relative to the repository."""


LinkKind = Literal["objective", "service", "user-group", "need", "initiative", "bottleneck"]


class End(_Out):
    """One end of a link."""

    kind: LinkKind | Literal["commitment"]
    """What it is: an objective (of strategy.yaml), a service, a user group, a need of a user
    group, an initiative, a commitment or a bottleneck (of strategy.yaml's ``capacity``)."""
    id: str
    """Its id; a need is ``<user-group>/<need>``."""


class Link(_Out):
    """A cross-reference that resolves: ``from`` names ``to`` in its field ``field``."""

    from_: End = Field(alias="from", serialization_alias="from")
    """The entry that refers."""
    field: str
    """The field holding the reference, like ``objectives`` or ``depends_on``."""
    to: End
    """The entry referred to."""


class Criterion(_Out):
    """One input the ranking model uses."""

    id: str
    label: str
    weight: float | None = None
    """Its share of the total in percentage points (weights add up to 100); none for models
    without weights."""
    min: float | None = None
    max: float | None = None
    direction: str
    """``higher-is-better`` or ``lower-is-better``."""


class Points(_Out):
    """One criterion's part in an initiative's result."""

    score: float | None = None
    """The score as entered (none if missing)."""
    points: float | None = None
    """Percentage points it adds to the weighted total (none if missing, or for models that
    are not a weighted sum)."""


class Ranked(_Out):
    """One initiative's place in the ranking."""

    id: str
    rank: int | None = None
    """1 for the top; none when a score is missing."""
    total: float | None = None
    """The model's result: a percentage for ``weighted`` and ``value-effort``, the RICE or
    WSJF score otherwise; none when an input is missing."""
    tied: bool
    """Whether another initiative has exactly the same total."""
    missing: list[str]
    """Ids of the criteria it has no score for."""
    criteria: dict[str, Points]
    """Criterion id → its score and points."""
    quadrant: str | None = None
    """value-effort only: quick-win, big-bet, fill-in or money-pit."""


class RankingOut(_Out):
    """The initiatives ranked by the strategy's scoring model, best first."""

    model: Literal["weighted", "value-effort", "rice", "wsjf"]
    unit: str
    """``%`` when totals are percentages, empty for RICE and WSJF scores."""
    usable: bool
    """False when the scoring configuration cannot be used (then ``initiatives`` is empty;
    ``digistrat score`` says why)."""
    criteria: list[Criterion]
    initiatives: list[Ranked]


class LeftOutFile(_Out):
    """An entry file that could not be used, so is not in the export."""

    file: str
    line: int | None = None
    reason: str


class Export(_Out):
    """digistrat's JSON export of a whole strategy repository."""

    format: Literal["digistrat-export"] = FORMAT
    """Always ``digistrat-export``."""
    version: Literal[1] = VERSION
    """The export format's version; it goes up only when a field is removed, renamed or
    changes meaning (see docs/exchange.md)."""
    generator: str
    """The digistrat that wrote it, like ``digistrat 0.9.0``."""
    strategy: Strategy
    """strategy.yaml."""
    services: list[ExportedService] = []
    users: list[ExportedUserGroup] = []
    initiatives: list[ExportedInitiative] = []
    commitments: list[ExportedCommitment] = []
    links: list[Link] = []
    ranking: RankingOut
    left_out: list[LeftOutFile] = []


def export(repo: Repository) -> Export:
    """The export of a repository whose strategy loaded (``repo.strategy`` is not None)."""
    from digistrat.leftout import left_out
    from digistrat.scoring import score

    if repo.strategy is None:
        raise ValueError("the strategy did not load")

    def entries(kind: str, model: type[BaseModel]) -> list[Any]:
        store = repo.entities(kind)
        return [
            model.model_validate(
                {**store[i].model_dump(exclude_unset=True), "id": i, "file": repo.path_of(kind, i)}
            )
            for i in sorted(store)
        ]

    return Export(
        generator=f"digistrat {__version__}",
        strategy=repo.strategy,
        services=entries("services", ExportedService),
        users=entries("users", ExportedUserGroup),
        initiatives=entries("initiatives", ExportedInitiative),
        commitments=entries("commitments", ExportedCommitment),
        links=_links(repo),
        ranking=_ranking(score(repo)),
        left_out=[LeftOutFile(file=x.path, line=x.line, reason=x.reason) for x in left_out(repo)],
    )


def export_json(repo: Repository) -> str:
    """The export as JSON text: two-space indented, UTF-8 characters as they are, ending in a
    newline. Fields without a value are left out."""
    data = export(repo).model_dump(mode="json", by_alias=True, exclude_none=True)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def export_schema() -> dict[str, Any]:
    """The JSON Schema of the export, generated from :class:`Export`."""
    schema = Export.model_json_schema(mode="serialization", by_alias=True)
    return {
        "$schema": SCHEMA_DIALECT,
        **schema,
        "title": f"digistrat export, version {VERSION}",
    }


def _links(repo: Repository) -> list[Link]:
    s = repo.strategy
    assert s is not None
    objectives = {o.id for o in s.objectives}
    bottlenecks = {b.id for b in (s.capacity.bottlenecks if s.capacity else []) if b.id}
    needs = {f"{g}/{n.id}" for g, group in repo.users.items() for n in group.needs}
    links: list[Link] = []

    def add(kind: str, ident: str, field: str, to_kind: str, refs: list[str], known: Any) -> None:
        for ref in refs:
            if ref in known:
                links.append(
                    Link.model_validate(
                        {
                            "from": {"kind": kind, "id": ident},
                            "field": field,
                            "to": {"kind": to_kind, "id": ref},
                        }
                    )
                )

    for ident in sorted(repo.services):
        add("service", ident, "users", "user-group", repo.services[ident].users, repo.users)
    for ident in sorted(repo.initiatives):
        i = repo.initiatives[ident]
        add("initiative", ident, "objectives", "objective", i.objectives, objectives)
        add("initiative", ident, "needs", "need", i.needs, needs)
        add("initiative", ident, "services", "service", i.services, repo.services)
        add("initiative", ident, "depends_on", "initiative", i.depends_on, repo.initiatives)
        add("initiative", ident, "bottlenecks", "bottleneck", i.bottlenecks, bottlenecks)
    for ident in sorted(repo.commitments):
        c = repo.commitments[ident]
        add("commitment", ident, "initiatives", "initiative", c.initiatives, repo.initiatives)
    return links


def _ranking(ranking: Ranking) -> RankingOut:
    return RankingOut(
        model=ranking.model,
        unit=ranking.unit,
        usable=not ranking.errors,
        criteria=[
            Criterion(
                id=c.id,
                label=c.label,
                weight=c.weight,
                min=c.min,
                max=c.max,
                direction=c.direction,
            )
            for c in ranking.criteria
        ],
        initiatives=[
            Ranked(
                id=r.id,
                rank=r.rank,
                total=r.total,
                tied=r.tied,
                missing=list(r.missing),
                criteria={
                    k: Points(score=v.score, points=v.points) for k, v in r.contributions.items()
                },
                quadrant=r.quadrant,
            )
            for r in ranking.rows
        ],
    )
