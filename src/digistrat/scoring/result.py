"""What scoring returns: plain, frozen values that outputs and the website read.

These types are the public face of :mod:`digistrat.scoring`; keep their fields stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
