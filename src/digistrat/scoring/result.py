"""What scoring returns: plain, frozen values that outputs and the website read.

These types are the public face of :mod:`digistrat.scoring`; keep their fields stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from digistrat.findings import Finding


@dataclass(frozen=True, slots=True)
class Column:
    """One input the model ranks on: a weighted criterion, or a RICE/WSJF input."""

    id: str
    """The key initiatives use under ``scores`` (``effort`` is the initiative's own field)."""
    label: str
    """How it is shown, e.g. ``Patient benefit``."""
    weight: float | None = None
    """Its share of the total in percentage points (weights normalised to 100); None if the
    model has no weights."""
    min: float | None = None
    """Lowest score on its scale, if it has one."""
    max: float | None = None
    """Highest score on its scale, if it has one."""
    direction: str = "higher-is-better"
    """``higher-is-better`` or ``lower-is-better``."""


@dataclass(frozen=True, slots=True)
class Contribution:
    """One criterion's part in an initiative's result."""

    id: str
    label: str
    score: float | None
    """The score as entered (None if missing)."""
    points: float | None
    """Percentage points this criterion adds to the weighted total (None if missing, or if the
    model is not a weighted sum)."""
    out_of_scale: bool = False
    """True when the score lies outside the criterion's scale (it is still used as entered)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One initiative's result under a model."""

    id: str
    name: str
    rank: int | None
    """1 for the top; None when the result is missing (missing scores)."""
    total: float | None
    """The model's result: a percentage (0 to 100) for ``weighted`` and ``value-effort``, the
    RICE or WSJF score otherwise; None when an input is missing."""
    contributions: dict[str, Contribution]
    """Criterion (or input) id → its contribution, in the order of ``Ranking.criteria``."""
    category: str
    type: str
    status: str
    effort: float | None
    value: float | None = None
    """The weighted total used as "value" by the value/effort model."""
    quadrant: str | None = None
    """value-effort only: quick-win, big-bet, fill-in or money-pit."""
    tied: bool = False
    """True when another initiative has exactly the same total (the order between them then
    follows name and id)."""
    missing: tuple[str, ...] = ()
    """Ids of the inputs this initiative has no score for."""


@dataclass(frozen=True, slots=True)
class Ranking:
    """Initiatives ranked by one model, best first; rows with a missing total come last."""

    model: str
    """weighted, value-effort, rice or wsjf."""
    criteria: list[Column]
    rows: list[Row]
    unit: str
    """``%`` when totals are percentages, ``""`` for RICE and WSJF scores."""
    problems: list[Finding] = field(default_factory=list)
    """Scores outside their scale, missing scores, unusable inputs: each with file and line."""
    errors: list[Finding] = field(default_factory=list)
    """Configuration that makes the model unusable (no criteria, a scale with min ≥ max, a bad
    option): the ranking is then empty."""
    options: dict[str, float] = field(default_factory=dict)
    """The options in force (e.g. value-effort thresholds), after defaults."""

    def row(self, ident: str) -> Row | None:
        """The row of one initiative, or None."""
        return next((r for r in self.rows if r.id == ident), None)


@dataclass(frozen=True, slots=True)
class Quarter:
    """One quarter of the plan; index 0 is the quarter containing today."""

    index: int
    label: str
    """e.g. ``Jan–Mar 2027``."""
    start: date
    end: date
    running: tuple[str, ...]
    """Ids of the initiatives running in this quarter, in plan order."""
    starting: tuple[str, ...]
    """Ids of the initiatives that start in this quarter."""
    effort: float
    """Effort used in this quarter (effort of each running initiative ÷ its quarters)."""


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One initiative's place in the plan, and why it landed there."""

    id: str
    name: str
    status: str
    rank: int | None
    bucket: str
    """now, next, later, blocked (cannot be planned) or skipped (done, stopped, or
    a proposal not scored yet)."""
    reason: str
    first: int | None = None
    """Index of the quarter it starts (0 = this quarter); None if not planned."""
    last: int | None = None
    """Index of the last quarter it runs."""
    start: date | None = None
    """First day of its first quarter."""
    end: date | None = None
    """Last day of its last quarter."""
    waits_for: tuple[str, ...] = ()
    """Ids of the initiatives it waits for (not yet done)."""


@dataclass(slots=True)
class Plan:
    """The plan: quarters and items, grouped into now / next / later."""

    today: date
    capacity: int | None
    """How many initiatives can run at once (None: not stated, no limit applied)."""
    effort_per_quarter: float | None
    quarters: list[Quarter] = field(default_factory=list)
    items: list[PlanItem] = field(default_factory=list)
    """Every initiative, in plan order: by first quarter, then priority."""
    problems: list[Finding] = field(default_factory=list)
    """Dependency loops (errors) and capacity warnings."""
    model: str = "weighted"

    def bucket(self, name: str) -> list[PlanItem]:
        return [i for i in self.items if i.bucket == name]

    @property
    def periods(self) -> list[Quarter]:
        """The quarters (same as ``quarters``)."""
        return self.quarters

    @property
    def now(self) -> list[PlanItem]:
        """Running this quarter: in progress, or starting now."""
        return self.bucket("now")

    @property
    def next(self) -> list[PlanItem]:
        """Starting in the next two quarters."""
        return self.bucket("next")

    @property
    def later(self) -> list[PlanItem]:
        """Starting after that."""
        return self.bucket("later")

    @property
    def blocked(self) -> list[PlanItem]:
        """Cannot be planned: a dependency loop, or waiting for something stopped or unknown."""
        return self.bucket("blocked")

    @property
    def skipped(self) -> list[PlanItem]:
        """Done or stopped."""
        return self.bucket("skipped")
